import { vatOn, NOT_VAT_REGISTERED, type VatSettings } from '../billing/vat';
import { isValidIsoDate, type IsoDateString } from '../calendar/iso-date';
import { startYearOfYearContaining, yearLabel } from '../calendar/school-years';
import { formatPence } from '../money/format-pence';
import { buyerMatches, describeBuyerRule } from './buyer-rules';
import { OFFER_UNIT_LABELS, type Buyer, type OfferForPricing, type OfferPrice, type OfferVatTreatment, type YearBasis } from './offer-types';

export interface PriceFound {
  available: true;
  /** Start year of the year whose prices were used. */
  year: number;
  /** Price of one unit before VAT. */
  unitPence: number;
  quantity: number;
  netPence: number;
  vatPence: number;
  grossPence: number;
  vat: OfferVatTreatment;
  free: boolean;
  /** Included in the school's membership (a core entitlement). */
  included: boolean;
  /** The price rule that applied (null when included in membership). */
  rule: { position: number; label: string | null; buyer: OfferPrice['buyer'] } | null;
  /** Why this price, in one sentence. */
  sentence: string;
}

export interface PriceRefused {
  available: false;
  year: number;
  reason: string;
}

export type PriceAnswer = PriceFound | PriceRefused;

/** Start year of the (academic or financial) year containing the date. */
export function priceYearOf(date: IsoDateString, basis: YearBasis = 'academic'): number {
  return startYearOfYearContaining(date, basis === 'financial' ? 4 : 9);
}

function yearName(year: number, basis: YearBasis): string {
  return basis === 'financial' ? `${yearLabel(year)} financial year` : yearLabel(year);
}

/**
 * The prices in force for a year: that year's, or if it has none, the latest earlier year's
 * (a price list carries on until a new one is set), in rule order.
 */
export function pricesInForce(prices: readonly OfferPrice[], year: number): { year: number; prices: OfferPrice[] } | null {
  let byYear = IN_FORCE.get(prices);
  if (!byYear) IN_FORCE.set(prices, (byYear = new Map()));
  let found = byYear.get(year);
  if (found === undefined) byYear.set(year, (found = workOutPricesInForce(prices, year)));
  return found;
}

/** Price lists are values priced for many schools: the list in force per year is worked out once per list. */
const IN_FORCE = new WeakMap<readonly OfferPrice[], Map<number, { year: number; prices: OfferPrice[] } | null>>();

function workOutPricesInForce(prices: readonly OfferPrice[], year: number): { year: number; prices: OfferPrice[] } | null {
  let best: number | null = null;
  for (const price of prices) if (price.year <= year && (best === null || price.year > best)) best = price.year;
  if (best === null) return null;
  const chosen = prices.filter((p) => p.year === best).sort((a, b) => a.position - b.position);
  return { year: best, prices: chosen };
}

function includedInMembership(offer: OfferForPricing, buyer: Buyer): boolean {
  if (offer.kind !== 'core_entitlement' || !buyer.member) return false;
  const categories = offer.categories ?? [];
  return categories.length === 0 || (!!buyer.category && categories.includes(buyer.category));
}

/**
 * What a school pays for `quantity` units of an offer on a date, and which rule said so. A core
 * entitlement is free to the members whose category includes it; otherwise the year's price
 * rules are tried in order and the first that matches the buyer (member or not, phase, school
 * type, category) is the price. VAT follows the partnership's settings for a standard-rated price.
 */
export function priceFor(offer: OfferForPricing, buyer: Buyer, quantity: number, date: IsoDateString, vat: VatSettings = NOT_VAT_REGISTERED): PriceAnswer {
  if (!isValidIsoDate(date)) throw new RangeError(`Dates are written YYYY-MM-DD, got ${JSON.stringify(date)}`);
  if (!Number.isInteger(quantity) || quantity < 1) throw new RangeError(`The quantity is a whole number of at least 1, got ${quantity}`);
  const basis = offer.yearBasis ?? 'academic';
  const year = priceYearOf(date, basis);
  const unit = OFFER_UNIT_LABELS[offer.unit] ?? OFFER_UNIT_LABELS.per_item;

  if (includedInMembership(offer, buyer)) {
    return {
      available: true, year, unitPence: 0, quantity, netPence: 0, vatPence: 0, grossPence: 0, vat: 'exempt', free: true, included: true, rule: null,
      sentence: `Included in your membership${offer.categories && offer.categories.length > 0 && buyer.category ? ` (${buyer.category})` : ''}.`,
    };
  }
  const inForce = pricesInForce(offer.prices, year);
  if (!inForce) {
    if (offer.kind === 'core_entitlement') return { available: false, year, reason: buyer.member ? 'Not included in your membership category.' : 'Only for member schools.' };
    return { available: false, year, reason: `No price is set for ${yearName(year, basis)}.` };
  }
  const rule = inForce.prices.find((p) => buyerMatches(p.buyer, buyer));
  if (!rule) {
    const forWhom = inForce.prices.map((p) => describeBuyerRule(p.buyer));
    return { available: false, year, reason: `Not offered to this school: it is for ${[...new Set(forWhom)].join('; ')}.` };
  }
  const netPence = rule.pence * quantity;
  const vatPence = rule.vat === 'standard' ? vatOn(netPence, vat) : 0;
  const who = describeBuyerRule(rule.buyer);
  const carried = inForce.year === year ? '' : `, ${yearName(inForce.year, basis)} prices still in force`;
  const named = rule.label ? `${rule.label}: ` : '';
  const sentence = rule.pence === 0
    ? `${named}free for ${who}${carried}.`
    : `${named}${formatPence(rule.pence)} ${unit.suffix} for ${who}${quantity > 1 ? `, × ${quantity} ${unit.many} = ${formatPence(netPence)}` : ''}${vatPence > 0 ? ` plus VAT ${formatPence(vatPence)}` : ''}${carried}.`;
  return {
    available: true, year: inForce.year, unitPence: rule.pence, quantity, netPence, vatPence, grossPence: netPence + vatPence, vat: rule.vat,
    free: rule.pence === 0, included: false, rule: { position: rule.position, label: rule.label ?? null, buyer: rule.buyer },
    sentence: sentence.charAt(0).toUpperCase() + sentence.slice(1),
  };
}

/** The quantity a school buys by default: its pupils for a per-pupil price, otherwise one. */
export function defaultQuantity(offer: Pick<OfferForPricing, 'unit'>, buyer: Pick<Buyer, 'pupils'>): number {
  return offer.unit === 'per_pupil' ? Math.max(1, buyer.pupils ?? 1) : 1;
}
