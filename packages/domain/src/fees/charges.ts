import type { FeeComponent, FeeSchedule } from './fee-schedule';
import type { FeeLine, SchoolForFees } from './quote-types';
import { bandText, flat, money, PHASE_NOUNS, pupilsText } from './wording';

/**
 * The line a charging component adds for one school, or null when it adds
 * nothing (a tier price for a school with no tier, or a component that only
 * adjusts). Charges are always whole pence: pupils are whole and rates are
 * whole pence, so nothing here needs rounding.
 */
export function chargeLine(component: FeeComponent, school: SchoolForFees, schedule: FeeSchedule): FeeLine | null {
  const noun = PHASE_NOUNS[school.phase];
  switch (component.kind) {
    case 'per-pupil': {
      const amount = school.pupils * component.ratePence;
      const prefix = component.label ? `${component.label}: ` : '';
      return { text: flat`${prefix}${pupilsText(school.pupils)} × ${money(component.ratePence)} = ${money(amount)}`, amountPence: amount };
    }
    case 'base-fee':
      return { text: flat`${component.label ?? `Base fee for ${noun}`} ${money(component.amountPence)}`, amountPence: component.amountPence };
    case 'flat-fee':
      return { text: flat`${component.label ?? `Flat fee for ${noun}`} ${money(component.amountPence)}`, amountPence: component.amountPence };
    case 'fixed-fee':
      return { text: flat`${component.label ?? `Fixed fee for ${noun}`} ${money(component.amountPence)}`, amountPence: component.amountPence };
    case 'size-bands': {
      const band = component.bands.find((b) => school.pupils >= b.minPupils && (b.maxPupils === undefined || school.pupils <= b.maxPupils));
      if (!band) return null;
      const text = component.label
        ? flat`${component.label}, ${bandText(band.minPupils, band.maxPupils)} ${money(band.amountPence)}`
        : flat`Size band ${bandText(band.minPupils, band.maxPupils)} ${money(band.amountPence)}`;
      return { text, amountPence: band.amountPence };
    }
    case 'tier-price': {
      if (school.tier === undefined) return null;
      const price = component.prices.find((p) => p.tier === school.tier);
      if (!price) return null;
      const tierName = schedule.tiers?.find((t) => t.code === school.tier)?.name ?? school.tier;
      return { text: flat`${component.label ?? `${tierName} service level`} ${money(price.amountPence)}`, amountPence: price.amountPence };
    }
    default:
      return null;
  }
}

/** Components that are summed into the fee (the rest replace, limit or discount it). */
export function isCharge(component: FeeComponent): boolean {
  return component.kind === 'per-pupil' || component.kind === 'base-fee' || component.kind === 'size-bands' || component.kind === 'tier-price';
}
