import { Injectable } from '@nestjs/common';
import { Database } from '@partnerships/db';
import { isValidIsoDate, londonToday, matchSupport, needTargetDate, needTiming, type SupportCandidate, supportInvoiceKey } from '@partnerships/domain';
import { issueOneOffInvoice, OneOffInvoiceProblem } from '@partnerships/invoicing';
import type { EntityManager } from 'typeorm';
import { AppError, invalid, notFound } from '../../common/app-error';
import { isUuid } from '../../common/ids';
import { type AuthedContext, inTenant, type TenantContext } from '../../common/request-context';
import { schoolInTenant } from '../offers/offer-context';
import { ACTS_FOR_SCHOOL } from '../school-portal/school-access';
import type { AgreeInputDto, CloseInputDto, DeliverInputDto, MatchInputDto, NeedInputDto, NeedQueryDto, SchoolRequestInputDto } from './improvement.dto';
import { MemberSchoolRepository } from './member-school.repository';
import { type NeedRow, SupportRepository } from './support.repository';

const withTiming = (need: NeedRow, today = londonToday()) => ({ ...need, timing: needTiming(need, today) });

/** Brokerage of support: needs, who could meet them, the agreement (free or charged, invoiced once), delivery and impact. */
@Injectable()
export class BrokerageService {
  constructor(private readonly db: Database) {}

  async list(ctx: TenantContext, query: NeedQueryDto) {
    return inTenant(this.db, ctx, async (em) => ({ items: (await new SupportRepository(em, ctx.tenant.id).list({ status: query.status ?? null })).map((n) => withTiming(n)) }));
  }

  /** Open needs against their target, nearest first, with counts. */
  async dashboard(ctx: TenantContext) {
    return inTenant(this.db, ctx, async (em) => {
      const all = (await new SupportRepository(em, ctx.tenant.id).list()).map((n) => withTiming(n));
      const open = all.filter((n) => n.status !== 'delivered' && n.status !== 'closed');
      const count = (t: string) => open.filter((n) => n.timing === t).length;
      const done = all.filter((n) => n.status === 'closed');
      return { open: open.length, onTrack: count('on_track'), dueSoon: count('due_soon'), overdue: count('overdue'), closed: done.length, metWithinTarget: done.filter((n) => n.timing === 'met').length, needs: open };
    });
  }

  async create(ctx: TenantContext, dto: NeedInputDto) {
    const fields: { field: string; message: string }[] = [];
    if (dto.foundOn && !isValidIsoDate(dto.foundOn)) fields.push({ field: 'foundOn', message: 'That is not a real date' });
    if (dto.targetOn && !isValidIsoDate(dto.targetOn)) fields.push({ field: 'targetOn', message: 'That is not a real date' });
    if (!fields.length && dto.targetOn && dto.targetOn < (dto.foundOn ?? londonToday())) fields.push({ field: 'targetOn', message: 'The target is on or after the day the need was found' });
    if (dto.source === 'review' && !dto.sourceRef) fields.push({ field: 'sourceRef', message: 'Say which review found the need' });
    if (fields.length) throw invalid(fields);
    return inTenant(this.db, ctx, async (em) => {
      const schools = new MemberSchoolRepository(em, ctx.tenant.id);
      const school = await schools.byUrn(dto.schoolUrn);
      if (!school) throw invalid([{ field: 'schoolUrn', message: 'Not a member school of this partnership' }]);
      const foundOn = dto.foundOn ?? londonToday();
      const targetOn = dto.targetOn ?? needTargetDate(foundOn, await schools.termDates());
      const support = new SupportRepository(em, ctx.tenant.id);
      const source = dto.source ?? 'request';
      if (source === 'review' && !(await support.isReviewOf(dto.sourceRef!, school.id))) throw invalid([{ field: 'sourceRef', message: 'That is not a review of this school' }]);
      const [id] = await support.addNeeds([{ schoolId: school.id, source, sourceRef: source === 'review' ? dto.sourceRef! : null, area: dto.area, description: dto.description.trim(), foundOn, targetOn }], ctx.user.id);
      if (!id) throw new AppError('conflict', 409, 'That review has already raised a need in this area for this school.');
      return { id };
    });
  }

  /** A need with the supporters who could meet it, best first. */
  async get(ctx: TenantContext, id: string) {
    return inTenant(this.db, ctx, async (em) => {
      const support = new SupportRepository(em, ctx.tenant.id);
      const need = await this.need(support, id);
      const candidates = matchSupport({ schoolId: need.school.id, area: need.area }, await this.candidates(em, ctx.tenant.id, need.area));
      return { ...withTiming(need), candidates: candidates.map((m) => ({ kind: m.candidate.kind, id: m.candidate.id, name: m.candidate.name, score: m.score, reasons: m.reasons })) };
    });
  }

