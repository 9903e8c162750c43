import { formatNumber } from './labels.ts';

/** Words whose plural is not simply the word with an "s". */
const IRREGULAR: Record<string, string> = { person: 'people', child: 'children', 'was': 'were', 'is': 'are', 'it was': 'they were' };

/** The plural of a noun: "invoice" → "invoices", "person" → "people". */
export function pluralOf(word: string): string {
  return IRREGULAR[word] ?? (/(s|x|ch|sh)$/.test(word) ? `${word}es` : `${word}s`);
}

/**
 * A count with its noun, agreeing in number: "1 invoice", "2 invoices", "1,204 schools".
 * Every place the pages show a number of things goes through here (copy.spec.ts checks).
 */
export function count(n: number, singular: string, plural = pluralOf(singular)): string {
  return `${formatNumber(n)} ${n === 1 ? singular : plural}`;
}

/** The noun alone, agreeing with n: "1 of 3 " + noun(3, 'school'). */
export function noun(n: number, singular: string, plural = pluralOf(singular)): string {
  return n === 1 ? singular : plural;
}
