import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonToday, MEMBERSHIP_STATES } from '@partnerships/domain';
import { type Session, startTestApp, type TestApp } from './support/test-app';

// The membership chart (`GET …/memberships/stats`) against its definition, on random timelines.
// The endpoint works the months out in one set-based pass (issue 14); the definition is the
// straightforward per-member, per-month query it replaced (the bench checks the same one at 10,000
// members): at each month's end (today for this month) a membership counts in the status of its
// latest event by then (ties by when recorded), or before any, from joining on, in its first event's
// starting status (its current status when it has no events). The timelines are drawn from a seeded
// generator, so a failure names the seed and repeats: backdated events recorded out of date order,
// several events on one day, events before joining and after today, a first event with no starting
// status, no joining date (the row's creation date counts), dates on month ends and on today.

let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await startTestApp('membership_stats');
  admin = await t.signIn('admin@redbridge.demo.test');
  await t.owner.query(
    `INSERT INTO schools (urn, name, phase, type, local_authority, pupils, postcode)
     SELECT (870000 + i)::text, 'Chart School ' || i, 'primary', 'Community school', 'Redbridge', 200, 'IG1 1ZZ' FROM generate_series(1, $1) i`,
    [MEMBERS],
  );
});
afterAll(async () => {
  await t?.close();
});

const MEMBERS = 60;

/** The definition, as the bench has it: per membership and month end, the latest event's status (or, before any, the first one's `from_status`). */
const REFERENCE = `WITH months AS (
    SELECT to_char(d, 'YYYY-MM') AS month, least((d + interval '1 month' - interval '1 day')::date, $3::date) AS month_end
    FROM generate_series($2::date, $3::date, interval '1 month') d)
  SELECT mo.month, st.status, count(*)::int AS n
  FROM months mo CROSS JOIN memberships m
  CROSS JOIN LATERAL (SELECT coalesce(
    (SELECT e.to_status FROM membership_events e WHERE e.tenant_id = m.tenant_id AND e.membership_id = m.id AND e.on_date <= mo.month_end
     ORDER BY e.on_date DESC, e.created_at DESC LIMIT 1),
    CASE WHEN coalesce(m.joined_on, m.created_at::date) <= mo.month_end THEN coalesce(
      (SELECT e.from_status FROM membership_events e WHERE e.tenant_id = m.tenant_id AND e.membership_id = m.id ORDER BY e.on_date, e.created_at LIMIT 1),
      CASE WHEN NOT EXISTS (SELECT 1 FROM membership_events e WHERE e.tenant_id = m.tenant_id AND e.membership_id = m.id) THEN m.status END) END
  ) AS status) st
  WHERE m.tenant_id = $1 AND st.status IS NOT NULL
  GROUP BY mo.month, st.status ORDER BY mo.month`;

/** mulberry32: a small seeded generator, so every run draws the same timelines. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)] as T;
  return { next, int, pick };
}

const day = (iso: string, offset: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
/** The last day of the month `back` months before today's. */
const monthEnd = (today: string, back: number) => {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - back, 0)).toISOString().slice(0, 10);
};

/** A partnership of its own with MEMBERS random timelines; returns its id. */
async function randomPartnership(seed: number): Promise<string> {
  const { next, int, pick } = generator(seed);
  const today = londonToday();
  const [tenant] = await t.owner.query(`INSERT INTO tenants (slug, name) VALUES ($1, $2) RETURNING id`, [`chart-${seed}`, `Chart ${seed} Partnership`]);
  await t.owner.query(`INSERT INTO tenant_roles (tenant_id, user_id, role) SELECT $1, id, 'tenant-admin' FROM users WHERE email = 'admin@redbridge.demo.test'`, [tenant.id]);
  // A date in the last four years or the next two months, often one the months turn on.
  const date = () => {
    const r = next();
    if (r < 0.1) return today;
    if (r < 0.25) return monthEnd(today, int(0, 40));
    if (r < 0.35) return day(monthEnd(today, int(0, 40)), 1);
    return day(today, int(-1460, 60));
  };
  let clock = Date.parse('2020-01-01T12:00:00Z');
  for (let i = 1; i <= MEMBERS; i++) {
    const joinedOn = next() < 0.15 ? null : date();
    const createdAt = new Date(Date.parse(`${date()}T12:00:00Z`)).toISOString();
    const [{ id }] = await t.owner.query(
      `INSERT INTO memberships (tenant_id, school_id, category, status, joined_on, created_at)
       SELECT $1, id, 'full', $2, $3, $4 FROM schools WHERE urn = $5 RETURNING id`,
      [tenant.id, pick(MEMBERSHIP_STATES), joinedOn, createdAt, String(870000 + i)],
    );
    const events = pick([0, 0, 1, 1, 2, 3, 4, 6]);
    const dates: string[] = [];
    for (let k = 0; k < events; k++) {
      // Some on the same day as an earlier one, some on the joining date; recorded in any order.
      const onDate = dates.length > 0 && next() < 0.25 ? pick(dates) : joinedOn && next() < 0.15 ? joinedOn : date();
      dates.push(onDate);
      clock += int(1, 5) * 60_000;
      await t.owner.query(
        `INSERT INTO membership_events (tenant_id, membership_id, event, from_status, to_status, on_date, actor_name, created_at)
         VALUES ($1, $2, 'change', $3, $4, $5, 'Test', $6)`,
        [tenant.id, id, next() < 0.1 ? null : pick(MEMBERSHIP_STATES), pick(MEMBERSHIP_STATES), onDate, new Date(clock).toISOString()],
      );
    }
  }
  return tenant.id as string;
}

describe('the membership chart on random timelines', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`agrees with the per-member, per-month definition in every month and status (seed ${seed})`, async () => {
      const tenantId = await randomPartnership(seed);
      const [{ events }] = await t.owner.query(`SELECT count(*)::int AS events FROM membership_events WHERE tenant_id = $1`, [tenantId]);
      expect(events).toBeGreaterThan(MEMBERS);
      for (const months of [1, 2, 13, 60]) {
        const res = await admin.get(`/api/v1/tenants/chart-${seed}/memberships/stats?months=${months}`);
        expect(res.status).toBe(200);
        const body = (await res.json()) as { months: { month: string; counts: Record<string, number> }[]; current: Record<string, number> };
        expect(body.months).toHaveLength(months);
        const reference = await t.owner.query(REFERENCE, [tenantId, `${body.months[0]!.month}-01`, londonToday()]);
        const expected = body.months.map(({ month }) => ({
          month,
          counts: Object.fromEntries(MEMBERSHIP_STATES.map((s) => [s, reference.find((r: { month: string; status: string }) => r.month === month && r.status === s)?.n ?? 0])),
        }));
        expect(body.months.map(({ month, counts }) => ({ month, counts }))).toEqual(expected);
        // Every membership counts once in the current figures, in its status now.
        const now = await t.owner.query(`SELECT status, count(*)::int AS n FROM memberships WHERE tenant_id = $1 GROUP BY status`, [tenantId]);
        expect(body.current).toEqual(Object.fromEntries(MEMBERSHIP_STATES.map((s) => [s, now.find((r: { status: string }) => r.status === s)?.n ?? 0])));
      }
      // Not a vacuous agreement: this partnership's chart has members in more than one status.
      const last = await t.owner.query(REFERENCE, [tenantId, `${londonToday().slice(0, 7)}-01`, londonToday()]);
      expect(last.length).toBeGreaterThan(2);
    });
  }
});
