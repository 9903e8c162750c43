import { Inject, Injectable } from '@nestjs/common';
import type { Env } from '@partnerships/config';
import { Database, type EntityManager, SchoolRegisterRepository, TenantRepository } from '@partnerships/db';
import {
  describeNoticeRule,
  DomainRefusal,
  type HalfTerm,
  isValidIsoDate,
  MEMBERSHIP_STATE_LABELS,
  type Membership,
  type MembershipEffect,
  type MembershipEvent,
  type NoticeRule,
  noticeRuleProblems,
  ROLE_LABELS,
  type Refusal,
  type RefusalCode,
  type TransitionContext,
  transition,
} from '@partnerships/domain';
import { JobName, type JobQueue } from '@partnerships/jobs';
import { conflict, invalid, notFound } from '../../common/app-error';
import { ENV, JOB_QUEUE } from '../../runtime/runtime.module';
import { hashToken, newToken } from '../auth/session-token';
import { isUuid } from '../../common/ids';
import { FeeScheduleRepository } from '../fee-schedules/fee-schedule.repository';
import { SchoolInvitationRepository } from '../school-portal/school-invitation.repository';
import { MembershipRepository, type MembershipRow } from './membership.repository';

export type { MembershipRow } from './membership.repository';

/** When a partnership has not chosen a notice rule: one year's notice, ending when it runs out. */
export const DEFAULT_NOTICE_RULE: NoticeRule = { kind: 'period', months: 12, leaveAt: 'period-end' };
export const SCHOOL_INVITATION_DAYS = 14;

export interface TenantRef {
  id: string;
  slug: string;
  name: string;
}

export interface Actor {
  id: string;
  name: string;
}

export interface TransitionOutcome {
  membershipId: string;
  eventId: string | null;
  membership: Membership;
  effects: MembershipEffect[];
  row: MembershipRow;
  note?: string;
  context: TransitionContext & { noticeRule: NoticeRule; noticeRuleIsDefault: boolean };
}

/** The stored columns as the domain's plain value. */
export function toDomain(row: MembershipRow): Membership {
  return {
    state: row.status,
    // Memberships from before the lifecycle was recorded have no `since`; their joining day bounds it.
    ...(row.since || row.joined_on ? { since: (row.since ?? row.joined_on)! } : {}),
    ...(row.suspended_from ? { suspendedFrom: row.suspended_from } : {}),
    ...(row.application ? { application: row.application } : {}),
    ...(row.joined_on ? { startedOn: row.joined_on } : {}),
    ...(row.notice ? { notice: row.notice } : {}),
    ...(row.left_on ? { leftOn: row.left_on } : {}),
  };
}

/**
 * The domain's refusals in this API's field names (an application's acceptances as the apply
 * form names them; an unreadable or too-early event against `date`), thrown for the one mapper
 * in common/problem.filter.ts: bad input is 400 naming fields, a refused move is 409.
 */
export function transitionRefusal(refusals: readonly Refusal[]): DomainRefusal {
  return new DomainRefusal(
    refusals.map((r) => {
      const field = r.field ? (APPLICATION_FIELDS[r.field] ?? r.field) : DATED_CODES.has(r.code) ? 'date' : undefined;
      return field ? { ...r, field } : r;
    }),
  );
}

const DATED_CODES = new Set<RefusalCode>(['invalid_event', 'dated_before_current_state']);

/** The domain's application fields, as the school's apply form names them. */
const APPLICATION_FIELDS: Record<string, string> = {
  termsAccepted: 'acceptTerms',
  liabilityGuaranteeAccepted: 'acceptLiabilityGuarantee',
};

/**
 * The one way a membership changes state: read it (locked), ask the domain's `transition()`,
 * store the new state and a `membership_events` row in the same transaction, and afterwards
 * e-mail the people concerned. An illegal move changes nothing and answers with the domain's
 * own plain message.
 */
@Injectable()
export class MembershipLifecycleService {
  constructor(
    private readonly db: Database,
    @Inject(ENV) private readonly env: Env,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
  ) {}

  publicUrl(): string {
    return (this.env.PUBLIC_URL ?? `http://localhost:${this.env.PORT}`).replace(/\/$/, '');
  }

  async load(em: EntityManager, tenantId: string, membershipId: string, lock = false): Promise<MembershipRow> {
    if (!isUuid(membershipId)) throw notFound('membership');
    const row = await new MembershipRepository(em, tenantId).find(membershipId, { lock });
    if (!row) throw notFound('membership');
    return row;
  }

