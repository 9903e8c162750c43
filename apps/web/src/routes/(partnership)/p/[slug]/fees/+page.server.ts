import { fail, redirect } from '@sveltejs/kit';
import { plainMessage } from '#lib/fees/editor/field-errors.ts';
import { blankDocument, moveToPeriod } from '#lib/fees/editor/new-document.ts';
import type { PeriodKind } from '#lib/fees/editor/state.ts';
import { periodDefaults } from '#lib/fees/editor/to-document.ts';
import type { FeeSchedule } from '#lib/fees/schedule.ts';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import { nextAcademicYearStart, whereInSchedule } from '#lib/server/fees.ts';
import { canEditFeesIn } from '#lib/server/roles.ts';
import type { Actions, PageServerLoad } from './$types';

const MAX_IMPORT_BYTES = 512 * 1024;

export const load: PageServerLoad = async (event) => {
  const slug = event.params.slug;
  // As the fees layout's canEditFees, from the session's roles: the list need not wait for the layout.
  const canEditFees = canEditFeesIn(event.locals.me, slug);
  const api = apiFor(event);
  const [list, templates] = await Promise.all([
    loadOrFail(event, api.GET('/api/v1/tenants/{slug}/fee-schedules', { params: { path: { slug } } })),
    canEditFees ? loadOrFail(event, api.GET('/api/v1/tenants/{slug}/fee-schedule-templates', { params: { path: { slug } } })) : null,
  ]);
  return {
    schedules: list.items,
    templates: (templates?.items ?? []).map(({ key, name, description }) => ({ key, name, description })),
    suggestedStart: nextAcademicYearStart(),
    discarded: event.url.searchParams.get('discarded') === '1',
  };
};

type CreateForm = { startFrom: string; name: string; periodKind: PeriodKind; periodStart: string; periodEnd: string; periodLabel: string };

/** What both forms answer on failure: the values typed, messages by field, and the problems found in an imported file. */
interface ListForm {
  create: CreateForm | null;
  errors: Record<string, string>;
  message: string | null;
  importErrors: { where: string; message: string }[] | null;
}
const failed = (status: number, result: Partial<ListForm>) => fail(status, { create: null, errors: {}, message: null, importErrors: null, ...result } satisfies ListForm);

export const actions: Actions = {
  create: async (event) => {
    const form = await event.request.formData();
    const value = (name: string) => String(form.get(name) ?? '').trim();
    const kind = value('period-kind');
    const values: CreateForm = {
      startFrom: value('start-from') || 'blank',
      name: value('name'),
      periodKind: kind === 'financial-year' || kind === 'custom' ? kind : 'academic-year',
      periodStart: value('period-start'),
      periodEnd: value('period-end'),
      periodLabel: value('period-label'),
    };
    const errors: Record<string, string> = {};
    if (!values.name) errors.name = 'Enter a name for the schedule, like “Ealing Learning Partnership 2027–28”';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.periodStart)) errors['period-start'] = 'Enter the first day of the period, like 1 September 2027';
    const defaults = periodDefaults(values.periodKind, values.periodStart);
    const end = values.periodEnd || defaults?.end || '';
    const label = values.periodLabel || defaults?.label || '';
    if (values.periodKind === 'custom' && !end) errors['period-end'] = 'Enter the last day of the period';
    if (values.periodKind === 'custom' && !label) errors['period-label'] = 'Enter what schools call the period, like 2027–28';
    if (Object.keys(errors).length) return failed(400, { create: values, errors });

    let document: FeeSchedule;
    if (values.startFrom === 'blank') {
      document = blankDocument(values.name, values.periodKind, values.periodStart, end, label);
    } else {
      const templates = await submit(apiFor(event).GET('/api/v1/tenants/{slug}/fee-schedule-templates', { params: { path: { slug: event.params.slug } } }));
      const template = templates.ok ? templates.data.items.find((t) => t.key === values.startFrom) : undefined;
      if (!template) return failed(400, { create: values, errors: { 'start-from': 'Choose what to start from' } });
      document = moveToPeriod(template.document as FeeSchedule, values.name, values.periodKind, values.periodStart, end, label);
    }
    const created = await submit(apiFor(event).POST('/api/v1/tenants/{slug}/fee-schedules', { params: { path: { slug: event.params.slug } }, body: { document } }));
    if (!created.ok) {
      // The name and period are the only things typed here, so the period takes what the API says about dates.
      const fieldErrors: Record<string, string> = {};
      for (const [path, message] of Object.entries(created.problem.fields)) {
        const id = path.startsWith('document.name') ? 'name' : path.startsWith('document.period') ? 'period-start' : null;
        if (id) fieldErrors[id] ??= message;
      }
      const message = Object.keys(fieldErrors).length ? null : created.problem.message;
      return failed(created.problem.status, { create: values, errors: fieldErrors, message });
    }
    redirect(303, `/p/${encodeURIComponent(event.params.slug)}/fees/${created.data.id}?created=1`);
  },

  import: async (event) => {
    const form = await event.request.formData();
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) return failed(400, { errors: { file: 'Choose a fee schedule file (.json) to import' } });
    if (file.size > MAX_IMPORT_BYTES) return failed(400, { errors: { file: 'The file is too large to be a fee schedule (more than 512 KB)' } });
    let document: unknown;
    try {
      document = JSON.parse(await file.text());
    } catch {
      return failed(400, { errors: { file: `${file.name} is not a fee schedule file: it is not JSON. Export one from Partnerships and choose that file.` } });
    }
    if (typeof document !== 'object' || document === null || Array.isArray(document)) {
      return failed(400, { errors: { file: `${file.name} is not a fee schedule: it should start with "formatVersion": 1.` } });
    }
    const created = await submit(apiFor(event).POST('/api/v1/tenants/{slug}/fee-schedules', { params: { path: { slug: event.params.slug } }, body: { document: document as FeeSchedule } }));
    if (!created.ok) {
      const importErrors = Object.entries(created.problem.fields).map(([path, message]) => ({ where: whereInSchedule(path), message: plainMessage(message) }));
      return failed(created.problem.status, {
        errors: { file: importErrors.length ? `${file.name} could not be imported: ${importErrors.length === 1 ? 'there is 1 problem' : `there are ${importErrors.length} problems`}, listed below` : created.problem.message },
        importErrors,
      });
    }
    redirect(303, `/p/${encodeURIComponent(event.params.slug)}/fees/${created.data.id}?imported=1`);
  },
};
