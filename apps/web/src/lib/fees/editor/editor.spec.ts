import { describe, expect, it } from 'vitest';
import type { FeeSchedule } from '../schedule.ts';
import { errorsByField, fieldForPath } from './field-errors.ts';
import { stateFromDocument } from './from-document.ts';
import { stateFromForm } from './from-form.ts';
import { moveToPeriod } from './new-document.ts';
import { applyOp } from './operations.ts';
import { type EditorState, newComponent } from './state.ts';
import { documentFromState } from './to-document.ts';

/** Ealing 2018–19, scenario 1, as published (shared/DOMAIN.md). */
const EALING: FeeSchedule = {
  formatVersion: 1,
  name: 'Ealing Learning Partnership, scenario 1',
  period: { kind: 'academic-year', start: '2018-09-01', end: '2019-08-31', label: '2018–19' },
  rounding: { unit: 'pound', mode: 'half-up' },
  components: [
    { kind: 'base-fee', amountPence: 400_000, when: { phase: ['primary'] } },
    { kind: 'per-pupil', ratePence: 336, when: { phase: ['primary'] } },
    { kind: 'base-fee', amountPence: 650_000, when: { phase: ['secondary'] } },
    { kind: 'per-pupil', ratePence: 340, when: { phase: ['secondary'] } },
    { kind: 'flat-fee', amountPence: 450_000, when: { phase: ['special'] } },
  ],
  proRata: { method: 'month', rounding: { unit: 'pound', mode: 'half-up' } },
  payment: { kind: 'split-by-school-financial-year' },
};

/** Everything the editor can express at once. */
const EVERYTHING: FeeSchedule = {
  formatVersion: 1,
  name: 'Every component',
  period: { kind: 'financial-year', start: '2019-04-01', end: '2020-03-31', label: '2019–20' },
  rounding: { unit: 'penny', mode: 'half-up' },
  tiers: [
    { code: 'basic', name: 'Basic' },
    { code: 'advanced', name: 'Advanced' },
  ],
  components: [
    { kind: 'size-bands', label: 'Subscription', bands: [{ minPupils: 0, maxPupils: 209, amountPence: 180_000 }, { minPupils: 210, amountPence: 260_000 }] },
    { kind: 'tier-price', prices: [{ tier: 'advanced', amountPence: 400_000 }] },
    { kind: 'fixed-fee', amountPence: 300_000, when: { schoolType: ['Further education', 'Sixth form college'] } },
    { kind: 'minimum-fee', amountPence: 50_000, when: { category: ['full'], pupils: { min: 10, max: 99 } } },
    { kind: 'maximum-fee', amountPence: 900_000 },
    { kind: 'discount', code: 'federation', reason: 'second school in a federation', basisPoints: 1000, when: { tier: ['basic'] } },
    { kind: 'discount', code: 'loyal', reason: 'ten years a member', amountPence: 5_000 },
  ],
  proRata: { method: 'day', rounding: { unit: 'penny', mode: 'down' } },
  payment: {
    kind: 'instalments',
    parts: [
      { label: 'Autumn term', dueDate: '2019-09-30', shareBasisPoints: 3334 },
      { label: 'Spring term', dueDate: '2020-01-31', shareBasisPoints: 3333 },
      { label: 'Summer term', dueDate: '2020-04-30', shareBasisPoints: 3333 },
    ],
  },
  freePeriod: { from: '2019-04-01', to: '2019-08-31' },
  liabilityGuarantee: { amountPence: 2500, note: 'Up to £25 if the company is wound up.' },
};

