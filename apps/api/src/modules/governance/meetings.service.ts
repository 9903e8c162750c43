import { Inject, Injectable } from '@nestjs/common';
import type { Env } from '@partnerships/config';
import { Database, type EntityManager } from '@partnerships/db';
import { JobName, type JobQueue, resolveAndRecordSeats, SeatRepository } from '@partnerships/jobs';
import {
  addDays,
  type AttendanceEntry,
  type AttendanceStatus,
  bodyToPlan,
  type BodyToPlan,
  formatUkDate,
  type HalfTermName,
  isValidIsoDate,
  londonToday,
  meetingInvitationIcs,
  type MeetingStatus,
  planMeetings,
  quorumMet,
  type QuorumRule,
  type QuorumSeat,
  termDatesForYear,
} from '@partnerships/domain';
import { AppError, conflict, forbidden, invalid, notFound } from '../../common/app-error';
import { isUuid } from '../../common/ids';
import { inTenant, type TenantContext } from '../../common/request-context';
import { ENV, JOB_QUEUE } from '../../runtime/runtime.module';
import { ActionRepository } from './action.repository';
import { meetingEvent } from './calendar.service';
import { canManageGovernance } from './bodies.service';
import { type BodyRecord, BodyRepository } from './body.repository';
import type {
  ActionInputDto,
  AgendaItemInputDto,
  AttendanceInputDto,
  CancelMeetingDto,
  CloseActionDto,
  MeetingDto,
  MeetingsQueryDto,
  MoveMeetingDto,
  PaperInputDto,
  MeetingPlanResultDto,
} from './governance.dto';
import { type MeetingSummary, MeetingRepository, type NewAgendaItem } from './meeting.repository';
import { summaryOf } from './meeting-summary';

const DEFAULT_QUORUM: QuorumRule = { type: 'fraction', numerator: 1, denominator: 2 };
const toPlanStatus = (status: string): MeetingStatus => (status === 'scheduled' ? 'planned' : (status as MeetingStatus));


