import { addDays, type IsoDateString } from '../calendar/iso-date';

/**
 * Payment reminders, as days relative to the due date: negative before it, 0 on it, positive
 * after it (overdue). A partnership chooses its own list, e.g. a week before, on the day, a week
 * late and a month late.
 */
export const DEFAULT_REMINDER_OFFSETS: readonly number[] = [-7, 0, 7, 30];
export const MAX_REMINDERS = 10;
export const MAX_REMINDER_OFFSET_DAYS = 365;

export type ReminderKind = 'before-due' | 'on-due' | 'overdue';

export interface ReminderStep {
  /** Stable per offset (`due-7`, `due`, `due+7`): with the invoice id it makes each reminder's job id, so each is sent once. */
  key: string;
  offsetDays: number;
  kind: ReminderKind;
  sendOn: IsoDateString;
}

export function reminderOffsetsProblem(offsets: unknown): string | null {
  if (!Array.isArray(offsets)) return 'Give the reminder days as a list, e.g. [-7, 0, 7].';
  if (offsets.length > MAX_REMINDERS) return `At most ${MAX_REMINDERS} reminders.`;
  for (const offset of offsets) {
    if (typeof offset !== 'number' || !Number.isInteger(offset) || Math.abs(offset) > MAX_REMINDER_OFFSET_DAYS) {
      return `Each reminder is a whole number of days from -${MAX_REMINDER_OFFSET_DAYS} (before the due date) to ${MAX_REMINDER_OFFSET_DAYS} (after it).`;
    }
  }
  if (new Set(offsets).size !== offsets.length) return 'Each reminder day may appear once.';
  return null;
}

export function reminderKey(offsetDays: number): string {
  return offsetDays === 0 ? 'due' : offsetDays < 0 ? `due${offsetDays}` : `due+${offsetDays}`;
}

/** The reminders for an invoice due on `dueOn`, in date order. */
export function reminderSchedule(dueOn: IsoDateString, offsets: readonly number[]): ReminderStep[] {
  return [...new Set(offsets)]
    .sort((a, b) => a - b)
    .map((offsetDays) => ({
      key: reminderKey(offsetDays),
      offsetDays,
      kind: offsetDays < 0 ? 'before-due' : offsetDays === 0 ? 'on-due' : 'overdue',
      sendOn: addDays(dueOn, offsetDays),
    }));
}

/**
 * The reminders to send today: those whose day has come and that have not been sent. Only the
 * latest due step is sent when several have been missed (a school should not get three e-mails
 * at once after a quiet spell); the earlier ones count as passed. Nothing once paid or void.
 */
export function remindersToSend(
  invoice: { status: string; dueOn: IsoDateString },
  offsets: readonly number[],
  today: IsoDateString,
  alreadySent: ReadonlySet<string>,
): { send: ReminderStep | null; passed: ReminderStep[] } {
  if (invoice.status !== 'open') return { send: null, passed: [] };
  const due = reminderSchedule(invoice.dueOn, offsets).filter((step) => step.sendOn <= today && !alreadySent.has(step.key));
  if (due.length === 0) return { send: null, passed: [] };
  return { send: due[due.length - 1]!, passed: due.slice(0, -1) };
}

export function reminderHeadline(step: ReminderStep, number: string): string {
  if (step.kind === 'before-due') return `Invoice ${number} is due in ${-step.offsetDays} day${step.offsetDays === -1 ? '' : 's'}`;
  if (step.kind === 'on-due') return `Invoice ${number} is due today`;
  return `Invoice ${number} is ${step.offsetDays} day${step.offsetDays === 1 ? '' : 's'} overdue`;
}
