import { seedDemoGovernance, seedGeneralMeetings } from '@partnerships/db';
import { verifyTally } from '@partnerships/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startTestApp, type TestApp } from './support/test-app';

/**
 * General meetings: one school, one vote. Redbridge's full members (910001–910004) vote;
 * its associate members (910005, 910006) belong to a category without votes.
 */
let t: TestApp;
let admin: Session;
const heads: Record<string, Session> = {};
let tenantId: string;
let meetingId: string;
let agmId: string;
let councilId: string;
let electedRuleId: string;

const base = '/api/v1/tenants/redbridge';
const json = async (res: Response) => ({ status: res.status, body: await res.json() });
const portal = (urn: string) => `/api/v1/school-portal/${urn}`;

beforeAll(async () => {
  t = await startTestApp('general_meetings');
  admin = await t.signIn('admin@redbridge.demo.test');
  for (const urn of ['910001', '910002', '910003', '910004', '910005']) heads[urn] = await t.signIn(`head.${urn}@demo.test`);
  [{ id: tenantId }] = await t.owner.query(`SELECT id FROM tenants WHERE slug = 'redbridge'`);
  // A general meeting of members and an advisory council with elected seats (the governance module's tables).
  const [agm] = await t.owner.query(
    `INSERT INTO bodies (tenant_id, name, kind, quorum_rule) VALUES ($1, 'Members’ general meeting', 'general_meeting', '{"type":"count","n":2,"proxiesCountForPresence":true}') RETURNING id`,
    [tenantId],
  );
  agmId = agm.id;
  [{ id: meetingId }] = await t.owner.query(
    `INSERT INTO meetings (tenant_id, body_id, title, starts_at, ends_at) VALUES ($1, $2, 'Annual general meeting', now() + interval '7 days', now() + interval '7 days 2 hours') RETURNING id`,
    [tenantId, agm.id],
  );
  [{ id: councilId }] = await t.owner.query(`INSERT INTO bodies (tenant_id, name, kind) VALUES ($1, 'Advisory council', 'advisory_council') RETURNING id`, [tenantId]);
  [{ id: electedRuleId }] = await t.owner.query(
    `INSERT INTO seat_rules (tenant_id, body_id, rule, voting, label, term_months) VALUES ($1, $2, $3, 'voting', 'Elected headteacher', 24) RETURNING id`,
    [tenantId, councilId, JSON.stringify({ kind: 'elected', seats: 2, reservations: [{ label: 'Special school', count: 1, phases: ['special'] }] })],
  );
  await t.owner.query(`UPDATE seat_rules SET rule = rule || jsonb_build_object('id', id::text, 'label', label, 'voting', voting) WHERE id = $1`, [electedRuleId]);
  // The full demo for Tower Hamlets (Redbridge keeps its six schools and gets no bodies from it).
  const [{ password_hash: passwordHash }] = await t.owner.query(`SELECT password_hash FROM users WHERE email = 'admin@tower-hamlets.demo.test'`);
  await t.owner.transaction(async (em) => {
    await seedDemoGovernance(em, passwordHash);
    await seedGeneralMeetings(em);
  });
});
afterAll(async () => {
  await t?.close();
});

async function newMotion(fields: Record<string, unknown> = {}): Promise<string> {
  const created = await json(await admin.send('POST', `${base}/motions`, { meetingId, title: 'That the partnership adopts the plan', ...fields }));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const opened = await json(await admin.send('POST', `${base}/motions/${created.body.id}/open`));
  expect(opened.status, JSON.stringify(opened.body)).toBe(200);
  return created.body.id;
}

const vote = (urn: string, motionId: string, choice: string, schoolUrn?: string) =>
  heads[urn]!.send('POST', `${portal(urn)}/motions/${motionId}/ballots`, { choice, ...(schoolUrn ? { schoolUrn } : {}) });

