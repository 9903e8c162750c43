import { describe, expect, it } from 'vitest';
import { findInputProblem, MAX_JSON_DEPTH } from './input-guard';

describe('findInputProblem', () => {
  it('names a string field holding a NUL character, at any depth', () => {
    expect(findInputProblem({ name: 'ok', address: { lines: ['a', 'b\u0000c'] } })).toEqual({ field: 'address.lines[1]', message: expect.stringMatching(/NUL/) });
    expect(findInputProblem({ q: 'x\u0000' })?.field).toBe('q');
  });

  it('refuses a NUL in a key', () => {
    expect(findInputProblem({ 'a\u0000b': 1 })?.message).toMatch(/NUL/);
  });

  it('refuses nesting deeper than the limit, by its top-level field, without recursing', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findInputProblem({ email: deep })).toEqual({ field: 'email', message: expect.stringMatching(/nested too deeply/) });
    let fine: unknown = 'x';
    for (let i = 0; i < MAX_JSON_DEPTH - 1; i++) fine = { a: fine };
    expect(findInputProblem(fine)).toBeNull();
  });

  it('refuses amounts of pence sent as strings only when asked (JSON bodies)', () => {
    expect(findInputProblem({ amountPence: '100' }, { penceAsNumbers: true })).toEqual({ field: 'amountPence', message: expect.stringMatching(/number of pence/) });
    expect(findInputProblem({ lines: [{ unitPence: '5' }] }, { penceAsNumbers: true })?.field).toBe('lines[0].unitPence');
    expect(findInputProblem({ amountPence: 100, ratePence: null }, { penceAsNumbers: true })).toBeNull();
    expect(findInputProblem({ amountPence: '100' })).toBeNull();
  });
});
