import { londonToday } from '@partnerships/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let admin: Session;
let finance: Session;
const base = '/api/v1/tenants/redbridge';
const portal = (urn: string) => `/api/v1/school-portal/${urn}`;
const json = async (res: Response) => ({ status: res.status, body: await res.json() });
const today = londonToday();
const shift = (days: number) => new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A person acting for a school, signed in with the demo password (copied from a demo account). */
async function schoolPerson(email: string, urn: string, role: 'headteacher' | 'business-manager' | 'staff'): Promise<Session> {
  await t.owner.query(
    `INSERT INTO users (email, name, password_hash, email_verified_at) SELECT $1, $2, password_hash, now() FROM users WHERE email = 'head.910001@demo.test' ON CONFLICT (email) DO NOTHING`,
    [email, `${role} of ${urn}`],
  );
  await t.owner.query(
    `INSERT INTO school_roles (school_id, user_id, role) SELECT s.id, u.id, $3 FROM schools s, users u WHERE s.urn = $1 AND u.email = $2 ON CONFLICT DO NOTHING`,
    [urn, email, role],
  );
  return t.signIn(email);
}

let offers: Record<string, { id: string; kind: string; title: string }>;

beforeAll(async () => {
  t = await startTestApp('offers');
  admin = await t.signIn('admin@redbridge.demo.test');
  finance = await t.signIn('finance@redbridge.demo.test');
  // A secondary school with no membership of Redbridge: it buys at the non-member price.
  await t.owner.query(`INSERT INTO schools (urn, name, phase, type, local_authority, pupils, postcode) VALUES ('800101', 'Hainault Forest High School', 'secondary', 'Academy converter', 'Redbridge', 900, 'IG6 3TN')`);
  const list = await json(await admin.get(`${base}/offers`));
  offers = Object.fromEntries(list.body.items.map((o: { id: string; kind: string; title: string }) => [o.title, o]));
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('the catalogue (contract)', () => {
  it('lists offers as {items: [{id, kind, title, prices}]}', async () => {
    const res = await json(await admin.get(`${base}/offers`));
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThanOrEqual(7);
    for (const item of res.body.items) expect(item).toMatchObject({ id: expect.any(String), kind: expect.any(String), title: expect.any(String), prices: expect.any(Array) });
    expect(res.body.items.find((o: { title: string }) => o.title === 'Additional adviser day').prices[0]).toMatchObject({ year: 2026, pence: 52_000, buyer: { membership: 'member' }, forWhom: 'member schools' });
  });

  it('creates an offer (201 {id}), prices it by year and publishes it', async () => {
    const created = await json(await admin.send('POST', `${base}/offers`, {
      kind: 'traded_service', title: 'Moderation training', unit: 'per_delegate',
      prices: { year: 2026, prices: [{ label: 'Member', buyer: { membership: 'member' }, pence: 9_500 }, { label: 'Non-member', buyer: { membership: 'non-member' }, pence: 14_000 }] },
    }));
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String) });
    const draft = await json(await admin.get(`${base}/offers/${created.body.id}`));
    expect(draft.body).toMatchObject({ status: 'draft', unit: 'per_delegate', prices: [expect.objectContaining({ pence: 9_500 }), expect.objectContaining({ pence: 14_000 })] });
    const repriced = await json(await admin.send('PUT', `${base}/offers/${created.body.id}/prices`, { year: 2027, prices: [{ buyer: {}, pence: 10_000 }] }));
    expect(repriced.body.prices.map((p: { year: number; pence: number }) => [p.year, p.pence])).toEqual([[2026, 9_500], [2026, 14_000], [2027, 10_000]]);
    expect((await json(await admin.send('POST', `${base}/offers/${created.body.id}/publish`))).body.status).toBe('published');
    expect((await json(await admin.send('PUT', `${base}/offers/${created.body.id}`, { summary: 'Half a day' }))).body.summary).toBe('Half a day');
  });

  it('names the field for bad input (400) and adds nothing', async () => {
    const before = (await json(await admin.get(`${base}/offers`))).body.items.length;
    const res = await json(await admin.send('POST', `${base}/offers`, { kind: 'gadget', title: ' ' }));
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['kind', 'title']);
    const badRule = await json(await admin.send('POST', `${base}/offers`, { kind: 'traded_service', title: 'X', prices: { year: 2026, prices: [{ buyer: { phases: ['infant'] }, pence: 1 }] } }));
    expect(badRule.status).toBe(400);
    expect(badRule.body.errors[0].field).toBe('prices.prices.0.buyer.phases');
    const badPrice = await json(await admin.send('PUT', `${base}/offers/${offers['Additional adviser day']!.id}/prices`, { year: 2026, prices: [{ pence: -1 }] }));
    expect(badPrice.status).toBe(400);
    expect(badPrice.body.errors[0].field).toBe('prices.0.pence');
    const pool = await json(await admin.send('POST', `${base}/offers`, { kind: 'pool', title: 'Pool without capacity' }));
    expect(pool.body.errors).toEqual([{ field: 'poolCapacity', message: 'Say how many places the pool has each day.' }]);
    expect((await json(await admin.get(`${base}/offers`))).body.items.length).toBe(before);
  });

  it('is managed by admins and officers only', async () => {
    expect((await finance.get(`${base}/offers`)).status).toBe(200);
    expect((await finance.send('POST', `${base}/offers`, { kind: 'digital', title: 'Nope' })).status).toBe(403);
  });
});

