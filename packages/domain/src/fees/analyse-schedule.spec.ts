import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseFeeSchedule, type SchoolToCheck } from './analyse-schedule';
import { matchesCondition } from './conditions';
import { EALING_2018_19_SCENARIO_1, HARINGEY_CORE, REDBRIDGE_SIZE_BANDED, SERVICE_LEVELS_EXAMPLE, THE_PARTNERSHIP_2017_18 } from './examples';
import type { FeeComponent, FeeSchedule } from './fee-schedule';
import { quoteFee } from './quote-fee';

function schedule(components: FeeComponent[]): FeeSchedule {
  return {
    formatVersion: 1,
    name: 'Test',
    period: { kind: 'academic-year', start: '2026-09-01', end: '2027-08-31', label: '2026–27' },
    rounding: { unit: 'penny', mode: 'half-up' },
    components,
    payment: { kind: 'in-advance' },
  };
}

const members: SchoolToCheck[] = [
  { name: 'Bow Primary', school: { phase: 'primary', pupils: 210 } },
  { name: 'Mile End Academy', school: { phase: 'secondary', pupils: 1_000, schoolType: 'academy', sixthForm: true, trusts: ['Oak Trust'] } },
  { name: 'Stepney Secondary', school: { phase: 'secondary', pupils: 900, sixthForm: false, trusts: [] } },
  { name: 'Beacon Special', school: { phase: 'special', pupils: 80 } },
];

describe('analyseFeeSchedule', () => {
  const cases: [string, FeeComponent[], { kind: string; components: number[]; schools: string[] }[]][] = [
    ['a sound schedule', [{ kind: 'base-fee', amountPence: 100_000, when: { phase: ['primary'] } }, { kind: 'base-fee', amountPence: 200_000, when: { phase: ['secondary'] } }, { kind: 'per-pupil', ratePence: 336 }], []],
    [
      'a minimum above a maximum under a condition',
      [{ kind: 'per-pupil', ratePence: 500 }, { kind: 'minimum-fee', amountPence: 600_000, when: { sixthForm: true } }, { kind: 'maximum-fee', amountPence: 550_000, when: { phase: ['secondary'] } }],
      [{ kind: 'minimum-above-maximum', components: [1, 2], schools: ['Mile End Academy'] }],
    ],
    [
      'two base fees that both apply',
      [{ kind: 'base-fee', amountPence: 100_000 }, { kind: 'base-fee', amountPence: 50_000, when: { phase: ['secondary'] } }],
      [{ kind: 'two-base-fees', components: [0, 1], schools: ['Mile End Academy', 'Stepney Secondary'] }],
    ],
    [
      'two base fees, but a flat fee replaces them',
      [{ kind: 'base-fee', amountPence: 100_000 }, { kind: 'base-fee', amountPence: 50_000, when: { phase: ['special'] } }, { kind: 'flat-fee', amountPence: 450_000, when: { phase: ['special'] } }],
      [],
    ],
    [
      'two size-band tables that both apply',
      [
        { kind: 'size-bands', bands: [{ minPupils: 0, maxPupils: 500, amountPence: 1_000 }, { minPupils: 501, amountPence: 2_000 }] },
        { kind: 'size-bands', bands: [{ minPupils: 0, amountPence: 3_000 }], when: { inTrust: true } },
      ],
      [{ kind: 'two-size-bands', components: [0, 1], schools: ['Mile End Academy'] }],
    ],
    ['a rate of £336 per pupil (a slip for £3.36)', [{ kind: 'per-pupil', ratePence: 33_600 }], [{ kind: 'rate-looks-wrong', components: [0], schools: ['Bow Primary', 'Mile End Academy', 'Stepney Secondary', 'Beacon Special'] }]],
    ['a rate of 0p per pupil', [{ kind: 'per-pupil', ratePence: 0, when: { phase: ['special'] } }], [{ kind: 'rate-looks-wrong', components: [0], schools: ['Beacon Special'] }]],
    ['a rate that no listed school pays yet', [{ kind: 'per-pupil', ratePence: 50_000, when: { phase: ['nursery'] } }], [{ kind: 'rate-looks-wrong', components: [0], schools: [] }]],
    ['exactly £100 per pupil is believable', [{ kind: 'per-pupil', ratePence: 10_000 }], []],
    ['a cap of zero', [{ kind: 'per-pupil', ratePence: 500 }, { kind: 'maximum-fee', amountPence: 0, when: { trust: ['oak trust'] } }], [{ kind: 'zero-maximum', components: [1], schools: ['Mile End Academy'] }]],
    ['a fixed fee leaves nothing to contradict', [{ kind: 'base-fee', amountPence: 1 }, { kind: 'base-fee', amountPence: 2 }, { kind: 'fixed-fee', amountPence: 3 }], []],
  ];
  it.each(cases)('%s', (_name, components, expected) => {
    const warnings = analyseFeeSchedule(schedule(components), members);
    expect(warnings.map(({ kind, components: c, schools }) => ({ kind, components: c, schools }))).toEqual(expected);
  });

  it('names the components (as the editor numbers them) and the schools in its message', () => {
    const [warning] = analyseFeeSchedule(schedule([{ kind: 'base-fee', amountPence: 100_000 }, { kind: 'base-fee', amountPence: 50_000, when: { phase: ['secondary'] } }]), members);
    expect(warning!.field).toBe('components[0]');
    expect(warning!.message).toContain('Components 1 and 2');
    expect(warning!.message).toContain('Mile End Academy and Stepney Secondary');
  });

  it('finds nothing wrong with the published examples', () => {
    for (const example of [EALING_2018_19_SCENARIO_1, HARINGEY_CORE, REDBRIDGE_SIZE_BANDED, SERVICE_LEVELS_EXAMPLE, THE_PARTNERSHIP_2017_18]) {
      expect(analyseFeeSchedule(example, members)).toEqual([]);
    }
  });
});

