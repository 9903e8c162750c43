import Fastify from 'fastify';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptsGzip, installDownloadCompression } from './compress-downloads';

describe('acceptsGzip', () => {
  it.each([
    ['gzip', true],
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8', true],
    ['deflate, *', true],
    ['gzip;q=0', false],
    ['*;q=0', false],
    ['identity', false],
    ['', false],
    [undefined, false],
    ['GZIP', true],
    ['*, gzip;q=0', false],
  ])('%s → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});

describe('installDownloadCompression', () => {
  const csv = `URN,School\r\n${Array.from({ length: 2000 }, (_, i) => `${100000 + i},School ${i}`).join('\r\n')}\r\n`;
  const app = Fastify();
  beforeAll(async () => {
    installDownloadCompression(app);
    app.get('/file.csv', async (_req, reply) => reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="x.csv"').send(csv));
    app.get('/stream.csv', async (_req, reply) => reply.header('content-type', 'text/csv').header('content-disposition', 'attachment; filename="s.csv"').send(Readable.from([csv])));
    app.get('/small.csv', async (_req, reply) => reply.header('content-type', 'text/csv').header('content-disposition', 'attachment; filename="s.csv"').send('URN\r\n1\r\n'));
    app.get('/invoice.pdf', async (_req, reply) => reply.header('content-type', 'application/pdf').header('content-disposition', 'attachment; filename="i.pdf"').send(Buffer.alloc(5000, 1)));
    app.get('/list', async () => ({ items: csv.split('\r\n') }));
    await app.ready();
  });
  afterAll(() => app.close());

  it('gzips a text download for a client that accepts it, and the file is the same', async () => {
    const res = await app.inject({ url: '/file.csv', headers: { 'accept-encoding': 'gzip, deflate' } });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toMatch(/Accept-Encoding/);
    expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(csv) / 3);
    expect(gunzipSync(res.rawPayload).toString('utf8')).toBe(csv);
  });

  it('gzips a streamed download', async () => {
    const res = await app.inject({ url: '/stream.csv', headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.rawPayload).toString('utf8')).toBe(csv);
  });

  it('sends it as it is to a client that does not accept gzip', async () => {
    for (const headers of [{}, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'gzip;q=0' }]) {
      const res = await app.inject({ url: '/file.csv', headers });
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.body).toBe(csv);
    }
  });

  it('leaves small downloads, PDFs and ordinary JSON answers alone', async () => {
    for (const url of ['/small.csv', '/invoice.pdf', '/list']) {
      const res = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
      expect(res.headers['content-encoding'], url).toBeUndefined();
    }
  });
});