describe('prices by buyer', () => {
  const priceOf = async (session: Session, urn: string, title: string) => {
    const res = await json(await session.get(`${portal(urn)}/offers?tenant=redbridge&date=2026-10-01`));
    expect(res.status).toBe(200);
    return { list: res.body, item: res.body.items.find((i: { title: string }) => i.title === title) };
  };

  it('gives each school its own price: member or not, free to one phase', async () => {
    const primary = await t.signIn('head.910001@demo.test');
    const secondary = await t.signIn('head.910005@demo.test');
    const outsider = await schoolPerson('head.800101@test.example', '800101', 'headteacher');
    const ect = 'Early career teacher support';
    const free = await priceOf(primary, '910001', ect);
    expect(free.list).toMatchObject({ member: true, category: 'full', phase: 'primary' });
    expect(free.item).toMatchObject({ pricePence: 0, free: true, explanation: 'Free to primary and special schools: free for primary, special and nursery schools.' });
    expect((await priceOf(secondary, '910005', ect)).item).toMatchObject({ pricePence: 45_000, free: false, explanation: 'Member price: £450.00 per school for member schools.' });
    const nonMember = await priceOf(outsider, '800101', ect);
    expect(nonMember.list.member).toBe(false);
    expect(nonMember.item).toMatchObject({ pricePence: 60_000, explanation: 'Non-member price: £600.00 per school for non-member schools.' });
    expect((await priceOf(primary, '910001', 'Additional adviser day')).item.pricePence).toBe(52_000);
    expect((await priceOf(outsider, '800101', 'Additional adviser day')).item.pricePence).toBe(68_000);
    // A per-pupil price counts the school's pupils; next year's prices apply from September.
    expect((await priceOf(primary, '910001', 'Online phonics materials')).item).toMatchObject({ pricePence: 150, quantity: 210, totalPence: 31_500 });
    const nextYear = await json(await primary.get(`${portal('910001')}/offers?tenant=redbridge&date=2027-09-01`));
    expect(nextYear.body.items.find((i: { title: string }) => i.title === 'Additional adviser day').pricePence).toBe(53_600);
    // The core entitlement is included for full members, with the allowance left.
    expect((await priceOf(primary, '910001', 'Link adviser days')).item).toMatchObject({ includedInMembership: true, pricePence: 0, remaining: 3 });
    expect((await priceOf(secondary, '910005', 'Link adviser days')).item).toMatchObject({ available: false, pricePence: null, explanation: 'Not included in your membership category.' });
  });

  it('answers 404 to someone who does not act for the school, and 400 without the partnership', async () => {
    const primary = await t.signIn('head.910001@demo.test');
    expect((await primary.get(`${portal('910002')}/offers?tenant=redbridge`)).status).toBe(404);
    expect((await primary.get(`${portal('910001')}/offers?tenant=nowhere`)).status).toBe(404);
    const missing = await json(await primary.get(`${portal('910001')}/offers`));
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].field).toBe('tenant');
  });

  it('publishes a public catalogue with member and non-member prices', async () => {
    const res = await json(await fetch(`${t.url}/api/v1/public/tenants/redbridge/offers`));
    expect(res.status).toBe(200);
    const day = res.body.items.find((i: { title: string }) => i.title === 'Additional adviser day');
    expect(day).toMatchObject({ memberPricePence: 52_000, nonMemberPricePence: 68_000 });
    const ect = res.body.items.find((i: { title: string }) => i.title === 'Early career teacher support');
    expect(ect).toMatchObject({ memberPricePence: 45_000, nonMemberPricePence: 60_000, prices: expect.arrayContaining([{ label: 'Free to primary and special schools', forWhom: 'primary, special and nursery schools', pence: 0 }]) });
    expect(res.body.items.map((i: { title: string }) => i.title)).not.toContain('Bespoke school improvement package');
    expect((await fetch(`${t.url}/api/v1/public/tenants/nowhere/offers`)).status).toBe(404);
  });
});

