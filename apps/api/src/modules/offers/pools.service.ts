import { Injectable } from '@nestjs/common';
import { Database, type EntityManager } from '@partnerships/db';
import { addDays, compareDates, isValidIsoDate, londonToday, poolBookingDecision, toDayNumber } from '@partnerships/domain';
import { OfferRepository } from '@partnerships/jobs';
import { AppError, conflict, invalid, notFound } from '../../common/app-error';
import { isUuid } from '../../common/ids';
import { inTenant, type AuthedContext, type TenantContext } from '../../common/request-context';
import { schoolInTenant } from './offer-context';
import type { PoolBookingDto, PoolBookingInputDto, PoolDaysDto, PoolDaysQueryDto } from './offers.dto';
import { PoolBookingRepository } from './pool-booking.repository';

/**
 * Shared pools booked by the day. A booking locks the pool's offer row, counts that day's places
 * and inserts in one transaction, so concurrent bookings queue on the lock and never go over.
 */
@Injectable()
export class PoolsService {
  constructor(private readonly db: Database) {}

  async days(ctx: TenantContext, offerId: string, query: PoolDaysQueryDto): Promise<PoolDaysDto> {
    return inTenant(this.db, ctx, (em) => this.daysIn(em, ctx.tenant.id, offerId, query, null));
  }

  async schoolDays(ctx: AuthedContext, urn: string, slug: string, offerId: string, query: PoolDaysQueryDto): Promise<PoolDaysDto> {
    const { school, tenant } = await schoolInTenant(this.db, ctx, urn, slug);
    return this.db.inTenant(tenant.id, { userId: ctx.user.id }, (em) => this.daysIn(em, tenant.id, offerId, query, school.id));
  }

  async book(ctx: AuthedContext, urn: string, slug: string, offerId: string, body: PoolBookingInputDto): Promise<PoolBookingDto> {
    if (!isValidIsoDate(body.onDate)) throw invalid([{ field: 'onDate', message: 'That is not a real date.' }]);
    if (compareDates(body.onDate, londonToday()) < 0) throw invalid([{ field: 'onDate', message: 'Book a day from today onwards.' }]);
    const { school, tenant } = await schoolInTenant(this.db, ctx, urn, slug);
    return this.db.inTenant(tenant.id, { userId: ctx.user.id }, async (em) => {
      const pool = isUuid(offerId) ? await new OfferRepository(em).lockForUpdate(tenant.id, offerId) : null;
      if (!pool || pool.kind !== 'pool' || pool.status !== 'published' || pool.poolCapacity === null) throw notFound('pool');
      const bookings = new PoolBookingRepository(em);
      const places = body.places ?? 1;
      const decision = poolBookingDecision(pool.poolCapacity, await bookings.bookedOn(tenant.id, pool.id, body.onDate), places, body.onDate);
      if (!decision.ok) throw new AppError('conflict', 409, decision.reason, [{ field: 'onDate', message: decision.reason }]);
      const id = await bookings.create(tenant.id, { offerId: pool.id, schoolId: school.id, onDate: body.onDate, places, note: body.note?.trim() || null, bookedBy: ctx.user.id });
      return (await bookings.find(tenant.id, id))!;
    });
  }

  async cancel(ctx: AuthedContext, urn: string, slug: string, bookingId: string): Promise<PoolBookingDto> {
    const { school, tenant } = await schoolInTenant(this.db, ctx, urn, slug);
    return this.db.inTenant(tenant.id, { userId: ctx.user.id }, async (em) => {
      const bookings = new PoolBookingRepository(em);
      const booking = isUuid(bookingId) ? await bookings.find(tenant.id, bookingId) : null;
      if (!booking || booking.schoolId !== school.id) throw notFound('booking');
      if (booking.status === 'cancelled') throw conflict('This booking is already cancelled.');
      await new OfferRepository(em).lockForUpdate(tenant.id, booking.offerId);
      await bookings.cancel(tenant.id, booking.id);
      return (await bookings.find(tenant.id, booking.id))!;
    });
  }

  private async daysIn(em: EntityManager, tenantId: string, offerId: string, query: PoolDaysQueryDto, schoolId: string | null): Promise<PoolDaysDto> {
    if (!isValidIsoDate(query.from)) throw invalid([{ field: 'from', message: 'That is not a real date.' }]);
    if (!isValidIsoDate(query.to) || compareDates(query.to, query.from) < 0 || toDayNumber(query.to) - toDayNumber(query.from) > 92) {
      throw invalid([{ field: 'to', message: 'The end is a real date on or after the start, at most 92 days later.' }]);
    }
    const pool = isUuid(offerId) ? await new OfferRepository(em).find(tenantId, offerId) : null;
    if (!pool || pool.kind !== 'pool' || pool.poolCapacity === null || (schoolId !== null && pool.status !== 'published')) throw notFound('pool');
    const bookings = new PoolBookingRepository(em);
    const booked = await bookings.bookedByDay(tenantId, pool.id, query.from, query.to);
    const days = [];
    for (let d = query.from; compareDates(d, query.to) <= 0; d = addDays(d, 1)) {
      const taken = booked.get(d) ?? 0;
      days.push({ onDate: d, capacity: pool.poolCapacity, booked: taken, left: Math.max(0, pool.poolCapacity - taken) });
    }
    return { days, bookings: await bookings.list(tenantId, { offerId: pool.id, from: query.from, to: query.to, schoolId }) };
  }
}
