/**
 * Pupil numbers, wherever one is accepted (a partnership's census figure, a school's correction,
 * the register import, onboarding, the fee calculator and planner, a credit note's corrected
 * number): the same limits everywhere, and a figure far from what is known about the school is
 * held for the admin's explicit confirmation instead of being approved silently.
 */

/** A whole number from 0 to 10,000: no school in England's register has more pupils on roll. */
export const PUPIL_COUNT_MIN = 0;
export const PUPIL_COUNT_MAX = 10_000;

/**
 * A figure "far" from a known one differs from it by more than 25% AND by more than 30 pupils
 * (both: 30 pupils is a class, and a quarter of a small school is a handful of children).
 */
export const PUPIL_COUNT_FAR_PERCENT = 25;
export const PUPIL_COUNT_FAR_PUPILS = 30;

/** Why a value is not an acceptable pupil number, in words for the field; null when it is. */
export function pupilCountProblem(value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'The number of pupils must be a number';
  if (!Number.isInteger(value)) return 'The number of pupils is a whole number';
  if (value < PUPIL_COUNT_MIN) return 'The number of pupils cannot be negative';
  if (value > PUPIL_COUNT_MAX) return `The number of pupils can be at most ${PUPIL_COUNT_MAX.toLocaleString('en-GB')}`;
  return null;
}

export function isValidPupilCount(value: unknown): value is number {
  return pupilCountProblem(value) === null;
}

/** What is known about the school to compare a new figure with. */
export interface PupilCountReferences {
  /** The school register's number. */
  register?: number | null;
  /** The partnership's approved figure for the census a year earlier. */
  lastYear?: number | null;
}

export type PupilCountCheck = { status: 'ok' } | { status: 'needs-confirmation'; reason: string };

/** True when `figure` differs from `reference` by more than 25% of it and by more than 30 pupils. */
export function farFrom(figure: number, reference: number): boolean {
  const difference = Math.abs(figure - reference);
  return difference > PUPIL_COUNT_FAR_PUPILS && difference * 100 > PUPIL_COUNT_FAR_PERCENT * reference;
}

/** Whether a (valid) figure can be taken as it is, or needs the admin to confirm it, and why. */
export function checkPupilCount(figure: number, references: PupilCountReferences): PupilCountCheck {
  const reasons: string[] = [];
  const { register, lastYear } = references;
  if (register !== null && register !== undefined && farFrom(figure, register)) reasons.push(`the register has ${register.toLocaleString('en-GB')}`);
  if (lastYear !== null && lastYear !== undefined && farFrom(figure, lastYear)) reasons.push(`last year's figure was ${lastYear.toLocaleString('en-GB')}`);
  if (reasons.length === 0) return { status: 'ok' };
  return {
    status: 'needs-confirmation',
    reason: `${figure.toLocaleString('en-GB')} is far from what we know (${reasons.join('; ')}): more than ${PUPIL_COUNT_FAR_PERCENT}% and more than ${PUPIL_COUNT_FAR_PUPILS} pupils apart. Check it, then confirm it.`,
  };
}