describe('school orders', () => {
  let staff: Session;
  let manager: Session;
  let orderId: string;

  it('a member of staff fills a basket and submits it; nothing is invoiced before approval', async () => {
    staff = await schoolPerson('teacher.910001@test.example', '910001', 'staff');
    manager = await schoolPerson('bm.910001@test.example', '910001', 'business-manager');
    const added = await json(await staff.send('POST', `${portal('910001')}/basket?tenant=redbridge`, { lines: [{ offerId: offers['Additional adviser day']!.id, quantity: 2 }] }));
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ status: 'draft', totalPence: 104_000, lines: [expect.objectContaining({ quantity: 2, unitPence: 52_000, priceRule: 'Member price: £520.00 per day for member schools, × 2 days = £1,040.00.' })] });
    orderId = added.body.id;
    const again = await json(await staff.send('POST', `${portal('910001')}/basket?tenant=redbridge`, { lines: [{ offerId: offers['Online phonics materials']!.id }] }));
    expect(again.body.id).toBe(orderId);
    const removed = await json(await staff.send('DELETE', `${portal('910001')}/order-lines/${again.body.lines[1].id}?tenant=redbridge`));
    expect(removed.body.lines).toHaveLength(1);
    const submitted = await json(await staff.send('POST', `${portal('910001')}/orders/${orderId}/submit?tenant=redbridge`));
    expect(submitted.body).toMatchObject({ status: 'awaiting_approval', invoiceIds: [], requestedByName: 'staff of 910001' });
    expect((await json(await admin.get(`${base}/orders/${orderId}`))).body.invoiceIds).toEqual([]);
  });

  it('refuses lines that cannot be ordered, naming the line', async () => {
    const bad = await json(await staff.send('POST', `${portal('910001')}/basket?tenant=redbridge`, { lines: [{ offerId: offers['School counselling day']!.id }] }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('lines.0.offerId');
    const badQuantity = await json(await staff.send('POST', `${portal('910001')}/basket?tenant=redbridge`, { lines: [{ offerId: offers['Additional adviser day']!.id, quantity: 0 }] }));
    expect(badQuantity.body.errors[0].field).toBe('lines.0.quantity');
  });

  it('staff cannot approve their own request', async () => {
    const res = await json(await staff.send('POST', `${portal('910001')}/orders/${orderId}/approve?tenant=redbridge`, { poNumber: 'PO-1' }));
    expect(res.status).toBe(403);
    expect(res.body.detail).toBe('You cannot approve your own request: your headteacher or business manager approves it.');
    expect((await json(await admin.get(`${base}/orders/${orderId}`))).body).toMatchObject({ status: 'awaiting_approval', invoiceIds: [] });
  });

  it('the business manager approves with a PO: one invoice, once', async () => {
    const noPo = await json(await manager.send('POST', `${portal('910001')}/orders/${orderId}/approve?tenant=redbridge`, {}));
    expect(noPo.status).toBe(400);
    expect(noPo.body.errors[0].field).toBe('poNumber');
    const approved = await json(await manager.send('POST', `${portal('910001')}/orders/${orderId}/approve?tenant=redbridge`, { poNumber: 'PO-2026/0042' }));
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'invoiced', poNumber: 'PO-2026/0042', approvedByName: 'business-manager of 910001' });
    expect(approved.body.invoiceIds).toHaveLength(1);
    const invoice = await json(await admin.get(`${base}/invoices/${approved.body.invoiceIds[0]}`));
    expect(invoice.body).toMatchObject({ totalPence: 104_000, poNumber: 'PO-2026/0042' });
    const twice = await json(await manager.send('POST', `${portal('910001')}/orders/${orderId}/approve?tenant=redbridge`, { poNumber: 'PO-2026/0042' }));
    expect(twice.status).toBe(409);
    const [{ count }] = await t.owner.query(`SELECT count(*)::int AS count FROM invoices WHERE idempotency_key LIKE $1`, [`order:${orderId}%`]);
    expect(count).toBe(1);
  });
});

