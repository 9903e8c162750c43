import type { HalfTerm, IsoDateString } from '../calendar';

/** A school taking part in peer review, with the facts the partnership groups and checks conflicts by. */
export interface ReviewSchool {
  id: string;
  name?: string;
  phase?: string | null;
  area?: string | null;
  trust?: string | null;
  diocese?: string | null;
}

/** A school leader who can take part: a head or senior leader of a school, or someone without a school (an officer, an adviser). */
export interface ReviewLeader {
  userId: string;
  schoolId: string | null;
  /** Trained to lead a review; untrained leaders join teams. Defaults to true. */
  canLead?: boolean;
}

/** A review group: the schools that review each other (a cluster, or a group formed by hand). */
export interface ReviewGroup {
  id: string;
  name: string;
  schoolIds: string[];
}

export const REVIEW_ROLES = ['lead', 'member', 'qa'] as const;
export type ReviewRole = (typeof REVIEW_ROLES)[number];

/** A pair of schools where the first school's people reviewed the second school. */
export interface PastReviewPair {
  reviewerSchoolId: string;
  reviewedSchoolId: string;
}

/** The conflicts the partnership adds to the one always applied (nobody reviews their own school). */
export interface ConflictRules {
  /** Refuse reviewers from a school in the same trust as the school reviewed. */
  sameTrust?: boolean;
  /** Refuse reviewers from a school in the same diocese. */
  sameDiocese?: boolean;
  /** Refuse a pair of schools that reviewed each other (either way) last cycle. */
  reviewedEachOtherLastCycle?: boolean;
  /** Who reviewed whom last cycle (used by `reviewedEachOtherLastCycle`). */
  lastCycle?: PastReviewPair[];
}

export interface CycleRules extends ConflictRules {
  /** The academic year (its starting calendar year) the cycle begins in. */
  firstAcademicYearStart: number;
  /** Years in the cycle (each school is reviewed once in every year of it). Default 2. */
  cycleYears?: number;
  /** Team members besides the lead reviewer. Default 1. */
  teamMembers?: number;
  /** People who quality-assure reports (given the role 'qa' in turn). */
  qualityAssurers?: string[];
}

export interface ProposedParticipant {
  userId: string;
  schoolId: string | null;
  role: ReviewRole;
}

export interface ProposedReview {
  academicYearStart: number;
  groupId: string;
  schoolId: string;
  visitOn: IsoDateString;
  participants: ProposedParticipant[];
}

export interface CyclePlan {
  reviews: ProposedReview[];
  /** Things the planner could not do (a school with no possible lead, a year with too few school days), in words. */
  problems: string[];
}

export type TermDatesInput = readonly HalfTerm[];