describe('motions, one school one vote', () => {
  let motionId: string;

  it('opens a poll with the voting members as its electorate', async () => {
    motionId = await newMotion();
    const detail = await json(await admin.get(`${base}/motions/${motionId}`));
    expect(detail.body.status).toBe('open');
    expect(detail.body.electorateSchools.map((s: { urn: string }) => s.urn).sort()).toEqual(['910001', '910002', '910003', '910004']);
    expect(detail.body.electorateFrozenAt).not.toBeNull();
  });

  it('pages the electorate in the motion (200 schools by default, by name), with `electorate` counting them all', async () => {
    const all = (await json(await admin.get(`${base}/motions/${motionId}`))).body;
    expect(all).toMatchObject({ electoratePage: 1, electoratePageSize: 200, electorate: 4 });
    const second = (await json(await admin.get(`${base}/motions/${motionId}?page=2&pageSize=3`))).body;
    expect(second).toMatchObject({ electoratePage: 2, electoratePageSize: 3, electorate: 4 });
    expect(second.electorateSchools.map((s: { urn: string }) => s.urn)).toEqual(all.electorateSchools.slice(3).map((s: { urn: string }) => s.urn));
    expect((await json(await admin.get(`${base}/motions/${motionId}?pageSize=201`))).status).toBe(400);
  });

  it('takes the designated voter’s ballot once, and refuses a second with nothing changed', async () => {
    const first = await json(await vote('910001', motionId, 'for'));
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ school: { urn: '910001' }, choice: 'for', byProxy: false, receipt: null });
    const again = await json(await vote('910001', motionId, 'against'));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_voted');
    const [{ n, choice }] = await t.owner.query(`SELECT count(*)::int AS n, max(choice) AS choice FROM motion_ballots b JOIN schools s ON s.id = b.school_id WHERE motion_id = $1 AND s.urn = '910001'`, [motionId]);
    expect({ n, choice }).toEqual({ n: 1, choice: 'for' });
  });

  it('lets exactly one of two concurrent ballots from the same school in', async () => {
    const results = await Promise.all([vote('910002', motionId, 'for'), vote('910002', motionId, 'against')]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const [{ n }] = await t.owner.query(`SELECT count(*)::int AS n FROM motion_ballots b JOIN schools s ON s.id = b.school_id WHERE motion_id = $1 AND s.urn = '910002'`, [motionId]);
    expect(n).toBe(1);
  });

  it('refuses a vote for another school without its proxy', async () => {
    const res = await json(await vote('910001', motionId, 'for', '910003'));
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('not_designated_voter_or_proxy');
    expect(res.body.errors[0].field).toBe('schoolUrn');
  });

  it('refuses a school whose category carries no votes', async () => {
    const res = await json(await vote('910005', motionId, 'for'));
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('category_without_votes');
    expect(res.body.detail).toMatch(/does not carry votes/);
  });

  it('does not change the electorate after the poll opens: a school joining later cannot vote', async () => {
    const [school] = await t.owner.query(
      `INSERT INTO schools (urn, name, phase, type, local_authority, pupils) VALUES ('800101', 'Newbury Park Primary School', 'primary', 'Community school', 'Redbridge', 300) RETURNING id`,
    );
    await t.owner.query(`INSERT INTO memberships (tenant_id, school_id, category, status, joined_on) VALUES ($1, $2, 'full', 'active', '2026-11-01')`, [tenantId, school.id]);
    const [user] = await t.owner.query(
      `INSERT INTO users (email, name, password_hash, email_verified_at) SELECT 'head.800101@demo.test', 'Head of Newbury Park', password_hash, now() FROM users WHERE email = 'head.910001@demo.test' RETURNING id`,
    );
    await t.owner.query(`INSERT INTO school_roles (school_id, user_id, role) VALUES ($1, $2, 'headteacher')`, [school.id, user.id]);
    heads['800101'] = await t.signIn('head.800101@demo.test');
    const res = await json(await vote('800101', motionId, 'for'));
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('not_in_electorate');
    const detail = (await json(await admin.get(`${base}/motions/${motionId}`))).body;
    expect(detail.electorate).toBe(4);
    expect(detail.electorateChangedSince).toMatch(/Newbury Park Primary School has become a voting member/);
    // Past ten schools the notice names the first ten by name and counts the rest.
    await t.owner.query(
      `INSERT INTO schools (urn, name, phase, type, local_authority, pupils, postcode) SELECT (990000 + i)::text, 'Joiner School ' || lpad(i::text, 2, '0'), 'primary', 'Community school', 'Redbridge', 100, 'IG1 1AA' FROM generate_series(1, 12) i`,
    );
    await t.owner.query(`INSERT INTO memberships (tenant_id, school_id, category, status, joined_on) SELECT t.id, s.id, 'full', 'active', '2025-09-01' FROM tenants t, schools s WHERE t.slug = 'redbridge' AND s.name LIKE 'Joiner School %'`);
    const many = (await json(await admin.get(`${base}/motions/${motionId}`))).body;
    expect(many.electorateChangedSince).toMatch(/^Since this poll opened, Joiner School 01, Joiner School 02, (Joiner School 0\d, ){7}Joiner School 10 and 3 other schools have become a voting member\./);
    await t.owner.query(`DELETE FROM memberships WHERE school_id IN (SELECT id FROM schools WHERE name LIKE 'Joiner School %')`);
    await t.owner.query(`DELETE FROM schools WHERE name LIKE 'Joiner School %'`);
    // The database refuses a late addition too.
    await expect(
      t.owner.query(`INSERT INTO motion_electorate (tenant_id, motion_id, school_id, category) VALUES ($1, $2, $3, 'full')`, [tenantId, motionId, school.id]),
    ).rejects.toThrow(/frozen/);
    // A new poll does include it.
    const later = await newMotion({ title: 'A later motion' });
    expect((await json(await admin.get(`${base}/motions/${later}`))).body.electorate).toBe(5);
    await admin.send('POST', `${base}/motions/${later}/close`, {});
  });

  it('decides nothing when the meeting is not quorate (one school of the two the rule needs)', async () => {
    const lonely = await newMotion({ title: 'A motion with one vote' });
    expect((await vote('910003', lonely, 'for')).status).toBe(201);
    const closed = await json(await admin.send('POST', `${base}/motions/${lonely}/close`, {}));
    expect(closed.status).toBe(200);
    expect(closed.body.result).toMatchObject({ outcome: 'not_quorate', for: 1, against: 0, quorum: { met: false } });
    expect(closed.body.result.explanation).toMatch(/^Not decided: the meeting was not quorate/);
  });

  it('shows the head her school’s open motions, and refuses ballots once closed', async () => {
    const list = await json(await heads['910003']!.get(`${portal('910003')}/votes`));
    expect(list.status).toBe(200);
    const redbridge = list.body.items.find((p: { partnership: { slug: string } }) => p.partnership.slug === 'redbridge');
    expect(redbridge).toMatchObject({ votes: true, youAreVoter: true });
    const motion = redbridge.motions.find((m: { id: string }) => m.id === motionId);
    expect(motion.youMayVoteFor).toEqual([{ school: { urn: '910003', name: expect.any(String) }, asProxy: false, voted: false }]);
    expect((await vote('910003', motionId, 'abstain')).status).toBe(201);
    const closed = await json(await admin.send('POST', `${base}/motions/${motionId}/close`, {}));
    expect(closed.status).toBe(200);
    expect(closed.body.result).toMatchObject({ outcome: 'carried', for: 2, against: 0, abstain: 1, notVoted: 1, electorate: 4 });
    expect(closed.body.result.votes).toHaveLength(4);
    const late = await json(await vote('910004', motionId, 'for'));
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('poll_closed');
  });

  it('names each field that needs correcting', async () => {
    const res = await json(await admin.send('POST', `${base}/motions`, { meetingId: 'nope', title: '', ballot: 'show-of-hands' }));
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['ballot', 'meetingId', 'title']);
    const badVote = await json(await heads['910001']!.send('POST', `${portal('910001')}/motions/${motionId}/ballots`, { choice: 'maybe' }));
    expect(badVote.status).toBe(400);
    expect(badVote.body.errors[0].field).toBe('choice');
  });

  it('refuses ballots before the poll opens', async () => {
    const created = await json(await admin.send('POST', `${base}/motions`, { meetingId, title: 'A draft motion' }));
    const res = await json(await vote('910001', created.body.id, 'for'));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('poll_not_open');
  });
});

