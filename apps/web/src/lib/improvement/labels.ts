/** Words for the school improvement pages. */
export const reviewStatusLabel = (s: string) =>
  ({ planned: 'Planned', draft: 'Draft report', head_response: 'Head has responded', final: 'Final report', cancelled: 'Cancelled' })[s] ?? s;
export const roleLabel = (r: string) => ({ lead: 'Lead reviewer', member: 'Team member', qa: 'Quality assurance' })[r] ?? r;
export const reportKindLabel = (k: string) => ({ draft: 'Draft report', head_response: 'Head’s response', final: 'Final report', qa: 'Quality assurance' })[k] ?? k;
export const roundStatusLabel = (s: string) => ({ draft: 'Not yet open', open: 'Open for figures', closed: 'Closed', reported: 'Reported' })[s] ?? s;
export const needStatusLabel = (s: string) => ({ open: 'Open', matched: 'Matched', agreed: 'Agreed', delivered: 'Delivered', closed: 'Closed' })[s] ?? s;
export const timingLabel = (t: string) => ({ on_track: 'On track', due_soon: 'Due soon', overdue: 'Overdue', met: 'Met within target', missed: 'Missed target' })[t] ?? t;
export const timingTone = (t: string) => ({ on_track: 'green', due_soon: 'yellow', overdue: 'red', met: 'green', missed: 'red' })[t] ?? 'grey';
export const supporterLabel = (k: string) => ({ school: 'A school', teaching_school: 'A teaching school', offer: 'A traded service', board: 'The board' })[k] ?? k;
export const areaLabel = (a: string) => a.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
export const concernLabel = (s: string) => s.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
export const academicYear = (start: number) => `${start} to ${start + 1}`;
export function figure(value: number | null | undefined, unit = 'percent'): string {
  if (value === null || value === undefined) return '–';
  return unit === 'percent' ? `${value}%` : String(value);
}
