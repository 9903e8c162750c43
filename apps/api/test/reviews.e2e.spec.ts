import { DEMO_PASSWORD, hashPassword, seedReviews } from '@partnerships/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startTestApp, type TestApp, tokenFrom } from './support/test-app';

/**
 * Peer review and confidential school development reviews (issue 12) over HTTP, on the small demo
 * plus the reviews seed (Ealing's primary schools reviewed by hand-formed group; a confidential
 * review at 920002 with a report shared with nobody).
 */
let t: TestApp;
let sessions: Record<string, Session>;
let sdrId: string;
const base = '/api/v1/tenants/ealing';
const NEEDLE = 'Confidential needle 5f3a: the chair of governors is resigning';
const json = async (res: Response) => ({ status: res.status, body: await res.json().catch(() => null) });
const emailOf = async (userId: string) => ((await t.owner.query(`SELECT email FROM users WHERE id = $1`, [userId])) as { email: string }[])[0]!.email;

beforeAll(async () => {
  t = await startTestApp('reviews');
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await t.owner.transaction((em) => seedReviews(em, passwordHash, '2026-12-05'));
  await t.owner.transaction((em) => seedReviews(em, passwordHash, '2026-12-05'));
  const who = {
    admin: 'admin@ealing.demo.test',
    officer: 'officer@ealing.demo.test',
    reviewer: 'reviewer@ealing.demo.test',
    head: 'head.920002@demo.test',
    otherHead: 'head.920001@demo.test',
    secondaryHead: 'head.920005@demo.test',
    redbridgeAdmin: 'admin@redbridge.demo.test',
    operator: 'operator@platform.demo.test',
  };
  sessions = {};
  for (const [name, email] of Object.entries(who)) sessions[name] = await t.signIn(email);
  [{ id: sdrId }] = await t.owner.query(`SELECT r.id FROM sdr_reviews r JOIN schools s ON s.id = r.school_id WHERE s.urn = '920002'`);
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe('confidential school development reviews', () => {
  it('lets the reviewer write the report and tells the head only that it is ready', async () => {
    const list = await json(await sessions.reviewer!.get('/api/v1/me/confidential-reviews'));
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([sdrId]);
    const written = await sessions.reviewer!.send('PUT', `/api/v1/me/confidential-reviews/${sdrId}/report`, { content: `${NEEDLE}. Leadership needs support.`, ready: true });
    expect(written.status).toBe(200);
    const read = await json(await sessions.reviewer!.get(`/api/v1/me/confidential-reviews/${sdrId}`));
    expect(read.body).toMatchObject({ readingAs: 'reviewer', content: expect.stringContaining(NEEDLE) });
    expect((await json(await sessions.head!.get(`/api/v1/me/confidential-reviews/${sdrId}`))).body).toMatchObject({ readingAs: 'head', content: expect.stringContaining(NEEDLE) });
    // The head's own copy was marked ready by the seed already, so the first "ready" mail comes from a new review below; nothing sent carries the content.
    expect((await sessions.head!.send('PUT', `/api/v1/me/confidential-reviews/${sdrId}/report`, { content: 'overwritten by the head' })).status).toBe(403);
  });

  it('answers 404 on the content to every other role in the partnership, the admin included', async () => {
    for (const name of ['admin', 'officer', 'otherHead', 'secondaryHead', 'redbridgeAdmin', 'operator']) {
      const res = await sessions[name]!.get(`/api/v1/me/confidential-reviews/${sdrId}`);
      expect(res.status, name).toBe(404);
      expect(await res.text()).not.toContain('needle');
    }
    const meta = await json(await sessions.admin!.get(`${base}/school-reviews/${sdrId}`));
    expect(meta.status).toBe(200);
    expect(meta.body).not.toHaveProperty('content');
    expect((await sessions.head!.get(`${base}/school-reviews/${sdrId}`)).status).toBe(403);
  });

  it('never returns the content from any route, export or the audit log to anyone else', async () => {
    const doc = await (await fetch(`${t.url}/api/openapi.json`)).json();
    const getPaths = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .filter(([, ops]) => 'get' in ops)
      .map(([path]) => path);
    expect(getPaths).toContain('/api/v1/tenants/{slug}/audit-log');
    for (const name of ['admin', 'officer', 'otherHead', 'secondaryHead', 'operator']) {
      const session = sessions[name]!;
      for (const path of getPaths) {
        const urn = name === 'otherHead' ? '920001' : name === 'secondaryHead' ? '920005' : '920002';
        const concrete = path.replace('{slug}', 'ealing').replace('{urn}', urn).replace(/\{\w+\}/g, sdrId);
        const res = await session.get(concrete);
        const text = await res.text();
        expect(text, `${name} GET ${concrete}`).not.toContain('needle 5f3a');
        expect(text, `${name} GET ${concrete}`).not.toContain('deputy headteacher left');
      }
    }
    // The audit view, every page of it: the report's change is there, its content is not.
    let auditText = '';
    for (let page = 1; page < 100; page++) {
      const audit = await json(await sessions.admin!.get(`${base}/audit-log?pageSize=200&page=${page}`));
      expect(audit.status).toBe(200);
      auditText += JSON.stringify(audit.body.items);
      if (audit.body.items.length < 200) break;
    }
    expect(auditText).toContain('sdr_reports');
    expect(auditText).toContain('(redacted)');
    expect(auditText).not.toContain('needle 5f3a');
    const [{ n }] = await t.owner.query(`SELECT count(*)::int AS n FROM audit_log WHERE detail::text LIKE '%needle 5f3a%'`);
    expect(n).toBe(0);
    for (const mail of t.smtp.messages) expect(mail.raw).not.toContain('needle 5f3a');
  }, 300_000);

  it('follows the head’s shares and revocations, and logs every read for the head', async () => {
    const shared = await json(await sessions.head!.send('POST', `/api/v1/school-portal/920002/confidential-reviews/${sdrId}/shares`, { email: 'head.920001@demo.test' }));
    expect(shared.status).toBe(200);
    const share = shared.body.items.find((s: { userName: string | null }) => s.userName?.includes('Acton Vale'));
    expect((await json(await sessions.otherHead!.get(`/api/v1/me/confidential-reviews/${sdrId}`))).body).toMatchObject({ readingAs: 'share', content: expect.stringContaining(NEEDLE), shares: [] });
    await t.smtp.waitFor((m) => m.to.includes('head.920001@demo.test') && m.raw.includes('shared'));
    expect((await sessions.otherHead!.send('POST', `/api/v1/school-portal/920002/confidential-reviews/${sdrId}/shares`, { email: 'x@example.test' })).status).toBe(404);
    expect((await sessions.head!.send('POST', `/api/v1/school-portal/920002/confidential-review-shares/${share.id}/revoke`)).status).toBe(200);
    expect((await sessions.otherHead!.get(`/api/v1/me/confidential-reviews/${sdrId}`)).status).toBe(404);

    // A body: the officer holds a seat on a cluster the head shares with, until revoked.
    const [{ id: tenantId }] = await t.owner.query(`SELECT id FROM tenants WHERE slug = 'ealing'`);
    const [{ id: officerId }] = await t.owner.query(`SELECT id FROM users WHERE email = 'officer@ealing.demo.test'`);
    const [{ id: bodyId }] = await t.owner.query(`INSERT INTO bodies (tenant_id, name, kind) VALUES ($1, 'Review test cluster', 'cluster') RETURNING id`, [tenantId]);
    const [{ id: ruleId }] = await t.owner.query(`INSERT INTO seat_rules (tenant_id, body_id, rule, voting, label) VALUES ($1, $2, '{}', 'voting', 'Chair') RETURNING id`, [tenantId, bodyId]);
    await t.owner.query(`INSERT INTO seat_holdings (tenant_id, body_id, seat_rule_id, seat_key, user_id, starts_on) VALUES ($1, $2, $3, 'chair', $4, '2026-09-01')`, [tenantId, bodyId, ruleId, officerId]);
    expect((await sessions.officer!.get(`/api/v1/me/confidential-reviews/${sdrId}`)).status).toBe(404);
    const toBody = await json(await sessions.head!.send('POST', `/api/v1/school-portal/920002/confidential-reviews/${sdrId}/shares`, { bodyId }));
    expect(toBody.status).toBe(200);
    expect((await json(await sessions.officer!.get(`/api/v1/me/confidential-reviews/${sdrId}`))).body).toMatchObject({ readingAs: 'share', content: expect.stringContaining(NEEDLE) });
    const bodyShare = toBody.body.items.find((s: { bodyName: string | null }) => s.bodyName === 'Review test cluster');
    expect((await sessions.head!.send('POST', `/api/v1/school-portal/920002/confidential-review-shares/${bodyShare.id}/revoke`)).status).toBe(200);
    expect((await sessions.officer!.get(`/api/v1/me/confidential-reviews/${sdrId}`)).status).toBe(404);

    const log = await json(await sessions.head!.get(`/api/v1/school-portal/920002/confidential-reviews/${sdrId}/reads`));
    expect(log.status).toBe(200);
    const [{ n }] = await t.owner.query(`SELECT count(*)::int AS n FROM sdr_reads WHERE sdr_review_id = $1`, [sdrId]);
    expect(log.body.items).toHaveLength(n);
    const kinds = log.body.items.map((r: { name: string; readerKind: string }) => `${r.readerKind}:${r.name}`);
    expect(kinds).toEqual(expect.arrayContaining(['reviewer:Rhiannon Reeve', 'head:Headteacher of Brentside Green Primary School', 'share:Headteacher of Acton Vale Primary School', 'share:Owen Officer']));
    expect((await sessions.otherHead!.get(`/api/v1/school-portal/920001/confidential-reviews/${sdrId}/reads`)).status).toBe(404);
    expect((await sessions.reviewer!.get(`/api/v1/school-portal/920002/confidential-reviews/${sdrId}/reads`)).status).toBe(404);
  });

  it('logs a read only when the report is sent: a HEAD request (which gets no body) leaves the head’s log as it was', async () => {
    const reads = async () => (await t.owner.query(`SELECT count(*)::int AS n FROM sdr_reads WHERE sdr_review_id = $1`, [sdrId]))[0].n as number;
    const before = await reads();
    const head = await sessions.head!.send('HEAD', `/api/v1/me/confidential-reviews/${sdrId}`);
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect(await reads()).toBe(before);
    expect((await sessions.head!.get(`/api/v1/me/confidential-reviews/${sdrId}`)).status).toBe(200);
    expect(await reads()).toBe(before + 1);
  });

  it('invites an external reviewer without an account, who then reaches the review, and mails the head without the content', async () => {
    const appointed = await json(await sessions.admin!.send('POST', `${base}/school-reviews`, { schoolUrn: '920003', academicYearStart: 2026, reviewerEmail: 'new.reviewer@example.test' }));
    expect(appointed.status).toBe(201);
    expect((await sessions.admin!.send('POST', `${base}/school-reviews`, { schoolUrn: '920003', academicYearStart: 2026, reviewerEmail: 'someone@example.test' })).status).toBe(409);
    const invitation = await t.smtp.waitFor((m) => m.to.includes('new.reviewer@example.test'));
    const accepted = await fetch(`${t.url}/api/v1/invitations/accept`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: tokenFrom(invitation.raw), name: 'Nia Newreviewer', password: 'a long demo passphrase 42' }) });
    expect(accepted.status).toBe(200);
    const reviewer = await t.signIn('new.reviewer@example.test', 'a long demo passphrase 42');
    const mine = await json(await reviewer.get('/api/v1/me/confidential-reviews'));
    expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual([appointed.body.id]);
    expect((await reviewer.send('PUT', `/api/v1/me/confidential-reviews/${appointed.body.id}/report`, { content: 'Second needle 77aa: finances are precarious.', ready: true })).status).toBe(200);
    const ready = await t.smtp.waitFor((m) => m.to.includes('head.920003@demo.test') && m.raw.includes('ready'));
    expect(ready.raw).not.toContain('needle 77aa');
    expect(ready.raw.replace(/=\r?\n/g, '')).toContain(`/me/confidential-reviews/${appointed.body.id}`);
    expect((await reviewer.get(`/api/v1/me/confidential-reviews/${sdrId}`)).status).toBe(404);
    const list = await json(await sessions.admin!.get(`${base}/school-reviews?year=2026`));
    expect(JSON.stringify(list.body)).not.toContain('needle');
    expect(list.body.missing.map((s: { urn: string }) => s.urn)).toEqual(expect.arrayContaining(['920001', '920004']));
    expect(list.body.missing.map((s: { urn: string }) => s.urn)).not.toContain('920002');
  });
});

