import type { FeeCondition } from './fee-schedule';
import type { SchoolForFees } from './quote-types';

/**
 * Does a component's `when` select this school? Every criterion given must
 * hold; a list matches if it contains the school's value. A school with no
 * category, type or tier never matches a condition that asks for one, so a
 * missing fact can only ever leave a charge out, never pick a wrong one.
 */
export function matchesCondition(when: FeeCondition | undefined, school: SchoolForFees): boolean {
  if (!when) return true;
  if (when.phase && !when.phase.includes(school.phase)) return false;
  if (when.category && (school.category === undefined || !when.category.includes(school.category))) return false;
  if (when.schoolType && (school.schoolType === undefined || !when.schoolType.includes(school.schoolType))) return false;
  if (when.tier && (school.tier === undefined || !when.tier.includes(school.tier))) return false;
  if (when.pupils) {
    if (when.pupils.min !== undefined && school.pupils < when.pupils.min) return false;
    if (when.pupils.max !== undefined && school.pupils > when.pupils.max) return false;
  }
  if (when.sixthForm !== undefined && school.sixthForm !== when.sixthForm) return false;
  if (when.openedOnOrAfter !== undefined && (school.openedOn === undefined || school.openedOn < when.openedOnOrAfter)) return false;
  if (when.inTrust !== undefined && (school.trusts === undefined || school.trusts.length > 0 !== when.inTrust)) return false;
  if (when.trust && !anyNamed(when.trust, school.trusts)) return false;
  if (when.diocese && !anyNamed(when.diocese, school.diocese === undefined ? undefined : [school.diocese])) return false;
  if (when.area && !anyNamed(when.area, school.areas)) return false;
  return true;
}

/** Names as people type them: case, spacing and "&"/"and" do not matter ("St Mary's  Trust" = "st mary's trust"). */
export function sameName(name: string): string {
  return name.trim().toLowerCase().replace(/&/g, 'and').replace(/\s+/g, ' ');
}

function anyNamed(wanted: readonly string[], has: readonly string[] | undefined): boolean {
  if (!has || has.length === 0) return false;
  const names = new Set(has.map(sameName));
  return wanted.some((w) => names.has(sameName(w)));
}