  private async candidates(em: EntityManager, tenantId: string, area: string): Promise<SupportCandidate[]> {
    const support = new SupportRepository(em, tenantId);
    const [fromRounds, fromReviews, offers, bodies, load] = await Promise.all([support.dataRoundStrengths(area), support.reviewStrengths(area), support.offersFor(area), support.supportBodies(), support.loadBySchool()]);
    const schools = new Map<string, SupportCandidate>();
    for (const e of [...fromRounds, ...fromReviews]) {
      let c = schools.get(e.id);
      if (!c) schools.set(e.id, (c = { kind: 'school', id: e.id, schoolId: e.id, name: e.name, strengths: [], load: load.get(e.id) ?? 0 }));
      c.strengths.push({ area, source: e.source, detail: e.detail });
    }
    const out: SupportCandidate[] = [...schools.values()];
    for (const o of offers) out.push({ kind: 'offer', id: o.id, name: o.name, strengths: [{ area, source: 'catalogue', detail: o.detail }] });
    for (const b of bodies.filter((x) => x.kind.startsWith('teaching_school'))) out.push({ kind: 'teaching_school', id: b.id, name: b.name, strengths: [{ area, source: 'designation' }] });
    const board = bodies.find((x) => x.kind === 'board' || x.kind === 'strategy_board');
    out.push({ kind: 'board', id: board?.id ?? null, name: board?.name ?? 'The board', strengths: [] });
    return out;
  }

  async match(ctx: TenantContext, id: string, dto: MatchInputDto) {
    await inTenant(this.db, ctx, async (em) => {
      const support = new SupportRepository(em, ctx.tenant.id);
      const need = await this.need(support, id, true);
      if (need.status !== 'open' && need.status !== 'matched') throw new AppError('transition_refused', 409, 'Support has already been agreed for this need.');
      let supporter: { kind: typeof dto.supporterKind; schoolId: string | null; offerId: string | null; bodyId: string | null; name: string };
      if (dto.supporterKind === 'school') {
        if (!dto.supporterUrn) throw invalid([{ field: 'supporterUrn', message: 'Say which school will give the support' }]);
        const school = await new MemberSchoolRepository(em, ctx.tenant.id).byUrn(dto.supporterUrn);
        if (!school) throw invalid([{ field: 'supporterUrn', message: 'Not a member school of this partnership' }]);
        if (school.id === need.school.id) throw invalid([{ field: 'supporterUrn', message: 'A school cannot be matched to support itself' }]);
        supporter = { kind: 'school', schoolId: school.id, offerId: null, bodyId: null, name: school.name };
      } else if (dto.supporterKind === 'offer') {
        const offer = dto.offerId ? await support.offerById(dto.offerId) : null;
        if (!offer) throw invalid([{ field: 'offerId', message: 'Choose one of the partnership’s services' }]);
        supporter = { kind: 'offer', schoolId: null, offerId: offer.id, bodyId: null, name: offer.name };
      } else {
        const body = dto.bodyId ? await support.bodyById(dto.bodyId) : null;
        if (dto.bodyId && !body) throw invalid([{ field: 'bodyId', message: 'There is no such body in this partnership' }]);
        if (dto.supporterKind === 'teaching_school' && !body) throw invalid([{ field: 'bodyId', message: 'Choose the teaching school' }]);
        supporter = { kind: dto.supporterKind, schoolId: null, offerId: null, bodyId: body?.id ?? null, name: body?.name ?? 'The board' };
      }
      await support.propose(need.id, supporter, dto.note?.trim() || null);
      await support.setStatus(need.id, 'matched');
    });
    return this.get(ctx, id);
  }

