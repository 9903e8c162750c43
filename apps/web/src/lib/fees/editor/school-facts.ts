/**
 * The editor's fields for conditions on facts about a school (issue 13): sixth form, opened on or
 * after a date, federation or trust, diocese and area. Names are typed separated by commas; the
 * engine matches them ignoring case and spacing.
 */
import type { FeeCondition } from '../schedule.ts';

export type YesNo = '' | 'yes' | 'no';

export interface FactConditionState {
  sixthForm: YesNo;
  openedOnOrAfter: string;
  inTrust: YesNo;
  trusts: string;
  dioceses: string;
  areas: string;
}

export const emptyFactCondition = (): FactConditionState => ({ sixthForm: '', openedOnOrAfter: '', inTrust: '', trusts: '', dioceses: '', areas: '' });

const names = (text: string) => text.split(',').map((s) => s.trim().replace(/\s+/g, ' ')).filter(Boolean);
const yesNo = (value: boolean | undefined): YesNo => (value === undefined ? '' : value ? 'yes' : 'no');

export function factConditionState(when: FeeCondition | undefined): FactConditionState {
  return {
    sixthForm: yesNo(when?.sixthForm),
    openedOnOrAfter: when?.openedOnOrAfter ?? '',
    inTrust: yesNo(when?.inTrust),
    trusts: (when?.trust ?? []).join(', '),
    dioceses: (when?.diocese ?? []).join(', '),
    areas: (when?.area ?? []).join(', '),
  };
}

/** The fact criteria as the document has them; the date as typed (to-document checks it). */
export function factCondition(w: FactConditionState): Partial<FeeCondition> {
  const when: Partial<FeeCondition> = {};
  if (w.sixthForm) when.sixthForm = w.sixthForm === 'yes';
  if (w.openedOnOrAfter.trim()) when.openedOnOrAfter = w.openedOnOrAfter.trim();
  if (w.inTrust) when.inTrust = w.inTrust === 'yes';
  const trusts = names(w.trusts);
  if (trusts.length) when.trust = trusts;
  const dioceses = names(w.dioceses);
  if (dioceses.length) when.diocese = dioceses;
  const areas = names(w.areas);
  if (areas.length) when.area = areas;
  return when;
}

/** Form field names (suffixes after "c-<i>-") and their state keys. */
export const FACT_FIELDS = [
  ['sixth-form', 'sixthForm'],
  ['opened-on', 'openedOnOrAfter'],
  ['in-trust', 'inTrust'],
  ['trusts', 'trusts'],
  ['dioceses', 'dioceses'],
  ['areas', 'areas'],
] as const;

/** API problem paths under a component's `when` -> the editor field to show them at. */
export const FACT_PATHS: Record<string, string> = {
  sixthForm: 'sixth-form',
  openedOnOrAfter: 'opened-on',
  inTrust: 'in-trust',
  trust: 'trusts',
  diocese: 'dioceses',
  area: 'areas',
};
