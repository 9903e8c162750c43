import { Injectable } from '@nestjs/common';
import { Database, type EntityManager } from '@partnerships/db';
import {
  type BookingRow,
  capacityOf,
  creditBookingBack,
  type EventMailRequest,
  type EventRow,
  type EventTenant,
  invoiceBookingIfDue,
  priceYear,
  runEventsSweep,
  type SessionRow,
  settleWaitingList,
  startOf,
} from '@partnerships/jobs';
import { EventMailer } from './event-mail';

export type TenantRef = EventTenant;

/** Mail to send once the unit of work has committed. */
export type PendingMail = EventMailRequest;

/**
 * The rules about an event's places that every path shares (in packages/jobs/src/events, since
 * the events sweep needs them too), run inside the caller's unit of work with the event row
 * locked, and the mail that follows.
 */
@Injectable()
export class EventPlacesService {
  constructor(
    private readonly db: Database,
    private readonly mailer: EventMailer,
  ) {}

  capacityOf(event: EventRow, sessions: SessionRow[]): number {
    return capacityOf(event, sessions);
  }

  startOf(sessions: Pick<SessionRow, 'startsAt'>[]): string | null {
    return startOf(sessions);
  }

  priceYear(sessions: Pick<SessionRow, 'startsAt'>[]): number {
    return priceYear(sessions);
  }

  settleWaitingList(em: EntityManager, tenant: TenantRef, event: EventRow, sessions: SessionRow[], now: string, known?: { held: number; waiting: number; lapsed: number }): Promise<PendingMail[]> {
    return settleWaitingList(em, tenant, event, sessions, now, known);
  }

  invoiceIfDue(em: EntityManager, tenant: TenantRef, event: EventRow, sessions: SessionRow[], booking: BookingRow, by: string): Promise<string | null> {
    return invoiceBookingIfDue(em, tenant, event, sessions, booking, by);
  }

  creditBack(em: EntityManager, tenant: TenantRef, booking: BookingRow, creditPence: number, reason: string, by: string): Promise<string | null> {
    return creditBookingBack(em, tenant, booking, creditPence, reason, by);
  }

  async sendAll(mails: PendingMail[]): Promise<void> {
    for (const mail of mails) await this.mailer.send(mail);
  }

  /** The events sweep now (the `events.sweep` job runs it every five minutes): lapsed offers pass on; reminders go. */
  sweep(now = new Date().toISOString()): Promise<{ events: number; reminders: number }> {
    return runEventsSweep(this.db, (mail) => this.mailer.send(mail), now);
  }
}
