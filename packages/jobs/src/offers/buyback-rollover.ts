import type { EntityManager } from '@partnerships/db';
import { compareDates, defaultQuantity, formatUkDate, priceFor, remindersDue, rolloverDecision, yearLabel, type Buyer } from '@partnerships/domain';
import { loadBillingSettings } from '@partnerships/invoicing';
import { BuybackRepository } from './buyback.repository';
import { MEMBER_STATES_FOR_PRICES, OfferBuyerRepository, type SchoolAsBuyer } from './offer-buyer.repository';
import { OfferRepository } from './offer.repository';
import { invoiceApprovedOrder } from './order-invoicing';
import { OrderRepository, type NewOrderLine } from './order.repository';

export class RolloverRefused extends Error {}

export interface RolloverOutcome {
  windowId: string;
  year: number;
  ordersCreated: number;
  invoiceIds: string[];
  decisions: { schoolId: string; offerId: string; rollOver: boolean; reason: string }[];
}

/** A school as a price sees it. */
export function buyerOf(school: SchoolAsBuyer): Buyer {
  const member = school.membershipStatus !== null && (MEMBER_STATES_FOR_PRICES as readonly string[]).includes(school.membershipStatus);
  return { member, category: member ? school.category : null, phase: school.phase, schoolType: school.type, pupils: school.pupils };
}

/**
 * Rolls rolling services over into the window's year once the deadline to cancel has passed:
 * each school's services not cancelled by the deadline (and not already in its own buy-back
 * order) become one approved order at next year's price for that school, invoiced once through
 * `issueOneOffInvoice` (key `order:<id>`). Runs once per window (the window's row is locked and
 * marked), so a repeat does nothing.
 */
export async function rollOverWindow(em: EntityManager, tenantId: string, windowId: string, today: string): Promise<RolloverOutcome> {
  const buyback = new BuybackRepository(em);
  const window = await buyback.lockWindow(tenantId, windowId);
  if (!window) throw new RolloverRefused('There is no such buy-back window.');
  const outcome: RolloverOutcome = { windowId, year: window.year, ordersCreated: 0, invoiceIds: [], decisions: [] };
  if (window.rolledOverAt) return outcome;
  if (compareDates(today, window.cancelDeadline) <= 0) {
    throw new RolloverRefused(`Services roll over only after the deadline to cancel (${formatUkDate(window.cancelDeadline)}).`);
  }
  const subscriptions = await buyback.lockSubscriptionsEndingIn(tenantId, window.year);
  const offers = new Map((await new OfferRepository(em).findMany(tenantId, [...new Set(subscriptions.map((s) => s.offerId))])).map((o) => [o.id, o]));
  const schools = new Map((await new OfferBuyerRepository(em).bySchoolIds(tenantId, [...new Set(subscriptions.map((s) => s.schoolId))])).map((s) => [s.schoolId, s]));
  const settings = await loadBillingSettings(em, tenantId);
  const orders = new OrderRepository(em);
  const bySchool = new Map<string, NewOrderLine[]>();
  const priceDate = `${window.year}-09-01`;
  for (const sub of subscriptions) {
    const decision = rolloverDecision({ lastYear: sub.lastYear, cancelledOn: sub.cancelledOn }, window);
    const offer = offers.get(sub.offerId);
    const school = schools.get(sub.schoolId);
    let rollOver = decision.rollOver;
    let reason = decision.reason;
    if (rollOver && (!offer || offer.status !== 'published')) [rollOver, reason] = [false, 'The service is no longer offered.'];
    if (rollOver && (await orders.findForWindow(tenantId, window.id, sub.schoolId))) [rollOver, reason] = [false, `The school placed its own order for ${yearLabel(window.year)}.`];
    let line: NewOrderLine | null = null;
    if (rollOver && offer && school) {
      const buyer = buyerOf(school);
      const quantity = offer.unit === 'per_pupil' ? defaultQuantity(offer, buyer) : sub.quantity;
      const price = priceFor(offer, buyer, quantity, priceDate, settings.vat);
      if (!price.available) [rollOver, reason] = [false, price.reason];
      else line = { offerId: offer.id, description: offer.title, quantity, unitPence: price.unitPence, vat: price.vat, priceRule: `${reason} ${price.sentence}`, rolling: true };
    }
    outcome.decisions.push({ schoolId: sub.schoolId, offerId: sub.offerId, rollOver, reason });
    if (line) bySchool.set(sub.schoolId, [...(bySchool.get(sub.schoolId) ?? []), line]);
  }
  for (const [schoolId, lines] of bySchool) {
    const orderId = await orders.create(tenantId, {
      schoolId, kind: 'rollover', buybackWindowId: null, year: window.year, invoicing: 'once', requestedBy: null, status: 'approved',
      note: `Rolled over: not cancelled by ${formatUkDate(window.cancelDeadline)}.`, idempotencyKey: `rollover:${window.id}:${schoolId}`,
    });
    await orders.addLines(tenantId, orderId, lines);
    const order = (await orders.find(tenantId, orderId))!;
    outcome.invoiceIds.push(...(await invoiceApprovedOrder(em, tenantId, order, null)));
    outcome.ordersCreated += 1;
  }
  await buyback.markRolledOver(tenantId, window.id);
  return outcome;
}

export interface BuybackReminder {
  schoolId: string;
  schoolName: string;
  emails: string[];
  daysBefore: number;
  deadline: string;
  year: number;
  services: string[];
}

/**
 * The reminders due today before a window's deadline to cancel: to each school with rolling
 * services, the nearest step due, recorded so each step is sent once (the caller queues the mail).
 */
export async function buybackRemindersDue(em: EntityManager, tenantId: string, windowId: string, today: string): Promise<BuybackReminder[]> {
  const buyback = new BuybackRepository(em);
  const window = await buyback.findWindow(tenantId, windowId);
  if (!window) return [];
  const schoolIds = await buyback.schoolsWithRollingServices(tenantId, window.year);
  if (schoolIds.length === 0) return [];
  const sent = await buyback.remindersSent(tenantId, window.id);
  const people = await buyback.schoolDecisionMakers(schoolIds);
  const reminders: BuybackReminder[] = [];
  for (const schoolId of schoolIds) {
    for (const daysBefore of remindersDue(window, today, sent.get(schoolId) ?? [])) {
      if (!(await buyback.recordReminder(tenantId, window.id, schoolId, daysBefore))) continue;
      const services = (await buyback.subscriptionsOf(tenantId, schoolId)).filter((s) => s.lastYear === window.year - 1 && s.cancelledOn === null).map((s) => s.offerTitle);
      const who = people.get(schoolId);
      reminders.push({ schoolId, schoolName: who?.name ?? 'Your school', emails: who?.emails ?? [], daysBefore, deadline: window.cancelDeadline, year: window.year, services });
    }
  }
  return reminders;
}