describe('peer review', () => {
  it('plans a cycle over a group: every school reviewed each year by people from other schools, then confirmed', async () => {
    const created = await json(await sessions.officer!.send('POST', `${base}/review-programmes`, { name: 'Test programme', firstAcademicYearStart: 2027, cycleYears: 2, teamMembers: 1 }));
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await json(await sessions.officer!.send('POST', `${base}/review-programmes/${id}/groups`, { formedBy: 'hand', name: 'Four primaries', schoolUrns: ['920001', '920002', '920003', '920004'] }))).status).toBe(201);
    const plan = await json(await sessions.officer!.send('POST', `${base}/review-programmes/${id}/plan`));
    expect(plan.status).toBe(200);
    expect(plan.body.problems).toEqual([]);
    expect(plan.body.proposed).toBe(8);
    for (const year of [2027, 2028]) {
      const ofYear = plan.body.reviews.filter((r: { academicYearStart: number }) => r.academicYearStart === year);
      expect(ofYear.map((r: { school: { urn: string } }) => r.school.urn).sort()).toEqual(['920001', '920002', '920003', '920004']);
    }
    for (const review of plan.body.reviews) {
      expect(review.participants.filter((p: { role: string }) => p.role === 'lead')).toHaveLength(1);
      for (const p of review.participants) expect(p.schoolName).not.toBe(review.school.name);
      expect(new Date(`${review.visitOn}T12:00:00Z`).getUTCDay()).not.toBe(0);
      expect(new Date(`${review.visitOn}T12:00:00Z`).getUTCDay()).not.toBe(6);
    }
    // Planning again replaces the proposal rather than adding to it.
    expect((await json(await sessions.officer!.send('POST', `${base}/review-programmes/${id}/plan`))).body.proposed).toBe(8);
    expect((await json(await sessions.officer!.send('POST', `${base}/review-programmes/${id}/confirm`))).body).toEqual({ confirmed: 8 });
    expect((await json(await sessions.officer!.get(`${base}/review-programmes/${id}`))).body).toMatchObject({ proposed: 0, confirmed: 8 });
    expect((await sessions.otherHead!.send('POST', `${base}/review-programmes/${id}/plan`)).status).toBe(403);
  });

  it('refuses a reviewer for their own school unless the coordinator gives a reason', async () => {
    const list = await json(await sessions.admin!.get(`${base}/reviews?year=2026`));
    const review = list.body.items.find((r: { school: { urn: string }; status: string }) => r.school.urn === '920004' && r.status === 'planned');
    const [{ id: headId }] = await t.owner.query(`SELECT id FROM users WHERE email = 'head.920004@demo.test'`);
    const refused = await json(await sessions.admin!.send('POST', `${base}/reviews/${review.id}/participants`, { userId: headId, role: 'member' }));
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ field: 'overrideReason', message: expect.stringContaining('may not review their own school') }]);
    const blank = await json(await sessions.admin!.send('POST', `${base}/reviews/${review.id}/participants`, { userId: headId, role: 'member', overrideReason: '   ' }));
    expect(blank.status).toBe(400);
    const overridden = await json(await sessions.admin!.send('POST', `${base}/reviews/${review.id}/participants`, { userId: headId, role: 'member', overrideReason: 'Observing only, agreed by the cluster' }));
    expect(overridden.status).toBe(200);
    expect(overridden.body.participants.find((p: { userId: string }) => p.userId === headId)).toMatchObject({ role: 'member', conflictOverrideReason: 'Observing only, agreed by the cluster' });
    const weekend = await json(await sessions.admin!.send('PUT', `${base}/reviews/${review.id}`, { visitOn: '2027-01-09' }));
    expect(weekend.status).toBe(400);
    expect(weekend.body.errors[0].field).toBe('visitOn');
    expect((await json(await sessions.admin!.send('PUT', `${base}/reviews/${review.id}`, { visitOn: '2027-01-13' }))).body.visitOnText).toBe('13 January 2027');
  });

  it('takes a report from draft to the head’s response to final, with quality assurance', async () => {
    const list = await json(await sessions.admin!.get(`${base}/reviews?year=2026`));
    const review = list.body.items.find((r: { status: string }) => r.status === 'draft');
    const lead = review.participants.find((p: { role: string }) => p.role === 'lead');
    const qa = review.participants.find((p: { role: string }) => p.role === 'qa');
    expect(qa).toBeDefined();
    const leadSession = await t.signIn(await emailOf(lead.userId));
    const qaSession = await t.signIn(await emailOf(qa.userId));
    const headSession = await t.signIn(`head.${review.school.urn}@demo.test`);
    const path = `${base}/reviews/${review.id}/report`;

    const early = await json(await leadSession.send('POST', path, { step: 'finalise', body: 'Final too soon' }));
    expect(early.status).toBe(409);
    expect(early.body.detail).toContain("head's response comes before the final report");
    expect((await headSession.send('POST', path, { step: 'submit_draft', body: 'x' })).status).toBe(404);
    const responded = await json(await headSession.send('POST', `/api/v1/school-portal/${review.school.urn}/reviews/${review.id}/response`, { body: 'We agree and will act on reasoning.' }));
    expect(responded.status).toBe(200);
    expect(responded.body.status).toBe('head_response');
    const pending = await json(await leadSession.send('POST', path, { step: 'finalise', body: 'Final report.' }));
    expect(pending.status).toBe(409);
    expect(pending.body.detail).toContain('Quality assurance has not yet approved');
    expect((await leadSession.send('POST', path, { step: 'quality_assure', body: 'I approve my own', approved: true })).status).toBe(409);
    expect((await json(await qaSession.send('POST', path, { step: 'quality_assure', body: 'Judgements follow from the evidence.', approved: true }))).body.qaApproved).toBe(true);
    const final = await json(await leadSession.send('POST', path, { step: 'finalise', body: 'Final report: reasoning tasks weekly in Years 5 and 6.' }));
    expect(final.status).toBe(200);
    expect(final.body.status).toBe('final');
    expect(final.body.report.map((v: { kind: string }) => v.kind)).toEqual(['draft', 'head_response', 'qa', 'final']);
    expect((await headSession.send('POST', `/api/v1/school-portal/${review.school.urn}/reviews/${review.id}/response`, { body: 'Again' })).status).toBe(409);
    const action = await json(await leadSession.send('POST', `${base}/reviews/${review.id}/actions`, { text: 'Weekly reasoning tasks in Years 5 and 6', owner: 'Maths lead', dueOn: '2027-03-31' }));
    expect(action.body.actions).toHaveLength(1);

    // The school's next review starts from the actions left open.
    const next = (await json(await sessions.admin!.get(`${base}/reviews?year=2027`))).body.items.find((r: { school: { urn: string }; programmeId: string }) => r.school.urn === review.school.urn && r.programmeId === review.programmeId);
    expect((await json(await sessions.admin!.send('POST', `${base}/reviews/${next.id}/carry-forward`))).body).toEqual({ carried: 1 });
    const carried = await json(await sessions.admin!.get(`${base}/reviews/${next.id}`));
    expect(carried.body.actions[0]).toMatchObject({ text: 'Weekly reasoning tasks in Years 5 and 6', status: 'open' });

    const reviewers = await json(await sessions.admin!.get(`${base}/reviewers`));
    const led = reviewers.body.items.find((r: { userId: string }) => r.userId === lead.userId);
    expect(led.reviewsLed).toBeGreaterThanOrEqual(1);
  });

  it('shows a review only to its team and the coordinator', async () => {
    const list = await json(await sessions.admin!.get(`${base}/reviews?year=2026`));
    const review = list.body.items.find((r: { participants: { userId: string }[] }) => r.participants.length > 0);
    const insiders = new Set(review.participants.map((p: { userId: string }) => p.userId));
    const [{ id: secondaryHeadId }] = await t.owner.query(`SELECT id FROM users WHERE email = 'head.920005@demo.test'`);
    expect(insiders.has(secondaryHeadId)).toBe(false);
    await t.owner.query(`INSERT INTO tenant_roles (tenant_id, user_id, role) SELECT id, $1, 'reviewer' FROM tenants WHERE slug = 'ealing' ON CONFLICT DO NOTHING`, [secondaryHeadId]);
    const outsider = await t.signIn('head.920005@demo.test');
    expect((await outsider.get(`${base}/reviews/${review.id}`)).status).toBe(404);
    expect((await json(await outsider.get(`${base}/reviews`))).body.items).toEqual([]);
  });
});
