import type { Schemas } from '@partnerships/api-client';
import type { RequestEvent } from '@sveltejs/kit';
import { HALF_TERM_NAMES } from '../calendar.ts';
import { calendarInputId, type CalendarValues, type CategoryValues, type DetailsValues } from '../settings-values.ts';
import { PHASES } from '../labels.ts';
import { splitAreas } from '../slug.ts';
import { apiFor, submit } from './api.ts';
import { choice, choices, readFields, text } from './form.ts';
import type { TenantRole } from '../vocabulary.ts';

/**
 * The forms a partnership's admin fills in twice, in the setup wizard and in settings: read
 * from the posted form, sent to the API, and the API's field problems mapped back to the
 * inputs that caused them (so the error summary links to the right place).
 */

type Event = Pick<RequestEvent, 'locals' | 'url' | 'getClientAddress' | 'cookies' | 'params'>;
export type FieldErrors = Record<string, string>;
export type FormOutcome<V> = { ok: true; values: V } | { ok: false; status: number; values: V; errors: FieldErrors; message: string | null };

const LOGO_MAX_BYTES = 200 * 1024;
const LOGO_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', svg: 'image/svg+xml' };

function failed<V>(status: number, values: V, errors: FieldErrors, message: string | null): FormOutcome<V> {
  return { ok: false, status, values, errors, message: Object.keys(errors).length ? null : message };
}

// ---- Details and branding ----

export function detailsValuesOf(settings: Schemas['SettingsDto']): DetailsValues {
  return {
    name: settings.name,
    description: settings.description ?? '',
    areas: settings.areas.join(', '),
    legalForm: settings.legalForm ?? '',
    contactEmail: settings.contactEmail ?? '',
    contactPhone: settings.contactPhone ?? '',
    website: settings.website ?? '',
    listed: settings.listed,
    inNationalAssociation: settings.inNationalAssociation ? 'yes' : 'no',
    brandColour: settings.brandColour ?? '',
  };
}

/** The logo as the API takes it: a data URL, null to remove it, or undefined to leave it. */
async function logoOf(form: FormData): Promise<{ logo?: string | null; error?: string }> {
  const file = form.get('logo');
  if (file instanceof File && file.size > 0) {
    if (file.size > LOGO_MAX_BYTES) return { error: `The logo is ${Math.ceil(file.size / 1024)} KB; the most is 200 KB. Use a smaller image (a few hundred pixels wide is plenty).` };
    const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
    const type = Object.values(LOGO_TYPES).includes(file.type) ? file.type : LOGO_TYPES[extension];
    if (!type) return { error: 'Upload the logo as a PNG, JPEG or SVG image.' };
    return { logo: `data:${type};base64,${Buffer.from(await file.arrayBuffer()).toString('base64')}` };
  }
  if (form.get('removeLogo') === 'yes') return { logo: null };
  return {};
}

const DETAILS_FIELDS: Record<string, string> = { logoDataUrl: 'logo' };

export async function saveDetails(event: Event, form: FormData): Promise<FormOutcome<DetailsValues>> {
  const posted = readFields(form, {
    name: text(),
    description: text(),
    areas: text(),
    legalForm: text(),
    contactEmail: text(),
    contactPhone: text(),
    website: text(),
    listed: text(),
    inNationalAssociation: text(),
    brandColour: text(),
  }).echo;
  const values: DetailsValues = { ...posted, listed: posted.listed === 'yes' };
  const logo = await logoOf(form);
  if (logo.error) return failed(400, values, { logo: logo.error }, null);

  const body: Schemas['UpdateSettingsDto'] = {
    name: values.name,
    description: values.description || null,
    areas: splitAreas(values.areas),
    ...(values.legalForm ? { legalForm: values.legalForm as NonNullable<Schemas['UpdateSettingsDto']['legalForm']> } : {}),
    contactEmail: values.contactEmail,
    contactPhone: values.contactPhone || null,
    website: values.website || null,
    listed: values.listed,
    inNationalAssociation: values.inNationalAssociation === 'yes',
    brandColour: values.brandColour || null,
    ...(logo.logo !== undefined ? { logoDataUrl: logo.logo } : {}),
  };
  const result = await submit(apiFor(event).PUT('/api/v1/tenants/{slug}/settings', { params: { path: { slug: event.params.slug! } }, body }));
  if (result.ok) return { ok: true, values };
  return failed(result.problem.status, values, mapFields(result.problem.fields, (f) => DETAILS_FIELDS[f] ?? f.split('.')[0]!), result.problem.message);
}

