import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A reminder e-mail goes to each confirmed delegate two days before an event, once: when it went. */
export class EventReminders1764810000001 implements MigrationInterface {
  name = 'EventReminders1764810000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE event_bookings ADD COLUMN reminded_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE event_bookings DROP COLUMN IF EXISTS reminded_at`);
  }
}
