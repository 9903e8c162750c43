import { encodeWindows1252, giasCsv, type GiasSampleSchool } from '@partnerships/domain';
import type { Session, TestApp } from './test-app';

/** One school in GIAS's words, with sensible defaults. */
export const giasSchool = (over: Partial<GiasSampleSchool> = {}): GiasSampleSchool => ({
  urn: '700001',
  name: 'Oakfield Primary School',
  type: 'Community school',
  phase: 'Primary',
  localAuthority: 'Sampleshire',
  status: 'Open',
  pupils: 420,
  postcode: 'SA1 1AA',
  statutoryLowAge: 3,
  statutoryHighAge: 11,
  ...over,
});

/** A GIAS-format file as bytes: UTF-8 (optionally with a byte-order mark) or Windows-1252. */
export function giasFile(schools: GiasSampleSchool[], options: { bom?: boolean; encoding?: 'utf-8' | 'windows-1252' } = {}): Uint8Array {
  const text = giasCsv(schools, { bom: options.bom && options.encoding !== 'windows-1252' });
  return options.encoding === 'windows-1252' ? encodeWindows1252(text) : new TextEncoder().encode(text);
}

/** Uploads a file as a browser form would (multipart, field "file") or as a text/csv body. */
export async function uploadGias(t: TestApp, session: Session, slug: string, bytes: Uint8Array, how: 'multipart' | 'csv' = 'multipart'): Promise<Response> {
  const url = `${t.url}/api/v1/tenants/${slug}/school-imports`;
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
  if (how === 'csv') return fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'text/csv' }, body: bytes });
  const form = new FormData();
  form.append('note', 'uploaded from the test');
  form.append('file', new Blob([bytes], { type: 'text/csv' }), 'edubasealldata.csv');
  return fetch(url, { method: 'POST', headers, body: form });
}

/** Polls an import until it has finished. */
export async function waitForImport(session: Session, slug: string, id: string, timeoutMs = 20_000): Promise<Record<string, any>> {
  const start = Date.now();
  for (;;) {
    const body = await (await session.get(`/api/v1/tenants/${slug}/school-imports/${id}`)).json();
    if (body.status === 'completed' || body.status === 'failed') return body;
    if (Date.now() - start > timeoutMs) throw new Error(`import still ${body.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Uploads and waits: the finished import. */
export async function importGias(t: TestApp, session: Session, slug: string, bytes: Uint8Array, how: 'multipart' | 'csv' = 'multipart') {
  const res = await uploadGias(t, session, slug, bytes, how);
  if (res.status !== 202) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
  const { id } = await res.json();
  return waitForImport(session, slug, id);
}
