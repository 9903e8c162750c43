import { describe, expect, it } from 'vitest';
import { typicalTermDates } from '../calendar';
import { academicCalendarProblems, type SetupFacts, setupProgress, setupStepProblems } from './setup-steps';

const ready: SetupFacts = {
  today: '2026-11-25',
  details: { name: 'Newham Schools Partnership', description: 'Schools working together.', areas: ['Newham'], legalForm: 'charity', contactEmail: 'hello@newham.test' },
  calendars: [2026, 2027].map((y) => ({ academicYearStart: y, halfTerms: typicalTermDates(y) })),
  categories: 2,
  colleagues: { invitations: 1, others: 0 },
  plan: { plan: 'trial', trialEndsOn: '2026-12-25', memberSchools: 0 },
};

describe('setupStepProblems', () => {
  it('finds nothing missing when every step is in place', () => {
    for (const step of ['details', 'calendar', 'categories', 'colleagues', 'plan'] as const) expect(setupStepProblems(step, ready)).toEqual([]);
  });

  it('details: names each missing field', () => {
    const problems = setupStepProblems('details', { ...ready, details: { name: ' ', description: null, areas: [], legalForm: null, contactEmail: null } });
    expect(problems.map((p) => p.field)).toEqual(['name', 'description', 'areas', 'legalForm', 'contactEmail']);
  });

  it('calendar: needs the current and next academic years saved and sound', () => {
    expect(setupStepProblems('calendar', { ...ready, calendars: [] }).map((p) => p.message)).toEqual([
      'Check and save the term dates for 2026-27.',
      'Check and save the term dates for 2027-28.',
    ]);
    const broken = typicalTermDates(2027).slice(0, 5);
    expect(setupStepProblems('calendar', { ...ready, calendars: [ready.calendars[0]!, { academicYearStart: 2027, halfTerms: broken }] })).toEqual([
      { code: 'invalid_value', field: 'calendar.2027', message: 'Give dates for every half term: Summer 2 is missing.' },
    ]);
  });

  it('categories, colleagues and plan explain what is missing', () => {
    expect(setupStepProblems('categories', { ...ready, categories: 0 })[0]!.message).toMatch(/at least one membership category/);
    expect(setupStepProblems('colleagues', { ...ready, colleagues: { invitations: 0, others: 0 } })[0]!.message).toMatch(/Invite at least one colleague/);
    expect(setupStepProblems('plan', { ...ready, today: '2027-01-01' })[0]!.message).toMatch(/trial ended/);
  });
});

/** The refusals' sentences, in order. */
const sentences = (refusals: { message: string }[]) => refusals.map((r) => r.message);

describe('academicCalendarProblems', () => {
  it('accepts typical dates', () => expect(academicCalendarProblems(2026, typicalTermDates(2026))).toEqual([]));

  it('refuses dates from another academic year', () =>
    expect(sentences(academicCalendarProblems(2026, typicalTermDates(2027))).join(' ')).toMatch(/not in the 2026-27 academic year/));

  it('refuses half terms out of order', () => {
    const terms = typicalTermDates(2026).map((t) => ({ ...t }));
    [terms[0]!.name, terms[1]!.name] = [terms[1]!.name, terms[0]!.name];
    expect(sentences(academicCalendarProblems(2026, terms))).toEqual(['The half terms must come in order: Autumn 1, Autumn 2, Spring 1, Spring 2, Summer 1, Summer 2.']);
  });

  it('refuses an extra half term', () =>
    expect(sentences(academicCalendarProblems(2026, [...typicalTermDates(2026), { name: 'Summer 2', start: '2027-08-20', end: '2027-08-21' }])).join(' ')).toMatch(/more than once|6 half terms/));
});

describe('setupProgress', () => {
  it('resumes at the first step not done', () => {
    const progress = setupProgress(['details', 'categories'], ready);
    expect(progress.next).toBe('calendar');
    expect(progress.steps.map((s) => [s.step, s.done, s.next])).toEqual([
      ['details', true, false],
      ['calendar', false, true],
      ['categories', true, false],
      ['colleagues', false, false],
      ['plan', false, false],
    ]);
    expect(progress.doneCount).toBe(2);
    expect(progress.complete).toBe(false);
  });

  it('is complete when every step is done', () => {
    const progress = setupProgress(['details', 'calendar', 'categories', 'colleagues', 'plan'], ready);
    expect(progress).toMatchObject({ next: null, complete: true, doneCount: 5 });
  });
});
