import { academicYearOf, academicYearStarting, HALF_TERM_NAMES, type HalfTerm, isValidIsoDate, type IsoDateString, termDateProblems, yearLabel } from '../calendar';
import { refusal, type Refusal } from '../refusal';
import { isLegalForm } from './legal-forms';
import { planProblem } from './platform-plans';

/** The setup wizard, in order. A partnership can leave and come back: progress is stored per step. */
export const SETUP_STEPS = ['details', 'calendar', 'categories', 'colleagues', 'plan'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

export const SETUP_STEP_TITLES: Record<SetupStep, string> = {
  details: 'Details and branding',
  calendar: 'Academic calendar',
  categories: 'Membership categories',
  colleagues: 'Invite colleagues',
  plan: 'Choose a plan',
};

export function isSetupStep(value: unknown): value is SetupStep {
  return typeof value === 'string' && (SETUP_STEPS as readonly string[]).includes(value);
}

/** What the wizard needs to know about a partnership to say whether each step is complete. */
export interface SetupFacts {
  today: IsoDateString;
  details: { name: string; description: string | null; areas: string[]; legalForm: string | null; contactEmail: string | null };
  /** Saved calendars, by the calendar year their academic year starts in. */
  calendars: { academicYearStart: number; halfTerms: HalfTerm[] }[];
  /** Membership categories in use (not archived). */
  categories: number;
  /** Invitations sent and people other than the first admin who hold a role. */
  colleagues: { invitations: number; others: number };
  plan: { plan: string; trialEndsOn: string | null; memberSchools: number };
}

/** Something a step still needs: an 'invalid_value' refusal naming the field a form should highlight. */
export type StepProblem = Refusal & { field: string };

function stepProblem(field: string, message: string): StepProblem {
  return { code: 'invalid_value', message, field };
}

/**
 * Problems with one academic year's half terms: all six, inside that year, in order; as
 * 'invalid_value' refusals about the list as a whole (no field), empty when it is usable.
 */
export function academicCalendarProblems(academicYearStart: number, halfTerms: readonly HalfTerm[]): Refusal[] {
  return academicCalendarSentences(academicYearStart, halfTerms).map((message) => refusal('invalid_value', message));
}

function academicCalendarSentences(academicYearStart: number, halfTerms: readonly HalfTerm[]): string[] {
  const year = academicYearStarting(academicYearStart);
  const problems = termDateProblems(halfTerms).map((r) => r.message);
  const outside = halfTerms.filter((t) => isValidIsoDate(t.start) && academicYearOf(t.start).startYear !== academicYearStart);
  for (const term of outside) problems.push(`${term.name} (${term.start}) is not in the ${year.label} academic year (${year.start} to ${year.end}).`);
  const missing = HALF_TERM_NAMES.filter((name) => !halfTerms.some((t) => t.name === name));
  if (missing.length) problems.push(`Give dates for every half term: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing.`);
  if (halfTerms.length > HALF_TERM_NAMES.length) problems.push(`An academic year has ${HALF_TERM_NAMES.length} half terms; ${halfTerms.length} were given.`);
  const order = HALF_TERM_NAMES.filter((name) => halfTerms.some((t) => t.name === name));
  const byStart = [...halfTerms].filter((t) => isValidIsoDate(t.start)).sort((a, b) => a.start.localeCompare(b.start)).map((t) => t.name);
  if (!problems.length && order.join() !== byStart.join()) problems.push(`The half terms must come in order: ${HALF_TERM_NAMES.join(', ')}.`);
  return problems;
}

/** What is missing before a step can be marked complete, in plain words (empty: ready). */
export function setupStepProblems(step: SetupStep, facts: SetupFacts): StepProblem[] {
  switch (step) {
    case 'details': {
      const d = facts.details;
      const problems: StepProblem[] = [];
      if (!d.name.trim()) problems.push(stepProblem('name', 'Give the partnership’s name.'));
      if (!d.description?.trim()) problems.push(stepProblem('description', 'Add a short description: it is the first thing schools read on your public page.'));
      if (!d.areas.length) problems.push(stepProblem('areas', 'Name at least one local authority area the partnership serves.'));
      if (!isLegalForm(d.legalForm)) problems.push(stepProblem('legalForm', 'Say how the partnership is constituted (company, charity, council-hosted or informal).'));
      if (!d.contactEmail) problems.push(stepProblem('contactEmail', 'Give an e-mail address schools can write to.'));
      return problems;
    }
    case 'calendar': {
      const current = academicYearOf(facts.today).startYear;
      const problems: StepProblem[] = [];
      for (const year of [current, current + 1]) {
        const saved = facts.calendars.find((c) => c.academicYearStart === year);
        if (!saved) {
          problems.push(stepProblem(`calendar.${year}`, `Check and save the term dates for ${yearLabel(year)}.`));
          continue;
        }
        for (const problem of academicCalendarProblems(year, saved.halfTerms)) problems.push(stepProblem(`calendar.${year}`, problem.message));
      }
      return problems;
    }
    case 'categories':
      return facts.categories > 0 ? [] : [stepProblem('categories', 'Add at least one membership category, such as full member, so schools can join.')];
    case 'colleagues':
      return facts.colleagues.invitations + facts.colleagues.others > 0
        ? []
        : [stepProblem('colleagues', 'Invite at least one colleague (for example someone in finance) so the partnership does not depend on one person.')];
    case 'plan': {
      const problem = planProblem(facts.plan.plan, { memberSchools: facts.plan.memberSchools, trialEndsOn: facts.plan.trialEndsOn, today: facts.today });
      return problem ? [stepProblem('plan', problem)] : [];
    }
  }
}

export interface SetupStepStatus {
  step: SetupStep;
  title: string;
  done: boolean;
  /** True for the first step not yet done: where the wizard resumes. */
  next: boolean;
  /** What is still missing (empty when the step could be completed now). */
  problems: StepProblem[];
}

export interface SetupProgress {
  steps: SetupStepStatus[];
  next: SetupStep | null;
  doneCount: number;
  complete: boolean;
}

/** The wizard's progress from the steps marked done and the current facts. */
export function setupProgress(done: readonly string[], facts: SetupFacts): SetupProgress {
  const next = SETUP_STEPS.find((step) => !done.includes(step)) ?? null;
  const steps = SETUP_STEPS.map((step) => ({
    step,
    title: SETUP_STEP_TITLES[step],
    done: done.includes(step),
    next: step === next,
    problems: setupStepProblems(step, facts),
  }));
  const doneCount = steps.filter((s) => s.done).length;
  return { steps, next, doneCount, complete: next === null };
}
