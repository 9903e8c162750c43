/** Calendar days in England: the formatter is built once, not on every call. */

const londonDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in England as YYYY-MM-DD, as date fields and the API want it. */
export function londonToday(now = new Date()): string {
  return londonDay.format(now);
}
