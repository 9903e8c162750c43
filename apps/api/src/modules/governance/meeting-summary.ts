import type { MeetingSummary } from './meeting.repository';

/** A meeting as lists show it (the meetings list, a year's plan, the person's calendar). */
export const summaryOf = (m: MeetingSummary) => ({
  id: m.id,
  bodyId: m.bodyId,
  bodyName: m.bodyName,
  startsAt: m.startsAt.toISOString(),
  endsAt: m.endsAt.toISOString(),
  halfTerm: m.halfTerm,
  hostSchoolUrn: m.hostSchoolUrn,
  status: m.status,
});
