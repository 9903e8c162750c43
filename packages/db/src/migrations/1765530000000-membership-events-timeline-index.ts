import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14, the membership chart under 100 ms at 10,000 members: the chart reads every event of a
 * partnership in timeline order (per membership, by date, then by when it was recorded) to find
 * each one's successor. This index hands them over in that order with the two statuses it needs
 * (an index-only scan once the table is vacuumed, and it only ever grows), so the window needs no
 * sort. `membership_events_membership_idx` (by when recorded) stays for the timeline page.
 */
export class MembershipEventsTimelineIndex1765530000000 implements MigrationInterface {
  name = 'MembershipEventsTimelineIndex1765530000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS membership_events_timeline_idx
      ON membership_events (tenant_id, membership_id, on_date, created_at) INCLUDE (from_status, to_status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS membership_events_timeline_idx`);
  }
}