// ---- Academic calendar ----

export function calendarValuesOf(calendar: Schemas['CalendarDto'], only?: number[]): CalendarValues {
  return {
    budgetYear: calendar.budgetYear,
    years: calendar.years
      .filter((y) => !only || only.includes(y.academicYearStart))
      .map((y) => ({ academicYearStart: y.academicYearStart, label: y.label, halfTerms: y.halfTerms.map(({ name, start, end }) => ({ name, start, end })) })),
  };
}

/** The posted years (hidden `years` and `label-<year>` inputs) and their twelve dates each. */
function calendarValuesFrom(form: FormData): CalendarValues {
  const years = String(form.get('years') ?? '')
    .split(',')
    .map((y) => Number(y))
    .filter((y) => Number.isInteger(y) && y >= 2000 && y <= 2100);
  return {
    budgetYear: String(form.get('budgetYear') ?? ''),
    years: years.map((year) => ({
      academicYearStart: year,
      label: String(form.get(`label-${year}`) ?? year),
      halfTerms: HALF_TERM_NAMES.map((name, i) => ({
        name,
        start: String(form.get(calendarInputId(year, i, 'start')) ?? '').trim(),
        end: String(form.get(calendarInputId(year, i, 'end')) ?? '').trim(),
      })),
    })),
  };
}

/** Where a calendar problem belongs: a date's own input, or the year's first date. */
export function calendarField(field: string, year: number): string {
  const match = /^halfTerms\.(\d+)\.(start|end)$/.exec(field);
  return match ? calendarInputId(year, Number(match[1]), match[2] as 'start' | 'end') : calendarInputId(year, 0, 'start');
}

export async function saveCalendar(event: Event, form: FormData, budgetYearBefore: string): Promise<FormOutcome<CalendarValues>> {
  const values = calendarValuesFrom(form);
  const api = apiFor(event);
  const slug = event.params.slug!;
  const errors: FieldErrors = {};
  let message: string | null = null;
  let status = 400;

  if (values.budgetYear !== budgetYearBefore) {
    if (values.budgetYear !== 'academic-year' && values.budgetYear !== 'financial-year') {
      errors.budgetYear = 'Choose the year the partnership budgets on';
    } else {
      const result = await submit(api.PUT('/api/v1/tenants/{slug}/settings', { params: { path: { slug } }, body: { budgetYear: values.budgetYear } }));
      if (!result.ok) Object.assign(errors, mapFields(result.problem.fields, () => 'budgetYear'));
    }
  }
  for (const year of values.years) {
    const missing = year.halfTerms.flatMap((t, i) => [
      ...(t.start ? [] : [[calendarInputId(year.academicYearStart, i, 'start'), `Give the first day of ${t.name} ${year.label}`]]),
      ...(t.end ? [] : [[calendarInputId(year.academicYearStart, i, 'end'), `Give the last day of ${t.name} ${year.label}`]]),
    ]);
    if (missing.length) {
      Object.assign(errors, Object.fromEntries(missing));
      continue;
    }
    const result = await submit(
      api.PUT('/api/v1/tenants/{slug}/calendar/{academicYearStart}', {
        params: { path: { slug, academicYearStart: String(year.academicYearStart) } },
        body: { halfTerms: year.halfTerms as Schemas['SaveCalendarDto']['halfTerms'] },
      }),
    );
    if (!result.ok) {
      const mapped = mapFields(result.problem.fields, (f) => calendarField(f, year.academicYearStart));
      for (const [field, text] of Object.entries(mapped)) errors[field] ??= `${year.label}: ${text}`;
      if (!Object.keys(mapped).length) message = result.problem.message;
      status = result.problem.status;
    }
  }
  if (Object.keys(errors).length || message) return failed(status, values, errors, message);
  return { ok: true, values };
}

// ---- Plan ----

