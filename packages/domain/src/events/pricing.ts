import { buyerMatches } from '../offers/buyer-rules';
import type { Buyer, OfferPrice } from '../offers/offer-types';

/**
 * A delegate's price for an event from its offer's price rules: the rules of the latest year
 * that has any, up to the event's year, tried in position order; the first that matches the
 * school is the price. Null when no rule is for this school (it cannot book).
 */
export function eventPriceFor(prices: readonly OfferPrice[], buyer: Buyer, year: number): { pence: number; vat: OfferPrice['vat']; label: string | null } | null {
  const years = [...new Set(prices.map((p) => p.year))].filter((y) => y <= year).sort((a, b) => b - a);
  const useYear = years[0] ?? Math.min(...prices.map((p) => p.year));
  const rules = prices.filter((p) => p.year === useYear).sort((a, b) => a.position - b.position);
  const match = rules.find((p) => buyerMatches(p.buyer ?? {}, buyer));
  return match ? { pence: match.pence, vat: match.vat, label: match.label ?? null } : null;
}
