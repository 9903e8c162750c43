/**
 * Money as people type it and read it. The API keeps every amount in integer pence
 * (£3.36 is 336) and percentages in basis points (10% is 1000); these helpers turn what
 * someone typed ("£3.36", "4,000", "50p") into those integers without floating point,
 * and back into text ("£4,705.60", or "£4,706" where a schedule rounds to whole pounds).
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const MONEY_EXAMPLE = 'like £4,000 or £3.36';

/** Digits with optional thousands commas in the right places: 4000, 4,000, 1,234,567. */
const POUNDS = /^(\d{1,3}(?:,\d{3})+|\d+)$/;

/**
 * "£3.36" -> 336, "4,000" -> 400000, "£0.5" -> 50, "50p" -> 50, "£ 1,234.56" -> 123456.
 * `what` names the amount in messages, e.g. "the base fee" ("Enter the base fee").
 */
export function parsePounds(input: string, what: string, options: { max?: number; allowZero?: boolean } = {}): Parsed<number> {
  const text = input.trim().replace(/\s+/g, '');
  if (!text) return { ok: false, message: `Enter ${what}, ${MONEY_EXAMPLE}` };
  if (/^[-−–]/.test(text) || /^£[-−–]/.test(text)) return { ok: false, message: `${capital(what)} cannot be negative` };

  let pence: number;
  const inPence = /^(\d+)p$/i.exec(text);
  if (inPence) {
    pence = Number(inPence[1]);
  } else {
    const body = text.startsWith('£') ? text.slice(1) : text;
    const [whole, fraction, extra] = body.split('.');
    if (extra !== undefined || whole === undefined) return { ok: false, message: `Enter ${what} as an amount of money, ${MONEY_EXAMPLE}` };
    const wholeText = whole === '' && fraction !== undefined ? '0' : whole;
    if (!POUNDS.test(wholeText)) {
      return { ok: false, message: wholeText.includes(',') ? `Check the commas in ${what}: write £4,000 or 4000` : `Enter ${what} as an amount of money, ${MONEY_EXAMPLE}` };
    }
    if (fraction !== undefined && !/^\d{0,2}$/.test(fraction)) {
      return /^\d+$/.test(fraction)
        ? { ok: false, message: `${capital(what)} can have at most 2 digits after the point (whole pence)` }
        : { ok: false, message: `Enter ${what} as an amount of money, ${MONEY_EXAMPLE}` };
    }
    const pounds = Number(wholeText.replace(/,/g, ''));
    pence = pounds * 100 + Number((fraction ?? '').padEnd(2, '0') || '0');
  }
  if (!Number.isSafeInteger(pence)) return { ok: false, message: `${capital(what)} is too large` };
  if (pence === 0 && options.allowZero === false) return { ok: false, message: `${capital(what)} must be more than £0` };
  if (options.max !== undefined && pence > options.max) {
    return { ok: false, message: `${capital(what)} cannot be more than ${formatPence(options.max, { wholePounds: true })}` };
  }
  return { ok: true, value: pence };
}

/** "10%" -> 1000, "33.34" -> 3334: a percentage with up to 2 decimal places as basis points, more than 0 and at most 100. */
export function parsePercent(input: string, what: string): Parsed<number> {
  const text = input.trim().replace(/\s+/g, '').replace(/%$/, '');
  if (!text) return { ok: false, message: `Enter ${what} as a percentage, like 10%` };
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return { ok: false, message: `Enter ${what} as a percentage with at most 2 decimal places, like 10% or 33.34%` };
  const basisPoints = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0') || '0');
  if (basisPoints <= 0 || basisPoints > 10_000) return { ok: false, message: `${capital(what)} must be more than 0% and at most 100%` };
  return { ok: true, value: basisPoints };
}

/** A whole number as people write it: "1,000" -> 1000. */
export function parseWhole(input: string, what: string, options: { min?: number; max?: number } = {}): Parsed<number> {
  const text = input.trim().replace(/\s+/g, '');
  if (!text) return { ok: false, message: `Enter ${what}` };
  if (!POUNDS.test(text)) return { ok: false, message: `Enter ${what} as a whole number, like 210` };
  const value = Number(text.replace(/,/g, ''));
  const { min = 0, max = Number.MAX_SAFE_INTEGER } = options;
  if (value < min || value > max) return { ok: false, message: `${capital(what)} must be from ${formatNumber(min)} to ${formatNumber(max)}` };
  return { ok: true, value };
}

/**
 * 470560 -> "£4,705.60"; with wholePounds, 470600 -> "£4,706" (an amount with pence still
 * shows them, so nothing is hidden). Negative amounts get a minus sign: "-£5.00".
 */
export function formatPence(pence: number, options: { wholePounds?: boolean } = {}): string {
  const negative = pence < 0;
  const abs = Math.abs(Math.trunc(pence));
  const pounds = Math.floor(abs / 100);
  const pennies = abs % 100;
  const poundsText = formatNumber(pounds);
  const text = options.wholePounds && pennies === 0 ? `£${poundsText}` : `£${poundsText}.${String(pennies).padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}

/** A change in money: "+£577", "-£1,283.40", or "No change". */
export function formatChange(pence: number, options: { wholePounds?: boolean } = {}): string {
  if (pence === 0) return 'No change';
  return pence > 0 ? `+${formatPence(pence, options)}` : formatPence(pence, options);
}

/** What an amount field shows for stored pence, as someone would type it: 400000 -> "4,000", 336 -> "3.36". */
export function penceToInput(pence: number | undefined | null): string {
  if (pence === undefined || pence === null || !Number.isFinite(pence)) return '';
  const pounds = Math.floor(pence / 100);
  const pennies = pence % 100;
  return pennies === 0 ? formatNumber(pounds) : `${formatNumber(pounds)}.${String(pennies).padStart(2, '0')}`;
}

/** 1000 basis points -> "10", 3334 -> "33.34". */
export function basisPointsToInput(basisPoints: number | undefined | null): string {
  if (basisPoints === undefined || basisPoints === null || !Number.isFinite(basisPoints)) return '';
  const whole = Math.floor(basisPoints / 100);
  const rest = basisPoints % 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** 1000 basis points -> "10%". */
export const formatPercent = (basisPoints: number) => `${basisPointsToInput(basisPoints)}%`;

export function formatNumber(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