describe('tallies', () => {
  it('counts abstentions apart and lets a tied motion fall under that rule', async () => {
    const id = await newMotion({ title: 'Tied, falls', tieRule: 'motion_falls' });
    for (const [urn, choice] of [['910001', 'for'], ['910002', 'against'], ['910003', 'abstain']] as const) expect((await vote(urn, id, choice)).status).toBe(201);
    const result = (await json(await admin.send('POST', `${base}/motions/${id}/close`, {}))).body.result;
    expect(result).toMatchObject({ outcome: 'fallen', for: 1, against: 1, abstain: 1, notVoted: 2, tie: true, tieSettledBy: 'motion_falls' });
    expect(result.explanation).toMatch(/tied, so the motion falls/);
  });

  it('settles a tie by the chair’s casting vote when the motion says so', async () => {
    const id = await newMotion({ title: 'Tied, casting vote', tieRule: 'chair_casting_vote' });
    for (const [urn, choice] of [['910001', 'for'], ['910002', 'against']] as const) expect((await vote(urn, id, choice)).status).toBe(201);
    const result = (await json(await admin.send('POST', `${base}/motions/${id}/close`, { chairCastingVote: 'for' }))).body.result;
    expect(result).toMatchObject({ outcome: 'carried', for: 1, against: 1, tie: true, tieSettledBy: 'chair_casting_vote' });
  });

  it('needs two thirds of the votes cast for a special resolution', async () => {
    const id = await newMotion({ title: 'Two thirds', majority: 'two_thirds' });
    for (const [urn, choice] of [['910001', 'for'], ['910002', 'for'], ['910003', 'against'], ['910004', 'abstain']] as const) expect((await vote(urn, id, choice)).status).toBe(201);
    expect((await json(await admin.send('POST', `${base}/motions/${id}/close`, {}))).body.result).toMatchObject({ outcome: 'carried', for: 2, against: 1, abstain: 1 });
  });
});

