/**
 * The one pupil number a partnership's fees use for a school, chosen in one place so that the
 * public quote, the fee editor's preview, the billing dry run and the invoice agree: the
 * partnership's latest approved figure for the census it prices by (October unless it chose
 * January or May), else the school register's number. The answer says which figure and which
 * census it used, in words every page and invoice repeats.
 */

/** The census a partnership prices by. */
export type FeeCensus = 'october' | 'january' | 'may';

/** The month (as in a census key `YYYY-MM`) of each census. */
export const FEE_CENSUS_MONTH: Readonly<Record<FeeCensus, string>> = { october: '10', january: '01', may: '05' };

const MONTH_NAMES: Readonly<Record<string, string>> = { '01': 'January', '05': 'May', '10': 'October' };

/** An approved figure from the partnership's pupil numbers (`census` is `YYYY-MM`). */
export interface ApprovedPupilFigure {
  census: string;
  pupils: number;
  /** When it was approved (ISO timestamp); of two figures for one census the later wins. */
  decidedAt?: string | null;
}

export interface PupilFigureInput {
  /** The census the partnership prices by; October when not set. */
  feeCensus?: string | null;
  /** The school's approved figures in this partnership (any census; the wrong months are ignored). */
  approved: readonly ApprovedPupilFigure[];
  /** The school register's number of pupils, if known. */
  registerPupils: number | null | undefined;
}

export interface PupilFigure {
  /** The number the fee is worked out with; null when neither the partnership nor the register has one. */
  pupils: number | null;
  /** census: the partnership's approved figure; register: the school register's; entered: typed into the calculator. */
  source: 'census' | 'register' | 'entered' | 'none';
  /** The census (`YYYY-MM`) of an approved figure; null otherwise. */
  census: string | null;
  /** e.g. "312 pupils, October 2026 census" or "312 pupils, from the register (no census figure yet)". */
  label: string;
}

/** The census a partnership prices by, October when not set or not known. */
export function feeCensusOf(value: string | null | undefined): FeeCensus {
  return value === 'january' || value === 'may' ? value : 'october';
}

/** '2026-10' -> 'October 2026 census'. */
export function censusName(census: string): string {
  const [year, month] = census.split('-');
  return `${MONTH_NAMES[month ?? ''] ?? month} ${year} census`;
}

/** Built once: the preview labels every school's figure (issue 14). */
const wholeNumber = new Intl.NumberFormat('en-GB');
const pupilsText = (n: number) => `${wholeNumber.format(n)} ${n === 1 ? 'pupil' : 'pupils'}`;

/** Which pupil number the partnership's fees use for a school, and where it came from. */
export function choosePupilFigure(input: PupilFigureInput): PupilFigure {
  const month = FEE_CENSUS_MONTH[feeCensusOf(input.feeCensus)];
  const candidates = input.approved
    .filter((f) => f.census.slice(5) === month && Number.isInteger(f.pupils) && f.pupils >= 0)
    .sort((a, b) => (a.census === b.census ? (b.decidedAt ?? '').localeCompare(a.decidedAt ?? '') : b.census.localeCompare(a.census)));
  const chosen = candidates[0];
  if (chosen) return { pupils: chosen.pupils, source: 'census', census: chosen.census, label: `${pupilsText(chosen.pupils)}, ${censusName(chosen.census)}` };
  const register = input.registerPupils;
  if (register !== null && register !== undefined) {
    return { pupils: register, source: 'register', census: null, label: `${pupilsText(register)}, from the register (no census figure yet)` };
  }
  return { pupils: null, source: 'none', census: null, label: 'no pupil number recorded (neither a census figure nor the register has one)' };
}

/** A number typed into the calculator (a prospective school, or one checking another figure). */
export function enteredPupilFigure(pupils: number): PupilFigure {
  return { pupils, source: 'entered', census: null, label: `${pupilsText(pupils)}, as entered` };
}
