/** A share of a confidential school development review's report: with a named person or with a body's seat holders. */
export interface ReportShare {
  userId: string | null;
  bodyId: string | null;
  revokedAt: string | null;
}

export interface ConfidentialReportPeople {
  reviewerUserId: string | null;
  headUserIds: readonly string[];
  shares: readonly ReportShare[];
}

export type ReportReaderKind = 'reviewer' | 'head' | 'share';

/**
 * Who may read a confidential report's content: the external reviewer, the school's headteacher,
 * and anyone the head has shared it with (a named person, or someone holding a seat on a body it is
 * shared with) while the share is not revoked. Nobody else: not the partnership's admins, not the
 * platform. The database's row-level security policy on the content says the same.
 */
export function confidentialReaderKind(userId: string, people: ConfidentialReportPeople, seatBodyIds: readonly string[] = []): ReportReaderKind | null {
  if (people.reviewerUserId === userId) return 'reviewer';
  if (people.headUserIds.includes(userId)) return 'head';
  const active = people.shares.filter((s) => s.revokedAt === null);
  if (active.some((s) => s.userId === userId || (s.bodyId !== null && seatBodyIds.includes(s.bodyId)))) return 'share';
  return null;
}