describe('secret ballots', () => {
  it('counts without revealing who chose what, and each voter finds their receipt', async () => {
    const id = await newMotion({ title: 'Secret', ballot: 'secret' });
    const receipts: { ballotId: string; choice: 'for' | 'against' | 'abstain' }[] = [];
    for (const [urn, choice] of [['910001', 'for'], ['910002', 'against'], ['910003', 'for']] as const) {
      const cast = await json(await vote(urn, id, choice));
      expect(cast.status).toBe(201);
      expect(cast.body.choice).toBeNull();
      expect(cast.body.receipt).toMatch(/^[0-9a-f]{64}$/);
      receipts.push({ ballotId: cast.body.ballotId, choice });
    }
    // No choice shares a transaction with the ballot that names the school.
    const [{ linked }] = await t.owner.query(
      `SELECT count(*)::int AS linked FROM motion_secret_choices c JOIN motion_ballots b ON b.xmin::text = c.xmin::text WHERE c.motion_id = $1`,
      [id],
    );
    expect(linked).toBe(0);
    const stored = await t.owner.query(`SELECT choice FROM motion_ballots WHERE motion_id = $1`, [id]);
    expect(stored.every((b: { choice: string | null }) => b.choice === null)).toBe(true);
    const audited = await t.owner.query(`SELECT entity_table, detail FROM audit_log WHERE entity_table IN ('motion_ballots', 'motion_secret_choices') AND detail->>'motion_id' = $1`, [id]);
    expect(audited.every((a: { entity_table: string; detail: { choice: unknown } }) => a.entity_table === 'motion_ballots' && a.detail.choice === null)).toBe(true);
    const open = await json(await admin.get(`${base}/motions/${id}`));
    expect(JSON.stringify(open.body)).not.toMatch(/"choice"/);
    const result = (await json(await admin.send('POST', `${base}/motions/${id}/close`, {}))).body.result;
    expect(result).toMatchObject({ outcome: 'carried', for: 2, against: 1, votes: null });
    expect(result.schoolsVoted).toHaveLength(3);
    for (const own of receipts) expect(verifyTally(result, { ...own, salt: result.receiptSalt })).toBe(true);
  });
});

