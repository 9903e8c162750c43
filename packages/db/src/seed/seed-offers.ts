import type { EntityManager } from 'typeorm';
import { DEMO_TENANTS } from './demo-data';

/** Who a price is for, as stored in `offer_prices.buyer`. */
type Buyer = { membership?: 'member' | 'non-member'; phases?: string[] };
interface DemoPrice { label: string; buyer: Buyer; pence: number }
interface DemoOffer {
  key: string;
  kind: 'core_entitlement' | 'traded_service' | 'bespoke' | 'pool' | 'digital';
  title: string;
  summary: string;
  unit: 'per_school' | 'per_day' | 'per_pupil';
  categories?: string[];
  allowance?: number;
  poolCapacity?: number;
  rolling?: boolean;
  prices: DemoPrice[];
}

const member = (pence: number): DemoPrice => ({ label: 'Member price', buyer: { membership: 'member' }, pence });
const nonMember = (pence: number): DemoPrice => ({ label: 'Non-member price', buyer: { membership: 'non-member' }, pence });

/** Each demo partnership's catalogue (2026-27 prices; 2027-28 prices are 3% higher, rounded to the pound). */
const CATALOGUE: DemoOffer[] = [
  { key: 'link', kind: 'core_entitlement', title: 'Link adviser days', summary: 'Three days a year with your named link adviser: visits, a critical-friend discussion of results and a written note.', unit: 'per_day', categories: ['full'], allowance: 3, prices: [] },
  {
    key: 'ect', kind: 'traded_service', title: 'Early career teacher support', summary: 'Induction support for early career teachers and their mentors, all year.', unit: 'per_school', rolling: true,
    prices: [{ label: 'Free to primary and special schools', buyer: { phases: ['primary', 'special', 'nursery'] }, pence: 0 }, member(45_000), nonMember(60_000)],
  },
  { key: 'day', kind: 'traded_service', title: 'Additional adviser day', summary: 'A further day of adviser time, booked with the team.', unit: 'per_day', prices: [member(52_000), nonMember(68_000)] },
  { key: 'governors', kind: 'traded_service', title: 'Governor training and clerking advice', summary: 'Termly governor training, model policies and a clerking helpline.', unit: 'per_school', rolling: true, prices: [member(75_000), nonMember(95_000)] },
  { key: 'bespoke', kind: 'bespoke', title: 'Bespoke school improvement package', summary: 'Work designed with you for a need you have identified; we quote per job.', unit: 'per_school', prices: [] },
  { key: 'pool', kind: 'pool', title: 'School counselling day', summary: 'A counsellor for a day, from the partnership’s pool of 13 counsellors.', unit: 'per_day', poolCapacity: 13, prices: [member(30_000), nonMember(39_000)] },
  { key: 'phonics', kind: 'digital', title: 'Online phonics materials', summary: 'A year’s access for every class to the phonics programme and its assessments.', unit: 'per_pupil', rolling: true, prices: [member(150), nonMember(200)] },
];

const THIS_YEAR = 2026;

/**
 * Demo offers for each demo partnership (issue 11): a core entitlement, traded services with member
 * and non-member prices (early career teacher support free to primary and special schools), a
 * bespoke package, a counselling pool, a digital product, the buy-back window open for next year,
 * and a few orders that wait for a decision (no invoices, so billing figures stay as they were).
 * Idempotent: a partnership that already has offers is left alone. Runs as the owner.
 */
