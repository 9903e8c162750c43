import type { ValueTransformer } from 'typeorm';

/**
 * PostgreSQL `bigint` arrives from `pg` as a string (it may exceed 2^53). The bigint columns
 * here are byte counts and pence totals far below that, so entities read them as numbers.
 */
export const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? value : Number(value)),
};
