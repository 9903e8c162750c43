import { refuse, type Result, succeed } from '../refusal';
import type { ConflictRules, ReviewSchool } from './types';

export type ConflictCode = 'own_school' | 'same_trust' | 'same_diocese' | 'reviewed_each_other_last_cycle';

export interface Conflict {
  code: ConflictCode;
  message: string;
}

/**
 * Why a person from `reviewerSchool` may not review `host`. Their own school is always a conflict;
 * the rest apply only when the partnership has added them. A person without a school has no conflict.
 */
export function conflictsOf(reviewerSchool: ReviewSchool | null, host: ReviewSchool, rules: ConflictRules = {}): Conflict[] {
  if (!reviewerSchool) return [];
  const found: Conflict[] = [];
  if (reviewerSchool.id === host.id) found.push({ code: 'own_school', message: 'A reviewer may not review their own school.' });
  if (rules.sameTrust && reviewerSchool.trust && reviewerSchool.trust === host.trust && reviewerSchool.id !== host.id) {
    found.push({ code: 'same_trust', message: `The reviewer's school is in the same trust (${host.trust}) as the school reviewed.` });
  }
  if (rules.sameDiocese && reviewerSchool.diocese && reviewerSchool.diocese === host.diocese && reviewerSchool.id !== host.id) {
    found.push({ code: 'same_diocese', message: `The reviewer's school is in the same diocese (${host.diocese}) as the school reviewed.` });
  }
  if (rules.reviewedEachOtherLastCycle && reviewerSchool.id !== host.id) {
    const pair = (rules.lastCycle ?? []).some(
      (p) => (p.reviewerSchoolId === reviewerSchool.id && p.reviewedSchoolId === host.id) || (p.reviewerSchoolId === host.id && p.reviewedSchoolId === reviewerSchool.id),
    );
    if (pair) found.push({ code: 'reviewed_each_other_last_cycle', message: 'These two schools reviewed each other last cycle.' });
  }
  return found;
}

/**
 * Whether an assignment stands: refused while it has a conflict, unless the coordinator overrides
 * with a reason (then accepted: the value is the conflicts it overrode, to be recorded beside the reason).
 */
export function checkAssignment(
  reviewerSchool: ReviewSchool | null,
  host: ReviewSchool,
  rules: ConflictRules = {},
  overrideReason?: string | null,
): Result<Conflict[]> {
  const conflicts = conflictsOf(reviewerSchool, host, rules);
  if (conflicts.length === 0) return succeed([]);
  const reason = overrideReason?.trim() ?? '';
  if (reason.length < 5) {
    return refuse('reason_needed', `${conflicts.map((c) => c.message).join(' ')} To assign them anyway, give a reason for the override.`, 'overrideReason');
  }
  return succeed(conflicts);
}