/** Meetings on the school calendar: planning a year, moving and cancelling, agendas, papers, attendance, quorum, minutes and actions. */
@Injectable()
export class MeetingsService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async list(ctx: TenantContext, query: MeetingsQueryDto) {
    const problems: { field: string; message: string }[] = [];
    const from = query.from ?? londonToday();
    if (!isValidIsoDate(from)) problems.push({ field: 'from', message: 'Give the first day as YYYY-MM-DD' });
    const to = query.to ?? (isValidIsoDate(from) ? addDays(from, 365) : '');
    if (!isValidIsoDate(to)) problems.push({ field: 'to', message: 'Give the last day as YYYY-MM-DD' });
    else if (isValidIsoDate(from) && to < from) problems.push({ field: 'to', message: 'The last day must not be before the first' });
    else if (isValidIsoDate(from) && to > addDays(from, 3 * 366)) problems.push({ field: 'to', message: 'Ask for at most three years at a time' });
    if (problems.length) throw invalid(problems);
    const rows = await inTenant(this.db, ctx, (em) =>
      new MeetingRepository(em, ctx.tenant.id).listOnDays(from, to, query.bodyId ? [query.bodyId] : null),
    );
    return { items: rows.map(summaryOf) };
  }

  /**
   * Plans a year of meetings on the partnership's term dates through the domain's planMeetings.
   * All bodies take part in the plan, so "meets before" orderings between bodies hold, but only
   * the asked-for body's (or every body's) new slots are stored. Stored slots are never planned
   * again, so planning twice creates each meeting once.
   */
  async plan(ctx: TenantContext, bodyId: string | null, academicYearStart: number): Promise<MeetingPlanResultDto> {
    if (bodyId !== null && !isUuid(bodyId)) throw notFound('body');
    return inTenant(this.db, ctx, async (em) => {
      const bodies = new BodyRepository(em, ctx.tenant.id);
      const meetings = new MeetingRepository(em, ctx.tenant.id);
      const all = await bodies.listRecords();
      const target = bodyId ? all.find((b) => b.id === bodyId) : null;
      if (bodyId && !target) throw notFound('body');
      if (target && !target.rhythm) throw invalid([{ field: 'rhythm', message: 'Say when this body meets (its rhythm) before planning its meetings' }]);
      const published = await bodies.termDates(`${academicYearStart}-09-01`);
      const termDates = termDatesForYear(academicYearStart, (published ?? []) as Parameters<typeof termDatesForYear>[1]);
      const facts = await new SeatRepository(em, ctx.tenant.id).facts(londonToday());
      const planned = all.filter((b) => b.rhythm);
      const yearStart = `${academicYearStart}-09-01T00:00:00Z`;
      const toPlan: BodyToPlan[] = [];
      for (const b of planned) toPlan.push(await this.bodyToPlan(meetings, b, facts.people, yearStart));
      const existing = await meetings.plannedOf(planned.map((b) => b.id));
      const result = planMeetings(
        toPlan,
        termDates,
        existing.map((e) => ({ key: e.key, bodyId: e.bodyId, date: e.date, status: toPlanStatus(e.status), hostSchoolId: e.hostSchoolId })),
      );
      const wanted = result.meetings.filter((m) => !m.existing && (!bodyId || m.bodyId === bodyId));
      const location = new Map(planned.map((b) => [b.id, b.rhythm?.location ?? null]));
      const createdIds = await meetings.createMany(
        wanted.map((m) => ({
          bodyId: m.bodyId,
          plannedKey: m.key,
          title: null,
          academicYearStart: `${m.academicYearStart}-09-01`,
          halfTerm: m.halfTerm,
          startsAt: m.startsAt,
          endsAt: m.endsAt,
          hostSchoolId: m.hostSchoolId,
          noteTakerUserId: m.noteTakerUserId,
          location: location.get(m.bodyId) ?? null,
        })),
      );
      const byBody = new Map(all.map((b) => [b.id, b]));
      for (const id of createdIds) {
        const meeting = (await meetings.findById(id))!;
        await this.buildAgendaIn(em, ctx, meeting, byBody.get(meeting.bodyId)!, { reports: false });
      }
      const mine = result.meetings.filter((m) => !bodyId || m.bodyId === bodyId);
      const stored = await meetings.listBetween(`${academicYearStart}-08-01T00:00:00Z`, `${academicYearStart + 1}-09-01T00:00:00Z`, bodyId ? [bodyId] : planned.map((b) => b.id));
      return {
        created: createdIds.length,
        existing: mine.length - createdIds.length,
        meetings: stored.filter((m) => m.plannedKey && mine.some((p) => p.key === m.plannedKey)).map(summaryOf),
        problems: result.problems.filter((p) => !bodyId || p.bodyId === bodyId || p.bodyId === null) as unknown as Record<string, unknown>[],
        termDates: termDates.source,
      };
    });
  }

  async get(ctx: TenantContext, id: string): Promise<MeetingDto> {
    if (!isUuid(id)) throw notFound('meeting');
    return inTenant(this.db, ctx, (em) => this.describe(em, ctx, id));
  }

  async move(ctx: TenantContext, id: string, dto: MoveMeetingDto): Promise<MeetingDto> {
    if (!isUuid(id)) throw notFound('meeting');
    const problems: { field: string; message: string }[] = [];
    if (!isValidIsoDate(dto.date)) problems.push({ field: 'date', message: 'That date does not exist' });
    if (dto.endTime <= dto.startTime) problems.push({ field: 'endTime', message: 'The meeting must end after it starts' });
    if (problems.length) throw invalid(problems);
    return inTenant(this.db, ctx, async (em) => {
      const meetings = new MeetingRepository(em, ctx.tenant.id);
      const meeting = await meetings.lockForUpdate(id);
      if (!meeting) throw notFound('meeting');
      if (meeting.status === 'cancelled') throw conflict('This meeting was cancelled; plan a new one instead.');
      let hostSchoolId = meeting.hostSchoolId;
      if (dto.hostSchoolUrn !== undefined) {
        hostSchoolId = null;
        if (dto.hostSchoolUrn) {
          hostSchoolId = (await new BodyRepository(em, ctx.tenant.id).memberSchoolIdsByUrn([dto.hostSchoolUrn])).get(dto.hostSchoolUrn) ?? null;
          if (!hostSchoolId) throw invalid([{ field: 'hostSchoolUrn', message: 'The host must be a member school' }]);
        }
      }
      await meetings.move(id, {
        date: dto.date,
        startTime: dto.startTime,
        endTime: dto.endTime,
        location: dto.location === undefined ? meeting.location : dto.location,
        hostSchoolId,
        noteTakerUserId: dto.noteTakerUserId === undefined ? meeting.noteTakerUserId : dto.noteTakerUserId,
      });
      return this.describe(em, ctx, id);
    });
  }

  async cancel(ctx: TenantContext, id: string, dto: CancelMeetingDto): Promise<MeetingDto> {
    if (!isUuid(id)) throw notFound('meeting');
    return inTenant(this.db, ctx, async (em) => {
      const meetings = new MeetingRepository(em, ctx.tenant.id);
      const meeting = await meetings.lockForUpdate(id);
      if (!meeting) throw notFound('meeting');
      if (meeting.status === 'held') throw conflict('This meeting has been held and cannot be cancelled.');
      if (meeting.status !== 'cancelled') await meetings.cancel(id, dto.reason?.trim() || null);
      return this.describe(em, ctx, id);
    });
  }

  /** Adds what the rules put on the agenda and is not there yet (standing items, the annual rhythm, reports from bodies below). */
  async buildAgenda(ctx: TenantContext, id: string): Promise<MeetingDto> {
    if (!isUuid(id)) throw notFound('meeting');
    return inTenant(this.db, ctx, async (em) => {
      const meeting = await new MeetingRepository(em, ctx.tenant.id).findById(id);
      if (!meeting) throw notFound('meeting');
      const body = (await new BodyRepository(em, ctx.tenant.id).findById(meeting.bodyId))!;
      await this.buildAgendaIn(em, ctx, meeting, body, { reports: true });
      return this.describe(em, ctx, id);
    });
  }

  async addItem(ctx: TenantContext, id: string, dto: AgendaItemInputDto): Promise<MeetingDto> {
    return this.inMeeting(ctx, id, 'manage', async (em, meetings) => {
      await meetings.addItem(id, { kind: 'local', title: dto.title.trim(), description: dto.description?.trim() || null, confidential: dto.confidential === true, sourceRef: null }, ctx.user.id);
    });
  }

  async removeItem(ctx: TenantContext, id: string, itemId: string): Promise<MeetingDto> {
    return this.inMeeting(ctx, id, 'manage', async (_em, meetings) => {
      if (!(await meetings.removeItem(id, itemId))) throw invalid([{ field: 'itemId', message: 'Only local items of this meeting can be taken off the agenda' }]);
    });
  }

  async addPaper(ctx: TenantContext, id: string, dto: PaperInputDto): Promise<MeetingDto> {
    if (!dto.content?.trim() && !dto.url) throw invalid([{ field: 'content', message: 'Write the paper or give a link to it' }]);
    return this.inMeeting(ctx, id, 'member', async (_em, meetings) => {
      if (!(await meetings.findItem(id, dto.agendaItemId))) throw invalid([{ field: 'agendaItemId', message: 'Choose an item on this agenda' }]);
      await meetings.addPaper(id, dto.agendaItemId, dto.title.trim(), dto.content?.trim() || null, dto.url ?? null, ctx.user.id);
    });
  }

  async recordAttendance(ctx: TenantContext, id: string, dto: AttendanceInputDto): Promise<MeetingDto> {
    return this.inMeeting(ctx, id, 'recorder', async (em, meetings, meeting) => {
      if (meeting.status === 'cancelled') throw conflict('This meeting was cancelled.');
      const holdings = await new SeatRepository(em, ctx.tenant.id).current(meeting.bodyId);
      const seatHolder = new Map(holdings.map((h) => [h.seatKey, h.userId]));
      const problems: { field: string; message: string }[] = [];
      dto.entries.forEach((e, i) => {
        if (e.seatKey && !seatHolder.has(e.seatKey)) problems.push({ field: `entries.${i}.seatKey`, message: 'That is not a filled seat of this body' });
        if (!e.seatKey && !e.userId) problems.push({ field: `entries.${i}.userId`, message: 'Say who attended, or which seat' });
        if (!e.seatKey && e.status !== 'in_attendance') problems.push({ field: `entries.${i}.status`, message: 'Someone without a seat is in attendance' });
        if (e.status === 'deputy' && !e.deputyUserId) problems.push({ field: `entries.${i}.deputyUserId`, message: 'Name the deputy standing in' });
        if (e.status === 'apologies' && !e.reason?.trim()) problems.push({ field: `entries.${i}.reason`, message: 'Give the reason for the apologies' });
      });
      if (problems.length) throw invalid(problems);
      await meetings.recordAttendance(
        id,
        dto.entries.map((e) => ({
          seatKey: e.seatKey ?? null,
          userId: e.seatKey ? (seatHolder.get(e.seatKey) ?? null) : (e.userId ?? null),
          status: e.status as AttendanceStatus,
          deputyUserId: e.status === 'deputy' ? (e.deputyUserId ?? null) : null,
          reason: e.reason?.trim() || null,
        })),
        ctx.user.id,
      );
      if (meeting.startsAt.getTime() <= Date.now()) await meetings.markHeld(id);
    });
  }

  async saveMinutes(ctx: TenantContext, id: string, text: string): Promise<MeetingDto> {
    return this.inMeeting(ctx, id, 'recorder', async (_em, meetings) => {
      if (!(await meetings.saveDraft(id, text, ctx.user.id))) throw conflict('These minutes have been approved and can no longer change.');
    });
  }

  async circulateMinutes(ctx: TenantContext, id: string): Promise<MeetingDto> {
    return this.inMeeting(ctx, id, 'recorder', async (_em, meetings) => {
      const minutes = await meetings.minutes(id);
      if (!minutes) throw conflict('Write the minutes before circulating them.');
      await meetings.circulate(id);
    });
  }

  /** At this meeting, the body approves the minutes of its previous meeting. Only a member of the body may record it. */
  async approvePreviousMinutes(ctx: TenantContext, id: string): Promise<MeetingDto> {
    return this.inMeeting(ctx, id, 'voter', async (em, meetings, meeting) => {
      if (meeting.status === 'cancelled') throw conflict('This meeting was cancelled.');
      const previous = await meetings.previous(meeting.bodyId, meeting.startsAt);
      const minutes = previous ? await meetings.minutes(previous.id) : null;
      if (!previous || !minutes) throw conflict('There are no minutes of a previous meeting to approve.');
      if (minutes.status === 'approved') throw conflict('Those minutes have already been approved.');
      await meetings.approve(previous.id, id, ctx.user.id);
      await meetings.addItems(id, [{ kind: 'minutes_approval', title: `Minutes of the meeting on ${formatUkDate(previous.startsAtLocal.slice(0, 10))}`, description: null, confidential: false, sourceRef: `minutes:${previous.id}` }], ctx.user.id);
      void em;
    });
  }

  async addAction(ctx: TenantContext, id: string, dto: ActionInputDto): Promise<MeetingDto> {
    return this.inMeeting(ctx, id, 'recorder', async (em, meetings, meeting) => {
      let ownerSchoolId: string | null = null;
      if (dto.ownerSchoolUrn) {
        ownerSchoolId = (await new BodyRepository(em, ctx.tenant.id).memberSchoolIdsByUrn([dto.ownerSchoolUrn])).get(dto.ownerSchoolUrn) ?? null;
        if (!ownerSchoolId) throw invalid([{ field: 'ownerSchoolUrn', message: 'The school must be a member' }]);
      }
      if (dto.ownerUserId && !(await new BodyRepository(em, ctx.tenant.id).userExists(dto.ownerUserId))) throw invalid([{ field: 'ownerUserId', message: 'We could not find that person' }]);
      if (dto.dueOn && !isValidIsoDate(dto.dueOn)) throw invalid([{ field: 'dueOn', message: 'That date does not exist' }]);
      if (dto.agendaItemId && !(await meetings.findItem(id, dto.agendaItemId))) throw invalid([{ field: 'agendaItemId', message: 'Choose an item on this agenda' }]);
      await new ActionRepository(em, ctx.tenant.id).create({
        bodyId: meeting.bodyId,
        meetingId: id,
        agendaItemId: dto.agendaItemId ?? null,
        title: dto.title.trim(),
        ownerUserId: dto.ownerUserId ?? null,
        ownerSchoolId,
        dueOn: dto.dueOn ?? null,
      });
    });
  }

  async closeAction(ctx: TenantContext, id: string, dto: CloseActionDto): Promise<MeetingDto> {
    return this.inMeeting(ctx, id, 'recorder', async (em, _meetings, meeting) => {
      const actions = new ActionRepository(em, ctx.tenant.id);
      const action = await actions.find(dto.actionId);
      if (!action || action.bodyId !== meeting.bodyId) throw invalid([{ field: 'actionId', message: 'Choose an action of this body' }]);
      if (!(await actions.close(dto.actionId, id, dto.note?.trim() || null))) throw conflict('That action is already closed.');
    });
  }

  /**
   * E-mails the body's members and the note-taker an invitation with an .ics attachment (a
   * cancellation for a cancelled meeting). One mail per person and version of the meeting: the
   * job id carries the SEQUENCE, so sending again after no change sends nothing new.
   */
  async sendInvitations(ctx: TenantContext, id: string): Promise<{ queued: number }> {
    if (!isUuid(id)) throw notFound('meeting');
    const { meeting, people, organizerEmail } = await inTenant(this.db, ctx, async (em) => {
      const found = await new MeetingRepository(em, ctx.tenant.id).findById(id);
      if (!found) throw notFound('meeting');
      if (found.status === 'held') throw conflict('This meeting has been held.');
      const bodies = new BodyRepository(em, ctx.tenant.id);
      const contacts = await new SeatRepository(em, ctx.tenant.id).contacts(found.bodyId);
      if (found.noteTakerUserId && !contacts.some((c) => c.userId === found.noteTakerUserId)) {
        const noteTaker = await bodies.userContact(found.noteTakerUserId);
        if (noteTaker) contacts.push(noteTaker);
      }
      return { meeting: found, people: contacts, organizerEmail: (await bodies.contactEmail()) ?? 'no-reply@partnerships.invalid' };
    });
    const base = (this.env.PUBLIC_URL ?? `http://localhost:${this.env.PORT}`).replace(/\/$/, '');
    const link = `${base}/p/${ctx.tenant.slug}/governance/meetings/${meeting.id}`;
    const cancelled = meeting.status === 'cancelled';
    const event = meetingEvent(meeting, ctx.tenant.name, link);
    const when = `${formatUkDate(meeting.startsAtLocal.slice(0, 10))}, ${meeting.startsAtLocal.slice(11, 16)} to ${meeting.endsAtLocal.slice(11, 16)}`;
    for (const person of people) {
      const ics = meetingInvitationIcs({ method: cancelled ? 'CANCEL' : 'REQUEST', event, organizer: { name: ctx.tenant.name, email: organizerEmail }, attendees: [{ name: person.name, email: person.email }] });
      await this.queue.enqueue(
        JobName.SendMail,
        {
          template: 'meeting-invitation',
          to: person.email,
          tenantId: ctx.tenant.id,
          data: { partnershipName: ctx.tenant.name, bodyName: meeting.bodyName, when, where: event.location ?? null, link, cancelled, ics },
        },
        { jobId: `meeting-invitation-${meeting.id}-${meeting.sequence}-${person.userId}` },
      );
    }
    return { queued: people.length };
  }

  /** A body's submitted report goes on each parent body's next agenda (once). */
  async addReportToParents(em: EntityManager, ctx: TenantContext, planId: string, body: BodyRecord): Promise<void> {
    const meetings = new MeetingRepository(em, ctx.tenant.id);
    const bodies = new BodyRepository(em, ctx.tenant.id);
    let placed = false;
    const nowIso = new Date().toISOString();
    for (const parentId of body.parentIds) {
      const next = await meetings.nextOf(parentId, nowIso);
      if (!next) continue;
      await meetings.addItems(next.id, [{ kind: 'report', title: `Report from ${body.name}: action plan and impact report`, description: null, confidential: false, sourceRef: `report:${planId}` }], ctx.user.id);
      if (!placed) await bodies.markReported(planId, next.id);
      placed = true;
    }
  }

  // --- helpers -----------------------------------------------------------------

  private async bodyToPlan(meetings: MeetingRepository, b: BodyRecord, people: { userId: string; schoolId: string | null; role: string }[], yearStart: string): Promise<BodyToPlan> {
    const rhythm = b.rhythm!;
    const rotates = Boolean(rhythm.rotateHost) && b.schoolIds.length > 0;
    const lastHost = rotates ? await meetings.lastHost(b.id, yearStart) : null;
    const noteTakerAt = (schoolId: string) => {
      const at = people.filter((p) => p.schoolId === schoolId);
      return (at.find((p) => p.role === 'business-manager') ?? at.find((p) => p.role === 'staff') ?? at.find((p) => p.role === 'headteacher'))?.userId;
    };
    return bodyToPlan({ id: b.id, name: b.name, endsOn: b.endsOn, rhythm, schoolIds: b.schoolIds }, noteTakerAt, lastHost);
  }

  private async buildAgendaIn(em: EntityManager, ctx: TenantContext, meeting: MeetingSummary, body: BodyRecord, options: { reports: boolean }): Promise<void> {
    const meetings = new MeetingRepository(em, ctx.tenant.id);
    const items: NewAgendaItem[] = [{ kind: 'standing', title: 'Welcome and apologies for absence', description: null, confidential: false, sourceRef: 'standing:apologies' }];
    const previous = await meetings.previous(body.id, meeting.startsAt);
    if (previous) {
      items.push({ kind: 'minutes_approval', title: `Minutes of the meeting on ${formatUkDate(previous.startsAtLocal.slice(0, 10))}`, description: null, confidential: false, sourceRef: `minutes:${previous.id}` });
      items.push({ kind: 'standing', title: 'Actions from previous meetings', description: null, confidential: false, sourceRef: 'standing:actions' });
    }
    body.annualRhythm.forEach((core, i) => {
      if (core.halfTerm === (meeting.halfTerm as HalfTermName)) items.push({ kind: 'core', title: core.title, description: null, confidential: false, sourceRef: `core:${core.halfTerm}:${i}` });
    });
    await meetings.addItems(meeting.id, items, ctx.user.id);
    if (options.reports && body.childIds.length) {
      const bodies = new BodyRepository(em, ctx.tenant.id);
      for (const report of await bodies.pendingReports(body.childIds)) {
        await meetings.addItems(meeting.id, [{ kind: 'report', title: `Report from ${report.bodyName}: action plan and impact report`, description: null, confidential: false, sourceRef: `report:${report.id}` }], ctx.user.id);
        await bodies.markReported(report.id, meeting.id);
      }
    }
  }

  /**
   * Loads the meeting, checks who may do this, runs the change and answers with the meeting.
   * 'manage': admins and officers; 'member': also the body's members; 'recorder': also the
   * note-taker and the body's chair and secretary; 'voter': members of the body only.
   */
  private async inMeeting(
    ctx: TenantContext,
    id: string,
    need: 'manage' | 'member' | 'recorder' | 'voter',
    work: (em: EntityManager, meetings: MeetingRepository, meeting: MeetingSummary) => Promise<void>,
  ): Promise<MeetingDto> {
    if (!isUuid(id)) throw notFound('meeting');
    return inTenant(this.db, ctx, async (em) => {
      const meetings = new MeetingRepository(em, ctx.tenant.id);
      const meeting = await meetings.lockForUpdate(id);
      if (!meeting) throw notFound('meeting');
      const manage = canManageGovernance(ctx);
      const seats = new SeatRepository(em, ctx.tenant.id);
      const member = await seats.isMember(meeting.bodyId, ctx.user.id);
      let allowed = false;
      if (need === 'manage') allowed = manage;
      else if (need === 'member') allowed = manage || member;
      else if (need === 'voter') allowed = member;
      else {
        const offices = await new BodyRepository(em, ctx.tenant.id).currentOffices(meeting.bodyId);
        allowed = manage || meeting.noteTakerUserId === ctx.user.id || offices.some((o) => o.userId === ctx.user.id && (o.office === 'chair' || o.office === 'secretary'));
      }
      if (!allowed) {
        throw need === 'voter'
          ? new AppError('not_a_member', 403, 'Only a member of this body may approve its minutes.')
          : forbidden();
      }
      await work(em, meetings, meeting);
      return this.describe(em, ctx, id);
    });
  }

  private async describe(em: EntityManager, ctx: TenantContext, id: string): Promise<MeetingDto> {
    const meetings = new MeetingRepository(em, ctx.tenant.id);
    const meeting = await meetings.findById(id);
    if (!meeting) throw notFound('meeting');
    const bodies = new BodyRepository(em, ctx.tenant.id);
    const body = (await bodies.findById(meeting.bodyId))!;
    const seatsRepo = new SeatRepository(em, ctx.tenant.id);
    const manage = canManageGovernance(ctx);
    const isMember = await seatsRepo.isMember(meeting.bodyId, ctx.user.id);
    const insider = manage || isMember || meeting.noteTakerUserId === ctx.user.id;
    const agenda = (await meetings.agenda(id)).filter((item) => insider || !item.confidential);
    const visible = new Set(agenda.map((i) => i.id));
    const papers = (await meetings.papers(id)).filter((p) => visible.has(p.agendaItemId));
    if (!body.archivedAt) await resolveAndRecordSeats(em, ctx.tenant.id, [body.id], londonToday());
    const holdings = await seatsRepo.current(body.id);
    const rules = new Map((await seatsRepo.rules(body.id)).map((r) => [r.id, r]));
    const chair = (await bodies.currentOffices(body.id)).find((o) => o.office === 'chair');
    const attendance = await meetings.attendance(id);
    const quorumSeats: QuorumSeat[] = holdings.map((h) => ({ key: h.seatKey, voting: rules.get(h.seatRuleId)?.voting ?? 'voting', isChair: chair?.userId === h.userId }));
    const entries: AttendanceEntry[] = attendance.map((a) => ({ seatKey: a.seatKey, status: a.status }));
    const quorum = quorumMet(body.quorumRule ?? DEFAULT_QUORUM, quorumSeats, entries);
    const bySeat = new Map(attendance.filter((a) => a.seatKey).map((a) => [a.seatKey!, a]));
    const followUp = attendance.length
      ? holdings
          .filter((h) => h.schoolUrn && !['present', 'deputy'].includes(bySeat.get(h.seatKey)?.status ?? 'absent'))
          .map((h) => ({ schoolUrn: h.schoolUrn, holder: h.name, seatKey: h.seatKey, status: bySeat.get(h.seatKey)?.status ?? 'not recorded', reason: bySeat.get(h.seatKey)?.reason ?? null }))
      : [];
    const minutes = await meetings.minutes(id);
    const showMinutes = minutes && (insider || minutes.status === 'approved');
    const previous = await meetings.previous(body.id, meeting.startsAt);
    const previousMinutes = previous ? await meetings.minutes(previous.id) : null;
    const actions = await new ActionRepository(em, ctx.tenant.id).forMeeting(body.id, id, meeting.startsAt);
    return {
      ...summaryOf(meeting),
      title: meeting.title ?? body.name,
      hostSchoolName: meeting.hostSchoolName,
      noteTakerUserId: meeting.noteTakerUserId,
      noteTakerName: meeting.noteTakerName,
      location: meeting.location,
      sequence: meeting.sequence,
      isMember,
      canManage: manage,
      agenda: agenda.map((item) => ({ ...item, papers: papers.filter((p) => p.agendaItemId === item.id).map((p) => ({ ...p, createdAt: p.createdAt.toISOString() })) })),
      attendance: attendance as unknown as Record<string, unknown>[],
      quorum: { rule: body.quorumRule ?? DEFAULT_QUORUM, ...quorum },
      followUp,
      minutes: showMinutes
        ? { text: minutes.text, status: minutes.status, circulatedAt: minutes.circulatedAt?.toISOString() ?? null, approvedAtMeetingId: minutes.approvedAtMeetingId, approvedAt: minutes.approvedAt?.toISOString() ?? null }
        : minutes
          ? { status: minutes.status }
          : null,
      previousMinutes:
        previous && previousMinutes
          ? {
              meetingId: previous.id,
              startsAt: previous.startsAt.toISOString(),
              status: previousMinutes.status,
              approvedHere: previousMinutes.approvedAtMeetingId === id,
              ...(insider || previousMinutes.status !== 'draft' ? { text: previousMinutes.text } : {}),
            }
          : null,
      actions: actions as unknown as Record<string, unknown>[],
    };
  }
}