describe('analyseFeeSchedule properties', () => {
  const school = fc.record({
    phase: fc.constantFrom('primary' as const, 'secondary' as const, 'special' as const),
    pupils: fc.integer({ min: 0, max: 2_000 }),
    sixthForm: fc.boolean(),
  });
  const when = fc.option(fc.oneof(fc.record({ phase: fc.constant(['secondary' as const]) }), fc.record({ sixthForm: fc.boolean() }), fc.record({ pupils: fc.record({ max: fc.integer({ min: 0, max: 2_000 }) }) })), { nil: undefined });
  const limit = (kind: 'minimum-fee' | 'maximum-fee') => fc.record({ kind: fc.constant(kind), amountPence: fc.integer({ min: 0, max: 1_000_000 }), when }).map(({ when: w, ...c }) => (w ? { ...c, when: w } : c) as FeeComponent);
  const component = fc.oneof(
    fc.record({ kind: fc.constant('per-pupil' as const), ratePence: fc.integer({ min: 0, max: 50_000 }) }) as fc.Arbitrary<FeeComponent>,
    fc.record({ kind: fc.constant('base-fee' as const), amountPence: fc.integer({ min: 0, max: 1_000_000 }), when }).map(({ when: w, ...c }) => (w ? { ...c, when: w } : c) as FeeComponent),
    limit('minimum-fee'),
    limit('maximum-fee'),
  );
  const named = fc.array(school, { maxLength: 8 }).map((list) => list.map((s, i) => ({ name: `School ${i + 1}`, school: s })));

  it('a school is named under minimum-above-maximum exactly when its fee falls short of a minimum that applies to it', () => {
    fc.assert(
      fc.property(fc.array(component, { minLength: 1, maxLength: 6 }), named, (components, schools) => {
        const s = schedule(components);
        const flagged = new Set(analyseFeeSchedule(s, schools).filter((w) => w.kind === 'minimum-above-maximum').flatMap((w) => w.schools));
        for (const { name, school: sc } of schools) {
          const fee = quoteFee(s, sc).totalPence;
          const minimums = components.filter((c) => c.kind === 'minimum-fee' && matchesCondition(c.when, sc));
          const shortOfAMinimum = minimums.some((c) => fee < (c as { amountPence: number }).amountPence);
          expect(flagged.has(name)).toBe(shortOfAMinimum);
        }
      }),
    );
  });

  it('adding schools never takes a warning away, and the order of schools does not change which warnings there are', () => {
    fc.assert(
      fc.property(fc.array(component, { minLength: 1, maxLength: 6 }), named, named, (components, first, more) => {
        const s = schedule(components);
        const extra = more.map((m) => ({ ...m, name: `Other ${m.name}` }));
        const key = (w: { kind: string; components: number[] }) => `${w.kind}:${w.components.join(',')}`;
        const before = analyseFeeSchedule(s, first).map(key);
        const after = analyseFeeSchedule(s, [...first, ...extra]).map(key);
        for (const k of before) expect(after).toContain(k);
        expect(analyseFeeSchedule(s, [...extra, ...first]).map(key).sort()).toEqual([...after].sort());
      }),
    );
  });
});