export async function savePlan(event: Event, form: FormData, before: string): Promise<FormOutcome<{ plan: string }>> {
  const read = readFields(form, { plan: text({ trim: false, required: 'Choose a plan' }) });
  const { plan } = read.echo;
  if (!read.ok) return failed(400, { plan }, read.errors, null);
  if (plan === before) return { ok: true, values: { plan } };
  const result = await submit(
    apiFor(event).PUT('/api/v1/tenants/{slug}/plan', { params: { path: { slug: event.params.slug! } }, body: { plan: plan as Schemas['ChoosePlanDto']['plan'] } }),
  );
  if (result.ok) return { ok: true, values: { plan } };
  return failed(result.problem.status, { plan }, mapFields(result.problem.fields, () => 'plan'), result.problem.message);
}

// ---- Invitations ----

export async function inviteColleague(event: Event, form: FormData, roles: readonly TenantRole[]): Promise<FormOutcome<{ email: string; role: string }> & { invited?: Schemas['InvitationDto'] }> {
  const read = readFields(form, { email: text({ required: 'Enter the e-mail address of the person to invite' }), role: choice(roles, 'Choose a role') });
  const values = read.echo;
  if (!read.ok) return failed(400, values, read.errors, null);
  const result = await submit(apiFor(event).POST('/api/v1/tenants/{slug}/invitations', { params: { path: { slug: event.params.slug! } }, body: read.values }));
  if (!result.ok) return failed(result.problem.status, values, result.problem.fields, result.problem.message);
  return { ok: true, values, invited: result.data };
}

/** API field names -> input ids, first message per input. */
export function mapFields(fields: FieldErrors, to: (field: string) => string): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, message] of Object.entries(fields)) out[to(field)] ??= message;
  return out;
}

// ---- Membership categories ----

export function categoryValuesOf(category: Schemas['CategoryDto'] | null): CategoryValues {
  return {
    code: category?.code ?? '',
    name: category?.name ?? '',
    description: category?.description ?? '',
    eligiblePhases: category?.eligiblePhases ?? [],
    eligibleLocalAuthorities: category?.eligibleLocalAuthorities.join(', ') ?? '',
    eligibleTypes: category?.eligibleTypes.join(', ') ?? '',
    votingRights: category ? (category.votingRights ? 'yes' : 'no') : '',
    feesApply: category ? (category.feesApply ? 'yes' : 'no') : 'yes',
    includes: category?.includes.join('\n') ?? '',
  };
}

const CATEGORY_FIELDS: Record<string, string> = { eligiblePhases: 'eligiblePhases', eligibleLocalAuthorities: 'eligibleLocalAuthorities', eligibleTypes: 'eligibleTypes' };

/** Adds a category (id null) or changes one; its code is fixed once made. */
export async function saveCategory(event: Event, form: FormData, id: string | null): Promise<FormOutcome<CategoryValues>> {
  const read = readFields(form, {
    // In the order the error summary lists them.
    name: text({ required: 'Give the category a name, such as Full member' }),
    code: text(id === null ? { required: 'Give the category a short code, such as full or associate' } : {}),
    description: text(),
    eligiblePhases: choices(PHASES),
    eligibleLocalAuthorities: text(),
    eligibleTypes: text(),
    votingRights: text({ required: 'Say whether schools in this category vote at general meetings' }),
    feesApply: text({ required: 'Say whether schools in this category pay membership fees' }),
    includes: text({ trim: false }),
  });
  const values: CategoryValues = read.echo;
  if (!read.ok) return failed(400, values, read.errors, null);

  const body = {
    name: values.name,
    description: values.description || null,
    eligiblePhases: read.echo.eligiblePhases,
    eligibleLocalAuthorities: splitAreas(values.eligibleLocalAuthorities),
    eligibleTypes: splitAreas(values.eligibleTypes),
    votingRights: values.votingRights === 'yes',
    feesApply: values.feesApply === 'yes',
    includes: values.includes
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  };
  const api = apiFor(event);
  const slug = event.params.slug!;
  const result = await submit(
    id === null
      ? api.POST('/api/v1/tenants/{slug}/membership-categories', { params: { path: { slug } }, body: { ...body, code: values.code } })
      : api.PUT('/api/v1/tenants/{slug}/membership-categories/{id}', { params: { path: { slug, id } }, body }),
  );
  if (result.ok) return { ok: true, values };
  return failed(result.problem.status, values, mapFields(result.problem.fields, (f) => CATEGORY_FIELDS[f.split('.')[0]!] ?? f.split('.')[0]!), result.problem.message);
}