  async loadBySchool(em: EntityManager, tenantId: string, schoolId: string, lock = false): Promise<MembershipRow | null> {
    return new MembershipRepository(em, tenantId).findBySchool(schoolId, { lock });
  }

  /** The partnership's settings that transitions depend on (its stored notice rule read here, unless the caller has it already). */
  async context(
    em: EntityManager,
    tenantId: string,
    today: string,
    known?: { noticeRule: unknown },
  ): Promise<TransitionContext & { noticeRule: NoticeRule; noticeRuleIsDefault: boolean }> {
    const tenants = new TenantRepository(em);
    const stored = (known ? known.noticeRule : await tenants.noticeRule(tenantId)) as NoticeRule | null;
    const usable = stored && noticeRuleProblems(stored).length === 0 ? stored : null;
    const calendars = await tenants.calendars(tenantId);
    const terms = calendars.flatMap((c) => (Array.isArray(c.halfTerms) ? c.halfTerms : [])).filter(isHalfTerm);
    const schedule = await new FeeScheduleRepository(em, tenantId).findInForceOn(today);
    const pence = schedule?.document.liabilityGuarantee?.amountPence;
    return {
      noticeRule: usable ?? DEFAULT_NOTICE_RULE,
      noticeRuleIsDefault: !usable,
      terms,
      ...(typeof pence === 'number' && pence > 0 ? { liabilityGuaranteePence: pence } : {}),
    };
  }

  /**
   * Runs one event on a membership inside the caller's transaction. With `persist: false`
   * it only works out the result (a notice preview). Throws a problem when the domain refuses.
   */
  async apply(
    em: EntityManager,
    tenantId: string,
    row: MembershipRow,
    event: MembershipEvent,
    options: { persist: boolean; today: string; data?: Record<string, unknown> },
  ): Promise<TransitionOutcome> {
    const context = await this.context(em, tenantId, options.today);
    const result = transition(toDomain(row), event, context);
    if (!result.ok) throw transitionRefusal(result.refusals);
    const { membership: next, historyEntry: entry, effects } = result.value;
    if (!options.persist) return { membershipId: row.id, eventId: null, membership: next, effects, row, context };
    const members = new MembershipRepository(em, tenantId);
    await members.saveState(row.id, next);
    const data: Record<string, unknown> = { ...(options.data ?? {}) };
    if (event.type === 'apply' || (event.type === 'rejoin' && event.to === 'applied')) data.application = next.application;
    if (next.notice && event.type === 'give-notice') data.notice = next.notice;
    const guarantee = effects.find((e) => e.type === 'record-liability-guarantee');
    if (guarantee) data.liabilityGuarantee = guarantee;
    const eventId = await members.recordEvent({
      membershipId: row.id,
      event: entry.event,
      from: entry.from,
      to: entry.to,
      on: entry.at,
      actor: entry.by,
      note: entry.note ?? null,
      data,
    });
    return { membershipId: row.id, eventId, membership: next, effects, row, context, ...(entry.note ? { note: entry.note } : {}) };
  }

  /** The school's people who act for it with the partnership: headteachers and business managers. */
  async schoolContacts(em: EntityManager, schoolId: string): Promise<{ email: string; name: string }[]> {
    return new SchoolRegisterRepository(em).contactsOf(schoolId);
  }

  /**
   * For an invitation: a school with nobody on the platform needs an address to invite. Called
   * before the transition is stored, so a missing address changes nothing.
   */
  async prepareInvitation(em: EntityManager, tenant: TenantRef, row: MembershipRow, inviter: Actor, email: string | undefined): Promise<PreparedInvitation> {
    const contacts = await this.schoolContacts(em, row.school_id);
    const extra = email?.trim().toLowerCase();
    if (contacts.length === 0 && !extra) {
      throw invalid([{ field: 'email', message: `Nobody acts for ${row.school_name} on the platform yet: give the e-mail address of its headteacher or business manager.` }]);
    }
    let token: string | null = null;
    let invitationId: string | null = null;
    if (extra && !contacts.some((c) => c.email === extra)) {
      token = newToken();
      invitationId = await new SchoolInvitationRepository(em).createForPartnership({
        schoolId: row.school_id,
        email: extra,
        tokenHash: hashToken(token),
        invitedBy: inviter.id,
        tenantId: tenant.id,
        days: SCHOOL_INVITATION_DAYS,
      });
    }
    return { contacts, newPerson: token && extra && invitationId ? { email: extra, token, invitationId } : null };
  }

