import { buildIcs } from '../governance/calendar-feed';
import { londonLocalOf } from './capacity';

export type EvaluationQuestionKind = 'rating' | 'text';

export interface EvaluationQuestion {
  id: string;
  text: string;
  kind: EvaluationQuestionKind;
}

/** A new evaluation's questions, when none are given. */
export const DEFAULT_EVALUATION_QUESTIONS: EvaluationQuestion[] = [
  { id: 'overall', text: 'Overall, how useful was this event?', kind: 'rating' },
  { id: 'practice', text: 'How likely are you to use what you learnt in your practice?', kind: 'rating' },
  { id: 'comments', text: 'Anything else you would like to tell us?', kind: 'text' },
];

/** Problems with answers to an evaluation (ratings 1 to 5; text up to 2,000 characters; every rating answered). */
export function evaluationAnswerProblems(questions: readonly EvaluationQuestion[], answers: Record<string, unknown>): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  for (const key of Object.keys(answers)) if (!questions.some((q) => q.id === key)) problems.push({ field: `answers.${key}`, message: 'There is no such question.' });
  for (const q of questions) {
    const value = answers[q.id];
    if (q.kind === 'rating') {
      if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > 5) problems.push({ field: `answers.${q.id}`, message: 'Choose a score from 1 to 5.' });
    } else if (value !== undefined && value !== null && (typeof value !== 'string' || value.length > 2000)) {
      problems.push({ field: `answers.${q.id}`, message: 'Write at most 2,000 characters.' });
    }
  }
  return problems;
}

/** The mean score of each rating question, to one decimal place (null with no answers). */
export function evaluationScores(questions: readonly EvaluationQuestion[], responses: readonly Record<string, unknown>[]): { questionId: string; text: string; responses: number; mean: number | null }[] {
  return questions
    .filter((q) => q.kind === 'rating')
    .map((q) => {
      const scores = responses.map((r) => r[q.id]).filter((v): v is number => typeof v === 'number');
      const mean = scores.length ? Math.round((scores.reduce((t, s) => t + s, 0) / scores.length) * 10) / 10 : null;
      return { questionId: q.id, text: q.text, responses: scores.length, mean };
    });
}

/** Only those marked as attending at least one session get a certificate. */
export function certificateRefusal(booking: { status: string; sessionsAttended: number }): string | null {
  if (booking.status !== 'attended' || booking.sessionsAttended === 0) return 'Certificates are only for people who attended.';
  return null;
}

export interface BookedSession {
  sessionId: string;
  eventTitle: string;
  startsAt: string;
  endsAt: string;
  location: string | null;
  /** Raised when the session's time or place changes, or the booking is cancelled. */
  sequence: number;
  cancelled: boolean;
}

/** A booked person's calendar entries for their sessions (stable UIDs per booking and session). */
export function bookingIcs(calendarName: string, bookingId: string, sessions: readonly BookedSession[], now?: string): string {
  return buildIcs({
    calendarName,
    ...(now ? { now } : {}),
    events: sessions.map((s) => ({
      uid: `booking-${bookingId}-session-${s.sessionId}@partnerships`,
      sequence: s.sequence,
      status: s.cancelled ? 'CANCELLED' : 'CONFIRMED',
      startsAtLocal: londonLocalOf(s.startsAt),
      endsAtLocal: londonLocalOf(s.endsAt),
      summary: s.eventTitle,
      location: s.location,
    })),
  });
}