describe('the annual buy-back', () => {
  let windowId: string;

  beforeAll(async () => {
    // The demo window for 2027-28, moved so that it is open today and its deadline to cancel is ten days away.
    await t.owner.query(`UPDATE buyback_windows SET opens_on = $1, closes_on = $2, cancel_deadline = $3 WHERE year = 2027 AND tenant_id = (SELECT id FROM tenants WHERE slug = 'redbridge')`, [shift(-30), shift(60), shift(10)]);
    windowId = (await json(await admin.get(`${base}/buyback-windows`))).body.items.find((w: { year: number }) => w.year === 2027).id;
    // Clayhall Meadow (910003) bought two rolling services for this year.
    await t.owner.query(
      `INSERT INTO subscriptions (tenant_id, school_id, offer_id, quantity, first_year, last_year)
       SELECT o.tenant_id, s.id, o.id, 1, 2026, 2026 FROM offers o, schools s WHERE s.urn = '910003' AND o.title IN ('Governor training and clerking advice', 'Early career teacher support')
         AND o.tenant_id = (SELECT id FROM tenants WHERE slug = 'redbridge')`,
    );
  });

  it('opens windows with their checks', async () => {
    const bad = await json(await admin.send('POST', `${base}/buyback-windows`, { year: 2028, opensOn: '2028-01-10', closesOn: '2027-03-31', cancelDeadline: '2027-12-01' }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('closesOn');
    expect((await admin.send('POST', `${base}/buyback-windows`, { year: 2027, opensOn: '2027-01-10', closesOn: '2027-03-31', cancelDeadline: '2026-12-01' })).status).toBe(409);
    const window = (await json(await admin.get(`${base}/buyback-windows`))).body.items.find((w: { id: string }) => w.id === windowId);
    expect(window).toMatchObject({ phase: 'open', yearLabel: '2027-28' });
  });

  it('one order for next year, approved by the head, invoiced in parts along a maintained school’s financial year', async () => {
    const head = await t.signIn('head.910001@demo.test');
    const placed = await json(await head.send('POST', `${portal('910001')}/buyback/order?tenant=redbridge`, {
      lines: [{ offerId: offers['Governor training and clerking advice']!.id }, { offerId: offers['Online phonics materials']!.id }], invoicing: 'school_financial_year',
    }));
    expect(placed.status).toBe(201);
    // 2027-28 prices: £773 and 210 pupils × £1.55.
    expect(placed.body).toMatchObject({ kind: 'buyback', year: 2027, status: 'awaiting_approval', totalPence: 77_300 + 210 * 155 });
    expect((await head.send('POST', `${portal('910001')}/buyback/order?tenant=redbridge`, { lines: [{ offerId: offers['Additional adviser day']!.id }] })).status).toBe(409);
    const approved = await json(await head.send('POST', `${portal('910001')}/orders/${placed.body.id}/approve?tenant=redbridge`, { poNumber: 'BB-2027' }));
    expect(approved.body.status).toBe('invoiced');
    expect(approved.body.invoiceIds).toHaveLength(2);
    const totals = await Promise.all(approved.body.invoiceIds.map(async (id: string) => (await json(await admin.get(`${base}/invoices/${id}`))).body.totalPence));
    const total = 77_300 + 210 * 155;
    expect(totals[0] + totals[1]).toBe(total);
    expect(totals[1]).toBe(Math.floor((77_300 * 5) / 12) + Math.floor((210 * 155 * 5) / 12));
    const buyback = await json(await head.get(`${portal('910001')}/buyback?tenant=redbridge`));
    expect(buyback.body.subscriptions.map((s: { title: string; lastYear: number }) => [s.title, s.lastYear]).sort()).toEqual([['Governor training and clerking advice', 2027], ['Online phonics materials', 2027]]);
  });

  it('an academy’s order is invoiced once', async () => {
    const head = await t.signIn('head.910002@demo.test');
    const placed = await json(await head.send('POST', `${portal('910002')}/buyback/order?tenant=redbridge`, { lines: [{ offerId: offers['Governor training and clerking advice']!.id }], invoicing: 'school_financial_year' }));
    const approved = await json(await head.send('POST', `${portal('910002')}/orders/${placed.body.id}/approve?tenant=redbridge`, { poNumber: 'AC-1' }));
    expect(approved.body.invoiceIds).toHaveLength(1);
    expect((await json(await admin.get(`${base}/invoices/${approved.body.invoiceIds[0]}`))).body.totalPence).toBe(77_300);
  });

  it('reminds schools with rolling services once per step before the deadline', async () => {
    const first = await json(await admin.send('POST', `${base}/buyback-windows/${windowId}/reminders`));
    expect(first.status).toBe(200);
    expect(first.body.schoolsReminded).toBeGreaterThanOrEqual(2);
    await t.smtp.waitFor((m) => m.to.includes('head.910003@demo.test') && /roll over into 2027-28/.test(m.raw));
    expect((await json(await admin.send('POST', `${base}/buyback-windows/${windowId}/reminders`))).body).toEqual({ schoolsReminded: 0, emailsQueued: 0 });
  });

  it('rolls over only after the deadline, leaving out what was cancelled by it', async () => {
    const head = await t.signIn('head.910003@demo.test');
    const mine = await json(await head.get(`${portal('910003')}/buyback?tenant=redbridge`));
    expect(mine.body.canCancelRollover).toBe(true);
    const ect = mine.body.subscriptions.find((s: { title: string }) => s.title === 'Early career teacher support');
    const cancelled = await json(await head.send('POST', `${portal('910003')}/subscriptions/${ect.id}/cancel?tenant=redbridge`));
    expect(cancelled.body.subscriptions.find((s: { id: string }) => s.id === ect.id).cancelledOn).toBe(today);
    const early = await json(await admin.send('POST', `${base}/buyback-windows/${windowId}/rollover`));
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/only after the deadline to cancel/);
    // The deadline passes (today's cancellation was on or before it).
    await t.owner.query(`UPDATE buyback_windows SET cancel_deadline = $2 WHERE id = $1`, [windowId, shift(-1)]);
    await t.owner.query(`UPDATE subscriptions SET cancelled_on = $2 WHERE id = $1`, [ect.id, shift(-2)]);
    const rolled = await json(await admin.send('POST', `${base}/buyback-windows/${windowId}/rollover`));
    expect(rolled.status).toBe(200);
    // Clayhall's governors roll over; its cancelled ECT support does not; Seven Kings has its own order waiting, so nothing of its rolls.
    expect(rolled.body).toMatchObject({ year: 2027, ordersCreated: 1, rolledOver: 1 });
    const orders = (await json(await head.get(`${portal('910003')}/orders?tenant=redbridge`))).body.items;
    const rollover = orders.find((o: { kind: string }) => o.kind === 'rollover');
    expect(rollover).toMatchObject({ status: 'invoiced', totalPence: 77_300, lines: [expect.objectContaining({ description: 'Governor training and clerking advice' })] });
    expect(rollover.invoiceIds).toHaveLength(1);
    expect((await json(await admin.send('POST', `${base}/buyback-windows/${windowId}/rollover`))).body.ordersCreated).toBe(0);
  });
});

describe('the daily offers sweep', () => {
  it('reminds before the deadline, then rolls over once after it', async () => {
    const opened = await json(await admin.send('POST', `${base}/buyback-windows`, { year: 2028, opensOn: shift(-5), closesOn: shift(30), cancelDeadline: shift(5), reminderDays: [14, 7] }));
    expect(opened.status).toBe(201);
    const sweep = (date: string) => (t.runtime.handlers['offers.sweep'] as (p: { date: string }) => Promise<void>)({ date });
    await sweep(today);
    // Aldborough Hatch bought two rolling services for 2027-28 in its buy-back order: it is reminded once (the nearest step).
    await t.smtp.waitFor((m) => m.to.includes('head.910001@demo.test') && /roll over into 2028-29/.test(m.raw));
    const [{ count: reminded }] = await t.owner.query(`SELECT count(*)::int AS count FROM buyback_reminders WHERE window_id = $1`, [opened.body.id]);
    await sweep(today);
    const [{ count: again }] = await t.owner.query(`SELECT count(*)::int AS count FROM buyback_reminders WHERE window_id = $1`, [opened.body.id]);
    expect(again).toBe(reminded);
    await sweep(shift(6));
    await sweep(shift(7));
    const head = await t.signIn('head.910001@demo.test');
    const rolled = (await json(await head.get(`${portal('910001')}/orders?tenant=redbridge`))).body.items.filter((o: { kind: string; year: number }) => o.kind === 'rollover' && o.year === 2028);
    expect(rolled).toHaveLength(1);
    expect(rolled[0]).toMatchObject({ status: 'invoiced', lines: expect.arrayContaining([expect.objectContaining({ description: 'Governor training and clerking advice', unitPence: 77_300 })]) });
    const window = (await json(await admin.get(`${base}/buyback-windows`))).body.items.find((w: { id: string }) => w.id === opened.body.id);
    expect(window.rolledOverAt).not.toBeNull();
  });
});

describe('service levels', () => {
  let membershipId: string;

  beforeAll(async () => {
    const schedule = {
      formatVersion: 1, name: 'Redbridge service levels 2026-27', period: { kind: 'academic-year', start: '2026-09-01', end: '2027-08-31', label: '2026-27' },
      rounding: { unit: 'penny', mode: 'half-up' }, tiers: [{ code: 'bronze', name: 'Bronze' }, { code: 'gold', name: 'Gold' }],
      components: [{ kind: 'base-fee', amountPence: 100_000 }, { kind: 'tier-price', prices: [{ tier: 'bronze', amountPence: 120_000 }, { tier: 'gold', amountPence: 360_000 }] }],
      proRata: { method: 'month', rounding: { unit: 'penny', mode: 'half-up' } }, payment: { kind: 'in-advance' },
    };
    await t.owner.query(
      `INSERT INTO fee_schedules (tenant_id, name, period_kind, period_start, period_end, period_label, version, status, document, published_at)
       SELECT id, $2, 'academic-year', '2026-09-01', '2027-08-31', '2026-27', 1, 'published', $1, now() FROM tenants WHERE slug = 'redbridge'`,
      [JSON.stringify(schedule), schedule.name],
    );
    membershipId = (await json(await admin.get(`${base}/memberships?q=910004`))).body.items[0].id;
  });

  it('prices a change of tier part-way through the year pro rata, and invoices the difference once', async () => {
    const chosen = await json(await admin.send('PUT', `${base}/memberships/${membershipId}/service-level`, { serviceLevel: 'bronze', fromDate: '2026-09-01', preview: true }));
    expect(chosen.body).toMatchObject({ previousLevel: null, serviceLevel: 'bronze', adjustmentPence: 120_000, preview: true });
    await t.owner.query(`UPDATE memberships SET service_level = 'bronze' WHERE id = $1`, [membershipId]);
    const preview = await json(await admin.send('PUT', `${base}/memberships/${membershipId}/service-level`, { serviceLevel: 'gold', fromDate: '2027-03-01', preview: true }));
    // March to August: 6 of 12 months of the base fee and the level (£1,000 + £3,600 against £1,000 + £1,200).
    expect(preview.body).toMatchObject({ adjustmentPence: 120_000, invoiceId: null, explanation: 'Changing from Bronze to Gold from 1 March 2027 to 31 August 2027: £2,300.00 instead of £1,100.00, so £1,200.00 more is invoiced.' });
    const changed = await json(await admin.send('PUT', `${base}/memberships/${membershipId}/service-level`, { serviceLevel: 'gold', fromDate: '2027-03-01' }));
    expect(changed.status).toBe(200);
    expect(changed.body.invoiceId).toEqual(expect.any(String));
    expect((await json(await admin.get(`${base}/invoices/${changed.body.invoiceId}`))).body.totalPence).toBe(120_000);
    const history = await json(await admin.get(`${base}/memberships/${membershipId}/service-level`));
    expect(history.body).toMatchObject({ serviceLevel: 'gold', changes: [expect.objectContaining({ previousLevel: 'bronze', serviceLevel: 'gold', adjustmentPence: 120_000 })] });
    // The billing run charges each member the level it chose (Fairlop Vale: gold; the others chose none).
    const dry = await json(await admin.send('POST', `${base}/billing-runs`, { period: '2026-27', dryRun: true }));
    const fairlop = dry.body.members.find((m: { school: { urn: string } }) => m.school.urn === '910004');
    expect(fairlop).toMatchObject({ outcome: 'invoice', amountPence: 460_000 });
    expect(fairlop.explanation).toContain('Gold service level £3,600.00');
    expect(dry.body.members.find((m: { school: { urn: string } }) => m.school.urn === '910001').amountPence).toBe(100_000);
    const down = await json(await admin.send('PUT', `${base}/memberships/${membershipId}/service-level`, { serviceLevel: 'bronze', fromDate: '2027-06-01', preview: true }));
    expect(down.body.adjustmentPence).toBe(-60_000);
    // Once the year's fee is invoiced, a move down is credited on that invoice.
    const run = (await json(await admin.send('POST', `${base}/billing-runs`, { period: '2026-27', dryRun: false }))).body as { id: string };
    for (let i = 0; i < 200 && (await json(await admin.get(`${base}/billing-runs/${run.id}`))).body.status !== 'completed'; i++) await new Promise((r) => setTimeout(r, 100));
    const credited = await json(await admin.send('PUT', `${base}/memberships/${membershipId}/service-level`, { serviceLevel: 'bronze', fromDate: '2027-06-01' }));
    expect(credited.body).toMatchObject({ adjustmentPence: -60_000, invoiceId: null, creditNoteId: expect.any(String) });
    const [note] = await t.owner.query(`SELECT total_pence, invoice_id FROM credit_notes WHERE id = $1`, [credited.body.creditNoteId]);
    expect(note.total_pence).toBe(60_000);
    expect((await json(await admin.get(`${base}/invoices/${note.invoice_id}`))).body.totalPence).toBe(460_000);
    const unknown = await json(await admin.send('PUT', `${base}/memberships/${membershipId}/service-level`, { serviceLevel: 'platinum', fromDate: '2027-03-01' }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('serviceLevel');
  });
});

describe('shared pools', () => {
  it('never books more than the pool has on a day, however many ask at once', async () => {
    const created = await json(await admin.send('POST', `${base}/offers`, { kind: 'pool', title: 'Educational psychologist day', poolCapacity: 3, prices: { year: 2026, prices: [{ pence: 40_000 }] } }));
    await admin.send('POST', `${base}/offers/${created.body.id}/publish`);
    const heads = await Promise.all(['910001', '910002', '910003', '910004'].map((urn) => t.signIn(`head.${urn}@demo.test`)));
    const day = shift(7);
    const attempts = await Promise.all(Array.from({ length: 20 }, (_, i) => {
      const urn = ['910001', '910002', '910003', '910004'][i % 4]!;
      return heads[i % 4]!.send('POST', `${portal(urn)}/pools/${created.body.id}/bookings?tenant=redbridge`, { onDate: day });
    }));
    const statuses = attempts.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 409)).toHaveLength(17);
    const days = await json(await admin.get(`${base}/offers/${created.body.id}/pool-days?from=${day}&to=${day}`));
    expect(days.body.days).toEqual([{ onDate: day, capacity: 3, booked: 3, left: 0 }]);
    const past = await json(await heads[0]!.send('POST', `${portal('910001')}/pools/${created.body.id}/bookings?tenant=redbridge`, { onDate: '2020-01-01' }));
    expect(past.status).toBe(400);
    expect(past.body.errors[0].field).toBe('onDate');
  });
});

describe('core entitlements', () => {
  it('records use against the allowance and shows the school its balance', async () => {
    const used = await json(await admin.send('POST', `${base}/entitlements/ledger`, { offerId: offers['Link adviser days']!.id, urn: '910001', quantity: 2, note: 'Autumn visits' }));
    expect(used.status).toBe(201);
    expect(used.body).toMatchObject({ urn: '910001', allowance: 3, used: 2, remaining: 1, sentence: '2 of 3 days used, 1 left.' });
    const over = await json(await admin.send('POST', `${base}/entitlements/ledger`, { offerId: offers['Link adviser days']!.id, urn: '910001', quantity: 2 }));
    expect(over.status).toBe(409);
    expect(over.body.errors[0]).toEqual({ field: 'quantity', message: 'Only 1 left of the allowance of 3.' });
    const head = await t.signIn('head.910001@demo.test');
    const mine = await json(await head.get(`${portal('910001')}/entitlements?tenant=redbridge`));
    expect(mine.body.items).toEqual([expect.objectContaining({ title: 'Link adviser days', remaining: 1 })]);
    expect((await json(await admin.get(`${base}/entitlements/ledger`))).body.items.some((e: { note: string }) => e.note === 'Autumn visits')).toBe(true);
  });
});

describe('bespoke work', () => {
  it('goes request → quote → accepted with a PO → invoiced once', async () => {
    const staff = await t.signIn('teacher.910001@test.example');
    const requested = await json(await staff.send('POST', `${portal('910001')}/bespoke-requests?tenant=redbridge`, { title: 'Maths mastery review', details: 'Two days in the spring term', offerId: offers['Bespoke school improvement package']!.id }));
    expect(requested.status).toBe(201);
    const id = requested.body.id;
    expect((await admin.send('POST', `${base}/bespoke-requests/${id}/invoice`)).status).toBe(409);
    const quoted = await json(await admin.send('POST', `${base}/bespoke-requests/${id}/quote`, { pence: 250_000, note: 'Two days and a report' }));
    expect(quoted.body).toMatchObject({ status: 'quoted', quotePence: 250_000 });
    expect((await staff.send('POST', `${portal('910001')}/bespoke-requests/${id}/accept?tenant=redbridge`, { poNumber: 'PO-9' })).status).toBe(403);
    const head = await t.signIn('head.910001@demo.test');
    expect((await json(await head.send('POST', `${portal('910001')}/bespoke-requests/${id}/accept?tenant=redbridge`, { poNumber: 'PO-9' }))).body.status).toBe('accepted');
    const invoiced = await json(await finance.send('POST', `${base}/bespoke-requests/${id}/invoice`));
    expect(invoiced.body).toMatchObject({ status: 'invoiced', invoiceId: expect.any(String) });
    expect((await json(await admin.get(`${base}/invoices/${invoiced.body.invoiceId}`))).body).toMatchObject({ totalPence: 250_000, poNumber: 'PO-9' });
    expect((await admin.send('POST', `${base}/bespoke-requests/${id}/invoice`)).status).toBe(409);
  });
});

describe('reports', () => {
  it('shows take-up by offer and school and income by month, as JSON and CSV', async () => {
    const report = await json(await admin.get(`${base}/offers-report`));
    expect(report.status).toBe(200);
    expect(report.body.takeUp).toContainEqual(expect.objectContaining({ title: 'Additional adviser day', urn: '910001', quantity: 2, amountPence: 104_000 }));
    expect(report.body.income).toContainEqual(expect.objectContaining({ title: 'Additional adviser day', month: today.slice(0, 7), amountPence: 104_000 }));
    const csv = await admin.get(`${base}/offers-report.csv?report=income`);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect((await csv.text()).replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('Month,Offer,"Income (£, before VAT)"');
    expect((await json(await admin.get(`${base}/offers-report?from=2026-13-01`))).body.errors[0].field).toBe('from');
  });
});
