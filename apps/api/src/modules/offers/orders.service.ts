import { Inject, Injectable } from '@nestjs/common';
import { Database, type EntityManager } from '@partnerships/db';
import {
  approvalProblem, buybackPhase, buybackWindowProblems, canCancelRollover, defaultQuantity, formatUkDate, londonToday, orderTransition, priceFor, yearLabel,
} from '@partnerships/domain';
import {
  buybackRemindersDue, buyerOf, BuybackRepository, type BuybackWindowRow, invoiceApprovedOrder, JobName, type JobQueue, OfferBuyerRepository, OfferRepository,
  type NewOrderLine, type Order, OrderRepository, rollOverWindow, RolloverRefused, type Runtime,
} from '@partnerships/jobs';
import { loadBillingSettings } from '@partnerships/invoicing';
import { AppError, conflict, invalid, notFound } from '../../common/app-error';
import { isUuid } from '../../common/ids';
import { inTenant, type AuthedContext, type TenantContext } from '../../common/request-context';
import { isUniqueViolation } from '../../common/sql-text';
import { RUNTIME } from '../../runtime/runtime.module';
import { ACTS_FOR_SCHOOL } from '../school-portal/school-access';
import { schoolInTenant } from './offer-context';
import type {
  AddLinesDto, ApproveOrderDto, BuybackOrderDto, BuybackWindowDto, CreateBuybackWindowDto, OrderDto, OrderLineInputDto, OrderListQueryDto, RemindersResultDto,
  RolloverResultDto, SchoolBuybackDto, SubscriptionDto,
} from './offers.dto';

export const orderDto = (o: Order): OrderDto => ({
  id: o.id, schoolId: o.schoolId, kind: o.kind, buybackWindowId: o.buybackWindowId, year: o.year, status: o.status, invoicing: o.invoicing,
  requestedByName: o.requestedByName, requestedAt: o.requestedAt, approvedByName: o.approvedByName, approvedAt: o.approvedAt, poNumber: o.poNumber,
  invoiceIds: o.invoiceIds, note: o.note, createdAt: o.createdAt, lines: o.lines, totalPence: o.totalPence,
});

export const windowDto = (w: BuybackWindowRow, today = londonToday()): BuybackWindowDto => ({
  id: w.id, year: w.year, yearLabel: yearLabel(w.year), opensOn: w.opensOn, closesOn: w.closesOn, cancelDeadline: w.cancelDeadline, reminderDays: w.reminderDays,
  phase: buybackPhase(w, today), rolledOverAt: w.rolledOverAt,
});

const refused = (move: { ok: false; reason: string }) => conflict(move.reason);

/**
 * Schools' orders: a basket (lines priced for the school when added), submitted for approval,
 * approved with a PO number by the headteacher or business manager (never by a member of staff,
 * so nobody approves their own request unless they hold the budget), then ONE invoice (or the
 * parts of a split year) through `issueOneOffInvoice`, in the approval's transaction. The annual
 * buy-back: windows, each school's one order for next year, rollover and reminders.
 */
