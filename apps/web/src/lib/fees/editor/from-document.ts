/** Document -> form: a stored schedule as the editor's fields. */
import { basisPointsToInput, penceToInput } from '../money.ts';
import { type FeeCondition, type FeeSchedule, roundingValue } from '../schedule.ts';
import { factConditionState } from './school-facts.ts';
import { type ConditionState, type EditorState, newComponent } from './state.ts';

function conditionState(when: FeeCondition | undefined): ConditionState {
  return {
    phases: [...(when?.phase ?? [])],
    categories: [...(when?.category ?? [])],
    tiers: [...(when?.tier ?? [])],
    schoolTypes: (when?.schoolType ?? []).join(', '),
    minPupils: when?.pupils?.min === undefined ? '' : String(when.pupils.min),
    maxPupils: when?.pupils?.max === undefined ? '' : String(when.pupils.max),
    ...factConditionState(when),
  };
}

export function stateFromDocument(doc: FeeSchedule): EditorState {
  const tiers = (doc.tiers ?? []).map((t) => ({ code: t.code, name: t.name }));
  return {
    name: doc.name ?? '',
    periodKind: doc.period?.kind ?? 'academic-year',
    periodStart: doc.period?.start ?? '',
    periodEnd: doc.period?.end ?? '',
    periodLabel: doc.period?.label ?? '',
    rounding: roundingValue(doc.rounding),
    components: (doc.components ?? []).map((c) => {
      const state = newComponent(c.kind, tiers.length);
      state.label = c.label ?? '';
      state.when = conditionState(c.when);
      if (c.kind === 'per-pupil') state.amount = penceToInput(c.ratePence);
      else if (c.amountPence !== undefined) state.amount = penceToInput(c.amountPence);
      if (c.kind === 'discount') {
        state.code = c.code ?? '';
        state.reason = c.reason ?? '';
        state.discountBy = c.basisPoints !== undefined ? 'percent' : 'amount';
        state.percent = basisPointsToInput(c.basisPoints);
      }
      if (c.kind === 'size-bands') {
        state.bands = (c.bands ?? []).map((b) => ({ min: String(b.minPupils), max: b.maxPupils === undefined ? '' : String(b.maxPupils), amount: penceToInput(b.amountPence) }));
      }
      if (c.kind === 'tier-price') {
        state.prices = tiers.map((t) => penceToInput(c.prices?.find((p) => p.tier === t.code)?.amountPence));
      }
      return state;
    }),
    tiers,
    proRataMethod: doc.proRata?.method ?? '',
    proRataRounding: roundingValue(doc.proRata?.rounding),
    paymentKind: doc.payment?.kind ?? 'in-advance',
    parts: doc.payment?.kind === 'instalments' ? doc.payment.parts.map((p) => ({ label: p.label, dueDate: p.dueDate, share: basisPointsToInput(p.shareBasisPoints) })) : [],
    freeFrom: doc.freePeriod?.from ?? '',
    freeTo: doc.freePeriod?.to ?? '',
    guaranteeAmount: doc.liabilityGuarantee ? penceToInput(doc.liabilityGuarantee.amountPence) : '',
    guaranteeNote: doc.liabilityGuarantee?.note ?? '',
    addKind: 'per-pupil',
  };
}
