import { fail } from '@sveltejs/kit';
import type { Schemas } from '@partnerships/api-client';
import { basisPointsToInput, parsePercent, parseWhole } from '#lib/fees/money.ts';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import type { Actions, PageServerLoad } from './$types';

type Settings = Schemas['BillingSettingsDto'];
export type SettingsValues = Record<string, string> & { vatRegistered: string; remindersEnabled: string };

const FIELDS = ['vatNumber', 'vatRate', 'paymentTermsDays', 'reminderOffsets', 'invoicePrefix', 'bankAccountName', 'bankSortCode', 'bankAccountNumber', 'financeEmail', 'invoiceNote'];

function valuesOf(s: Settings): SettingsValues {
  return {
    vatRegistered: s.vatRegistered ? 'yes' : '',
    vatNumber: s.vatNumber ?? '',
    vatRate: basisPointsToInput(s.vatRateBasisPoints),
    paymentTermsDays: String(s.paymentTermsDays),
    remindersEnabled: s.remindersEnabled ? 'yes' : '',
    reminderOffsets: s.reminderOffsets.join(', '),
    invoicePrefix: s.invoicePrefix,
    bankAccountName: s.bankAccountName ?? '',
    bankSortCode: s.bankSortCode ?? '',
    bankAccountNumber: s.bankAccountNumber ?? '',
    financeEmail: s.financeEmail ?? '',
    invoiceNote: s.invoiceNote ?? '',
  };
}

export const load: PageServerLoad = async (event) => {
  const settings = await loadOrFail(event, apiFor(event).GET('/api/v1/tenants/{slug}/billing-settings', { params: { path: { slug: event.params.slug } } }));
  return { settings, values: valuesOf(settings) };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const values = { vatRegistered: form.get('vatRegistered') ? 'yes' : '', remindersEnabled: form.get('remindersEnabled') ? 'yes' : '' } as SettingsValues;
    for (const f of FIELDS) values[f] = String(form.get(f) ?? '').trim();
    const errors: Record<string, string> = {};

    const vatRegistered = values.vatRegistered === 'yes';
    let vatRateBasisPoints = 0;
    if (vatRegistered) {
      if (!values.vatNumber) errors.vatNumber = 'Enter your VAT registration number, like GB123456789';
      const rate = parsePercent(values.vatRate || '', 'the VAT rate');
      if (rate.ok) vatRateBasisPoints = rate.value;
      else errors.vatRate = rate.message;
    }
    const terms = parseWhole(values.paymentTermsDays, 'the payment terms in days', { min: 0, max: 365 });
    if (!terms.ok) errors.paymentTermsDays = terms.message;
    const offsets: number[] = [];
    for (const part of values.reminderOffsets.split(',').map((p) => p.trim()).filter(Boolean)) {
      if (!/^[-+]?\d{1,3}$/.test(part)) {
        errors.reminderOffsets = 'Enter days from the due date separated by commas, like -7, 0, 14';
        break;
      }
      offsets.push(Number(part));
    }
    if (!values.invoicePrefix) errors.invoicePrefix = 'Enter the start of your invoice numbers, like ELP';
    if (values.bankSortCode && !/^\d{2}-?\d{2}-?\d{2}$/.test(values.bankSortCode.replace(/\s/g, ''))) errors.bankSortCode = 'Enter a sort code of 6 digits, like 12-34-56';
    if (values.bankAccountNumber && !/^\d{8}$/.test(values.bankAccountNumber.replace(/\s/g, ''))) errors.bankAccountNumber = 'Enter an account number of 8 digits';
    if (values.financeEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.financeEmail)) errors.financeEmail = 'Enter an e-mail address in the right format, like finance@example.org';
    if (Object.keys(errors).length) return fail(400, { values, errors, message: null as string | null, saved: false });

    const sort = values.bankSortCode.replace(/\D/g, '');
    const answer = await submit(
      apiFor(event).PUT('/api/v1/tenants/{slug}/billing-settings', {
        params: { path: { slug: event.params.slug } },
        body: {
          vatRegistered,
          vatNumber: vatRegistered ? values.vatNumber : null,
          vatRateBasisPoints,
          paymentTermsDays: terms.ok ? terms.value : 30,
          remindersEnabled: values.remindersEnabled === 'yes',
          reminderOffsets: offsets,
          invoicePrefix: values.invoicePrefix,
          bankAccountName: values.bankAccountName || null,
          bankSortCode: sort ? `${sort.slice(0, 2)}-${sort.slice(2, 4)}-${sort.slice(4, 6)}` : null,
          bankAccountNumber: values.bankAccountNumber.replace(/\s/g, '') || null,
          financeEmail: values.financeEmail || null,
          invoiceNote: values.invoiceNote || null,
        },
      }),
    );
    if (!answer.ok) {
      const fieldErrors: Record<string, string> = {};
      for (const [key, message] of Object.entries(answer.problem.fields)) fieldErrors[key === 'vatRateBasisPoints' ? 'vatRate' : key] = message;
      return fail(answer.problem.status, { values, errors: fieldErrors, message: answer.problem.message, saved: false });
    }
    return { values: valuesOf(answer.data), errors: {} as Record<string, string>, message: null as string | null, saved: true };
  },
};