describe('proxies', () => {
  it('lets a proxy vote for the school that appointed it, and not once revoked', async () => {
    const appointed = await json(await heads['910004']!.send('POST', `${portal('910004')}/meetings/${meetingId}/proxy`, { holder: 'school', holderSchoolUrn: '910003' }));
    expect(appointed.status, JSON.stringify(appointed.body)).toBe(201);
    expect(appointed.body).toMatchObject({ fromSchool: { urn: '910004' }, holder: { kind: 'school', schoolUrn: '910003' }, revokedAt: null });
    const revokedOne = await json(await heads['910002']!.send('POST', `${portal('910002')}/meetings/${meetingId}/proxy`, { holder: 'school', holderSchoolUrn: '910001' }));
    expect(revokedOne.status).toBe(201);
    expect((await heads['910002']!.send('POST', `${portal('910002')}/meetings/${meetingId}/proxy/revoke`)).status).toBe(200);

    const id = await newMotion({ title: 'By proxy' });
    const listing = (await json(await heads['910003']!.get(`${portal('910003')}/votes`))).body.items[0];
    expect(listing.motions.find((m: { id: string }) => m.id === id).youMayVoteFor.map((v: { school: { urn: string }; asProxy: boolean }) => [v.school.urn, v.asProxy])).toEqual([
      ['910003', false],
      ['910004', true],
    ]);
    const byProxy = await json(await vote('910003', id, 'against', '910004'));
    expect(byProxy.status, JSON.stringify(byProxy.body)).toBe(201);
    expect(byProxy.body).toMatchObject({ school: { urn: '910004' }, byProxy: true });
    const revoked = await json(await vote('910001', id, 'for', '910002'));
    expect(revoked.status).toBe(403);
    expect(revoked.body.code).toBe('not_designated_voter_or_proxy');
    const result = (await json(await admin.send('POST', `${base}/motions/${id}/close`, {}))).body.result;
    expect(result).toMatchObject({ against: 1, byProxy: 1 });
    expect(result.votes.find((v: { schoolUrn: string }) => v.schoolUrn === '910004')).toMatchObject({ choice: 'against', byProxy: true });
    const proxies = (await json(await admin.get(`${base}/proxies?meetingId=${meetingId}`))).body.items;
    expect(proxies).toHaveLength(2);
  });

  it('keeps one active proxy per school and meeting when two are appointed at once', async () => {
    const appoint = () => heads['910002']!.send('POST', `${portal('910002')}/meetings/${meetingId}/proxy`, { holder: 'school', holderSchoolUrn: '910001' });
    const statuses = (await Promise.all([appoint(), appoint()])).map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const [{ n }] = await t.owner.query(`SELECT count(*)::int AS n FROM proxies p JOIN schools s ON s.id = p.from_school_id WHERE s.urn = '910002' AND p.meeting_id = $1 AND p.revoked_at IS NULL`, [meetingId]);
    expect(n).toBe(1);
    expect((await heads['910002']!.send('POST', `${portal('910002')}/meetings/${meetingId}/proxy/revoke`)).status).toBe(200);
  });

  it('lets only the headteacher appoint, and not a school without votes', async () => {
    const associate = await json(await heads['910005']!.send('POST', `${portal('910005')}/meetings/${meetingId}/proxy`, { holder: 'chair' }));
    expect(associate.status).toBe(403);
    expect(associate.body.code).toBe('category_without_votes');
    const self = await json(await heads['910001']!.send('POST', `${portal('910001')}/meetings/${meetingId}/proxy`, { holder: 'school', holderSchoolUrn: '910001' }));
    expect(self.status).toBe(400);
    expect(self.body.errors[0].field).toBe('holderSchoolUrn');
  });
});

