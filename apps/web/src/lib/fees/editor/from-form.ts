/** Form post -> form: the editor's fields as posted (the page without JavaScript). */
import { COMPONENT_KINDS, PAYMENT_KINDS, PERIOD_KINDS } from '../schedule.ts';
import { type EditorState, newComponent } from './state.ts';

const str = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};
const all = (form: FormData, name: string) => form.getAll(name).filter((v): v is string => typeof v === 'string');
const indexes = (form: FormData, pattern: RegExp) =>
  [...new Set([...form.keys()].map((k) => pattern.exec(k)?.[1]).filter((v): v is string => v !== undefined).map(Number))].sort((a, b) => a - b);
const oneOf = <T extends string>(value: string, choices: readonly T[], fallback: T): T => ((choices as readonly string[]).includes(value) ? (value as T) : fallback);

/** The editor's fields from a form post (the page without JavaScript). */
export function stateFromForm(form: FormData): EditorState {
  const tiers = indexes(form, /^tier-(\d+)-code$/).map((k) => ({ code: str(form, `tier-${k}-code`), name: str(form, `tier-${k}-name`) }));
  const components = indexes(form, /^c-(\d+)-kind$/).map((i) => {
    const p = `c-${i}`;
    const kind = oneOf(str(form, `${p}-kind`), COMPONENT_KINDS, 'per-pupil');
    const state = newComponent(kind, tiers.length);
    state.label = str(form, `${p}-label`);
    state.amount = str(form, `${p}-amount`);
    state.code = str(form, `${p}-code`);
    state.reason = str(form, `${p}-reason`);
    state.discountBy = str(form, `${p}-discount-by`) === 'amount' ? 'amount' : 'percent';
    state.percent = str(form, `${p}-percent`);
    state.bands = indexes(form, new RegExp(`^${p}-band-(\\d+)-amount$`)).map((j) => ({
      min: str(form, `${p}-band-${j}-min`),
      max: str(form, `${p}-band-${j}-max`),
      amount: str(form, `${p}-band-${j}-amount`),
    }));
    state.prices = tiers.map((_, k) => str(form, `${p}-price-${k}`));
    state.when = {
      phases: all(form, `${p}-phase`),
      categories: all(form, `${p}-category`),
      tiers: all(form, `${p}-tier`),
      schoolTypes: str(form, `${p}-school-types`),
      minPupils: str(form, `${p}-min-pupils`),
      maxPupils: str(form, `${p}-max-pupils`),
      sixthForm: oneOf(str(form, `${p}-sixth-form`), ['', 'yes', 'no'] as const, ''),
      openedOnOrAfter: str(form, `${p}-opened-on`),
      inTrust: oneOf(str(form, `${p}-in-trust`), ['', 'yes', 'no'] as const, ''),
      trusts: str(form, `${p}-trusts`),
      dioceses: str(form, `${p}-dioceses`),
      areas: str(form, `${p}-areas`),
    };
    return state;
  });
  return {
    name: str(form, 'name'),
    periodKind: oneOf(str(form, 'period-kind'), PERIOD_KINDS, 'academic-year'),
    periodStart: str(form, 'period-start'),
    periodEnd: str(form, 'period-end'),
    periodLabel: str(form, 'period-label'),
    rounding: str(form, 'rounding') || 'penny:half-up',
    components,
    tiers,
    proRataMethod: oneOf(str(form, 'pro-rata-method'), ['', 'day', 'month'] as const, ''),
    proRataRounding: str(form, 'pro-rata-rounding') || 'penny:down',
    paymentKind: oneOf(str(form, 'payment-kind'), PAYMENT_KINDS, 'in-advance'),
    parts: indexes(form, /^part-(\d+)-label$/).map((k) => ({ label: str(form, `part-${k}-label`), dueDate: str(form, `part-${k}-due`), share: str(form, `part-${k}-share`) })),
    freeFrom: str(form, 'free-from'),
    freeTo: str(form, 'free-to'),
    guaranteeAmount: str(form, 'guarantee-amount'),
    guaranteeNote: str(form, 'guarantee-note'),
    addKind: oneOf(str(form, 'add-kind'), COMPONENT_KINDS, 'per-pupil'),
  };
}
