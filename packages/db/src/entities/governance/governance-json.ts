import type { HalfTermName, MeetingRhythm, PreferredWeek } from '@partnerships/domain';

/** When a body meets, in school-calendar terms (bodies.rhythm). */
export interface BodyRhythm {
  rhythm: MeetingRhythm;
  week: PreferredWeek;
  /** 1 = Monday ... 5 = Friday. */
  weekday: 1 | 2 | 3 | 4 | 5;
  /** 'HH:MM', Europe/London. */
  startTime: string;
  endTime: string;
  /** Bodies this body meets before within each half term. */
  meetsBefore?: string[];
  /** Rotate the host among the body's schools (clusters) and take the note-taker from the host. */
  rotateHost?: boolean;
  location?: string | null;
}

/** A core agenda item in the body's annual rhythm (bodies.annual_rhythm). */
export interface AnnualRhythmItem {
  halfTerm: HalfTermName;
  title: string;
}

/** A line of a body's action plan (body_action_plans.items); money in integer pence. */
export interface ActionPlanItem {
  title: string;
  owner?: string | null;
  dueOn?: string | null;
  budgetPence: number;
  spentPence?: number;
  status?: 'planned' | 'under_way' | 'done';
}
