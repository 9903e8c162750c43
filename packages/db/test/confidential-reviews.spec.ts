import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import type { Database } from '../src';
import { type SeededDatabase, seededDatabase } from './support/seeded-database';

/**
 * Confidential school development reviews (issue 12): the report's content is readable, even with
 * hand-written SQL as the application role, only by the reviewer, the school's headteacher and the
 * people the head shares it with (by name, or by a seat on a body), and never lands in the audit log.
 */
const CONTENT = 'Confidential: leadership capacity is fragile after the deputy left (needle 7c41).';

let seeded: SeededDatabase;
let owner: DataSource;
let db: Database;
let ealing: string;
let redbridge: string;
let reviewId: string;
const people: Record<string, string> = {};

const newUser = async (email: string) => ((await owner.query(`INSERT INTO users (email, name) VALUES ($1, $1) RETURNING id`, [email])) as { id: string }[])[0]!.id;
const readAs = (userId: string | null, tenant = ealing) =>
  db.inTenant(tenant, { userId }, (em) => em.query(`SELECT content FROM sdr_reports`) as Promise<{ content: string }[]>);

beforeAll(async () => {
  seeded = await seededDatabase('partnerships_test_db_sdr');
  ({ owner, db } = seeded);
  ealing = await seeded.tenantId('ealing');
  redbridge = await seeded.tenantId('redbridge');
  people.head = await seeded.userId('head.920002@demo.test');
  people.otherHead = await seeded.userId('head.920001@demo.test');
  people.admin = await seeded.userId('admin@ealing.demo.test');
  people.reviewer = await newUser('sdr-reviewer@example.test');
  people.chair = await newUser('sdr-chair@example.test');
  people.member = await newUser('sdr-member@example.test');
  const [{ id: schoolId }] = await owner.query(`SELECT id FROM schools WHERE urn = '920002'`);
  [{ id: reviewId }] = await owner.query(
    `INSERT INTO sdr_reviews (tenant_id, school_id, academic_year_start, reviewer_user_id, reviewer_email) VALUES ($1, $2, 2026, $3, 'sdr-reviewer@example.test') RETURNING id`,
    [ealing, schoolId, people.reviewer],
  );
  await db.inTenant(ealing, { userId: people.reviewer }, (em) =>
    em.query(`INSERT INTO sdr_reports (tenant_id, sdr_review_id, content, updated_by) VALUES ($1, $2, $3, $4)`, [ealing, reviewId, CONTENT, people.reviewer]),
  );
});

afterAll(async () => {
  await seeded?.close();
});