@Injectable()
export class OrdersService {
  constructor(
    private readonly db: Database,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  private get queue(): JobQueue {
    return this.runtime.queue;
  }

  // ---------------------------------------------------------------- the school's side

  async schoolOrders(ctx: AuthedContext, urn: string, slug: string): Promise<{ items: OrderDto[] }> {
    const { school, tenant } = await schoolInTenant(this.db, ctx, urn, slug);
    const orders = await this.db.inTenant(tenant.id, { userId: ctx.user.id }, (em) => new OrderRepository(em).listForSchool(tenant.id, school.id));
    return { items: orders.map(orderDto) };
  }

  /** Adds services to the school's basket (a draft order, made when needed), each priced for the school today. */
  async addToBasket(ctx: AuthedContext, urn: string, slug: string, dto: AddLinesDto): Promise<OrderDto> {
    const { school, tenant } = await schoolInTenant(this.db, ctx, urn, slug);
    return this.db.inTenant(tenant.id, { userId: ctx.user.id }, async (em) => {
      const lines = await this.priceLines(em, tenant.id, school.id, dto.lines, londonToday());
      const orders = new OrderRepository(em);
      const basket = await orders.findDraftBasket(tenant.id, school.id);
      const id = basket?.id ?? (await orders.create(tenant.id, { schoolId: school.id, kind: 'shop', buybackWindowId: null, year: null, invoicing: 'once', requestedBy: ctx.user.id }));
      await orders.addLines(tenant.id, id, lines);
      return orderDto((await orders.find(tenant.id, id))!);
    });
  }

  async removeLine(ctx: AuthedContext, urn: string, slug: string, lineId: string): Promise<OrderDto> {
    const { school, tenant } = await schoolInTenant(this.db, ctx, urn, slug);
    return this.db.inTenant(tenant.id, { userId: ctx.user.id }, async (em) => {
      const orderId = isUuid(lineId) ? await new OrderRepository(em).orderIdOfLine(tenant.id, lineId) : null;
      if (!orderId) throw notFound('line');
      const order = await this.lockSchoolOrder(em, tenant.id, school.id, orderId);
      const move = orderTransition(order.status, 'edit');
      if (!move.ok) throw refused(move);
      if (!isUuid(lineId) || !(await new OrderRepository(em).removeLine(tenant.id, order.id, lineId))) throw notFound('line');
      return orderDto((await new OrderRepository(em).find(tenant.id, order.id))!);
    });
  }

  /** Sends the order to the school's headteacher or business manager for approval. */
  async submit(ctx: AuthedContext, urn: string, slug: string, orderId: string): Promise<OrderDto> {
    const { school, tenant } = await schoolInTenant(this.db, ctx, urn, slug);
    return this.db.inTenant(tenant.id, { userId: ctx.user.id }, async (em) => {
      const order = await this.lockSchoolOrder(em, tenant.id, school.id, orderId);
      const move = orderTransition(order.status, 'submit', order.lines.length);
      if (!move.ok) throw refused(move);
      await new OrderRepository(em).markSubmitted(tenant.id, order.id, ctx.user.id);
      return orderDto((await new OrderRepository(em).find(tenant.id, order.id))!);
    });
  }

  /** Approval with the school's PO number, then one invoice (or the parts of a split year), idempotently. */
  async approve(ctx: AuthedContext, urn: string, slug: string, orderId: string, dto: ApproveOrderDto): Promise<OrderDto> {
    const { school, tenant } = await schoolInTenant(this.db, ctx, urn, slug);
    const problem = approvalProblem({ userId: ctx.user.id, schoolRoles: school.roles }, null);
    return this.db.inTenant(tenant.id, { userId: ctx.user.id }, async (em) => {
      const orders = new OrderRepository(em);
      const order = await this.lockSchoolOrder(em, tenant.id, school.id, orderId);
      const who = approvalProblem({ userId: ctx.user.id, schoolRoles: school.roles }, order.requestedBy);
      if (who ?? problem) throw new AppError('forbidden', 403, (who ?? problem)!);
      const move = orderTransition(order.status, 'approve');
      if (!move.ok) throw refused(move);
      await orders.markApproved(tenant.id, order.id, ctx.user.id, dto.poNumber.trim());
      const approved = (await orders.find(tenant.id, order.id))!;
      await invoiceApprovedOrder(em, tenant.id, approved, ctx.user.id);
      return orderDto((await orders.find(tenant.id, order.id))!);
    });
  }

  async cancel(ctx: AuthedContext, urn: string, slug: string, orderId: string): Promise<OrderDto> {
    const { school, tenant } = await schoolInTenant(this.db, ctx, urn, slug);
    return this.db.inTenant(tenant.id, { userId: ctx.user.id }, async (em) => {
      const order = await this.lockSchoolOrder(em, tenant.id, school.id, orderId);
      if (order.status !== 'draft' && !school.roles.some((r) => (ACTS_FOR_SCHOOL as readonly string[]).includes(r)) && order.requestedBy !== ctx.user.id) {
        throw new AppError('forbidden', 403, 'Only the person who asked, the headteacher or the business manager can cancel this order.');
      }
      const move = orderTransition(order.status, 'cancel');
      if (!move.ok) throw refused(move);
      await new OrderRepository(em).markCancelled(tenant.id, order.id, ctx.user.id);
      return orderDto((await new OrderRepository(em).find(tenant.id, order.id))!);
    });
  }

  /** The open window (if any), the school's order in it and its rolling services. */
  async schoolBuyback(ctx: AuthedContext, urn: string, slug: string): Promise<SchoolBuybackDto> {
    const { school, tenant } = await schoolInTenant(this.db, ctx, urn, slug);
    const today = londonToday();
    return this.db.inTenant(tenant.id, { userId: ctx.user.id }, async (em) => {
      const buyback = new BuybackRepository(em);
      const window = (await buyback.windows(tenant.id)).find((w) => !w.rolledOverAt && w.closesOn >= today) ?? null;
      const order = window ? await new OrderRepository(em).findForWindow(tenant.id, window.id, school.id) : null;
      const subscriptions: SubscriptionDto[] = (await buyback.subscriptionsOf(tenant.id, school.id)).map((s) => ({
        id: s.id, offerId: s.offerId, title: s.offerTitle, quantity: s.quantity, firstYear: s.firstYear, lastYear: s.lastYear, cancelledOn: s.cancelledOn,
      }));
      return { window: window ? windowDto(window, today) : null, order: order ? orderDto(order) : null, subscriptions, canCancelRollover: window ? canCancelRollover(window, today) : false };
    });
  }

  /** The school's one order for next year in the open window, sent for approval (a second replaces nothing: 409). */
  async placeBuybackOrder(ctx: AuthedContext, urn: string, slug: string, dto: BuybackOrderDto): Promise<OrderDto> {
    const { school, tenant } = await schoolInTenant(this.db, ctx, urn, slug);
    if (dto.lines.length === 0) throw invalid([{ field: 'lines', message: 'Choose at least one service for next year.' }]);
    const today = londonToday();
    try {
      return await this.db.inTenant(tenant.id, { userId: ctx.user.id }, async (em) => {
        const window = await new BuybackRepository(em).openWindowOn(tenant.id, today);
        if (!window) throw conflict('The buy-back is not open at the moment.');
        const orders = new OrderRepository(em);
        if (await orders.findForWindow(tenant.id, window.id, school.id)) throw conflict(`The school already has its order for ${yearLabel(window.year)}; cancel it to start again.`);
        const lines = await this.priceLines(em, tenant.id, school.id, dto.lines, `${window.year}-09-01`);
        const id = await orders.create(tenant.id, {
          schoolId: school.id, kind: 'buyback', buybackWindowId: window.id, year: window.year, invoicing: dto.invoicing ?? 'once', requestedBy: ctx.user.id,
        });
        await orders.addLines(tenant.id, id, lines);
        await orders.markSubmitted(tenant.id, id, ctx.user.id);
        return orderDto((await orders.find(tenant.id, id))!);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'orders_buyback_school_key')) throw conflict('The school already has its order for next year.');
      throw error;
    }
  }

  /** Stops a rolling service rolling over (headteacher or business manager, by the deadline). */
  async cancelSubscription(ctx: AuthedContext, urn: string, slug: string, subscriptionId: string): Promise<SchoolBuybackDto> {
    const { school, tenant } = await schoolInTenant(this.db, ctx, urn, slug, ACTS_FOR_SCHOOL, 'cancel a service');
    const today = londonToday();
    await this.db.inTenant(tenant.id, { userId: ctx.user.id }, async (em) => {
      const buyback = new BuybackRepository(em);
      const sub = isUuid(subscriptionId) ? await buyback.findSubscription(tenant.id, subscriptionId) : null;
      if (!sub || sub.schoolId !== school.id) throw notFound('service');
      if (sub.cancelledOn) throw conflict(`Already cancelled on ${formatUkDate(sub.cancelledOn)}.`);
      await buyback.cancelSubscription(tenant.id, sub.id, today, ctx.user.id);
    });
    return this.schoolBuyback(ctx, urn, slug);
  }

  // ---------------------------------------------------------------- the partnership's side

  async list(ctx: TenantContext, query: OrderListQueryDto): Promise<{ items: OrderDto[] }> {
    const orders = await inTenant(this.db, ctx, (em) => new OrderRepository(em).list(ctx.tenant.id, { status: query.status ?? null }));
    return { items: orders.map(orderDto) };
  }

  async get(ctx: TenantContext, id: string): Promise<OrderDto> {
    if (!isUuid(id)) throw notFound('order');
    const order = await inTenant(this.db, ctx, (em) => new OrderRepository(em).find(ctx.tenant.id, id));
    if (!order) throw notFound('order');
    return orderDto(order);
  }

  async windows(ctx: TenantContext): Promise<{ items: BuybackWindowDto[] }> {
    const rows = await inTenant(this.db, ctx, (em) => new BuybackRepository(em).windows(ctx.tenant.id));
    return { items: rows.map((w) => windowDto(w)) };
  }

  async openWindow(ctx: TenantContext, dto: CreateBuybackWindowDto): Promise<BuybackWindowDto> {
    const reminderDays = dto.reminderDays ?? [28, 14, 7];
    const problems = buybackWindowProblems({ ...dto, reminderDays });
    if (problems.length) throw invalid(problems);
    try {
      return await inTenant(this.db, ctx, async (em) => {
        const buyback = new BuybackRepository(em);
        const id = await buyback.createWindow(ctx.tenant.id, { ...dto, reminderDays, createdBy: ctx.user.id });
        return windowDto((await buyback.findWindow(ctx.tenant.id, id))!);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'buyback_windows_year_key')) throw conflict(`There is already a buy-back for ${yearLabel(dto.year)}.`, 'year');
      throw error;
    }
  }

  /** Rolls services over now (normally the daily sweep does it once the deadline has passed). */
  async rollover(ctx: TenantContext, windowId: string, date?: string): Promise<RolloverResultDto> {
    if (!isUuid(windowId)) throw notFound('buy-back');
    const today = date ?? londonToday();
    try {
      const outcome = await inTenant(this.db, ctx, (em) => rollOverWindow(em, ctx.tenant.id, windowId, today));
      return {
        year: outcome.year, ordersCreated: outcome.ordersCreated, invoiceIds: outcome.invoiceIds,
        rolledOver: outcome.decisions.filter((d) => d.rollOver).length, notRolledOver: outcome.decisions.filter((d) => !d.rollOver).length,
      };
    } catch (error) {
      if (error instanceof RolloverRefused) throw error.message.startsWith('There is no') ? notFound('buy-back') : conflict(error.message);
      throw error;
    }
  }

  /** Queues the reminders due (each school and step once) through the mail job. */
  async sendReminders(ctx: TenantContext, windowId: string, date?: string): Promise<RemindersResultDto> {
    if (!isUuid(windowId)) throw notFound('buy-back');
    const today = date ?? londonToday();
    const due = await inTenant(this.db, ctx, async (em) => {
      if (!(await new BuybackRepository(em).findWindow(ctx.tenant.id, windowId))) throw notFound('buy-back');
      return buybackRemindersDue(em, ctx.tenant.id, windowId, today);
    });
    let emails = 0;
    for (const r of due) {
      for (const to of r.emails) {
        await this.queue.enqueue(JobName.SendMail, {
          template: 'membership-update', to, tenantId: ctx.tenant.id,
          data: {
            partnershipName: ctx.tenant.name, schoolName: r.schoolName,
            headline: `Your services roll over into ${yearLabel(r.year)} unless you cancel by ${formatUkDate(r.deadline)}`,
            details: [...r.services.map((s) => `Rolling over: ${s}`), `To stop a service, cancel it in the school portal by ${formatUkDate(r.deadline)}.`],
            link: `${this.runtime.env.PUBLIC_URL ?? 'http://localhost:3000'}/s`,
          },
        }, { jobId: `buyback-reminder-${windowId}-${r.schoolId}-${r.daysBefore}-${to}` });
        emails += 1;
      }
    }
    return { schoolsReminded: due.length, emailsQueued: emails };
  }

  // ---------------------------------------------------------------- shared

  private async lockSchoolOrder(em: EntityManager, tenantId: string, schoolId: string, orderId: string): Promise<Order> {
    const order = isUuid(orderId) ? await new OrderRepository(em).lockForUpdate(tenantId, orderId) : null;
    if (!order || order.schoolId !== schoolId) throw notFound('order');
    return order;
  }

  /** Prices each line for the school on a date; an offer not offered to it is a 400 naming the line. */
  private async priceLines(em: EntityManager, tenantId: string, schoolId: string, inputs: OrderLineInputDto[], date: string): Promise<NewOrderLine[]> {
    if (inputs.length === 0) throw invalid([{ field: 'lines', message: 'Add at least one service.' }]);
    const facts = await new OfferBuyerRepository(em).bySchoolId(tenantId, schoolId);
    if (!facts) throw notFound('school');
    const buyer = buyerOf(facts);
    const offers = new Map((await new OfferRepository(em).findMany(tenantId, inputs.map((l) => l.offerId))).map((o) => [o.id, o]));
    const settings = await loadBillingSettings(em, tenantId);
    return inputs.map((input, i) => {
      const offer = offers.get(input.offerId);
      if (!offer || offer.status !== 'published') throw invalid([{ field: `lines.${i}.offerId`, message: 'That offer is not in the partnership’s catalogue.' }]);
      if (offer.kind === 'bespoke' || offer.kind === 'pool' || offer.kind === 'event') {
        throw invalid([{ field: `lines.${i}.offerId`, message: `${offer.title} is ${offer.kind === 'bespoke' ? 'quoted per job: send a request' : offer.kind === 'pool' ? 'booked by the day' : 'booked per place'} rather than ordered.` }]);
      }
      const quantity = input.quantity ?? defaultQuantity(offer, buyer);
      const price = priceFor(offer, buyer, quantity, date, settings.vat);
      if (!price.available) throw invalid([{ field: `lines.${i}.offerId`, message: `${offer.title}: ${price.reason}` }]);
      if (price.included) throw invalid([{ field: `lines.${i}.offerId`, message: `${offer.title} is included in your membership; ask the partnership to book it.` }]);
      return { offerId: offer.id, description: offer.title, quantity, unitPence: price.unitPence, vat: price.vat, priceRule: price.sentence, rolling: offer.rolling };
    });
  }
}