  /**
   * Agrees the matched support as free or charged. Charged support is invoiced to the supported
   * school in the same transaction with the key `support:<agreement>`: asking again answers the
   * same invoice and never issues another.
   */
  async agree(ctx: TenantContext, id: string, dto: AgreeInputDto) {
    if (dto.basis === 'charged' && dto.amountPence === undefined) throw invalid([{ field: 'amountPence', message: 'Give the price of charged support in pence' }]);
    if (dto.basis === 'free' && dto.amountPence) throw invalid([{ field: 'amountPence', message: 'Free support has no price' }]);
    await inTenant(this.db, ctx, async (em) => {
      const support = new SupportRepository(em, ctx.tenant.id);
      const need = await this.need(support, id, true);
      const agreement = need.agreement;
      if (!agreement) throw new AppError('transition_refused', 409, 'Match the need to a supporter first.');
      if (agreement.status === 'proposed') {
        await support.agree(agreement.id, dto.basis, dto.basis === 'charged' ? dto.amountPence! : null, ctx.user.id);
        await support.setStatus(need.id, 'agreed');
      } else if (agreement.basis !== dto.basis || (dto.basis === 'charged' && agreement.amountPence !== dto.amountPence)) {
        throw new AppError('transition_refused', 409, `This support was already agreed as ${agreement.basis}${agreement.basis === 'charged' ? ` at ${agreement.amountPence}p` : ''}.`);
      }
      if (dto.basis === 'charged') {
        try {
          const invoice = await issueOneOffInvoice(em, {
            tenantId: ctx.tenant.id,
            schoolId: need.school.id,
            lines: [{ description: `School improvement support (${need.area.replace(/_/g, ' ')}) from ${agreement.supporterName}`, quantity: 1, unitPence: dto.amountPence! }],
            reference: `Brokered support: ${need.area.replace(/_/g, ' ')}`,
            idempotencyKey: supportInvoiceKey(agreement.id),
            createdBy: ctx.user.id,
          });
          if (agreement.invoiceId !== invoice.id) await support.setInvoice(agreement.id, invoice.id);
        } catch (error) {
          if (error instanceof OneOffInvoiceProblem) throw invalid([{ field: error.field === 'lines[0].unitPence' ? 'amountPence' : error.field, message: error.message }]);
          throw error;
        }
      }
    });
    return this.get(ctx, id);
  }

  async deliver(ctx: TenantContext, id: string, dto: DeliverInputDto) {
    if (dto.deliveredOn && !isValidIsoDate(dto.deliveredOn)) throw invalid([{ field: 'deliveredOn', message: 'That is not a real date' }]);
    await inTenant(this.db, ctx, async (em) => {
      const support = new SupportRepository(em, ctx.tenant.id);
      const need = await this.need(support, id, true);
      if (need.status !== 'agreed') throw new AppError('transition_refused', 409, need.status === 'delivered' || need.status === 'closed' ? 'This support has already been delivered.' : 'Agree the support before recording its delivery.');
      const on = dto.deliveredOn ?? londonToday();
      if (on < need.foundOn) throw invalid([{ field: 'deliveredOn', message: 'Support is delivered on or after the day the need was found' }]);
      await support.markDelivered(need.agreement!.id);
      await support.setStatus(need.id, 'delivered', { deliveredOn: on });
    });
    return this.get(ctx, id);
  }

  async close(ctx: TenantContext, id: string, dto: CloseInputDto) {
    await inTenant(this.db, ctx, async (em) => {
      const support = new SupportRepository(em, ctx.tenant.id);
      const need = await this.need(support, id, true);
      if (need.status === 'closed') throw new AppError('transition_refused', 409, 'This need is already closed.');
      if (need.status !== 'delivered') throw new AppError('transition_refused', 409, 'Record the support’s delivery before closing the need.');
      await support.setStatus(need.id, 'closed', { impactNote: dto.impactNote.trim(), closedOn: londonToday() });
    });
    return this.get(ctx, id);
  }

  /** The school's own needs in a partnership, as the school portal shows them. */
  async forSchool(ctx: AuthedContext, urn: string, slug: string) {
    const { school, tenant } = await schoolInTenant(this.db, ctx, urn, slug);
    return this.db.inTenant(tenant.id, { userId: ctx.user.id }, async (em) => ({ items: (await new SupportRepository(em, tenant.id).list({ schoolId: school.id })).map((n) => withTiming(n)) }));
  }

  /** The school's head or business manager asks for support; it is due within a term. */
  async request(ctx: AuthedContext, urn: string, slug: string, dto: SchoolRequestInputDto) {
    const { school, tenant } = await schoolInTenant(this.db, ctx, urn, slug, ACTS_FOR_SCHOOL, 'ask for support');
    return this.db.inTenant(tenant.id, { userId: ctx.user.id }, async (em) => {
      const foundOn = londonToday();
      const targetOn = needTargetDate(foundOn, await new MemberSchoolRepository(em, tenant.id).termDates());
      const [id] = await new SupportRepository(em, tenant.id).addNeeds([{ schoolId: school.id, source: 'request', sourceRef: null, area: dto.area, description: dto.description.trim(), foundOn, targetOn }], ctx.user.id);
      return { id: id! };
    });
  }

  private async need(support: SupportRepository, id: string, lock = false): Promise<NeedRow> {
    const need = isUuid(id) ? await support.findById(id, lock) : null;
    if (!need) throw notFound('need');
    return need;
  }
}
