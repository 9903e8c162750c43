import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app';

// Issue 13, "Sign-in and input hardening": input the database or the parser cannot take is
// refused as a 400 naming the field, never a 500; an oversized body is a 413, not a reset connection.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp('input_hardening');
});
afterAll(async () => {
  await t?.close();
});

const postRaw = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${t.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

async function problem(res: Response, status: number) {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  return JSON.parse(text) as { status: number; code: string; detail: string; errors?: { field: string; message: string }[] };
}

describe('NUL characters', () => {
  it('answers 400 naming the body field, not 500', async () => {
    const body = await problem(await postRaw('/api/v1/signup', JSON.stringify({ name: 'Sam\u0000 Patel', email: 'sam.nul@school.test', password: 'three random words here' })), 400);
    expect(body.errors).toEqual([expect.objectContaining({ field: 'name' })]);
  });

  it('answers 400 naming the query parameter, not 500', async () => {
    const body = await problem(await fetch(`${t.url}/api/v1/public/tenants/ealing/quote/schools?q=Ac%00ton`), 400);
    expect(body.errors).toEqual([expect.objectContaining({ field: 'q' })]);
  });

  it('answers 400 for a NUL in a nested field, naming its path', async () => {
    const s = await t.signIn('admin@ealing.demo.test');
    const res = await s.send('POST', '/api/v1/tenants/ealing/invitations', { email: 'x@school.test', role: 'officer\u0000' });
    const body = await problem(res, 400);
    expect(body.errors).toEqual([expect.objectContaining({ field: 'role' })]);
  });
});

describe('deeply nested JSON', () => {
  it('answers 400 naming the field, not 500', async () => {
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    const body = await problem(await postRaw('/api/v1/auth/login', `{"email":${deep},"password":"x"}`), 400);
    expect(body.errors).toEqual([expect.objectContaining({ field: 'email' })]);
  });
});

describe('oversized bodies', () => {
  it('answers 413 problem+json rather than resetting the connection', async () => {
    const big = JSON.stringify({ email: 'a@school.test', password: 'x'.repeat(20 * 1024 * 1024) });
    const body = await problem(await postRaw('/api/v1/auth/login', big), 413);
    expect(body.status).toBe(413);
    expect(body.detail).toMatch(/too large/i);
  });

  it('answers 413 problem+json to an oversized body sent in chunks, without a length', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"email":"a@school.test","password":"'));
      },
      pull(controller) {
        if (sent++ < 160) controller.enqueue(chunk);
        else {
          controller.enqueue(new TextEncoder().encode('"}'));
          controller.close();
        }
      },
    });
    const res = await fetch(`${t.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    const body = await problem(res, 413);
    expect(body.detail).toMatch(/too large/i);
  });
});

describe('money amounts', () => {
  it('refuses an amount of pence sent as a string, naming the field', async () => {
    const s = await t.signIn('admin@ealing.demo.test');
    const res = await s.send('POST', '/api/v1/tenants/ealing/invoices/00000000-0000-4000-8000-000000000001/payments', { date: '2026-11-30', reference: 'BACS 1', amountPence: '100' });
    const body = await problem(res, 400);
    expect(body.errors).toEqual([expect.objectContaining({ field: 'amountPence' })]);
  });

  it('still accepts a number (and then answers 404 for an unknown invoice)', async () => {
    const s = await t.signIn('admin@ealing.demo.test');
    const res = await s.send('POST', '/api/v1/tenants/ealing/invoices/00000000-0000-4000-8000-000000000001/payments', { date: '2026-11-30', reference: 'BACS 1', amountPence: 100 });
    expect(res.status).toBe(404);
  });
});
