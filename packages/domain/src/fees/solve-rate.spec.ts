import { describe, expect, it } from 'vitest';
import { EALING_2018_19_SCENARIO_1 } from './examples';
import type { FeeSchedule } from './fee-schedule';
import type { SchoolForFees } from './quote-types';
import { solveForTarget, totalIncome } from './solve-rate';

const primaries = (n: number, pupils = 210): SchoolForFees[] => Array.from({ length: n }, () => ({ phase: 'primary', pupils }));
const highs = (n: number, pupils = 1_000): SchoolForFees[] => Array.from({ length: n }, () => ({ phase: 'secondary', pupils }));
const PRIMARY_RATE = 1; // components[1] of the Ealing schedules
const PRIMARY_BASE = 0;

describe('totalIncome', () => {
  it('adds up what every school would pay, after rounding', () => {
    expect(totalIncome(EALING_2018_19_SCENARIO_1, [...primaries(2), ...highs(1), { phase: 'special', pupils: 90 }])).toBe(2 * 470_600 + 990_000 + 450_000);
  });
});

describe('solveForTarget', () => {
  it('finds the smallest per-pupil rate raising £300,000 from sixty 1 FE primaries, allowing for whole-pound rounding', () => {
    const result = solveForTarget(EALING_2018_19_SCENARIO_1, primaries(60), { componentIndex: PRIMARY_RATE, field: 'ratePence', targetPence: 30_000_000 });
    // £4,000 + 210 × £4.76 = £4,999.60, which rounds to £5,000; £4.75 gives £4,997.50, rounded to £4,998.
    expect(result).toMatchObject({ ok: true, value: { valuePence: 476, totalPence: 30_000_000 } });
  });

  it('reproduces Ealing scenario 1: £3.36 is the smallest rate raising what scenario 1 raises from its mix of schools', () => {
    const schools = [...primaries(15, 210), ...primaries(25, 420), ...primaries(15, 630), ...primaries(5, 840), ...highs(14, 1_200)];
    const target = totalIncome(EALING_2018_19_SCENARIO_1, schools);
    const result = solveForTarget(EALING_2018_19_SCENARIO_1, schools, { componentIndex: PRIMARY_RATE, field: 'ratePence', targetPence: target });
    expect(result).toMatchObject({ ok: true, value: { valuePence: 336, totalPence: target } });
  });

  it('returns a schedule with the solved value in place, leaving the original alone', () => {
    const result = solveForTarget(EALING_2018_19_SCENARIO_1, primaries(10), { componentIndex: PRIMARY_BASE, field: 'amountPence', targetPence: 6_000_000 });
    // Each school must pay £6,000: £5,293.90 + £705.60 = £5,999.50, which rounds to £6,000.
    expect(result.ok && result.value.schedule.components[PRIMARY_BASE]).toEqual({ kind: 'base-fee', amountPence: 529_390, when: { phase: ['primary'] } });
    expect(EALING_2018_19_SCENARIO_1.components[PRIMARY_BASE]).toMatchObject({ amountPence: 400_000 });
  });

  it('answers 0 when the target is already met without the charge', () => {
    expect(solveForTarget(EALING_2018_19_SCENARIO_1, primaries(3), { componentIndex: PRIMARY_RATE, field: 'ratePence', targetPence: 1_200_000 })).toMatchObject({ ok: true, value: { valuePence: 0 } });
  });

  it('says when no value can raise the target, e.g. when every school is capped', () => {
    const capped: FeeSchedule = { ...EALING_2018_19_SCENARIO_1, components: [...EALING_2018_19_SCENARIO_1.components, { kind: 'maximum-fee', amountPence: 500_000 }] };
    const result = solveForTarget(capped, primaries(10), { componentIndex: PRIMARY_RATE, field: 'ratePence', targetPence: 6_000_000 });
    expect(result).toMatchObject({ ok: false, maxTotalPence: 5_000_000 });
  });

  it('refuses to solve for a discount, the wrong field or a missing component', () => {
    const withDiscount: FeeSchedule = { ...EALING_2018_19_SCENARIO_1, components: [{ kind: 'discount', code: 'x', reason: 'x', amountPence: 1 }] };
    expect(() => solveForTarget(withDiscount, [], { componentIndex: 0, field: 'amountPence', targetPence: 1 })).toThrow(/cannot be solved/);
    expect(() => solveForTarget(EALING_2018_19_SCENARIO_1, [], { componentIndex: PRIMARY_RATE, field: 'amountPence', targetPence: 1 })).toThrow(/ratePence/);
    expect(() => solveForTarget(EALING_2018_19_SCENARIO_1, [], { componentIndex: 9, field: 'ratePence', targetPence: 1 })).toThrow(/no component 9/);
  });
});
