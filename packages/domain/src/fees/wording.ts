import { formatPence } from '../money/format-pence';
import type { Phase } from '../schools/phase';
import type { FeeRounding } from './fee-schedule';

/**
 * Plain-English fragments shared by the fee lines, kept together so the
 * wording schools read is consistent and easy to review.
 */

/**
 * A template tag for text a quote keeps: flat`${a} × ${b}` reads like a
 * template literal and gives the same string, but written out in one piece.
 * A plain template literal builds a rope of its pieces (in V8), which takes
 * about three times the memory for as long as the quote is held, and a
 * billing run holds thousands of quotes.
 */
export function flat(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  const parts: (string | number)[] = [strings[0]!];
  for (let i = 0; i < values.length; i++) parts.push(values[i]!, strings[i + 1]!);
  return parts.join('');
}

/** A school described by its phase, with the right article. */
export const PHASE_NOUNS: Record<Phase, string> = {
  nursery: 'a nursery school',
  primary: 'a primary school',
  middle: 'a middle school',
  secondary: 'a secondary school',
  'all-through': 'an all-through school',
  special: 'a special school',
  'alternative-provision': 'an alternative provision school',
  'post-16': 'a 16 plus provider',
};

/**
 * Money as the schedule rounds it: whole pounds drop ".00" when the schedule
 * works in pounds. Without a rounding, always pounds and pence ("£4,000.00").
 * The same few amounts (base fees, rates, band fees) appear in thousands of
 * quotes, so formatted amounts are remembered, up to a bound.
 */
export function money(pence: number, rounding?: FeeRounding): string {
  const wholePounds = rounding?.unit === 'pound';
  const cache = wholePounds ? WHOLE_POUNDS : POUNDS_AND_PENCE;
  let text = cache.get(pence);
  if (text === undefined) {
    if (cache.size >= 20_000) cache.clear();
    text = formatPence(pence, { wholePounds });
    cache.set(pence, text);
  }
  return text;
}
const POUNDS_AND_PENCE = new Map<number, string>();
const WHOLE_POUNDS = new Map<number, string>();

/** "210 pupils", "1 pupil", "1,050 pupils". */
export function pupilsText(pupils: number): string {
  const count = pupils.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${count} ${pupils === 1 ? 'pupil' : 'pupils'}`;
}

/** Basis points as a percentage: 1000 -> "10%", 1250 -> "12.5%", 333 -> "3.33%". */
export function percentText(basisPoints: number): string {
  const whole = Math.floor(basisPoints / 100);
  const fraction = (basisPoints % 100).toString().padStart(2, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}%` : `${whole}%`;
}

/** "1 pupil" or "5 to 200 pupils" or "601 pupils and above". */
export function bandText(minPupils: number, maxPupils: number | undefined): string {
  if (maxPupils === undefined) return `${pupilsText(minPupils)} and above`;
  if (minPupils === maxPupils) return pupilsText(minPupils);
  return `${minPupils.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')} to ${pupilsText(maxPupils)}`;
}
