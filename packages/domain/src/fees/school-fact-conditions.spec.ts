import { describe, expect, it } from 'vitest';
import { matchesCondition } from './conditions';
import type { FeeComponent, FeeCondition, FeeSchedule } from './fee-schedule';
import { quoteFee } from './quote-fee';
import type { SchoolForFees } from './quote-types';
import { validateFeeSchedule } from './validate-fee-schedule';
import { readFeeFactOverrides, schoolFeeFacts } from './school-facts';

/** Conditions on facts about the school beyond phase, category, type and size (issue 13). */

const secondary: SchoolForFees = { phase: 'secondary', pupils: 1_000 };
const withFacts: SchoolForFees = {
  ...secondary,
  sixthForm: true,
  openedOn: '2024-09-01',
  trusts: ['Oak Learning Trust'],
  diocese: 'Diocese of London',
  areas: ['Bow', 'East cluster'],
};

describe('matchesCondition on school facts', () => {
  const cases: [string, FeeCondition, SchoolForFees, boolean][] = [
    ['sixth form asked, school has one', { sixthForm: true }, withFacts, true],
    ['sixth form asked, school has none', { sixthForm: true }, { ...withFacts, sixthForm: false }, false],
    ['sixth form asked, not known', { sixthForm: true }, secondary, false],
    ['no sixth form asked, school has none', { sixthForm: false }, { ...secondary, sixthForm: false }, true],
    ['no sixth form asked, not known', { sixthForm: false }, secondary, false],
    ['new school: opened on the day', { openedOnOrAfter: '2024-09-01' }, withFacts, true],
    ['new school: opened the day before', { openedOnOrAfter: '2024-09-02' }, withFacts, false],
    ['new school: opening date unknown', { openedOnOrAfter: '2000-01-01' }, secondary, false],
    ['in any trust', { inTrust: true }, withFacts, true],
    ['in any trust, stand-alone school', { inTrust: true }, { ...secondary, trusts: [] }, false],
    ['stand-alone, school in none', { inTrust: false }, { ...secondary, trusts: [] }, true],
    ['stand-alone, not known', { inTrust: false }, secondary, false],
    ['named trust, ignoring case and spaces', { trust: ['oak  learning trust'] }, withFacts, true],
    ['named trust, another trust', { trust: ['Elm Federation'] }, withFacts, false],
    ['"&" and "and" are the same', { trust: ['Oak & Elm Federation'] }, { ...secondary, trusts: ['Oak and Elm Federation'] }, true],
    ['diocese', { diocese: ['Diocese of London'] }, withFacts, true],
    ['diocese, school has none', { diocese: ['Diocese of London'] }, secondary, false],
    ['area: partnership area', { area: ['East cluster'] }, withFacts, true],
    ['area: register district', { area: ['bow'] }, withFacts, true],
    ['area: elsewhere', { area: ['Poplar'] }, withFacts, false],
    ['every criterion must hold', { sixthForm: true, diocese: ['Diocese of Southwark'] }, withFacts, false],
  ];
  it.each(cases)('%s', (_name, when, school, expected) => {
    expect(matchesCondition(when, school)).toBe(expected);
  });
});

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

describe('pricing by school facts without a second category', () => {
  const s = schedule([
    { kind: 'per-pupil', ratePence: 500 },
    { kind: 'flat-fee', amountPence: 450_000, label: 'Secondary with a sixth form', when: { phase: ['secondary'], sixthForm: true } },
    { kind: 'minimum-fee', amountPence: 200_000, when: { openedOnOrAfter: '2025-09-01' } },
  ]);
  it('gives a flat fee to secondaries with a sixth form', () => {
    expect(quoteFee(s, withFacts).totalPence).toBe(450_000);
    expect(quoteFee(s, { ...withFacts, sixthForm: false }).totalPence).toBe(500_000);
  });
  it('gives a minimum to new schools only', () => {
    const small: SchoolForFees = { phase: 'primary', pupils: 100 };
    expect(quoteFee(s, { ...small, openedOn: '2025-09-01' }).totalPence).toBe(200_000);
    expect(quoteFee(s, { ...small, openedOn: '2010-09-01' }).totalPence).toBe(50_000);
  });
});

