import { createHash, createHmac, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Env } from '@partnerships/config';
import { Database } from '@partnerships/db';
import { buildIcs, type CalendarEvent, londonToday } from '@partnerships/domain';
import { notFound } from '../../common/app-error';
import { isUuid } from '../../common/ids';
import { type AuthedContext, inTenant, type TenantContext } from '../../common/request-context';
import { ENV } from '../../runtime/runtime.module';
import { structureDiagram, structureIn } from './bodies.service';
import { BodyRepository } from './body.repository';
import { CalendarFeedRepository } from './calendar-feed.repository';
import { type MeetingSummary, MeetingRepository } from './meeting.repository';
import { governanceIn } from './my-governance';
import { SeatRepository } from '@partnerships/jobs';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
/** Meetings this far back stay in feeds, so a calendar keeps the recent past. */
const FEED_HISTORY_DAYS = 120;

export function meetingEvent(m: MeetingSummary, partnershipName: string, link: string | null): CalendarEvent {
  return {
    uid: `${m.id}@partnerships`,
    sequence: m.sequence,
    status: m.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    startsAtLocal: m.startsAtLocal,
    endsAtLocal: m.endsAtLocal,
    summary: `${m.title ?? m.bodyName} (${partnershipName})`,
    location: m.location ?? (m.hostSchoolName ? `Hosted by ${m.hostSchoolName}` : null),
    description: [m.halfTerm ? `${m.bodyName}, ${m.halfTerm}` : m.bodyName, m.noteTakerName ? `Note-taker: ${m.noteTakerName}` : null].filter(Boolean).join('\n'),
    url: link,
    updatedAt: m.updatedAt.toISOString(),
  };
}

/**
 * Calendar feeds Outlook, Google and Apple Calendar subscribe to. The address holds a token
 * derived from the feed's id with a server key (so the same address can be shown again); only
 * the token's SHA-256 is stored, and revoking a feed retires its address for good.
 */
