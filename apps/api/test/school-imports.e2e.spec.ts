import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giasFile, giasSchool, importGias, uploadGias } from './support/gias';
import { type Session, startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await startTestApp('school_imports');
  admin = await t.signIn('admin@redbridge.demo.test');
});
afterAll(async () => {
  await t?.close();
});

const register = async (urn: string) => (await (await admin.get(`/api/v1/schools?urn=${urn}`)).json()).items[0];
const auditRows = async () => Number((await t.owner.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_table = 'schools'`))[0].n);

describe('GIAS import', () => {
  it('imports a multipart upload with a byte-order mark, quoted commas, blank numbers and closed schools', async () => {
    const file = giasFile(
      [
        giasSchool({ urn: '700001', name: 'Oakfield Primary School, Sampleton' }),
        giasSchool({ urn: '700002', name: 'Riverside "Academy"', type: 'Academy converter', phase: 'Secondary', pupils: '', statutoryLowAge: 11, statutoryHighAge: 18 }),
        giasSchool({ urn: '700003', name: 'Hillcrest Special School', type: 'Community special school', phase: 'Not applicable', pupils: 90 }),
        giasSchool({ urn: '700004', name: 'Gone Primary School', status: 'Closed' }),
        giasSchool({ urn: '700005', name: 'Elm PRU', type: 'Pupil referral unit', phase: 'Not applicable', localAuthority: 'Othershire' }),
      ],
      { bom: true },
    );
    const result = await importGias(t, admin, 'redbridge', file);
    expect(result).toMatchObject({
      status: 'completed',
      encoding: 'utf-8',
      fileName: 'edubasealldata.csv',
      counts: { rows: 5, created: 4, updated: 0, unchanged: 0, skipped: 1 },
      problems: [],
      progress: { percent: 100 },
    });
    expect(await register('700001')).toMatchObject({ name: 'Oakfield Primary School, Sampleton', phase: 'primary', localAuthority: 'Sampleshire', pupils: 420, status: 'open' });
    expect(await register('700002')).toMatchObject({ name: 'Riverside "Academy"', phase: 'secondary', pupils: null });
    expect(await register('700003')).toMatchObject({ phase: 'special' });
    expect(await register('700005')).toMatchObject({ phase: 'alternative-provision' });
    expect(await register('700004')).toBeUndefined();
    // The uploaded bytes are not kept once read.
    expect((await t.owner.query(`SELECT count(*)::int AS n FROM school_import_chunks`))[0].n).toBe(0);
  });

  it('changes nothing when the same file is imported again', async () => {
    const file = giasFile([giasSchool({ urn: '700001', name: 'Oakfield Primary School, Sampleton' }), giasSchool({ urn: '700003', name: 'Hillcrest Special School', type: 'Community special school', phase: 'Not applicable', pupils: 90 })]);
    const before = await auditRows();
    const result = await importGias(t, admin, 'redbridge', file);
    expect(result.counts).toEqual({ rows: 2, created: 0, updated: 0, unchanged: 2, skipped: 0 });
    expect(await auditRows()).toBe(before);
  });

  it('reads a Windows-1252 file sent as a text/csv body', async () => {
    const file = giasFile([giasSchool({ urn: '700010', name: 'St Mary’s – Café Primary School' })], { encoding: 'windows-1252' });
    const result = await importGias(t, admin, 'redbridge', file, 'csv');
    expect(result).toMatchObject({ status: 'completed', encoding: 'windows-1252', counts: { created: 1 } });
    expect((await register('700010')).name).toBe('St Mary’s – Café Primary School');
  });

  it('updates changed schools, marks a known school closed, and keeps a number the file leaves blank', async () => {
    const file = giasFile([
      giasSchool({ urn: '700001', name: 'Oakfield Primary School, Sampleton', pupils: '' }),
      giasSchool({ urn: '700003', name: 'Hillcrest Special School', type: 'Community special school', phase: 'Not applicable', pupils: 95 }),
      giasSchool({ urn: '700005', name: 'Elm PRU', type: 'Pupil referral unit', phase: 'Not applicable', localAuthority: 'Othershire', status: 'Closed' }),
    ]);
    const result = await importGias(t, admin, 'redbridge', file);
    expect(result.counts).toEqual({ rows: 3, created: 0, updated: 2, unchanged: 1, skipped: 0 });
    expect(await register('700001')).toMatchObject({ pupils: 420 });
    expect(await register('700003')).toMatchObject({ pupils: 95 });
    expect((await (await admin.get('/api/v1/schools?urn=700005')).json()).items[0]).toMatchObject({ status: 'closed' });
  });

  it('reports each unusable row with its row number and URN, and imports the rest', async () => {
    const file = giasFile([
      giasSchool({ urn: '700020' }),
      giasSchool({ urn: '12345' }),
      giasSchool({ urn: '700021', name: '' }),
      giasSchool({ urn: '700020', name: 'Duplicate' }),
      giasSchool({ urn: '700022', pupils: 'lots' }),
      giasSchool({ urn: '700023', phase: 'Not applicable', type: 'Welsh establishment', statutoryLowAge: '', statutoryHighAge: '' }),
    ]);
    const result = await importGias(t, admin, 'redbridge', file);
    expect(result.status).toBe('completed');
    expect(result.counts).toEqual({ rows: 6, created: 2, updated: 0, unchanged: 0, skipped: 4 });
    expect(result.problemCount).toBe(5);
    expect(result.problems.map((p: { row: number; urn: string | null }) => [p.row, p.urn])).toEqual([
      [3, '12345'],
      [4, '700021'],
      [5, '700020'],
      [6, '700022'],
      [7, '700023'],
    ]);
    expect(result.problems[2].message).toMatch(/also on row 2/);
    expect(await register('700022')).toMatchObject({ pupils: null });
  });

  it('fails a file that is not a GIAS export, saying which columns are missing', async () => {
    const result = await importGias(t, admin, 'redbridge', new TextEncoder().encode('Name,Town\nOakfield,Sampleton\n'), 'csv');
    expect(result.status).toBe('failed');
    expect(result.error).toMatch(/no "URN"/);
    expect(result.problems[0]).toMatchObject({ row: 1, urn: null });
  });

  it('answers 400 naming the file field for an upload without a file, or a JSON body', async () => {
    const form = new FormData();
    form.append('other', 'x');
    const noFile = await fetch(`${t.url}/api/v1/tenants/redbridge/school-imports`, { method: 'POST', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken }, body: form });
    expect(noFile.status).toBe(400);
    expect((await noFile.json()).errors[0].field).toBe('file');
    const json = await admin.send('POST', '/api/v1/tenants/redbridge/school-imports', { file: 'x' });
    expect(json.status).toBe(400);
    expect((await json.json()).errors[0].field).toBe('file');
    const empty = await uploadGias(t, admin, 'redbridge', new Uint8Array(0), 'csv');
    expect(empty.status).toBe(400);
    // A browser form posted with no file chosen sends an empty part with an empty file name.
    const nothingChosen = new FormData();
    nothingChosen.append('file', new Blob([], { type: 'application/octet-stream' }), '');
    const unchosen = await fetch(`${t.url}/api/v1/tenants/redbridge/school-imports`, { method: 'POST', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken }, body: nothingChosen });
    expect(unchosen.status).toBe(400);
    expect((await unchosen.json()).errors[0]).toEqual({ field: 'file', message: 'Choose the GIAS file to upload.' });
    const emptyFile = await uploadGias(t, admin, 'redbridge', new Uint8Array(0));
    expect((await emptyFile.json()).errors[0]).toEqual({ field: 'file', message: 'The file is empty.' });
  });

  it('lets only the partnership’s admins import, and keeps imports to their partnership', async () => {
    const finance = await t.signIn('finance@redbridge.demo.test');
    expect((await uploadGias(t, finance, 'redbridge', giasFile([giasSchool({ urn: '700030' })]))).status).toBe(403);
    const res = await uploadGias(t, admin, 'redbridge', giasFile([giasSchool({ urn: '700030' })]));
    const { id } = await res.json();
    const ealing = await t.signIn('admin@ealing.demo.test');
    expect((await ealing.get(`/api/v1/tenants/ealing/school-imports/${id}`)).status).toBe(404);
    expect((await admin.get(`/api/v1/tenants/redbridge/school-imports/not-an-id`)).status).toBe(404);
    const list = await (await admin.get('/api/v1/tenants/redbridge/school-imports')).json();
    expect(list.items.length).toBeGreaterThanOrEqual(6);
  });
});

describe('school register search', () => {
  it('finds schools by URN, name or postcode and local authority, a page at a time', async () => {
    const head = await t.signIn('head.920001@demo.test');
    const byName = await (await head.get('/api/v1/schools?q=sampleton')).json();
    expect(byName.total).toBe(1);
    expect(byName.items[0]).toEqual({
      urn: '700001',
      name: 'Oakfield Primary School, Sampleton',
      phase: 'primary',
      type: 'Community school',
      localAuthority: 'Sampleshire',
      pupils: 420,
      status: 'open',
      postcode: 'SA1 1AA',
      statutoryLowAge: 3,
      statutoryHighAge: 11,
    });
    const page = await (await head.get('/api/v1/schools?localAuthority=sampleshire&pageSize=2')).json();
    expect(page).toMatchObject({ page: 1, pageSize: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
    const las = await (await head.get('/api/v1/schools/local-authorities')).json();
    expect(las.items).toContainEqual(expect.objectContaining({ name: 'Redbridge', schools: 6 }));
  });

  it('needs something to search for, and a signed-in user', async () => {
    const res = await admin.get('/api/v1/schools');
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].field).toBe('q');
    expect((await admin.get('/api/v1/schools?urn=12')).status).toBe(400);
    expect((await fetch(`${t.url}/api/v1/schools?q=oak`)).status).toBe(401);
  });
});

describe('prospects', () => {
  it('adds register schools by local authority and phase as prospects, once', async () => {
    const preview = await (await admin.send('POST', '/api/v1/tenants/redbridge/prospects', { localAuthorities: ['Sampleshire'], phases: ['primary'], dryRun: true })).json();
    expect(preview).toMatchObject({ dryRun: true, created: preview.matched, alreadyListed: 0 });
    // The preview names the schools it would add, not only how many.
    expect(preview.schools).toHaveLength(preview.matched);
    expect(preview.schools).toContainEqual(expect.objectContaining({ urn: '700001', name: 'Oakfield Primary School, Sampleton', phase: 'primary', localAuthority: 'Sampleshire', category: 'full' }));
    expect(preview.matched).toBeGreaterThanOrEqual(3);
    const first = await (await admin.send('POST', '/api/v1/tenants/redbridge/prospects', { localAuthorities: ['sampleshire'], phases: ['primary'] })).json();
    expect(first).toMatchObject({ created: preview.matched, dryRun: false });
    const again = await (await admin.send('POST', '/api/v1/tenants/redbridge/prospects', { localAuthorities: ['Sampleshire'], phases: ['primary'] })).json();
    expect(again).toMatchObject({ created: 0, alreadyListed: preview.matched });
    const list = await (await admin.get('/api/v1/tenants/redbridge/memberships?status=prospect')).json();
    expect(list.items.map((m: { school: { urn: string } }) => m.school.urn)).toContain('700001');
    expect(list.items[0]).toMatchObject({ status: 'prospect', category: 'full' });
  });

  it('refuses to add without a filter, naming the field, and adds nothing', async () => {
    const before = (await (await admin.get('/api/v1/tenants/redbridge/memberships')).json()).total;
    const res = await admin.send('POST', '/api/v1/tenants/redbridge/prospects', {});
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].field).toBe('localAuthorities');
    const bad = await admin.send('POST', '/api/v1/tenants/redbridge/prospects', { phases: ['college'] });
    expect((await bad.json()).errors[0].field).toBe('phases');
    expect((await (await admin.get('/api/v1/tenants/redbridge/memberships')).json()).total).toBe(before);
  });
});

/** The sample file the import page offers (apps/web/static/samples): a dozen made-up schools in GIAS's own layout. */
const SAMPLE = readFileSync(join(import.meta.dirname, '..', '..', 'web', 'static', 'samples', 'gias-sample.csv'));

describe('the platform-wide register, loaded once by the operator', () => {
  const uploadRegister = (session: Session, bytes: Uint8Array) => {
    const form = new FormData();
    form.append('file', new Blob([bytes], { type: 'text/csv' }), 'gias-sample.csv');
    return fetch(`${t.url}/api/v1/platform/register-imports`, { method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken }, body: form });
  };

  it('is not for a partnership’s admin', async () => {
    expect((await uploadRegister(admin, SAMPLE)).status).toBe(403);
    expect((await admin.get('/api/v1/platform/register-imports')).status).toBe(403);
    // A load named by id answers as if it did not exist, like every other id a caller may not see.
    expect((await admin.get('/api/v1/platform/register-imports/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('takes the sample file through the same import as a partnership’s upload, and every partnership can then choose from it', async () => {
    const operator = await t.signIn('operator@platform.demo.test');
    // The local-authority list is cached by the API process: asked for before the import, it must not stay as it was after it.
    const before = await (await admin.get('/api/v1/schools/local-authorities')).json();
    expect(before.items.map((la: { name: string }) => la.name)).not.toContain('Exampleton');
    const res = await uploadRegister(operator, SAMPLE);
    expect(res.status).toBe(202);
    const { id } = await res.json();
    let load: Record<string, any> = {};
    for (const start = Date.now(); Date.now() - start < 20_000; await new Promise((r) => setTimeout(r, 100))) {
      load = await (await operator.get(`/api/v1/platform/register-imports/${id}`)).json();
      if (load.status === 'completed' || load.status === 'failed') break;
    }
    // Twelve schools; the closed one the register never held is skipped.
    expect(load).toMatchObject({ status: 'completed', fileName: 'gias-sample.csv', counts: { rows: 12, created: 11, updated: 0, unchanged: 0, skipped: 1 }, problems: [] });
    expect((await (await operator.get('/api/v1/platform/register-imports')).json()).items[0]).toMatchObject({ id, status: 'completed' });
    // No partnership's import list shows it.
    expect((await (await admin.get('/api/v1/tenants/redbridge/school-imports')).json()).items.map((i: { id: string }) => i.id)).not.toContain(id);

    // A partnership picks its schools by local authority, with no file of its own.
    const las = await (await admin.get('/api/v1/schools/local-authorities')).json();
    expect(las.items).toContainEqual(expect.objectContaining({ name: 'Exampleton', schools: 4 }));
    // A school closing changes the count at once (the register's latest change moves on).
    await t.owner.query(`UPDATE schools SET status = 'closed', updated_at = now() WHERE urn = (SELECT min(urn) FROM schools WHERE local_authority = 'Exampleton' AND status <> 'closed')`);
    expect((await (await admin.get('/api/v1/schools/local-authorities')).json()).items).toContainEqual(expect.objectContaining({ name: 'Exampleton', schools: 3 }));
    await t.owner.query(`UPDATE schools SET status = 'open', updated_at = now() WHERE local_authority = 'Exampleton' AND status = 'closed' AND urn = (SELECT min(urn) FROM schools WHERE local_authority = 'Exampleton')`);
    const preview = await (await admin.send('POST', '/api/v1/tenants/redbridge/prospects', { localAuthorities: ['Exampleton'], dryRun: true })).json();
    expect(preview.schools.map((s: { name: string }) => s.name)).toEqual(['Example Bridge Primary School', 'Example Green All-Through School', 'Example Hill, Lower School', 'Example Park High School']);
    const added = await (await admin.send('POST', '/api/v1/tenants/redbridge/prospects', { urns: ['991009', '991010'] })).json();
    expect(added).toMatchObject({ created: 2, dryRun: false });
  });
});
