import { UnitOfWorkRepository } from '@partnerships/db';

export interface PoolBooking {
  id: string;
  offerId: string;
  schoolId: string;
  urn: string;
  schoolName: string;
  onDate: string;
  places: number;
  status: 'booked' | 'cancelled';
  note: string | null;
}

interface Row { id: string; offer_id: string; school_id: string; urn: string; school_name: string; on_date: string; places: number; status: 'booked' | 'cancelled'; note: string | null }
const SELECT = `SELECT b.id, b.offer_id, b.school_id, s.urn, s.name AS school_name, to_char(b.on_date, 'YYYY-MM-DD') AS on_date, b.places, b.status, b.note
  FROM pool_bookings b JOIN schools s ON s.id = b.school_id`;
const toBooking = (r: Row): PoolBooking => ({ id: r.id, offerId: r.offer_id, schoolId: r.school_id, urn: r.urn, schoolName: r.school_name, onDate: r.on_date, places: r.places, status: r.status, note: r.note });

/** Places booked from shared pools by the day (table `pool_bookings`); callers hold the pool offer's row lock while they count and insert. */
export class PoolBookingRepository extends UnitOfWorkRepository {
  async bookedOn(tenantId: string, offerId: string, onDate: string): Promise<number> {
    const row = await this.one<{ booked: number }>(
      `SELECT coalesce(sum(places), 0)::int AS booked FROM pool_bookings WHERE tenant_id = $1 AND offer_id = $2 AND on_date = $3 AND status = 'booked'`,
      [tenantId, offerId, onDate],
    );
    return row!.booked;
  }

  async bookedByDay(tenantId: string, offerId: string, from: string, to: string): Promise<Map<string, number>> {
    const rows = await this.rows<{ on_date: string; booked: number }>(
      `SELECT to_char(on_date, 'YYYY-MM-DD') AS on_date, sum(places)::int AS booked FROM pool_bookings
       WHERE tenant_id = $1 AND offer_id = $2 AND on_date BETWEEN $3 AND $4 AND status = 'booked' GROUP BY on_date`,
      [tenantId, offerId, from, to],
    );
    return new Map(rows.map((r) => [r.on_date, r.booked]));
  }

  async list(tenantId: string, filter: { offerId: string; from: string; to: string; schoolId?: string | null }): Promise<PoolBooking[]> {
    return (await this.rows<Row>(
      `${SELECT} WHERE b.tenant_id = $1 AND b.offer_id = $2 AND b.on_date BETWEEN $3 AND $4 AND ($5::uuid IS NULL OR b.school_id = $5) ORDER BY b.on_date, b.booked_at`,
      [tenantId, filter.offerId, filter.from, filter.to, filter.schoolId ?? null],
    )).map(toBooking);
  }

  async find(tenantId: string, id: string): Promise<PoolBooking | null> {
    const row = await this.one<Row>(`${SELECT} WHERE b.tenant_id = $1 AND b.id = $2`, [tenantId, id]);
    return row ? toBooking(row) : null;
  }

  async create(tenantId: string, b: { offerId: string; schoolId: string; onDate: string; places: number; note: string | null; bookedBy: string }): Promise<string> {
    const [row] = await this.rows<{ id: string }>(
      `INSERT INTO pool_bookings (tenant_id, offer_id, school_id, on_date, places, note, booked_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [tenantId, b.offerId, b.schoolId, b.onDate, b.places, b.note, b.bookedBy],
    );
    return row!.id;
  }

  async cancel(tenantId: string, id: string): Promise<void> {
    await this.execute(`UPDATE pool_bookings SET status = 'cancelled', cancelled_at = now() WHERE tenant_id = $1 AND id = $2 AND status = 'booked'`, [tenantId, id]);
  }
}
