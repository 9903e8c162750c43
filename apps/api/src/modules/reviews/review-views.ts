import { formatUkDate } from '@partnerships/domain';
import type { ReviewDto, ReviewSummaryDto } from './reviews.dto';
import type { ActionRow, ParticipantRow, ReportVersionRow, ReviewRepository, ReviewRow } from './review.repository';

export function participantDto(p: ParticipantRow) {
  return { id: p.id, userId: p.userId, name: p.name, schoolName: p.schoolName, role: p.role, conflictOverrideReason: p.conflictOverrideReason };
}

export function reviewSummaryDto(r: ReviewRow, people: ParticipantRow[]): ReviewSummaryDto {
  return {
    id: r.id,
    programmeId: r.programmeId,
    school: { id: r.schoolId, urn: r.schoolUrn, name: r.schoolName },
    academicYearStart: r.academicYearStart,
    visitOn: r.visitOn,
    visitOnText: r.visitOn ? formatUkDate(r.visitOn) : null,
    focus: r.focus,
    focusAgreed: r.focusAgreedAt !== null,
    status: r.status,
    confirmed: r.confirmed,
    participants: people.filter((p) => p.reviewId === r.id).map(participantDto),
  };
}

/** Reviews with their people, read in one query for the lot. */
export async function reviewSummaries(reviews: ReviewRepository, rows: ReviewRow[]): Promise<ReviewSummaryDto[]> {
  const people = rows.length ? await reviews.participants(rows.map((r) => r.id)) : [];
  return rows.map((r) => reviewSummaryDto(r, people));
}

export function reviewDto(r: ReviewRow, people: ParticipantRow[], report: ReportVersionRow[], actions: ActionRow[]): ReviewDto {
  return {
    ...reviewSummaryDto(r, people),
    qaApproved: r.qaApproved,
    previousReviewId: r.previousReviewId,
    report: report.map((v) => ({ version: v.version, kind: v.kind, body: v.body, approved: v.approved, authorName: v.authorName, createdAt: new Date(v.createdAt).toISOString() })),
    actions: actions.map((a) => ({ id: a.id, text: a.text, owner: a.owner, dueOn: a.dueOn, status: a.status, followUpNote: a.followUpNote, carriedFromActionId: a.carriedFromActionId })),
  };
}