/** What a browser would post for the state, field by field (the page without JavaScript). */
function formFor(state: EditorState): FormData {
  const f = new FormData();
  f.set('name', state.name);
  f.set('period-kind', state.periodKind);
  f.set('period-start', state.periodStart);
  f.set('period-end', state.periodEnd);
  f.set('period-label', state.periodLabel);
  f.set('rounding', state.rounding);
  state.tiers.forEach((t, k) => (f.set(`tier-${k}-code`, t.code), f.set(`tier-${k}-name`, t.name)));
  state.components.forEach((c, i) => {
    const p = `c-${i}`;
    f.set(`${p}-kind`, c.kind);
    f.set(`${p}-label`, c.label);
    if (!['size-bands', 'tier-price'].includes(c.kind)) f.set(`${p}-amount`, c.amount);
    if (c.kind === 'discount') {
      f.set(`${p}-code`, c.code);
      f.set(`${p}-reason`, c.reason);
      f.set(`${p}-discount-by`, c.discountBy);
      f.set(`${p}-percent`, c.percent);
    }
    c.bands.forEach((b, j) => (f.set(`${p}-band-${j}-min`, b.min), f.set(`${p}-band-${j}-max`, b.max), f.set(`${p}-band-${j}-amount`, b.amount)));
    if (c.kind === 'tier-price') c.prices.forEach((price, k) => f.set(`${p}-price-${k}`, price));
    for (const x of c.when.phases) f.append(`${p}-phase`, x);
    for (const x of c.when.categories) f.append(`${p}-category`, x);
    for (const x of c.when.tiers) f.append(`${p}-tier`, x);
    f.set(`${p}-school-types`, c.when.schoolTypes);
    f.set(`${p}-min-pupils`, c.when.minPupils);
    f.set(`${p}-max-pupils`, c.when.maxPupils);
  });
  f.set('pro-rata-method', state.proRataMethod);
  f.set('pro-rata-rounding', state.proRataRounding);
  f.set('payment-kind', state.paymentKind);
  state.parts.forEach((part, k) => (f.set(`part-${k}-label`, part.label), f.set(`part-${k}-due`, part.dueDate), f.set(`part-${k}-share`, part.share)));
  f.set('free-from', state.freeFrom);
  f.set('free-to', state.freeTo);
  f.set('guarantee-amount', state.guaranteeAmount);
  f.set('guarantee-note', state.guaranteeNote);
  f.set('add-kind', state.addKind);
  return f;
}

describe('the editor form and the schedule document', () => {
  it.each([
    ['Ealing scenario 1', EALING],
    ['every component', EVERYTHING],
    ['the whole fee at the start of each school’s financial year', { ...EALING, payment: { kind: 'at-school-financial-year-start' } } as FeeSchedule],
  ])('turns %s into fields and back without change', (_, doc) => {
    const state = stateFromDocument(doc);
    expect(documentFromState(state)).toMatchObject({ document: doc, errors: {} });
    expect(documentFromState(stateFromForm(formFor(state))).document).toEqual(doc);
  });

  it('shows amounts as people type them', () => {
    const state = stateFromDocument(EALING);
    expect(state.components.map((c) => c.amount)).toEqual(['4,000', '3.36', '6,500', '3.40', '4,500']);
    expect(state.rounding).toBe('pound:half-up');
    expect(stateFromDocument(EVERYTHING).parts.map((p) => p.share)).toEqual(['33.34', '33.33', '33.33']);
  });

  it('reads what an admin types: "£3.36" is 336 pence, "£4,000" is 400,000', () => {
    const state = stateFromDocument(EALING);
    state.components[0].amount = '£4,000.00';
    state.components[1].amount = '£3.36';
    expect(documentFromState(state).document?.components.slice(0, 2)).toEqual(EALING.components.slice(0, 2));
  });

  it('works out the end and label of an academic or financial year from its start', () => {
    const state = stateFromDocument(EALING);
    state.periodEnd = '';
    state.periodLabel = '';
    expect(documentFromState(state).document?.period).toEqual(EALING.period);
    state.periodKind = 'financial-year';
    state.periodStart = '2019-04-01';
    expect(documentFromState(state).document?.period).toEqual({ kind: 'financial-year', start: '2019-04-01', end: '2020-03-31', label: '2019–20' });
  });

  it('says what is wrong next to each field, in words', () => {
    const state = stateFromDocument(EVERYTHING);
    state.name = ' ';
    state.components[0].bands[1].amount = '2,600.001';
    state.components[5].percent = '110';
    state.components[3].when.maxPupils = '5';
    state.parts[2].share = '33';
    state.guaranteeNote = '';
    const { document, errors } = documentFromState(state);
    expect(document).toBeNull();
    expect(errors).toEqual({
      name: 'Enter a name for the schedule, like “Ealing Learning Partnership 2018–19”',
      'c-0-band-1-amount': 'The fee for band 2 can have at most 2 digits after the point (whole pence)',
      'c-3-max-pupils': 'The largest number of pupils (5) is less than the smallest (10), so no school would match',
      'c-5-percent': 'The discount must be more than 0% and at most 100%',
      parts: 'The shares add up to 99.67%; they must add up to exactly 100%',
      'guarantee-note': 'Explain the guarantee to schools, like “Joining commits the school to pay up to £25 if the company is wound up owing debts.”',
    });
  });

  it('asks for pro rata when there is a free period', () => {
    const state = stateFromDocument(EVERYTHING);
    state.proRataMethod = '';
    expect(documentFromState(state).errors['pro-rata-method']).toMatch(/A free period needs pro rata/);
  });

  it('puts each API error beside its field', () => {
    const { paths } = documentFromState(stateFromDocument(EVERYTHING));
    expect(fieldForPath('document.components[0].bands[1].minPupils', paths)).toBe('c-0-band-1-min');
    expect(fieldForPath('document.components[1].prices[0].tier', paths)).toBe('c-1-price-1');
    expect(fieldForPath('document.components[3].when.pupils', paths)).toBe('c-3-min-pupils');
    expect(fieldForPath('document.components[5].when.tier[0]', paths)).toBe('c-5-when');
    expect(fieldForPath('document.proRata.method', paths)).toBe('pro-rata-method');
    expect(fieldForPath('document.payment.parts', paths)).toBe('parts');
    expect(fieldForPath('document.components[9].ratePence', paths)).toBe('components');
    expect(fieldForPath('document', paths)).toBe('');
    expect(errorsByField({ 'document.components[0].bands[0].minPupils': 'Start at 0.', 'document.components[3].amountPence': 'More than the maximum in components[4].', 'document.period': 'Academic years start on 1 September.' }, paths)).toEqual({
      'c-0-band-0-min': 'Start at 0.',
      'c-3-amount': 'More than the maximum in component 5.',
      'period-start': 'Academic years start on 1 September.',
    });
  });
});

