/**
 * What the platform charges a partnership. Sized by member schools, because that is what a
 * partnership's own income scales with. Prices are placeholders until billing lands
 * (the billing issue takes payment); they are data so that changing them is one line.
 */
export const PLATFORM_PLAN_CODES = ['trial', 'small', 'medium', 'large'] as const;
export type PlatformPlanCode = (typeof PLATFORM_PLAN_CODES)[number];

export interface PlatformPlan {
  code: PlatformPlanCode;
  name: string;
  /** The most member schools the plan covers; null for no limit. */
  maxMemberSchools: number | null;
  /** Per year, in pence, before VAT. */
  annualPricePence: number;
  description: string;
}

/** Every new partnership starts on a free trial of this many days. */
export const TRIAL_DAYS = 30;

export const PLATFORM_PLANS: readonly PlatformPlan[] = [
  { code: 'trial', name: 'Free trial', maxMemberSchools: null, annualPricePence: 0, description: `Everything, free for ${TRIAL_DAYS} days. No card needed.` },
  { code: 'small', name: 'Small', maxMemberSchools: 30, annualPricePence: 60_000, description: 'Up to 30 member schools.' },
  { code: 'medium', name: 'Medium', maxMemberSchools: 100, annualPricePence: 150_000, description: 'Up to 100 member schools.' },
  { code: 'large', name: 'Large', maxMemberSchools: null, annualPricePence: 300_000, description: 'Any number of member schools, for partnerships spanning boroughs.' },
];

export function isPlatformPlanCode(value: unknown): value is PlatformPlanCode {
  return typeof value === 'string' && (PLATFORM_PLAN_CODES as readonly string[]).includes(value);
}

export function platformPlan(code: PlatformPlanCode): PlatformPlan {
  return PLATFORM_PLANS.find((p) => p.code === code)!;
}

/** The cheapest paid plan that covers this many member schools. */
export function recommendedPlan(memberSchools: number): PlatformPlanCode {
  const paid = PLATFORM_PLANS.filter((p) => p.code !== 'trial');
  return (paid.find((p) => p.maxMemberSchools === null || memberSchools <= p.maxMemberSchools) ?? paid[paid.length - 1]!).code;
}

/**
 * Why a partnership cannot be on this plan, or null. `trialEndsOn` is the last day of its
 * trial (null if it never had one), `today` the date in England.
 */
export function planProblem(code: unknown, facts: { memberSchools: number; trialEndsOn: string | null; today: string; currentPlan?: string }): string | null {
  if (!isPlatformPlanCode(code)) return `Choose a plan: ${PLATFORM_PLANS.map((p) => p.code).join(', ')}.`;
  if (code === 'trial') {
    if (facts.trialEndsOn === null) return 'A free trial is only for new partnerships.';
    if (facts.trialEndsOn < facts.today) return `The free trial ended on ${facts.trialEndsOn}. Choose a paid plan.`;
    if (facts.currentPlan && facts.currentPlan !== 'trial') return 'You have chosen a paid plan, so the free trial cannot start again.';
    return null;
  }
  const plan = platformPlan(code);
  if (plan.maxMemberSchools !== null && facts.memberSchools > plan.maxMemberSchools) {
    return `The ${plan.name} plan covers up to ${plan.maxMemberSchools} member schools and you have ${facts.memberSchools}. Choose the ${platformPlan(recommendedPlan(facts.memberSchools)).name} plan.`;
  }
  return null;
}