export async function seedOffers(em: EntityManager): Promise<void> {
  for (const demo of DEMO_TENANTS) {
    const [tenant] = await em.query(`SELECT id FROM tenants WHERE slug = $1`, [demo.slug]);
    if (!tenant) continue;
    const tenantId: string = tenant.id;
    const [{ count }] = await em.query(`SELECT count(*)::int AS count FROM offers WHERE tenant_id = $1`, [tenantId]);
    if (count > 0) continue;
    const [admin] = await em.query(`SELECT id FROM users WHERE email = $1`, [`admin@${demo.slug}.demo.test`]);
    const ids = new Map<string, string>();
    for (const offer of CATALOGUE) {
      const [{ id }] = await em.query(
        `INSERT INTO offers (tenant_id, kind, title, summary, unit, categories, allowance, pool_capacity, rolling, status, public, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'published', $10, $11) RETURNING id`,
        [tenantId, offer.kind, offer.title, offer.summary, offer.unit, offer.categories ?? [], offer.allowance ?? null, offer.poolCapacity ?? null, offer.rolling ?? false, offer.kind !== 'bespoke', admin?.id ?? null],
      );
      ids.set(offer.key, id);
      for (const [year, uplift] of [[THIS_YEAR, 1], [THIS_YEAR + 1, 1.03]] as const) {
        for (const [position, price] of offer.prices.entries()) {
          const pence = price.pence === 0 ? 0 : offer.unit === 'per_pupil' ? Math.round(price.pence * uplift) : Math.round((price.pence * uplift) / 100) * 100;
          await em.query(`INSERT INTO offer_prices (tenant_id, offer_id, year, position, label, buyer, pence) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
            tenantId, id, year, position, price.label, JSON.stringify(price.buyer), pence,
          ]);
        }
      }
    }
    const [window] = await em.query(
      `INSERT INTO buyback_windows (tenant_id, year, opens_on, closes_on, cancel_deadline, created_by) VALUES ($1, $2, '2026-11-02', '2027-03-31', '2026-12-18', $3) RETURNING id`,
      [tenantId, THIS_YEAR + 1, admin?.id ?? null],
    );
    // The partnership's last school has history: rolling services bought for this year, a day of its link adviser used,
    // a counselling day booked, a bespoke request waiting for a quote, a basket and next year's order waiting for approval.
    const last = demo.schools[demo.schools.length - 1]!;
    const [school] = await em.query(`SELECT id FROM schools WHERE urn = $1`, [last.urn]);
    const [head] = await em.query(`SELECT id FROM users WHERE email = $1`, [`head.${last.urn}@demo.test`]);
    if (!school) continue;
    for (const key of ['governors', 'phonics']) {
      await em.query(`INSERT INTO subscriptions (tenant_id, school_id, offer_id, quantity, first_year, last_year) VALUES ($1, $2, $3, $4, $5, $5)`, [
        tenantId, school.id, ids.get(key), key === 'phonics' ? last.pupils : 1, THIS_YEAR,
      ]);
    }
    if (last.category === 'full') {
      await em.query(`INSERT INTO entitlement_ledger (tenant_id, offer_id, school_id, year, quantity, on_date, note, recorded_by) VALUES ($1, $2, $3, $4, 1, '2026-10-08', 'Autumn visit', $5)`, [
        tenantId, ids.get('link'), school.id, THIS_YEAR, admin?.id ?? null,
      ]);
    }
    await em.query(`INSERT INTO pool_bookings (tenant_id, offer_id, school_id, on_date, places, note, booked_by) VALUES ($1, $2, $3, '2027-01-13', 1, 'Year 6 wellbeing', $4)`, [
      tenantId, ids.get('pool'), school.id, head?.id ?? null,
    ]);
    await em.query(`INSERT INTO bespoke_requests (tenant_id, school_id, offer_id, title, details, requested_by) VALUES ($1, $2, $3, $4, $5, $6)`, [
      tenantId, school.id, ids.get('bespoke'), 'Reading across the curriculum review', 'Two days of review and a staff training session in the spring term.', head?.id ?? null,
    ]);
    const memberPrice = (key: string) => CATALOGUE.find((o) => o.key === key)!.prices.find((p) => p.buyer.membership === 'member')!.pence;
    const [basket] = await em.query(`INSERT INTO orders (tenant_id, school_id, kind, status, requested_by) VALUES ($1, $2, 'shop', 'draft', $3) RETURNING id`, [tenantId, school.id, head?.id ?? null]);
    await em.query(
      `INSERT INTO order_lines (tenant_id, order_id, offer_id, description, quantity, unit_pence, amount_pence, price_rule) VALUES ($1, $2, $3, 'Additional adviser day', 2, $4, $5, $6)`,
      [tenantId, basket.id, ids.get('day'), memberPrice('day'), memberPrice('day') * 2, 'Member price for member schools.'],
    );
    const [order] = await em.query(
      `INSERT INTO orders (tenant_id, school_id, kind, buyback_window_id, year, status, requested_by, requested_at) VALUES ($1, $2, 'buyback', $3, $4, 'awaiting_approval', $5, now()) RETURNING id`,
      [tenantId, school.id, window.id, THIS_YEAR + 1, head?.id ?? null],
    );
    const nextYear = Math.round((memberPrice('governors') * 1.03) / 100) * 100;
    await em.query(
      `INSERT INTO order_lines (tenant_id, order_id, offer_id, description, quantity, unit_pence, amount_pence, price_rule, rolling) VALUES ($1, $2, $3, 'Governor training and clerking advice', 1, $4, $4, $5, true)`,
      [tenantId, order.id, ids.get('governors'), nextYear, 'Member price for member schools.'],
    );
  }
}
