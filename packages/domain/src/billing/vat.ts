import { scaleAndRound } from '../fees/rounding';

/**
 * VAT as one partnership charges it. Many partnerships are not VAT-registered (a
 * council-hosted partnership or a small association), so "not registered" is the default and
 * charges no VAT at all. Rates are basis points (20% is 2000) so no floating point touches money.
 */
export interface VatSettings {
  registered: boolean;
  /** Basis points: 2000 = 20% (the UK standard rate), 500 = 5%, 0 = zero-rated. */
  rateBasisPoints: number;
  /** Shown on every invoice when registered, e.g. "GB123456789". */
  number?: string | null;
}

export const UK_STANDARD_VAT_BASIS_POINTS = 2000;
export const NOT_VAT_REGISTERED: VatSettings = { registered: false, rateBasisPoints: 0, number: null };

const HALF_UP_PENNY = { unit: 'penny', mode: 'half-up' } as const;

/** VAT on a net amount, rounded to the nearest penny (halves up), as HMRC allows per invoice. */
export function vatOn(netPence: number, settings: VatSettings): number {
  if (!Number.isInteger(netPence)) throw new RangeError(`Money must be whole pence, got ${netPence}`);
  if (!settings.registered || settings.rateBasisPoints === 0 || netPence === 0) return 0;
  const sign = netPence < 0 ? -1 : 1;
  return sign * scaleAndRound(Math.abs(netPence), settings.rateBasisPoints, 10_000, HALF_UP_PENNY);
}

/** UK VAT registration numbers: GB and 9 digits (12 for a group), spaces allowed. */
export function normaliseVatNumber(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** Every problem with the settings, by field. */
export function vatSettingsProblems(settings: { registered?: unknown; rateBasisPoints?: unknown; number?: unknown }): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const rate = settings.rateBasisPoints;
  if (typeof rate !== 'number' || !Number.isInteger(rate) || rate < 0 || rate > 10_000) {
    problems.push({ field: 'vatRateBasisPoints', message: 'The VAT rate is in basis points from 0 to 10000 (20% is 2000).' });
  }
  if (settings.registered === true) {
    const number = typeof settings.number === 'string' ? normaliseVatNumber(settings.number) : '';
    if (!/^GB(\d{9}|\d{12})$/.test(number)) problems.push({ field: 'vatNumber', message: 'Enter the VAT registration number: GB and 9 digits, for example GB123456789.' });
  }
  return problems;
}