describe('editing steps', () => {
  it('adds, moves and removes components', () => {
    let state = stateFromDocument(EALING);
    state.addKind = 'minimum-fee';
    let step = applyOp(state, 'add');
    state = step.state;
    expect(state.components.at(-1)?.kind).toBe('minimum-fee');
    expect(step.focus).toBe('c-5-title');
    state = applyOp(state, 'up-5').state;
    expect(state.components.map((c) => c.kind).slice(3)).toEqual(['per-pupil', 'minimum-fee', 'flat-fee']);
    state = applyOp(state, 'down-0').state;
    expect(state.components[0].kind).toBe('per-pupil');
    step = applyOp(state, 'remove-4');
    expect(step.state.components).toHaveLength(5);
    expect(applyOp(state, 'up-0').state).toEqual(state);
  });

  it('adds a band that follows on from the one before', () => {
    const state = stateFromDocument(EVERYTHING);
    state.components[0].bands[1].max = '419';
    const next = applyOp(state, 'add-band-0').state;
    expect(next.components[0].bands[2]).toEqual({ min: '420', max: '', amount: '' });
    expect(applyOp(next, 'remove-band-0-2').state.components[0].bands).toHaveLength(2);
  });

  it('keeps prices and conditions in step with the service levels', () => {
    const state = stateFromDocument(EVERYTHING);
    let next = applyOp(state, 'add-tier').state;
    expect(next.components[1].prices).toEqual(['', '4,000', '']);
    next = applyOp(next, 'remove-tier-0').state;
    expect(next.tiers.map((t) => t.code)).toEqual(['advanced', '']);
    expect(next.components[1].prices).toEqual(['4,000', '']);
    expect(next.components[5].when.tiers).toEqual([]);
  });

  it('adds and removes instalments', () => {
    const state = stateFromDocument(EVERYTHING);
    expect(applyOp(state, 'add-part').state.parts).toHaveLength(4);
    expect(applyOp(state, 'remove-part-0').state.parts.map((p) => p.label)).toEqual(['Spring term', 'Summer term']);
  });

  it('starts new components empty, with a first band from 0 pupils', () => {
    expect(newComponent('size-bands', 2)).toMatchObject({ bands: [{ min: '0', max: '', amount: '' }], prices: ['', ''] });
  });
});

describe('templates', () => {
  it('moves a template’s dates to the chosen year', () => {
    const moved = moveToPeriod(EVERYTHING, 'Ours', 'financial-year', '2026-04-01', '2027-03-31', '2026–27');
    expect(moved.period).toEqual({ kind: 'financial-year', start: '2026-04-01', end: '2027-03-31', label: '2026–27' });
    expect(moved.payment.kind === 'instalments' && moved.payment.parts.map((p) => p.dueDate)).toEqual(['2026-09-30', '2027-01-31', '2027-04-30']);
    expect(moved.freePeriod).toEqual({ from: '2026-04-01', to: '2026-08-31' });
    expect(EVERYTHING.period.start).toBe('2019-04-01');
  });
});