describe('the chair as proxy', () => {
  it('lets the chair vote for a school that appointed the chair, counted for presence as the rule says', async () => {
    const [{ id: adminId }] = await t.owner.query(`SELECT id FROM users WHERE email = 'admin@redbridge.demo.test'`);
    await t.owner.query(`INSERT INTO body_offices (tenant_id, body_id, office, user_id, from_on, filled_by) VALUES ($1, $2, 'chair', $3, '2026-09-01', 'appointment')`, [
      tenantId,
      agmId,
      adminId,
    ]);
    expect((await heads['910001']!.send('POST', `${portal('910001')}/meetings/${meetingId}/proxy`, { holder: 'chair' })).status).toBe(201);
    const id = await newMotion({ title: 'Chair holds a proxy' });
    // The chair has a tenant role, so votes through the partnership's own route.
    const cast = await json(await admin.send('POST', `${base}/motions/${id}/ballots`, { choice: 'for', schoolUrn: '910001' }));
    expect(cast.status, JSON.stringify(cast.body)).toBe(201);
    expect(cast.body).toMatchObject({ school: { urn: '910001' }, byProxy: true });
    // The chair holds no proxy for 910002.
    const other = await json(await admin.send('POST', `${base}/motions/${id}/ballots`, { choice: 'for', schoolUrn: '910002' }));
    expect(other.status).toBe(403);
    expect((await vote('910002', id, 'for')).status).toBe(201);
    const result = (await json(await admin.send('POST', `${base}/motions/${id}/close`, {}))).body.result;
    expect(result).toMatchObject({ for: 2, byProxy: 1 });
    // Quorum of 2, proxies counting for presence: 910002 in person and 910001 by the chair's proxy.
    expect(result.quorum).toMatchObject({ met: true });
    expect((await heads['910001']!.send('POST', `${portal('910001')}/meetings/${meetingId}/proxy/revoke`)).status).toBe(200);
  });
});

