import type { IsoDateString } from '../calendar/iso-date';

/** How an indicator's figure is expressed. Pence are whole numbers; percents and scores may carry decimals. */
export const INDICATOR_UNITS = ['percent', 'count', 'score', 'pence'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

/** One measure of a data set a body agrees for a round. */
export interface Indicator {
  /** Short machine name, unique in the data set (`gld`, `ks2_reading_expected`); CSV columns use it. */
  code: string;
  name: string;
  /** What is counted, as the group agreed it. */
  definition: string;
  unit: IndicatorUnit;
  higherIsBetter: boolean;
  /** Decimal places allowed (0 for counts and pence). */
  decimals: number;
  min: number;
  max: number;
  /** The area of school improvement it speaks to (`phonics`, `reading`, `early_years`), used to broker support. */
  area: string;
}

export interface DataSetDefinition {
  name: string;
  indicators: Indicator[];
}

/** A school's figures for one round: one value per indicator code, null where the school has none (no cohort). */
export type SubmissionValues = Record<string, number | null>;

export const BENCHMARK_SOURCES = ['la', 'national'] as const;
export type BenchmarkSource = (typeof BENCHMARK_SOURCES)[number];

export interface Benchmark {
  indicatorCode: string;
  source: BenchmarkSource;
  value: number;
}

export interface SchoolSubmission {
  schoolId: string;
  schoolName: string;
  values: SubmissionValues;
}

export const DATA_ROUND_STATUSES = ['draft', 'open', 'closed', 'reported'] as const;
export type DataRoundStatus = (typeof DATA_ROUND_STATUSES)[number];

export const NEED_SOURCES = ['data_round', 'review', 'request'] as const;
export type NeedSource = (typeof NEED_SOURCES)[number];
export const NEED_STATUSES = ['open', 'matched', 'agreed', 'delivered', 'closed'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];
export const SUPPORTER_KINDS = ['school', 'teaching_school', 'offer', 'board'] as const;
export type SupporterKind = (typeof SUPPORTER_KINDS)[number];

export const CONCERN_KINDS = ['inspection', 'data', 'leadership_change', 'finance'] as const;
export type ConcernKind = (typeof CONCERN_KINDS)[number];
export const CONCERN_STATUSES = ['none', 'monitoring', 'concern', 'serious_concern'] as const;
export type ConcernStatus = (typeof CONCERN_STATUSES)[number];

export type { IsoDateString };