@Injectable()
export class CalendarService {
  private readonly key: Buffer;

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(ENV) private readonly env: Env,
  ) {
    this.key = createHash('sha256')
      .update(`partnerships calendar feeds\0${env.CALENDAR_FEED_SECRET ?? env.DATABASE_URL ?? 'embedded'}`)
      .digest();
  }

  /** The person's feed address; a feed is made the first time. */
  async myCalendar(ctx: AuthedContext): Promise<{ url: string }> {
    const userId = ctx.user.id;
    const id = await this.db.asPlatform({ userId }, async (em) => {
      const feeds = new CalendarFeedRepository(em);
      const existing = await feeds.personFeed(userId);
      if (existing) return existing.id;
      // The token derives from the row id, so the id is chosen first.
      const row = await this.newPersonFeed(feeds, userId);
      return row;
    });
    return { url: this.urlFor(id) };
  }

  async revokeMine(ctx: AuthedContext): Promise<{ revoked: number }> {
    const userId = ctx.user.id;
    const revoked = await this.db.asPlatform({ userId }, (em) => new CalendarFeedRepository(em).revokePersonFeed(userId));
    return { revoked };
  }

  /** A body's feed address (a new one each time it is asked for: the old one stops working). */
  async bodyCalendar(ctx: TenantContext, bodyId: string): Promise<{ url: string }> {
    if (!isUuid(bodyId)) throw notFound('body');
    const feedId = await inTenant(this.db, ctx, async (em) => {
      if (!(await new BodyRepository(em, ctx.tenant.id).findById(bodyId))) throw notFound('body');
      const feeds = new CalendarFeedRepository(em);
      const id = randomUUID();
      await feeds.createBodyFeed(ctx.tenant.id, bodyId, sha256(this.tokenFor(id)), id);
      return id;
    });
    return { url: this.urlFor(feedId) };
  }

  /** The feed behind a secret address, or 404 for an unknown or revoked one. */
  async feed(token: string): Promise<string> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw notFound('calendar');
    const owner = await this.db.asPlatform({}, (em) => new CalendarFeedRepository(em).byTokenHash(sha256(token)));
    if (!owner) throw notFound('calendar');
    const from = new Date(Date.now() - FEED_HISTORY_DAYS * 86_400_000).toISOString();
    const events: CalendarEvent[] = [];
    let name = 'Meetings';
    if (owner.userId) {
      const userId = owner.userId;
      const tenants = await this.db.asPlatform({ userId }, (em) => new CalendarFeedRepository(em).tenantsOf(userId));
      const user = await this.db.asPlatform({ userId }, (em) => new CalendarFeedRepository(em).userName(userId));
      name = `Meetings of ${user ?? 'my bodies'}`;
      for (const tenant of tenants) {
        const meetings = await this.db.inTenant(tenant.id, { userId }, async (em) => {
          const bodyIds = await new SeatRepository(em, tenant.id).memberBodyIds(userId);
          const repo = new MeetingRepository(em, tenant.id);
          const all = [...(await repo.listForBodiesFrom(bodyIds, from)), ...(await repo.listNoteTakingFrom(userId, from))];
          return [...new Map(all.map((m) => [m.id, m])).values()];
        });
        events.push(...meetings.map((m) => meetingEvent(m, tenant.name, this.link(tenant.slug, m.id))));
      }
    } else if (owner.tenantId && owner.bodyId) {
      const tenantId = owner.tenantId;
      const bodyId = owner.bodyId;
      const { tenant, meetings, body } = await this.db.inTenant(tenantId, {}, async (em) => {
        const found = await new CalendarFeedRepository(em).tenant(tenantId);
        const b = await new BodyRepository(em, tenantId).findById(bodyId);
        return { tenant: found, body: b, meetings: b ? await new MeetingRepository(em, tenantId).listForBodiesFrom([bodyId], from) : [] };
      });
      if (!tenant || !body) throw notFound('calendar');
      name = `${body.name} (${tenant.name})`;
      events.push(...meetings.map((m) => meetingEvent(m, tenant.name, this.link(tenant.slug, m.id))));
    }
    events.sort((a, b) => (a.startsAtLocal < b.startsAtLocal ? -1 : a.startsAtLocal > b.startsAtLocal ? 1 : 0));
    return buildIcs({ calendarName: name, events, now: new Date().toISOString() });
  }

  /** The person's own view: bodies, next meetings, papers, open actions and (for heads) their school's representation. */
  async myGovernance(ctx: AuthedContext) {
    const userId = ctx.user.id;
    const { tenants, schools } = await this.db.asPlatform({ userId }, async (em) => {
      const feeds = new CalendarFeedRepository(em);
      return { tenants: await feeds.tenantsOf(userId), schools: await feeds.headedSchools(userId) };
    });
    const today = londonToday();
    const nowIso = new Date().toISOString();
    const partnerships = [];
    const seen = new Set(tenants.map((t) => t.id));
    const extra = schools.length ? await this.db.asPlatform({ userId }, (em) => new CalendarFeedRepository(em).tenantsOfSchools(schools.map((s) => s.id))) : [];
    for (const t of extra) if (!seen.has(t.id)) (seen.add(t.id), tenants.push(t));
    for (const tenant of tenants) {
      const view = await this.db.inTenant(tenant.id, { userId }, (em) => governanceIn(em, tenant.id, userId, schools.map((s) => s.id), nowIso));
      partnerships.push({ slug: tenant.slug, name: tenant.name, ...view });
    }
    return { today, partnerships };
  }

  /** The structure diagram of a partnership the person belongs to (a role there, or at a member school); 404 otherwise. */
  async memberStructureSvg(ctx: AuthedContext, slug: string): Promise<string> {
    const userId = ctx.user.id;
    const tenant = await this.db.asPlatform({ userId }, (em) => new CalendarFeedRepository(em).partnershipOfMember(userId, slug));
    if (!tenant) throw notFound('partnership');
    const structure = await this.db.inTenant(tenant.id, { userId }, (em) => structureIn(em, tenant.id));
    return structureDiagram(tenant.name, structure);
  }

  private async newPersonFeed(feeds: CalendarFeedRepository, userId: string): Promise<string> {
    const id = randomUUID();
    if (await feeds.createPersonFeed(userId, sha256(this.tokenFor(id)), id)) return id;
    const existing = await feeds.personFeed(userId);
    return existing!.id;
  }

  private tokenFor(feedId: string): string {
    return createHmac('sha256', this.key).update(feedId).digest('base64url');
  }

  private urlFor(feedId: string): string {
    return `${this.publicUrl()}/api/v1/calendar/${this.tokenFor(feedId)}.ics`;
  }

  private link(slug: string, meetingId: string): string {
    return `${this.publicUrl()}/p/${slug}/governance/meetings/${meetingId}`;
  }

  private publicUrl(): string {
    return (this.env.PUBLIC_URL ?? `http://localhost:${this.env.PORT}`).replace(/\/$/, '');
  }
}
