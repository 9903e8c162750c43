import type { EntityManager } from '@partnerships/db';
import { SeatRepository } from '@partnerships/jobs';
import { ActionRepository } from './action.repository';
import { structureIn } from './bodies.service';
import { MeetingRepository } from './meeting.repository';
import { summaryOf } from './meeting-summary';

/**
 * The person's governance in one partnership (run in that tenant): their bodies, next meetings,
 * the first meetings' papers, open actions, and how the given schools are represented on the
 * bodies. `GET /me/governance` gives it for each of the person's partnerships (with the
 * structure); the school home (`GET /school-portal/{urn}/home`) for the school's, without it.
 */
export async function governanceIn(em: EntityManager, tenantId: string, userId: string, schoolIds: string[], nowIso: string) {
  const view = await governanceViewIn(em, tenantId, userId, schoolIds, nowIso);
  return { ...view, structure: await structureIn(em, tenantId) };
}

/** The same without the structure diagram's data. */
export async function governanceViewIn(em: EntityManager, tenantId: string, userId: string, schoolIds: string[], nowIso: string) {
  const seats = new SeatRepository(em, tenantId);
  const meetings = new MeetingRepository(em, tenantId);
  const mySeats = await seats.personSeats(userId);
  const bodyIds = [...new Set([...(await seats.memberBodyIds(userId))])];
  const upcoming = [...(await meetings.listForBodiesFrom(bodyIds, nowIso)), ...(await meetings.listNoteTakingFrom(userId, nowIso))]
    .filter((m, i, all) => all.findIndex((x) => x.id === m.id) === i && m.status !== 'cancelled')
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .slice(0, 10);
  const papers = [];
  for (const m of upcoming.slice(0, 3)) {
    const agenda = await meetings.agenda(m.id);
    const items = new Map(agenda.map((i) => [i.id, i.title]));
    for (const p of await meetings.papers(m.id)) papers.push({ meetingId: m.id, bodyName: m.bodyName, item: items.get(p.agendaItemId) ?? null, title: p.title, url: p.url });
  }
  const actions = new ActionRepository(em, tenantId);
  const open = [...(await actions.openOwnedBy(userId)), ...(await actions.openForBodies(bodyIds))].filter((a, i, all) => all.findIndex((x) => x.id === a.id) === i);
  const representation = await seats.representation(schoolIds);
  return {
    bodies: mySeats.map((s) => ({ bodyId: s.bodyId, name: s.bodyName, kind: s.bodyKind, seat: s.label, voting: s.voting, schoolUrn: s.schoolUrn, since: s.startsOn })),
    nextMeetings: upcoming.map((m) => ({ ...summaryOf(m), noteTaker: m.noteTakerUserId === userId })),
    papers,
    openActions: open.map((a) => ({ id: a.id, bodyName: a.bodyName, title: a.title, dueOn: a.dueOn, owner: a.ownerName, mine: a.ownerUserId === userId })),
    representation,
  };
}
