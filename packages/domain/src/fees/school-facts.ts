import { refusal, type Refusal, type Result } from '../refusal';
import { isIsoDate } from './calendar-dates';
import type { SchoolForFees } from './quote-types';

/**
 * The facts about a school that fee rules may price by beyond phase, type,
 * category and size (issue 13): whether it has a sixth form, when it opened,
 * the federations and trusts it is in, its diocese and its area. The register
 * holds what GIAS says; the partnership may correct or add to it for its own
 * members (a federation GIAS does not know of, its own area names). Where the
 * partnership says something, that wins; otherwise the register's word holds.
 */

/** What the register (GIAS) says; null where it says nothing. */
export interface RegisterFeeFacts {
  sixthForm: boolean | null;
  openedOn: string | null;
  trust: string | null;
  federation: string | null;
  diocese: string | null;
  district: string | null;
}

/**
 * The partnership's record for one member. A field left out defers to the
 * register; `trusts: []` says "in no federation or trust", `diocese: null`
 * "no diocese". `area` is the partnership's own area name (e.g. "East
 * cluster"); the register's district still counts as an area too.
 */
export interface SchoolFeeFactOverrides {
  sixthForm?: boolean;
  openedOn?: string;
  trusts?: string[];
  diocese?: string | null;
  area?: string;
}

export type SchoolFeeFacts = Pick<SchoolForFees, 'sixthForm' | 'openedOn' | 'trusts' | 'diocese' | 'areas'>;

const EMPTY_REGISTER: RegisterFeeFacts = { sixthForm: null, openedOn: null, trust: null, federation: null, diocese: null, district: null };

/** The facts a fee is worked out from: the partnership's record over the register's. `otherAreas`: areas the partnership keeps elsewhere (governance's member details). */
export function schoolFeeFacts(register: Partial<RegisterFeeFacts> | null | undefined, overrides?: SchoolFeeFactOverrides | null, otherAreas: readonly (string | null)[] = []): SchoolFeeFacts {
  const r = { ...EMPTY_REGISTER, ...(register ?? {}) };
  const o = overrides ?? {};
  const facts: SchoolFeeFacts = {};
  const sixthForm = o.sixthForm ?? r.sixthForm;
  if (sixthForm !== null && sixthForm !== undefined) facts.sixthForm = sixthForm;
  const openedOn = o.openedOn ?? r.openedOn;
  if (openedOn) facts.openedOn = openedOn;
  const registerTrusts = [r.trust, r.federation].filter((name): name is string => !!name);
  // The register knows a school is in none only when it has kept these facts at all; a partnership's [] always counts.
  if (o.trusts !== undefined) facts.trusts = [...o.trusts];
  else if (registerTrusts.length > 0 || register?.trust !== undefined) facts.trusts = registerTrusts;
  const diocese = o.diocese !== undefined ? o.diocese : r.diocese;
  if (diocese) facts.diocese = diocese;
  const areas = [...new Set([o.area, ...otherAreas, r.district].filter((name): name is string => !!name))];
  if (areas.length > 0) facts.areas = areas;
  return facts;
}

const FIELDS = ['sixthForm', 'openedOn', 'trusts', 'diocese', 'area'] as const;
const MAX_NAME = 200;
const MAX_TRUSTS = 10;

/**
 * Reads a partnership's record from a request: unknown fields, wrong types,
 * blank names and unreal dates are refused naming the field. Blank or null
 * values for sixthForm, openedOn and area mean "use the register's".
 */
export function readFeeFactOverrides(input: unknown): Result<SchoolFeeFactOverrides> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, refusals: [refusal('invalid_value', 'Give the school’s facts as a group of fields.', 'feeFacts')] };
  const obj = input as Record<string, unknown>;
  const refusals: Refusal[] = [];
  const out: SchoolFeeFactOverrides = {};
  for (const key of Object.keys(obj)) if (!(FIELDS as readonly string[]).includes(key)) refusals.push(refusal('invalid_value', `"${key}" is not a fact fees can use; use ${FIELDS.join(', ')}.`, key));
  const name = (value: unknown, field: string, what: string): string | undefined => {
    if (typeof value !== 'string') return void refusals.push(refusal('invalid_value', `${what} must be text.`, field));
    const text = value.trim().replace(/\s+/g, ' ');
    if (text.length > MAX_NAME) return void refusals.push(refusal('invalid_value', `${what} must be at most ${MAX_NAME} characters long.`, field));
    return text;
  };
  if (obj['sixthForm'] !== undefined && obj['sixthForm'] !== null) {
    if (typeof obj['sixthForm'] === 'boolean') out.sixthForm = obj['sixthForm'];
    else refusals.push(refusal('invalid_value', 'Whether the school has a sixth form must be yes or no.', 'sixthForm'));
  }
  if (obj['openedOn'] !== undefined && obj['openedOn'] !== null && obj['openedOn'] !== '') {
    if (isIsoDate(obj['openedOn'])) out.openedOn = obj['openedOn'];
    else refusals.push(refusal('invalid_value', 'The opening date must be a real date, for example 2024-09-01.', 'openedOn'));
  }
  if (obj['trusts'] !== undefined && obj['trusts'] !== null) {
    const list = obj['trusts'];
    if (!Array.isArray(list)) refusals.push(refusal('invalid_value', 'The federations and trusts must be a list of names.', 'trusts'));
    else if (list.length > MAX_TRUSTS) refusals.push(refusal('invalid_value', `List at most ${MAX_TRUSTS} federations and trusts.`, 'trusts'));
    else {
      const names = list.map((item, i) => name(item, `trusts[${i}]`, 'Each federation or trust'));
      if (names.every((n) => n !== undefined)) out.trusts = (names as string[]).filter((n) => n !== '');
    }
  }
  if (obj['diocese'] !== undefined) {
    if (obj['diocese'] === null) out.diocese = null;
    else {
      const text = name(obj['diocese'], 'diocese', 'The diocese');
      if (text !== undefined) out.diocese = text === '' ? null : text;
    }
  }
  if (obj['area'] !== undefined && obj['area'] !== null) {
    const text = name(obj['area'], 'area', 'The area');
    if (text) out.area = text;
  }
  return refusals.length > 0 ? { ok: false, refusals } : { ok: true, value: out };
}
