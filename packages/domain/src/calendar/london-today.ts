/** Built once: constructing an Intl.DateTimeFormat per call cost half the API's CPU on invoice lists. */
const londonDateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in England ('YYYY-MM-DD') at an instant: trials, term dates, fee years and due dates follow it. */
export function londonToday(now: Date = new Date()): string {
  return londonDateFormat.format(now);
}

/** The calendar date in England of a Unix timestamp in seconds (Stripe's clock). */
export function londonDateOfUnix(unixSeconds: number): string {
  return londonDateFormat.format(new Date(unixSeconds * 1000));
}
