import type { Phase } from './phase';

export const MEMBERSHIP_CATEGORY_TEMPLATE_NAMES = ['full', 'associate', 'procurement-associate'] as const;
export type MembershipCategoryTemplateName = (typeof MEMBERSHIP_CATEGORY_TEMPLATE_NAMES)[number];

/** A membership category as a partnership configures it (eligibility lists left empty mean "anyone"). */
export interface MembershipCategoryTemplate {
  code: string;
  name: string;
  description: string;
  eligiblePhases: Phase[];
  eligibleTypes: string[];
  eligibleLocalAuthorities: string[];
  votingRights: boolean;
  feesApply: boolean;
  includes: string[];
}

/**
 * Starting points drawn from the partnerships in DOMAIN.md: full members vote at
 * general meetings and get the core offer; associates get some services without a
 * vote; procurement associates join only to buy through the partnership's contracts.
 * A partnership edits them after adding (for instance to limit full membership to
 * its own borough's schools).
 */
export const MEMBERSHIP_CATEGORY_TEMPLATES: Record<MembershipCategoryTemplateName, MembershipCategoryTemplate> = {
  full: {
    code: 'full',
    name: 'Full member',
    description: 'Schools in the partnership’s area. Full members have one vote each at general meetings and the whole core offer.',
    eligiblePhases: [],
    eligibleTypes: [],
    eligibleLocalAuthorities: [],
    votingRights: true,
    feesApply: true,
    includes: ['Named link adviser', 'Networks and forums', 'Peer review', 'Data reports', 'Brokerage of support', 'Governor support', 'Member rates for traded services'],
  },
  associate: {
    code: 'associate',
    name: 'Associate member',
    description: 'Other schools, institutions and individuals. Associates use certain services and networks but do not vote.',
    eligiblePhases: [],
    eligibleTypes: [],
    eligibleLocalAuthorities: [],
    votingRights: false,
    feesApply: true,
    includes: ['Networks and forums', 'Member rates for traded services'],
  },
  'procurement-associate': {
    code: 'procurement-associate',
    name: 'Procurement associate',
    description: 'Schools that join only to buy through the partnership’s contracts and frameworks. No vote and no subscription.',
    eligiblePhases: [],
    eligibleTypes: [],
    eligibleLocalAuthorities: [],
    votingRights: false,
    feesApply: false,
    includes: ['Access to procurement frameworks and contracts'],
  },
};

/** Why a school cannot hold a category (empty when it can). */
export function categoryEligibility(
  category: Pick<MembershipCategoryTemplate, 'name' | 'eligiblePhases' | 'eligibleTypes' | 'eligibleLocalAuthorities'>,
  school: { phase: string; type: string; localAuthority: string },
): string[] {
  const reasons: string[] = [];
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  if (category.eligiblePhases.length > 0 && !category.eligiblePhases.some((phase) => same(phase, school.phase))) {
    reasons.push(`${category.name} is only for ${category.eligiblePhases.join(', ')} schools.`);
  }
  if (category.eligibleTypes.length > 0 && !category.eligibleTypes.some((type) => same(type, school.type))) {
    reasons.push(`${category.name} is only for these kinds of school: ${category.eligibleTypes.join(', ')}.`);
  }
  if (category.eligibleLocalAuthorities.length > 0 && !category.eligibleLocalAuthorities.some((la) => same(la, school.localAuthority))) {
    reasons.push(`${category.name} is only for schools in ${category.eligibleLocalAuthorities.join(', ')}.`);
  }
  return reasons;
}
