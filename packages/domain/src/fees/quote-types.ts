import type { Phase } from '../schools/phase';
import type { IsoDate } from './fee-schedule';

/**
 * The facts about a school that a fee depends on, and nothing else, so the
 * engine never needs the database's school record.
 */
export interface SchoolForFees {
  phase: Phase;
  /** Pupils on roll, normally from the October census. */
  pupils: number;
  /** The partnership's own membership category, e.g. 'full-member' or 'associate'. */
  category?: string;
  /** e.g. 'academy', 'maintained', 'college'; matched against `when.schoolType`. */
  schoolType?: string;
  /** Code of the service level the school chose, if any. */
  tier?: string;
  /** Codes of the discounts the school qualifies for, e.g. 'federation-second-school'. */
  discounts?: string[];
  /**
   * Month (1–12) the school's own financial year starts: 4 for maintained
   * schools, 9 for academies. Used only by 'split-by-school-financial-year';
   * when missing, April is assumed, as most schools are maintained.
   */
  financialYearStartMonth?: number;
}

/** The part of the schedule's period being charged, e.g. from the day a school joins. Inclusive. */
export interface QuoteOptions {
  from?: IsoDate;
  to?: IsoDate;
}

/**
 * One line of the working, in plain English. `amountPence` is the money the
 * line is about: a charge, an adjustment (negative when it reduces the fee),
 * the annual fee, the pro rata amount or the total. Lines that only explain
 * (a free period) carry 0.
 */
export interface FeeLine {
  text: string;
  amountPence: number;
}

export interface FeeInstalment {
  label: string;
  dueDate: IsoDate;
  amountPence: number;
}

export interface FeeQuote {
  /** What the school pays for the part of the period quoted. */
  totalPence: number;
  lines: FeeLine[];
  /** The lines as one readable text, with a heading, for emails and invoices. */
  explanation: string;
  /** Invoices that add up exactly to the total; empty when there is nothing to pay. */
  instalments: FeeInstalment[];
  /** Recorded for the school to see; never part of the total. */
  liabilityGuaranteePence?: number;
}