describe('voters', () => {
  it('lets the headteacher name another voter, who then votes for the school', async () => {
    const [bm] = await t.owner.query(
      `INSERT INTO users (email, name, password_hash, email_verified_at) SELECT 'bm.910001@demo.test', 'Business Manager 910001', password_hash, now() FROM users WHERE email = 'head.910001@demo.test' RETURNING id`,
    );
    await t.owner.query(`INSERT INTO school_roles (school_id, user_id, role) SELECT id, $1, 'business-manager' FROM schools WHERE urn = '910001'`, [bm.id]);
    const named = await json(await heads['910001']!.send('PUT', `${portal('910001')}/voters/redbridge`, { userId: bm.id }));
    expect(named.status, JSON.stringify(named.body)).toBe(200);
    expect(named.body).toMatchObject({ named: true, voter: { userId: bm.id } });
    const manager = await t.signIn('bm.910001@demo.test');
    expect((await manager.send('PUT', `${portal('910001')}/voters/redbridge`, { userId: null })).status).toBe(403);
    const id = await newMotion({ title: 'Named voter' });
    expect((await vote('910001', id, 'for')).status).toBe(403);
    expect((await manager.send('POST', `${portal('910001')}/motions/${id}/ballots`, { choice: 'for' })).status).toBe(201);
    const voters = (await json(await admin.get(`${base}/school-voters`))).body.items;
    expect(voters.find((v: { school: { urn: string } }) => v.school.urn === '910001')).toMatchObject({ named: true, votes: true });
    expect(voters.find((v: { school: { urn: string } }) => v.school.urn === '910005')).toMatchObject({ votes: false });
    expect((await heads['910001']!.send('PUT', `${portal('910001')}/voters/redbridge`, { userId: null })).status).toBe(200);
    await admin.send('POST', `${base}/motions/${id}/close`, {});
  });

  it('pages the school voters (1,000 by default, by name) and finds one by school, URN or voter', async () => {
    const all = (await json(await admin.get(`${base}/school-voters`))).body;
    expect(all).toMatchObject({ page: 1, pageSize: 1000 });
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThanOrEqual(3);
    const names = all.items.map((v: { school: { name: string } }) => v.school.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    const second = (await json(await admin.get(`${base}/school-voters?pageSize=2&page=2`))).body;
    expect(second).toMatchObject({ page: 2, pageSize: 2, total: all.total });
    expect(second.items.map((v: { school: { urn: string } }) => v.school.urn)).toEqual(all.items.slice(2, 4).map((v: { school: { urn: string } }) => v.school.urn));
    const byUrn = (await json(await admin.get(`${base}/school-voters?q=910001`))).body;
    expect(byUrn.items.map((v: { school: { urn: string } }) => v.school.urn)).toEqual(['910001']);
    expect(byUrn.total).toBe(1);
    const voterName = all.items.find((v: { voter: { name: string } | null }) => v.voter)!.voter.name as string;
    expect((await json(await admin.get(`${base}/school-voters?q=${encodeURIComponent(voterName)}`))).body.items.length).toBeGreaterThanOrEqual(1);
    expect((await json(await admin.get(`${base}/school-voters?q=100%25`))).body.total).toBe(0);
    expect((await json(await admin.get(`${base}/school-voters?pageSize=1001`))).status).toBe(400);
  });
});

describe('elections', () => {
  it('nominates with eligibility checks, fills the reserved seat first and seats the winners', async () => {
    const created = await json(await admin.send('POST', `${base}/elections`, { bodyId: councilId, seatRuleId: electedRuleId, meetingId, title: 'Advisory council 2026' }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id;
    const detail = (await json(await admin.get(`${base}/elections/${id}`))).body;
    expect(detail).toMatchObject({ seats: 2, maxChoices: 2, reservations: [{ label: 'Special school', count: 1, phases: ['special'] }], tieRule: 'lot', termMonths: 24 });
    expect(detail.tieRuleText).toMatch(/by lot/);

    const nominations: Record<string, string> = {};
    for (const urn of ['910001', '910002', '910004']) {
      const res = await json(await heads[urn]!.send('POST', `${portal(urn)}/elections/${id}/nominations`, { statement: `I stand for ${urn}` }));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      nominations[urn] = res.body.id;
    }
    const twice = await json(await heads['910001']!.send('POST', `${portal('910001')}/elections/${id}/nominations`, {}));
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('already_nominated');

    expect((await admin.send('POST', `${base}/elections/${id}/open-voting`)).status).toBe(200);
    const late = await json(await heads['910003']!.send('POST', `${portal('910003')}/elections/${id}/nominations`, {}));
    expect(late.status).toBe(409);

    const [a, b, special] = [nominations['910001']!, nominations['910002']!, nominations['910004']!];
    const ballot = (urn: string, nominationIds: string[], schoolUrn?: string) =>
      heads[urn]!.send('POST', `${portal(urn)}/elections/${id}/ballots`, { nominationIds, ...(schoolUrn ? { schoolUrn } : {}) });
    for (const urn of ['910001', '910002']) expect((await ballot(urn, [a, b])).status).toBe(201);
    // 910004's proxy (910003's voter, appointed above) votes for it, and 910003 votes for itself.
    expect((await ballot('910003', [a, b])).status).toBe(201);
    const proxyBallot = await json(await ballot('910003', [special], '910004'));
    expect(proxyBallot.status, JSON.stringify(proxyBallot.body)).toBe(201);
    expect(proxyBallot.body.byProxy).toBe(true);
    expect((await ballot('910001', [a])).status).toBe(409);
    const tooMany = await json(await ballot('910005', [a, b, special]));
    expect(tooMany.status).toBe(403);

    const closed = await json(await admin.send('POST', `${base}/elections/${id}/close`));
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const result = closed.body.result;
    // Without the reservation the two 3-vote candidates would win; the special school seat goes to 910004's head.
    expect(result.elected.map((e: { nominationId: string }) => e.nominationId)).toContain(special);
    expect(result.elected).toHaveLength(2);
    expect(result.elected.find((e: { nominationId: string }) => e.nominationId === special)).toMatchObject({ reservation: 'Special school', votes: 1 });
    expect(result.tiesSettled).toHaveLength(1);
    expect(result.tiesSettled[0]).toMatch(/drawing lots/);
    expect(result.ballots).toBe(4);
    expect(result.receipts).toHaveLength(4);
    expect(result.elected[0].termEndsOn).not.toBeNull();
    const seated = await t.owner.query(`SELECT user_id FROM appointments WHERE seat_rule_id = $1 AND source = 'elected' AND ends_on IS NULL`, [electedRuleId]);
    expect(seated).toHaveLength(2);
    const holdings = await t.owner.query(`SELECT user_id FROM seat_holdings WHERE seat_rule_id = $1 AND ends_on IS NULL`, [electedRuleId]);
    expect(holdings).toHaveLength(2);
  });

  it('refuses a reservation larger than the seats', async () => {
    const res = await json(
      await admin.send('POST', `${base}/elections`, { bodyId: councilId, title: 'Too many reserved', seats: 1, reservations: [{ label: 'Primary', count: 2, phases: ['primary'] }] }),
    );
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('reservations');
    const bad = await json(await admin.send('POST', `${base}/elections`, { bodyId: councilId, title: 'Bad', seats: 2, reservations: [{ label: '', count: 0, phases: ['college'] }] }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(bad.body.errors)).toMatch(/reservations/);
  });
});

describe('the Tower Hamlets demo', () => {
  const th = '/api/v1/tenants/tower-hamlets';

  it('has an open AGM motion that 930001’s head votes on for her school and, as its proxy, for Limehouse Basin', async () => {
    const head = await t.signIn('head.930001@demo.test');
    const votes = (await json(await head.get(`${portal('930001')}/votes`))).body.items.find((p: { partnership: { slug: string } }) => p.partnership.slug === 'tower-hamlets');
    const motion = votes.motions.find((m: { title: string }) => m.title === 'Adopt the revised articles of association');
    expect(motion.status).toBe('open');
    expect(motion.youMayVoteFor.map((v: { school: { urn: string }; asProxy: boolean }) => [v.school.urn, v.asProxy])).toEqual([
      ['930001', false],
      ['930002', true],
    ]);
    expect((await head.send('POST', `${portal('930001')}/motions/${motion.id}/ballots`, { choice: 'for' })).status).toBe(201);
    const proxy = await json(await head.send('POST', `${portal('930001')}/motions/${motion.id}/ballots`, { choice: 'for', schoolUrn: '930002' }));
    expect(proxy.status, JSON.stringify(proxy.body)).toBe(201);
    expect(proxy.body.byProxy).toBe(true);
    const thAdmin = await t.signIn('admin@tower-hamlets.demo.test');
    const closed = (await json(await thAdmin.send('POST', `${th}/motions/${motion.id}/close`, {}))).body;
    expect(closed.result).toMatchObject({ outcome: 'carried', for: 2, byProxy: 1 });
    expect(closed.result.electorate).toBeGreaterThan(20);
  });

  it('elects the advisory council by phase, character and area', async () => {
    const thAdmin = await t.signIn('admin@tower-hamlets.demo.test');
    const election = (await json(await thAdmin.get(`${th}/elections`))).body.items.find((e: { title: string }) => e.title === 'Advisory council election');
    expect(election.status).toBe('nominations');
    expect(election.reservations.length).toBeGreaterThanOrEqual(3);
    const opened = await json(await thAdmin.send('POST', `${th}/elections/${election.id}/open-voting`));
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    const candidates: { nominationId: string }[] = opened.body.candidateList;
    // A few schools vote for the same handful of candidates; the reservations still seat the others they need.
    for (const school of opened.body.electorateSchools.slice(0, 6) as { urn: string }[]) {
      const head = await t.signIn(`head.${school.urn}@demo.test`);
      const res = await head.send('POST', `${portal(school.urn)}/elections/${election.id}/ballots`, { nominationIds: candidates.slice(0, 3).map((c) => c.nominationId) });
      expect(res.status, await res.clone().text()).toBe(201);
    }
    const closed = await json(await thAdmin.send('POST', `${th}/elections/${election.id}/close`));
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const labels = new Set(closed.body.result.elected.map((e: { reservation: string | null }) => e.reservation));
    for (const r of election.reservations as { label: string }[]) expect(labels, r.label).toContain(r.label);
    expect(closed.body.result.elected).toHaveLength(election.seats);
  });
});
