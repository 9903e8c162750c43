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
  /** Whether the school has a sixth form; unknown matches neither `sixthForm: true` nor `false`. */
  sixthForm?: boolean;
  /** The day the school opened, 'YYYY-MM-DD'; unknown never counts as new. */
  openedOn?: IsoDate;
  /** Names of the federations and trusts the school is in ([] = none; undefined = not known). */
  trusts?: string[];
  /** The school's diocese, e.g. "Diocese of London" (none for a school without a religious character). */
  diocese?: string;
  /** The areas the school is in: the partnership's own area and the register's district. */
  areas?: string[];
  /** Codes of the discounts the school qualifies for, e.g. 'federation-second-school'. */
  discounts?: string[];
  /**
   * Month (1–12) the school's own financial year starts: 4 for maintained
   * schools, 9 for academies. Used by 'split-by-school-financial-year' and
   * 'at-school-financial-year-start'; when missing, it follows from
   * `schoolType` (`financialYearStartMonthForType`, the rule billing uses).
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
