import type { FastifyInstance } from 'fastify';
import { Readable } from 'node:stream';

export const STRIPE_WEBHOOK_PATH = '/api/v1/webhooks/stripe';
/** Stripe's events are small; this is generous and still stops a flood. */
const MAX_WEBHOOK_BYTES = 512 * 1024;

/**
 * Stripe signs the exact bytes it sends, so the webhook needs the raw body. For that one route
 * only, the body is read here, kept on the request as `rawBody`, and handed on unchanged to the
 * ordinary JSON parser; every other route is untouched.
 */
export function keepRawBodyForStripeWebhooks(fastify: FastifyInstance): void {
  fastify.addHook('preParsing', async (request, _reply, payload) => {
    if (request.method !== 'POST' || request.url.split('?')[0] !== STRIPE_WEBHOOK_PATH) return payload;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of payload) {
      size += (chunk as Buffer).length;
      if (size > MAX_WEBHOOK_BYTES) throw Object.assign(new Error('Webhook body too large'), { statusCode: 413 });
      chunks.push(chunk as Buffer);
    }
    const raw = Buffer.concat(chunks);
    (request as unknown as { rawBody: Buffer }).rawBody = raw;
    const replay = Readable.from([raw]) as Readable & { receivedEncodedLength?: number };
    replay.receivedEncodedLength = raw.length;
    return replay;
  });
}
