/**
 * The schedule editor's form, as plain strings exactly as people typed them. The same state
 * runs in the browser (live preview) and on the server (form actions), so the page behaves the
 * same with and without JavaScript. Conversions live beside it: from-document.ts, from-form.ts,
 * to-document.ts; the editing steps in operations.ts; API messages in field-errors.ts.
 */
import { type ComponentKind, KIND_NAMES, type PaymentKind, type PeriodKind } from '../schedule.ts';
import { emptyFactCondition, type FactConditionState } from './school-facts.ts';

export type { PaymentKind, PeriodKind };
export type ProRataMethod = '' | 'day' | 'month';

export interface BandState {
  min: string;
  max: string;
  amount: string;
}

export interface ConditionState extends FactConditionState {
  phases: string[];
  categories: string[];
  tiers: string[];
  schoolTypes: string;
  minPupils: string;
  maxPupils: string;
}

export interface ComponentState {
  kind: ComponentKind;
  label: string;
  /** The money of the component: rate per pupil, base, flat, fixed, minimum, maximum fee, or a discount in money. */
  amount: string;
  code: string;
  reason: string;
  discountBy: 'percent' | 'amount';
  percent: string;
  bands: BandState[];
  /** One price per service level, in the order of `tiers`; blank means not priced. */
  prices: string[];
  when: ConditionState;
}

export interface EditorState {
  name: string;
  periodKind: PeriodKind;
  periodStart: string;
  periodEnd: string;
  periodLabel: string;
  rounding: string;
  components: ComponentState[];
  tiers: { code: string; name: string }[];
  proRataMethod: ProRataMethod;
  proRataRounding: string;
  paymentKind: PaymentKind;
  parts: { label: string; dueDate: string; share: string }[];
  freeFrom: string;
  freeTo: string;
  guaranteeAmount: string;
  guaranteeNote: string;
  addKind: ComponentKind;
}

export const emptyCondition = (): ConditionState => ({ phases: [], categories: [], tiers: [], schoolTypes: '', minPupils: '', maxPupils: '', ...emptyFactCondition() });

export function newComponent(kind: ComponentKind, tiers: number): ComponentState {
  return {
    kind,
    label: '',
    amount: '',
    code: '',
    reason: '',
    discountBy: 'percent',
    percent: '',
    bands: kind === 'size-bands' ? [{ min: '0', max: '', amount: '' }] : [],
    prices: Array.from({ length: tiers }, () => ''),
    when: emptyCondition(),
  };
}

/** A short title for a component in the editor: "2. Base fee per school". */
export const componentTitle = (c: ComponentState, i: number) => `${i + 1}. ${KIND_NAMES[c.kind]}${c.label.trim() ? `: ${c.label.trim()}` : ''}`;
