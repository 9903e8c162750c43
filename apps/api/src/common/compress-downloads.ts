import type { FastifyInstance } from 'fastify';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { createGzip, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/** Below this a download is sent as it is: gzip's header and the CPU are not worth it. */
export const COMPRESS_FROM_BYTES = 1024;

/** Text downloads compress well; PDFs, ZIPs and images are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|csv)|application\/[\w.+-]+\+(json|xml))/i;

/** Whether an Accept-Encoding header takes gzip (named, or `*`, with a quality above 0). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  let gzipQ: number | null = null;
  let anyQ: number | null = null;
  for (const part of value.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const quality = q ? Number(q.slice(2)) : 1;
    if (name === 'gzip' || name === 'x-gzip') gzipQ = Number.isFinite(quality) ? quality : 0;
    else if (name === '*') anyQ = Number.isFinite(quality) ? quality : 0;
  }
  return (gzipQ ?? anyQ ?? 0) > 0;
}

/**
 * Downloads (answers with `content-disposition: attachment`: the CSV exports, the fee schedule's
 * JSON, the annual report) are gzip-compressed when the client accepts it, so a partnership's
 * whole invoice list stays well under 1 MB on the wire at 10,000 schools (docs/scaling.md).
 * Lists and pages are bounded by paging instead, and are not compressed here: compressing every
 * small JSON answer would cost the list endpoints' throughput for little gain on a local network.
 */
export function installDownloadCompression(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (request, reply, payload) => {
    const disposition = reply.getHeader('content-disposition');
    if (typeof disposition !== 'string' || !/^\s*attachment/i.test(disposition)) return payload;
    if (reply.getHeader('content-encoding') || !COMPRESSIBLE.test(String(reply.getHeader('content-type') ?? ''))) return payload;
    const vary = reply.getHeader('vary');
    reply.header('vary', vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding');
    if (!acceptsGzip(request.headers['accept-encoding'])) return payload;
    if (typeof payload === 'string' || Buffer.isBuffer(payload)) {
      if (Buffer.byteLength(payload) < COMPRESS_FROM_BYTES) return payload;
      const body = await gzipAsync(payload);
      reply.header('content-encoding', 'gzip').removeHeader('content-length');
      return body;
    }
    if (payload && typeof (payload as Readable).pipe === 'function') {
      reply.header('content-encoding', 'gzip').removeHeader('content-length');
      return (payload as Readable).pipe(createGzip());
    }
    return payload;
  });
}
