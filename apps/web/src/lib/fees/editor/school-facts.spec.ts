import { describe, expect, it } from 'vitest';
import { describeCondition, type FeeSchedule } from '../schedule.ts';
import { errorsByField } from './field-errors.ts';
import { stateFromDocument } from './from-document.ts';
import { stateFromForm } from './from-form.ts';
import { documentFromState } from './to-document.ts';

/** The editor's conditions on school facts (issue 13): sixth form, opened on or after, federation or trust, diocese, area. */
const WITH_FACTS: FeeSchedule = {
  formatVersion: 1,
  name: 'Facts',
  period: { kind: 'academic-year', start: '2027-09-01', end: '2028-08-31', label: '2027–28' },
  rounding: { unit: 'penny', mode: 'half-up' },
  components: [
    { kind: 'per-pupil', ratePence: 500 },
    { kind: 'flat-fee', amountPence: 450_000, when: { phase: ['secondary'], sixthForm: true } },
    { kind: 'minimum-fee', amountPence: 200_000, when: { openedOnOrAfter: '2025-09-01', inTrust: true } },
    { kind: 'base-fee', amountPence: 10_000, when: { trust: ['Forest Learning Trust', 'Oak Federation'], diocese: ['Diocese of London'], area: ['North cluster'] } },
    { kind: 'maximum-fee', amountPence: 900_000, when: { sixthForm: false, inTrust: false } },
  ],
  payment: { kind: 'in-advance' },
};

describe('school-fact conditions in the editor', () => {
  it('keeps every fact condition through the form and back', () => {
    const state = stateFromDocument(WITH_FACTS);
    expect(state.components[1]!.when.sixthForm).toBe('yes');
    expect(state.components[3]!.when.trusts).toBe('Forest Learning Trust, Oak Federation');
    expect(documentFromState(state).document).toEqual(WITH_FACTS);
  });

  it('reads the fields as the page without JavaScript posts them', () => {
    const form = new FormData();
    for (const [name, value] of Object.entries({
      name: 'Facts', 'period-kind': 'academic-year', 'period-start': '2027-09-01', rounding: 'penny:half-up', 'payment-kind': 'in-advance',
      'c-0-kind': 'flat-fee', 'c-0-amount': '4,500', 'c-0-sixth-form': 'yes', 'c-0-opened-on': '2025-09-01', 'c-0-in-trust': 'no', 'c-0-dioceses': ' Diocese of London , ', 'c-0-areas': 'Bow, Poplar',
    })) form.append(name, value);
    const built = documentFromState(stateFromForm(form));
    expect(built.errors).toEqual({});
    expect(built.document?.components[0]).toEqual({ kind: 'flat-fee', amountPence: 450_000, when: { sixthForm: true, openedOnOrAfter: '2025-09-01', inTrust: false, diocese: ['Diocese of London'], area: ['Bow', 'Poplar'] } });
  });

  it('names the field when a fact cannot be read', () => {
    const state = stateFromDocument(WITH_FACTS);
    state.components[2]!.when.openedOnOrAfter = '31/02/2025';
    state.components[4]!.when.trusts = 'Oak Federation';
    const built = documentFromState(state);
    expect(built.document).toBeNull();
    expect(Object.keys(built.errors)).toEqual(['c-2-opened-on', 'c-4-trusts']);
  });

  it('shows the API’s problem with a fact beside its field', () => {
    const { paths } = documentFromState(stateFromDocument(WITH_FACTS));
    expect(errorsByField({ 'document.components[1].when.sixthForm': 'Must be true or false' }, paths)).toEqual({ 'c-1-sixth-form': 'Must be true or false' });
  });

  it('says which schools in words', () => {
    expect(describeCondition(WITH_FACTS.components[1]!.when)).toBe('secondary schools with a sixth form');
    expect(describeCondition(WITH_FACTS.components[2]!.when)).toBe('schools opened on or after 1 September 2025 in a federation or trust');
    expect(describeCondition(WITH_FACTS.components[3]!.when)).toBe('schools in Forest Learning Trust or Oak Federation of the Diocese of London in the area North cluster');
  });
});
