import type { Database, RequestUnit } from '@partnerships/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Read requests share one transaction (ADR 0008); writes keep a unit of work per call. */
const SHARED = new Set(['GET', 'HEAD']);

/**
 * One transaction per read request (ADR 0008). Before the handler (and so before the guards),
 * a request unit of work is made the ambient one (AsyncLocalStorage): it begins on first use (the
 * access guard's `resolve_request`), and every `db.inTenant()` / `db.asPlatform()` of the
 * request reuses it. It is committed once the response is produced (onSend, before a byte is
 * sent: errors included, since a call that failed has already rolled it back), or at the latest
 * when the response is done or the client went away. A HEAD request's unit is rolled back instead.
 */
export function installRequestUnits(fastify: FastifyInstance, db: Database): void {
  const units = new WeakMap<FastifyRequest, RequestUnit>();
  const end = async (request: FastifyRequest) => {
    const unit = units.get(request);
    if (!unit) return;
    units.delete(request);
    // A HEAD request runs its GET handler but is sent no body, so nothing it wrote may stand (a
    // confidential report's read log must not show a read whose content was never sent).
    await unit.finish(request.method !== 'HEAD');
  };

  fastify.addHook('preHandler', (request, _reply, done) => {
    if (!SHARED.has(request.method)) return done();
    const unit = db.requestUnit();
    units.set(request, unit);
    // done() runs the rest of the chain (the handler) synchronously, inside the unit's context.
    db.runInRequestUnit(unit, () => done());
  });
  fastify.addHook('onSend', async (request, _reply, payload) => {
    await end(request);
    return payload;
  });
  fastify.addHook('onResponse', async (request) => {
    await end(request).catch((error) => request.log.error({ err: error }, 'request unit of work did not end'));
  });
  fastify.addHook('onRequestAbort', async (request) => {
    await end(request).catch((error) => request.log.error({ err: error }, 'request unit of work did not end'));
  });
}
