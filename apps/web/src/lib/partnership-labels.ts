/** Words for a partnership's own settings: how it is constituted, its year, the setup steps, its plan. */
import { londonToday } from './dates.ts';
import { type BudgetYear, type LegalForm, type SetupStep, type TenantRole, isOneOf, valuesOf } from './vocabulary.ts';

export type { LegalForm, SetupStep };

export const LEGAL_FORM_LABELS: Record<LegalForm, string> = {
  'company-limited-by-guarantee': 'Company limited by guarantee',
  charity: 'Charity',
  'council-hosted': 'Hosted by the council',
  informal: 'Informal partnership',
};

/** As the API (and the tenants.legal_form check) knows them. */
export const LEGAL_FORMS = valuesOf(LEGAL_FORM_LABELS);

export const legalFormLabel = (code: string | null | undefined) => (code && code in LEGAL_FORM_LABELS ? LEGAL_FORM_LABELS[code as LegalForm] : 'Not given');

export const BUDGET_YEAR_LABELS: Record<BudgetYear, { label: string; hint: string }> = {
  'academic-year': { label: 'The academic year', hint: '1 September to 31 August, like academies' },
  'financial-year': { label: 'The financial year', hint: '1 April to 31 March, like councils and maintained schools' },
};
export const BUDGET_YEARS = valuesOf(BUDGET_YEAR_LABELS);

export const budgetYearLabel = (code: string) => (code in BUDGET_YEAR_LABELS ? BUDGET_YEAR_LABELS[code as keyof typeof BUDGET_YEAR_LABELS].label : code);

/** The setup wizard's steps, in order, with what each one is for. */
export const SETUP_STEP_INFO: Record<SetupStep, { title: string; why: string }> = {
  details: {
    title: 'Details and branding',
    why: 'What schools see on your public page and in e-mails: a short description, how to contact you, your colour and logo.',
  },
  calendar: {
    title: 'Academic calendar',
    why: 'Term dates drive notice deadlines, meetings and fees. We have filled in typical English dates: check them against your council’s.',
  },
  categories: {
    title: 'Membership categories',
    why: 'Who can join, who votes at general meetings, and what membership includes. Your template created these; change anything that does not fit.',
  },
  colleagues: {
    title: 'Invite colleagues',
    why: 'Invite at least one colleague, for example whoever handles finance, so the partnership never depends on one person.',
  },
  plan: {
    title: 'Choose a plan',
    why: 'Every partnership starts on a free trial. Choose a paid plan now or later; payment is taken once billing opens.',
  },
};

export const SETUP_STEPS = valuesOf(SETUP_STEP_INFO);

export const isSetupStep = (value: string): value is SetupStep => isOneOf(SETUP_STEPS, value);

export const setupStepHref = (slug: string, step: SetupStep) => `/p/${encodeURIComponent(slug)}/setup/${step}`;

/** The step after this one, or null after the last. */
export function stepAfter(step: SetupStep): SetupStep | null {
  return SETUP_STEPS[SETUP_STEPS.indexOf(step) + 1] ?? null;
}

export function stepBefore(step: SetupStep): SetupStep | null {
  return SETUP_STEPS[SETUP_STEPS.indexOf(step) - 1] ?? null;
}

const wholePounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 0 });
const poundsAndPence = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 2 });

/** £600 a year; "Free" for nothing. Pence in, whole pounds out where exact. */
export function formatAnnualPrice(pence: number): string {
  if (pence === 0) return 'Free';
  const pounds = (pence % 100 ? poundsAndPence : wholePounds).format(pence / 100);
  return `${pounds} a year`;
}

/** Roles a new partnership's admin invites colleagues to in the wizard. */
export const SETUP_INVITE_ROLES = ['finance', 'officer', 'tenant-admin'] as const satisfies readonly TenantRole[];

/** The academic year that contains today, else the first one given. */
export function currentYearOf<T extends { start: string; end: string }>(years: T[], today = londonToday()): T | null {
  return years.find((y) => y.start <= today && today <= y.end) ?? years[0] ?? null;
}

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

/** 25 November 2026 at 10:42 (London time). */
export function formatDateTime(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateTimeFormat.format(date).replace(', ', ' at ');
}
