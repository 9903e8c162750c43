import { refuse, type Result, succeed } from '../refusal';

/** A peer review's course: planned, then the report's draft, the head's response and the final report (or cancelled before any report). */
export const REVIEW_STATUSES = ['planned', 'draft', 'head_response', 'final', 'cancelled'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** Versions of a report, kept in order. */
export const REPORT_VERSION_KINDS = ['draft', 'head_response', 'final', 'qa'] as const;
export type ReportVersionKind = (typeof REPORT_VERSION_KINDS)[number];

/** Who acts on a review. */
export type ReviewActor = 'lead' | 'member' | 'qa' | 'head' | 'coordinator';

export type ReportEvent =
  | { type: 'submit_draft' }
  | { type: 'respond' }
  | { type: 'quality_assure'; approved: boolean }
  | { type: 'finalise' }
  | { type: 'cancel' };

export interface ReportState {
  status: ReviewStatus;
  /** Whether quality assurance has approved the current draft. */
  qaApproved: boolean;
  /** Whether the review has someone in the QA role (then the final report needs their approval). */
  qaRequired: boolean;
}

/** The refusal this state machine gives: a step the review's state or the actor's role does not allow. */
const no = (message: string) => refuse('not_allowed', message);

/**
 * The report's state machine: the lead reviewer writes the draft (and may revise it until the head
 * responds); the host school's head responds to it; quality assurance approves (or sends back) the
 * draft; the lead issues the final report once the head has responded and, where the review has a
 * QA reviewer, QA has approved. The coordinator may cancel a review before any report.
 */
export function reportTransition(state: ReportState, event: ReportEvent, actor: ReviewActor): Result<{ state: ReportState; version: ReportVersionKind | null }> {
  switch (event.type) {
    case 'submit_draft':
      if (actor !== 'lead') return no('Only the lead reviewer writes the report.');
      if (state.status !== 'planned' && state.status !== 'draft') return no(`The report is ${describe(state.status)}; the draft can no longer change.`);
      return succeed({ state: { ...state, status: 'draft', qaApproved: false }, version: 'draft' });
    case 'respond':
      if (actor !== 'head') return no("Only the headteacher of the school reviewed gives the head's response.");
      if (state.status !== 'draft') return no(state.status === 'planned' ? 'There is no draft report to respond to yet.' : `The report is ${describe(state.status)}; the response can no longer change.`);
      return succeed({ state: { ...state, status: 'head_response' }, version: 'head_response' });
    case 'quality_assure':
      if (actor !== 'qa' && actor !== 'coordinator') return no('Only the quality assurer or the coordinator quality-assures a report.');
      if (state.status !== 'draft' && state.status !== 'head_response') return no(`The report is ${describe(state.status)}; there is no draft to quality-assure.`);
      if (!event.approved) return succeed({ state: { ...state, status: 'draft', qaApproved: false }, version: 'qa' });
      return succeed({ state: { ...state, qaApproved: true }, version: 'qa' });
    case 'finalise':
      if (actor !== 'lead') return no('Only the lead reviewer issues the final report.');
      if (state.status !== 'head_response') return no(state.status === 'final' ? 'The report is already final.' : "The head's response comes before the final report.");
      if (state.qaRequired && !state.qaApproved) return no('Quality assurance has not yet approved the report.');
      return succeed({ state: { ...state, status: 'final' }, version: 'final' });
    case 'cancel':
      if (actor !== 'coordinator') return no('Only the coordinator cancels a review.');
      if (state.status !== 'planned') return no('A review with a report cannot be cancelled.');
      return succeed({ state: { ...state, status: 'cancelled' }, version: null });
  }
}

function describe(status: ReviewStatus): string {
  return { planned: 'not yet drafted', draft: 'a draft', head_response: "with the head's response", final: 'final', cancelled: 'cancelled' }[status];
}

export const REVIEW_ACTION_STATUSES = ['open', 'in_progress', 'done', 'carried_forward'] as const;
export type ReviewActionStatus = (typeof REVIEW_ACTION_STATUSES)[number];

export interface ReviewActionItem {
  id: string;
  text: string;
  status: ReviewActionStatus;
}

/** The actions a school's next review starts from: those of its last review not done. */
export function actionsToCarryForward(previous: readonly ReviewActionItem[]): ReviewActionItem[] {
  return previous.filter((a) => a.status === 'open' || a.status === 'in_progress');
}
