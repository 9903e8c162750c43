import { PHASE_LABELS, isPhase } from '../schools/phase';
import type { Buyer, BuyerRule } from './offer-types';

const norm = (value: string) => value.trim().toLowerCase();

/** True when the school type named in a rule ("academy") appears in the buyer's type ("Academy converter"). */
function typeMatches(ruleTypes: readonly string[], buyerType: string | null | undefined): boolean {
  if (!buyerType) return false;
  const type = norm(buyerType);
  return ruleTypes.some((wanted) => type === wanted || type.includes(wanted));
}

interface CompiledRule {
  phases: Set<string> | null;
  types: string[] | null;
  categories: Set<string> | null;
}

/** Rules are values read many times (a catalogue priced for thousands of schools): their lists are normalised once. */
const COMPILED = new WeakMap<BuyerRule, CompiledRule>();

function compiled(rule: BuyerRule): CompiledRule {
  let found = COMPILED.get(rule);
  if (!found) {
    found = {
      phases: rule.phases && rule.phases.length > 0 ? new Set(rule.phases.map(norm)) : null,
      types: rule.schoolTypes && rule.schoolTypes.length > 0 ? rule.schoolTypes.map(norm) : null,
      categories: rule.categories && rule.categories.length > 0 ? new Set(rule.categories.map(norm)) : null,
    };
    COMPILED.set(rule, found);
  }
  return found;
}

/** Whether the rule is for this buyer. */
export function buyerMatches(rule: BuyerRule, buyer: Buyer): boolean {
  if (rule.membership === 'member' && !buyer.member) return false;
  if (rule.membership === 'non-member' && buyer.member) return false;
  const c = compiled(rule);
  if (c.phases && !c.phases.has(norm(String(buyer.phase)))) return false;
  if (c.types && !typeMatches(c.types, buyer.schoolType)) return false;
  if (c.categories && (!buyer.member || !buyer.category || !c.categories.has(norm(buyer.category)))) return false;
  return true;
}

function list(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

const DESCRIBED = new WeakMap<BuyerRule, string>();

/** The rule in words: "member primary and special schools". */
export function describeBuyerRule(rule: BuyerRule): string {
  let text = DESCRIBED.get(rule);
  if (text === undefined) {
    text = describe(rule);
    DESCRIBED.set(rule, text);
  }
  return text;
}

function describe(rule: BuyerRule): string {
  const parts: string[] = [];
  const phases = (rule.phases ?? []).map((p) => (isPhase(p) ? PHASE_LABELS[p].toLowerCase() : p));
  const types = rule.schoolTypes ?? [];
  const schools = phases.length > 0 || types.length > 0 ? `${list([...phases, ...types])} schools` : 'schools';
  if (rule.membership === 'member') parts.push(`member ${schools}`);
  else if (rule.membership === 'non-member') parts.push(`non-member ${schools}`);
  else parts.push(phases.length > 0 || types.length > 0 ? schools : 'every school');
  if (rule.categories && rule.categories.length > 0) parts.push(`in ${list(rule.categories)} membership`);
  return parts.join(' ');
}

/** Problems with a rule read from JSON, by field. */
export function buyerRuleProblems(value: unknown, field = 'buyer'): { field: string; message: string }[] {
  if (value === undefined || value === null) return [];
  if (typeof value !== 'object' || Array.isArray(value)) return [{ field, message: 'Say who the price is for: membership, phases, schoolTypes or categories.' }];
  const problems: { field: string; message: string }[] = [];
  const rule = value as Record<string, unknown>;
  for (const key of Object.keys(rule)) {
    if (!['membership', 'phases', 'schoolTypes', 'categories'].includes(key)) problems.push({ field: `${field}.${key}`, message: 'Only membership, phases, schoolTypes and categories can be given.' });
  }
  if (rule.membership !== undefined && rule.membership !== 'member' && rule.membership !== 'non-member') {
    problems.push({ field: `${field}.membership`, message: 'Membership is "member" or "non-member" (or leave it out for both).' });
  }
  for (const key of ['phases', 'schoolTypes', 'categories'] as const) {
    const items = rule[key];
    if (items === undefined) continue;
    if (!Array.isArray(items) || items.length > 20 || items.some((i) => typeof i !== 'string' || i.trim() === '' || i.length > 60)) {
      problems.push({ field: `${field}.${key}`, message: 'Give a list of up to 20 names.' });
    } else if (key === 'phases' && items.some((p) => !isPhase(p))) {
      problems.push({ field: `${field}.phases`, message: `Phases are from: ${Object.keys(PHASE_LABELS).join(', ')}.` });
    }
  }
  return problems;
}