describe('validating school-fact conditions', () => {
  const check = (when: unknown) => validateFeeSchedule({ ...schedule([]), components: [{ kind: 'base-fee', amountPence: 100, when }] });
  it('accepts each new condition and keeps it', () => {
    const when = { sixthForm: true, openedOnOrAfter: '2025-09-01', inTrust: true, trust: ['Oak Learning Trust'], diocese: ['Diocese of London'], area: ['Bow'] };
    const result = check(when);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.components[0]!.when).toEqual(when);
  });
  const bad: [string, unknown, string][] = [
    ['sixth form not true or false', { sixthForm: 'yes' }, 'components[0].when.sixthForm'],
    ['opening date not a date', { openedOnOrAfter: '1 September 2025' }, 'components[0].when.openedOnOrAfter'],
    ['empty trust list', { trust: [] }, 'components[0].when.trust'],
    ['blank diocese', { diocese: [' '] }, 'components[0].when.diocese[0]'],
    ['stand-alone and a named trust', { inTrust: false, trust: ['Oak'] }, 'components[0].when.trust'],
    ['an unknown criterion', { ward: ['Bow'] }, 'components[0].when.ward'],
  ];
  it.each(bad)('refuses %s, naming the field', (_name, when, field) => {
    const result = check(when);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.refusals.map((r) => r.field)).toContain(field);
  });
});

describe('schoolFeeFacts: the partnership’s record over the register’s', () => {
  const register = { sixthForm: false, openedOn: '1990-09-01', trust: 'Oak Learning Trust', federation: null, diocese: 'Diocese of London', district: 'Tower Hamlets' };
  const cases: [string, Parameters<typeof schoolFeeFacts>[1], ReturnType<typeof schoolFeeFacts>][] = [
    ['the register alone', undefined, { sixthForm: false, openedOn: '1990-09-01', trusts: ['Oak Learning Trust'], diocese: 'Diocese of London', areas: ['Tower Hamlets'] }],
    ['a sixth form the register does not know of', { sixthForm: true }, { sixthForm: true, openedOn: '1990-09-01', trusts: ['Oak Learning Trust'], diocese: 'Diocese of London', areas: ['Tower Hamlets'] }],
    ['a federation besides', { trusts: ['Oak Learning Trust', 'Bow Federation'] }, { sixthForm: false, openedOn: '1990-09-01', trusts: ['Oak Learning Trust', 'Bow Federation'], diocese: 'Diocese of London', areas: ['Tower Hamlets'] }],
    ['in none, and no diocese', { trusts: [], diocese: null }, { sixthForm: false, openedOn: '1990-09-01', trusts: [], areas: ['Tower Hamlets'] }],
    ['the partnership’s own area, as well as the district', { area: 'East cluster', openedOn: '2025-09-01' }, { sixthForm: false, openedOn: '2025-09-01', trusts: ['Oak Learning Trust'], diocese: 'Diocese of London', areas: ['East cluster', 'Tower Hamlets'] }],
  ];
  it.each(cases)('%s', (_name, overrides, expected) => {
    expect(schoolFeeFacts(register, overrides)).toEqual(expected);
  });
  it('knows nothing when neither says anything', () => {
    expect(schoolFeeFacts(null)).toEqual({});
  });
});

describe('readFeeFactOverrides', () => {
  it('reads a full record and treats blanks as "use the register"', () => {
    expect(readFeeFactOverrides({ sixthForm: true, openedOn: '2025-09-01', trusts: [' Bow  Federation ', ''], diocese: '', area: 'East cluster' })).toEqual({
      ok: true,
      value: { sixthForm: true, openedOn: '2025-09-01', trusts: ['Bow Federation'], diocese: null, area: 'East cluster' },
    });
    expect(readFeeFactOverrides({ sixthForm: null, openedOn: '', area: null })).toEqual({ ok: true, value: {} });
  });
  const bad: [string, unknown, string][] = [
    ['sixth form as text', { sixthForm: 'yes' }, 'sixthForm'],
    ['an unreal date', { openedOn: '2025-02-30' }, 'openedOn'],
    ['trusts not a list', { trusts: 'Oak' }, 'trusts'],
    ['a trust that is not text', { trusts: [3] }, 'trusts[0]'],
    ['an unknown fact', { ward: 'Bow' }, 'ward'],
    ['a very long area', { area: 'x'.repeat(201) }, 'area'],
  ];
  it.each(bad)('refuses %s, naming the field', (_name, input, field) => {
    const result = readFeeFactOverrides(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.refusals.map((r) => r.field)).toEqual([field]);
  });
});

describe('areas the partnership keeps elsewhere', () => {
  it('counts governance’s area for the school as well as its own record and the district', () => {
    expect(schoolFeeFacts({ district: 'Redbridge' }, { area: 'North cluster' }, ['Cluster 3', null]).areas).toEqual(['North cluster', 'Cluster 3', 'Redbridge']);
    expect(schoolFeeFacts({ district: 'Redbridge' }, null, ['Redbridge']).areas).toEqual(['Redbridge']);
  });
});
