import { Injectable } from '@nestjs/common';
import { Database } from '@partnerships/db';
import { approvalProblem, bespokeTransition, isValidIsoDate, londonToday, type BespokeAction } from '@partnerships/domain';
import { OfferRepository } from '@partnerships/jobs';
import { issueOneOffInvoice } from '@partnerships/invoicing';
import { AppError, conflict, invalid, notFound } from '../../common/app-error';
import { isUuid } from '../../common/ids';
import { inTenant, type AuthedContext, type TenantContext } from '../../common/request-context';
import { BespokeRequestRepository, type BespokeRequest } from './bespoke-request.repository';
import { schoolInTenant } from './offer-context';
import type { ApproveOrderDto, BespokeRequestDto, BespokeRequestInputDto, BespokeQuoteInputDto, RefusalDto } from './offers.dto';

const dto = ({ requestedBy: _, ...r }: BespokeRequest): BespokeRequestDto => r;

function move(request: BespokeRequest, action: BespokeAction, today = londonToday()) {
  const next = bespokeTransition(request.status, action, { today, quoteValidUntil: request.quoteValidUntil });
  if (!next.ok) throw conflict(next.reason);
  return next.to;
}

/** Bespoke work: the school asks, the partnership quotes, the school accepts with a PO (head or business manager), the partnership invoices once. */
@Injectable()
export class BespokeService {
  constructor(private readonly db: Database) {}

  async list(ctx: TenantContext): Promise<{ items: BespokeRequestDto[] }> {
    return { items: (await inTenant(this.db, ctx, (em) => new BespokeRequestRepository(em).list(ctx.tenant.id, null))).map(dto) };
  }

  async quote(ctx: TenantContext, id: string, body: BespokeQuoteInputDto): Promise<BespokeRequestDto> {
    if (body.validUntil && !isValidIsoDate(body.validUntil)) throw invalid([{ field: 'validUntil', message: 'That is not a real date.' }]);
    return inTenant(this.db, ctx, async (em) => {
      const requests = new BespokeRequestRepository(em);
      const request = await this.lock(requests, ctx.tenant.id, id);
      move(request, 'quote');
      await requests.quote(ctx.tenant.id, id, { pence: body.pence, note: body.note?.trim() || null, validUntil: body.validUntil ?? null, by: ctx.user.id });
      return dto((await requests.find(ctx.tenant.id, id))!);
    });
  }

  async decline(ctx: TenantContext, id: string, body: RefusalDto): Promise<BespokeRequestDto> {
    return inTenant(this.db, ctx, async (em) => {
      const requests = new BespokeRequestRepository(em);
      move(await this.lock(requests, ctx.tenant.id, id), 'decline');
      await requests.refuse(ctx.tenant.id, id, 'declined', body.reason?.trim() || null);
      return dto((await requests.find(ctx.tenant.id, id))!);
    });
  }

  /** One invoice for the accepted quote (idempotent on `bespoke:<id>`). */
  async invoice(ctx: TenantContext, id: string): Promise<BespokeRequestDto> {
    return inTenant(this.db, ctx, async (em) => {
      const requests = new BespokeRequestRepository(em);
      const request = await this.lock(requests, ctx.tenant.id, id);
      move(request, 'invoice');
      const issued = await issueOneOffInvoice(em, {
        tenantId: ctx.tenant.id, schoolId: request.schoolId, lines: [{ description: request.title, quantity: 1, unitPence: request.quotePence ?? 0 }],
        reference: `Bespoke work: ${request.title}`.slice(0, 200), idempotencyKey: `bespoke:${request.id}`, poNumber: request.poNumber,
        explanation: [request.title, request.quoteNote].filter(Boolean).join('\n'), createdBy: ctx.user.id,
      });
      await requests.invoiced(ctx.tenant.id, id, issued.id);
      return dto((await requests.find(ctx.tenant.id, id))!);
    });
  }

  // ---------------------------------------------------------------- the school's side

  async schoolList(ctx: AuthedContext, urn: string, slug: string): Promise<{ items: BespokeRequestDto[] }> {
    const { school, tenant } = await schoolInTenant(this.db, ctx, urn, slug);
    return { items: (await this.db.inTenant(tenant.id, { userId: ctx.user.id }, (em) => new BespokeRequestRepository(em).list(tenant.id, school.id))).map(dto) };
  }

  async request(ctx: AuthedContext, urn: string, slug: string, body: BespokeRequestInputDto): Promise<BespokeRequestDto> {
    const { school, tenant } = await schoolInTenant(this.db, ctx, urn, slug);
    return this.db.inTenant(tenant.id, { userId: ctx.user.id }, async (em) => {
      if (body.offerId) {
        const offer = await new OfferRepository(em).find(tenant.id, body.offerId);
        if (!offer || offer.kind !== 'bespoke' || offer.status !== 'published') throw invalid([{ field: 'offerId', message: 'Choose one of the partnership’s bespoke packages.' }]);
      }
      const requests = new BespokeRequestRepository(em);
      const id = await requests.create(tenant.id, { schoolId: school.id, offerId: body.offerId ?? null, title: body.title.trim(), details: body.details?.trim() || null, requestedBy: ctx.user.id });
      return dto((await requests.find(tenant.id, id))!);
    });
  }

  async accept(ctx: AuthedContext, urn: string, slug: string, id: string, body: ApproveOrderDto): Promise<BespokeRequestDto> {
    const { school, tenant } = await schoolInTenant(this.db, ctx, urn, slug);
    return this.db.inTenant(tenant.id, { userId: ctx.user.id }, async (em) => {
      const requests = new BespokeRequestRepository(em);
      const request = await this.lock(requests, tenant.id, id, school.id);
      const problem = approvalProblem({ userId: ctx.user.id, schoolRoles: school.roles }, request.requestedBy);
      if (problem) throw new AppError('forbidden', 403, problem);
      move(request, 'accept');
      await requests.accept(tenant.id, id, ctx.user.id, body.poNumber.trim());
      return dto((await requests.find(tenant.id, id))!);
    });
  }

  async withdraw(ctx: AuthedContext, urn: string, slug: string, id: string, body: RefusalDto): Promise<BespokeRequestDto> {
    const { school, tenant } = await schoolInTenant(this.db, ctx, urn, slug);
    return this.db.inTenant(tenant.id, { userId: ctx.user.id }, async (em) => {
      const requests = new BespokeRequestRepository(em);
      move(await this.lock(requests, tenant.id, id, school.id), 'withdraw');
      await requests.refuse(tenant.id, id, 'withdrawn', body.reason?.trim() || null);
      return dto((await requests.find(tenant.id, id))!);
    });
  }

  private async lock(requests: BespokeRequestRepository, tenantId: string, id: string, schoolId?: string): Promise<BespokeRequest> {
    const request = isUuid(id) ? await requests.lockForUpdate(tenantId, id) : null;
    if (!request || (schoolId && request.schoolId !== schoolId)) throw notFound('request');
    return request;
  }
}