describe('confidential report content', () => {
  it('is readable by the reviewer and the head only', async () => {
    expect(await readAs(people.reviewer)).toEqual([{ content: CONTENT }]);
    expect(await readAs(people.head)).toEqual([{ content: CONTENT }]);
    for (const other of [people.admin, people.otherHead, people.chair, null]) expect(await readAs(other)).toEqual([]);
    expect(await readAs(people.reviewer, redbridge)).toEqual([]);
  });

  it('is written by the reviewer alone', async () => {
    await expect(
      db.inTenant(ealing, { userId: people.admin }, (em) => em.query(`INSERT INTO sdr_reports (tenant_id, sdr_review_id, content) VALUES ($1, $2, 'x')`, [ealing, reviewId])),
    ).rejects.toThrow(/row-level security/);
    for (const who of [people.admin, people.head]) {
      const [, changed] = await db.inTenant(ealing, { userId: who }, (em) => em.query(`UPDATE sdr_reports SET content = 'overwritten' RETURNING id`));
      expect(changed).toBe(0);
    }
    const [{ content }] = await owner.query(`SELECT content FROM sdr_reports`);
    expect(content).toBe(CONTENT);
  });

  it('follows a share with a named person and its revocation', async () => {
    const [{ id: shareId }] = await db.inTenant(ealing, { userId: people.head }, (em) =>
      em.query(`INSERT INTO sdr_shares (tenant_id, sdr_review_id, user_id, shared_by) VALUES ($1, $2, $3, $4) RETURNING id`, [ealing, reviewId, people.chair, people.head]),
    );
    expect(await readAs(people.chair)).toEqual([{ content: CONTENT }]);
    expect(await readAs(people.admin)).toEqual([]);
    await db.inTenant(ealing, { userId: people.head }, (em) => em.query(`UPDATE sdr_shares SET revoked_at = now(), revoked_by = $2 WHERE id = $1`, [shareId, people.head]));
    expect(await readAs(people.chair)).toEqual([]);
  });

  it("follows a share with a body to its current seat holders", async () => {
    const [{ id: bodyId }] = await owner.query(`INSERT INTO bodies (tenant_id, name, kind) VALUES ($1, 'SDR test cluster', 'cluster') RETURNING id`, [ealing]);
    const [{ id: ruleId }] = await owner.query(`INSERT INTO seat_rules (tenant_id, body_id, rule, voting, label) VALUES ($1, $2, '{}', 'voting', 'Member') RETURNING id`, [ealing, bodyId]);
    const [{ id: holdingId }] = await owner.query(
      `INSERT INTO seat_holdings (tenant_id, body_id, seat_rule_id, seat_key, user_id, starts_on) VALUES ($1, $2, $3, 'm1', $4, '2026-09-01') RETURNING id`,
      [ealing, bodyId, ruleId, people.member],
    );
    expect(await readAs(people.member)).toEqual([]);
    const [{ id: shareId }] = await db.inTenant(ealing, { userId: people.head }, (em) =>
      em.query(`INSERT INTO sdr_shares (tenant_id, sdr_review_id, body_id, shared_by) VALUES ($1, $2, $3, $4) RETURNING id`, [ealing, reviewId, bodyId, people.head]),
    );
    expect(await readAs(people.member)).toEqual([{ content: CONTENT }]);
    await owner.query(`UPDATE seat_holdings SET ends_on = '2026-12-01' WHERE id = $1`, [holdingId]);
    expect(await readAs(people.member)).toEqual([]);
    await owner.query(`UPDATE seat_holdings SET ends_on = NULL WHERE id = $1`, [holdingId]);
    await owner.query(`UPDATE sdr_shares SET revoked_at = now() WHERE id = $1`, [shareId]);
    expect(await readAs(people.member)).toEqual([]);
  });

  it('keeps the content out of the audit log, which records the change as redacted', async () => {
    await db.inTenant(ealing, { userId: people.reviewer }, (em) => em.query(`UPDATE sdr_reports SET content = $1 || ' Updated.'`, [CONTENT]));
    const [{ n }] = await owner.query(`SELECT count(*)::int AS n FROM audit_log WHERE detail::text LIKE '%needle 7c41%'`);
    expect(n).toBe(0);
    const entries: { action: string; detail: Record<string, unknown> }[] = await owner.query(`SELECT action, detail FROM audit_log WHERE entity_table = 'sdr_reports' ORDER BY id`);
    expect(entries.map((e) => e.action)).toEqual(['sdr_reports.insert', 'sdr_reports.update']);
    for (const entry of entries) expect(entry.detail.content).toBe('(redacted)');
  });

  it('keeps the read log append-only for the application', async () => {
    await db.inTenant(ealing, { userId: people.head }, (em) => em.query(`INSERT INTO sdr_reads (tenant_id, sdr_review_id, user_id, reader_kind) VALUES ($1, $2, $3, 'head')`, [ealing, reviewId, people.head]));
    await expect(db.inTenant(ealing, { userId: people.head }, (em) => em.query(`DELETE FROM sdr_reads`))).rejects.toThrow(/permission denied/);
    await expect(db.inTenant(ealing, { userId: people.head }, (em) => em.query(`UPDATE sdr_reads SET read_at = now()`))).rejects.toThrow(/permission denied/);
  });
});
