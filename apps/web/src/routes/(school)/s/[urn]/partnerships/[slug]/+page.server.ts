import { fail, redirect } from '@sveltejs/kit';
import { parsePupils } from '#lib/members.ts';
import { apiFor, loadOrFail, loginUrl, submit } from '#lib/server/api.ts';
import { readForm, text } from '#lib/server/form.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { PUPIL_COUNT_MAX } from '#lib/pupil-count.ts';

/** One partnership as the school sees it: its membership, what is included, dates, contacts, documents; apply and notice. */
export const load: PageServerLoad = async (event) => {
  // The membership, the quote and the invoices together (none needs another's answer, nor the
  // layout's portal, whose 404 for someone else's school is shown first).
  const me = event.locals.me;
  if (!me) redirect(303, loginUrl(event.url));
  const path = { urn: event.params.urn, tenantSlug: event.params.slug };
  // Price before joining: the partnership's invitation lets the school see its own quote (listed or not); members see their fee and invoices.
  const [membership, quote, invoices] = await Promise.all([
    loadOrFail(event, apiFor(event).GET('/api/v1/school-portal/{urn}/memberships/{tenantSlug}', { params: { path } })),
    apiFor(event).GET('/api/v1/school-portal/{urn}/memberships/{tenantSlug}/quote', { params: { path } }).then((r) => r.data ?? null).catch(() => null),
    apiFor(event)
      .GET('/api/v1/school-portal/{urn}/invoices', { params: { path: { urn: event.params.urn }, query: { partnership: event.params.slug, pageSize: 10 } } })
      .then((r) => r.data ?? null)
      .catch(() => null),
  ]);
  const slug = event.params.slug;
  const billing = invoices ? { currentFee: invoices.currentFees.find((f) => f.partnershipSlug === slug) ?? null, invoices: invoices.items, moreInvoices: invoices.total > invoices.items.length } : null;
  return { membership, me: { name: me.user.name, email: me.user.email }, quote, billing };
};

/** The API names application fields like contact.name; the form's ids are contact-name. */
const FIELD_IDS: Record<string, string> = { 'contact.name': 'contact-name', 'contact.email': 'contact-email', 'contact.role': 'contact-role', 'contact.phone': 'contact-phone', contact: 'contact-name' };

type Values = Record<string, string>;
interface Answer {
  errors: Record<string, string>;
  message: string | null;
  done: string | null;
  values: Values;
  preview: { leavingOn: string; explanation: string; noticeRule: string; givenOn: string; note: string } | null;
}
const answer = (over: Partial<Answer>): Answer => ({ errors: {}, message: null, done: null, values: {}, preview: null, ...over });

const readNote = async (request: Request) => (await readForm(request, { note: text() })).echo;

function path(event: RequestEvent) {
  return { urn: event.params.urn, tenantSlug: event.params.slug };
}

async function notice(event: RequestEvent, confirm: boolean) {
  const { note } = await readNote(event.request);
  const result = await submit(apiFor(event).POST('/api/v1/school-portal/{urn}/memberships/{tenantSlug}/notice', { params: { path: path(event) }, body: { confirm, ...(note ? { note } : {}) } }));
  if (!result.ok) return fail(result.problem.status, answer({ message: result.problem.message, values: { note } }));
  const n = result.data;
  if (!confirm) return answer({ preview: { leavingOn: n.leavingOn, explanation: n.explanation, noticeRule: n.noticeRule, givenOn: n.givenOn, note } });
  return answer({ done: `Notice is given. ${n.explanation}` });
}

export const actions: Actions = {
  /** Applying: a named person, confirmed contact details, the pupil number, the terms and any liability guarantee. */
  apply: async (event) => {
    const form = await event.request.formData();
    const values: Values = {
      'contact-name': String(form.get('contactName') ?? '').trim(),
      'contact-role': String(form.get('contactRole') ?? '').trim(),
      'contact-email': String(form.get('contactEmail') ?? '').trim(),
      'contact-phone': String(form.get('contactPhone') ?? '').trim(),
      pupilNumber: String(form.get('pupilNumber') ?? '').trim(),
      contactDetailsConfirmed: form.get('contactDetailsConfirmed') ? 'yes' : '',
      acceptTerms: form.get('acceptTerms') ? 'yes' : '',
      acceptLiabilityGuarantee: form.get('acceptLiabilityGuarantee') ? 'yes' : '',
    };
    const needsGuarantee = form.get('guaranteeShown') === 'yes';
    const errors: Record<string, string> = {};
    if (!values['contact-name']) errors['contact-name'] = 'Enter the name of the person applying for the school';
    if (!values['contact-email']) errors['contact-email'] = 'Enter a contact e-mail address';
    if (!values.contactDetailsConfirmed) errors.contactDetailsConfirmed = 'Confirm the contact details are correct';
    const pupils = parsePupils(values.pupilNumber ?? '');
    if (pupils === null) errors.pupilNumber = `Enter the number of pupils on roll as a whole number from 0 to ${PUPIL_COUNT_MAX.toLocaleString('en-GB')}, like 420`;
    if (!values.acceptTerms) errors.acceptTerms = 'Accept the membership terms to apply';
    if (needsGuarantee && !values.acceptLiabilityGuarantee) errors.acceptLiabilityGuarantee = 'Accept the liability guarantee to apply';
    if (Object.keys(errors).length) return fail(400, answer({ errors, values }));

    const result = await submit(
      apiFor(event).POST('/api/v1/school-portal/{urn}/memberships/{tenantSlug}/apply', {
        params: { path: path(event) },
        body: {
          contact: {
            name: values['contact-name']!,
            email: values['contact-email']!,
            ...(values['contact-role'] ? { role: values['contact-role'] } : {}),
            ...(values['contact-phone'] ? { phone: values['contact-phone'] } : {}),
          },
          contactDetailsConfirmed: true,
          pupilNumber: pupils!,
          acceptTerms: true,
          ...(needsGuarantee ? { acceptLiabilityGuarantee: true } : {}),
        },
      }),
    );
    if (!result.ok) {
      const fields = Object.fromEntries(Object.entries(result.problem.fields).map(([field, text]) => [FIELD_IDS[field] ?? field, text]));
      return fail(result.problem.status, answer({ errors: fields, values, message: Object.keys(fields).length ? null : result.problem.message }));
    }
    return answer({ done: `Your application has been sent to ${result.data.partnership.name}. We will e-mail you when they have decided.` });
  },
  previewNotice: (event) => notice(event, false),
  confirmNotice: (event) => notice(event, true),
  withdraw: async (event) => {
    const { note } = await readNote(event.request);
    const result = await submit(
      apiFor(event).POST('/api/v1/school-portal/{urn}/memberships/{tenantSlug}/withdraw-application', { params: { path: path(event) }, body: note ? { note } : {} }),
    );
    if (!result.ok) return fail(result.problem.status, answer({ message: result.problem.message }));
    return answer({ done: 'Your application is withdrawn.' });
  },
};