  /** E-mails that follow a stored transition: queued after the transaction has committed. */
  async notify(tenant: TenantRef, outcome: TransitionOutcome, actor: Actor, invitation?: PreparedInvitation): Promise<void> {
    const { row } = outcome;
    const schoolLink = `${this.publicUrl()}/s/${row.urn}/partnerships/${tenant.slug}`;
    const adminLink = `${this.publicUrl()}/p/${tenant.slug}/members/${row.id}`;
    const jobKey = outcome.eventId ?? row.id;
    let n = 0;
    const mail = (payload: Parameters<JobQueue['enqueue']>[1]) => this.queue.enqueue(JobName.SendMail, payload as never, { jobId: `membership-mail-${jobKey}-${n++}` });

    for (const effect of outcome.effects) {
      if (effect.type === 'send-invitation' && invitation) {
        for (const contact of invitation.contacts) {
          await mail({ template: 'membership-invitation', to: contact.email, tenantId: tenant.id, data: { partnershipName: tenant.name, schoolName: row.school_name, invitedBy: actor.name, link: schoolLink } });
        }
        if (invitation.newPerson) {
          await mail({
            template: 'school-invitation',
            to: invitation.newPerson.email,
            tenantId: tenant.id,
            data: {
              schoolName: row.school_name,
              role: ROLE_LABELS.headteacher.toLowerCase(),
              invitedBy: actor.name,
              partnershipName: tenant.name,
              link: `${this.publicUrl()}/school-invitations/accept?token=${invitation.newPerson.token}`,
            },
          });
        }
      }
      if (effect.type === 'notify') {
        const headline = headlineFor(effect.about, row.school_name, tenant.name);
        const details = detailsFor(outcome);
        const recipients =
          effect.audience === 'school'
            ? await this.db.asPlatform({}, (em) => this.schoolContacts(em, row.school_id))
            : await this.db.inTenant(tenant.id, {}, (em) => new TenantRepository(em).adminContacts(tenant.id));
        for (const recipient of recipients) {
          await mail({
            template: 'membership-update',
            to: recipient.email,
            tenantId: tenant.id,
            data: { partnershipName: tenant.name, schoolName: row.school_name, headline, details, link: effect.audience === 'school' ? schoolLink : adminLink },
          });
        }
      }
    }
  }
}

export interface PreparedInvitation {
  contacts: { email: string; name: string }[];
  newPerson: { email: string; token: string; invitationId: string } | null;
}

function headlineFor(about: MembershipEvent['type'], school: string, partnership: string): string {
  switch (about) {
    case 'apply':
    case 'rejoin':
      return `${school} has applied to join ${partnership}.`;
    case 'approve':
      return `The application from ${school} to join ${partnership} has been approved.`;
    case 'reject':
      return `The application from ${school} to join ${partnership} has been turned down.`;
    case 'withdraw-application':
      return `${school} has withdrawn its application to join ${partnership}.`;
    case 'activate':
      return `${school} is now an active member of ${partnership}.`;
    case 'give-notice':
      return `${school} has given notice to leave ${partnership}.`;
    case 'withdraw-notice':
      return `${school} has withdrawn its notice and stays a member of ${partnership}.`;
    case 'suspend':
      return `The membership of ${school} in ${partnership} has been suspended.`;
    case 'reinstate':
      return `The membership of ${school} in ${partnership} has been reinstated.`;
    case 'leave':
      return `${school} has left ${partnership}.`;
    default:
      return `The membership of ${school} in ${partnership} is now: ${MEMBERSHIP_STATE_LABELS.prospect}.`;
  }
}

function detailsFor(outcome: TransitionOutcome): string[] {
  const details: string[] = [`Status: ${MEMBERSHIP_STATE_LABELS[outcome.membership.state]}.`];
  if (outcome.note) details.push(`Note: ${outcome.note}`);
  if (outcome.membership.notice && outcome.membership.state === 'notice-given') details.push(outcome.membership.notice.explanation);
  const leaving = outcome.effects.find((e) => e.type === 'end-access');
  if (leaving && leaving.type === 'end-access') details.push(`Membership ended after ${leaving.after}.`);
  return details;
}

function isHalfTerm(value: unknown): value is HalfTerm {
  const term = value as HalfTerm;
  return typeof term === 'object' && term !== null && typeof term.name === 'string' && isValidIsoDate(term.start) && isValidIsoDate(term.end);
}

/** The rule, and how it reads, for screens. */
export function noticeRuleView(rule: NoticeRule, isDefault: boolean) {
  return { rule, description: describeNoticeRule(rule), isDefault };
}

export const refusedWithoutChange = (message: string) => conflict(message);
