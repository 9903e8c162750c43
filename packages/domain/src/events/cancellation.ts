import type { CancellationTerms } from './types';

const DAY_MS = 86_400_000;

/** Whole days of notice between cancelling (`at`) and the start of the event, never negative. */
export function daysOfNotice(at: string, startsAt: string): number {
  return Math.max(0, Math.floor((Date.parse(startsAt) - Date.parse(at)) / DAY_MS));
}

/** The share of the price charged for cancelling with this much notice: the highest tier the notice falls within (fewer days than the tier's). */
export function cancellationPercent(terms: CancellationTerms, noticeDays: number): number {
  let percent = 0;
  for (const tier of terms.tiers) if (noticeDays < tier.withinDays && tier.chargePercent > percent) percent = tier.chargePercent;
  return Math.min(100, percent);
}

export interface CancellationOutcome {
  noticeDays: number;
  chargePercent: number;
  /** What the school still pays, in pence. */
  chargePence: number;
  /** What a credit note gives back of the amount invoiced (0 when nothing was invoiced). */
  creditPence: number;
}

/**
 * Cancelling a booking: the charge under the terms (rounded to the nearest penny) and, when the
 * booking was invoiced already, the credit note for the rest of what was invoiced. A request not
 * yet approved costs nothing, since nothing was confirmed.
 */
export function cancellationOutcome(
  terms: CancellationTerms,
  booking: { confirmed: boolean; pricePence: number; invoicedPence: number | null },
  at: string,
  startsAt: string,
): CancellationOutcome {
  const noticeDays = daysOfNotice(at, startsAt);
  if (!booking.confirmed) return { noticeDays, chargePercent: 0, chargePence: 0, creditPence: 0 };
  const chargePercent = cancellationPercent(terms, noticeDays);
  const base = booking.invoicedPence ?? booking.pricePence;
  const chargePence = Math.round((base * chargePercent) / 100);
  const creditPence = booking.invoicedPence === null ? 0 : Math.max(0, booking.invoicedPence - chargePence);
  return { noticeDays, chargePercent, chargePence, creditPence };
}

/** A no-show is charged this share of the price (100% unless the terms say otherwise). */
export function noShowCharge(terms: CancellationTerms, pricePence: number): number {
  return Math.round((pricePence * (terms.noShowChargePercent ?? 100)) / 100);
}

/** Problems with terms read from JSON, by field. */
export function cancellationTermsProblems(value: unknown, field = 'cancellationTerms'): { field: string; message: string }[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [{ field, message: 'Give the terms as tiers of notice and charge.' }];
  const terms = value as Record<string, unknown>;
  const problems: { field: string; message: string }[] = [];
  if (!Array.isArray(terms.tiers) || terms.tiers.length > 10) return [{ field: `${field}.tiers`, message: 'Give up to 10 tiers, each with withinDays and chargePercent.' }];
  terms.tiers.forEach((tier: unknown, i: number) => {
    const t = (tier ?? {}) as Record<string, unknown>;
    if (!Number.isInteger(t.withinDays) || (t.withinDays as number) < 1 || (t.withinDays as number) > 365) problems.push({ field: `${field}.tiers[${i}].withinDays`, message: 'Days of notice are a whole number from 1 to 365.' });
    if (!Number.isInteger(t.chargePercent) || (t.chargePercent as number) < 0 || (t.chargePercent as number) > 100) problems.push({ field: `${field}.tiers[${i}].chargePercent`, message: 'The charge is a whole percentage from 0 to 100.' });
  });
  if (terms.noShowChargePercent !== undefined && (!Number.isInteger(terms.noShowChargePercent) || (terms.noShowChargePercent as number) < 0 || (terms.noShowChargePercent as number) > 100)) {
    problems.push({ field: `${field}.noShowChargePercent`, message: 'The no-show charge is a whole percentage from 0 to 100.' });
  }
  return problems;
}

/** The terms in words: "Cancelling with fewer than 42 days’ notice costs 50% of the price; fewer than 28 days, 100%." */
export function describeCancellationTerms(terms: CancellationTerms): string {
  const tiers = [...terms.tiers].sort((a, b) => b.withinDays - a.withinDays);
  if (tiers.length === 0) return 'Cancelling is free at any time before the event.';
  const parts = tiers.map((t, i) => (i === 0 ? `Cancelling with fewer than ${t.withinDays} days’ notice costs ${t.chargePercent}% of the price` : `fewer than ${t.withinDays} days, ${t.chargePercent}%`));
  return `${parts.join('; ')}. Sending someone else in your place is free.`;
}
