import { describe, expect, it } from 'vitest';
import { PLATFORM_PLANS, planProblem, recommendedPlan } from './platform-plans';

const facts = { memberSchools: 0, trialEndsOn: '2026-12-25', today: '2026-11-25' };

describe('platform plans', () => {
  it('prices in whole pence and sizes by member schools', () => {
    for (const plan of PLATFORM_PLANS) expect(Number.isInteger(plan.annualPricePence)).toBe(true);
  });

  it.each([
    [0, 'small'],
    [30, 'small'],
    [31, 'medium'],
    [100, 'medium'],
    [101, 'large'],
    [500, 'large'],
  ])('recommends for %i member schools the %s plan', (n, plan) => expect(recommendedPlan(n)).toBe(plan));

  it('allows the trial while it runs, and not after', () => {
    expect(planProblem('trial', facts)).toBeNull();
    expect(planProblem('trial', { ...facts, today: '2026-12-26' })).toMatch(/trial ended on 2026-12-25/);
    expect(planProblem('trial', { ...facts, currentPlan: 'small' })).toMatch(/cannot start again/);
    expect(planProblem('trial', { ...facts, trialEndsOn: null })).toMatch(/only for new/);
  });

  it('refuses a plan too small for the member schools, naming the right one', () => {
    expect(planProblem('small', { ...facts, memberSchools: 30 })).toBeNull();
    expect(planProblem('small', { ...facts, memberSchools: 31 })).toMatch(/up to 30 member schools and you have 31. Choose the Medium plan/);
    expect(planProblem('large', { ...facts, memberSchools: 1000 })).toBeNull();
    expect(planProblem('gold', facts)).toMatch(/Choose a plan/);
  });
});
