import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Fake } from '../fake.js';
import { advanceTime, settlePending } from '../simulation.js';
import { deliveryModeFrom, type DeliveryMode, type DeliveryModeName } from '../webhooks/dispatcher.js';
import { readBody, sendJson } from './body.js';

async function input(req: IncomingMessage, url: URL): Promise<Record<string, string>> {
  const body = req.method === 'POST' ? await readBody(req) : '';
  const out: Record<string, string> = Object.fromEntries(url.searchParams);
  if (body.trim().startsWith('{')) Object.assign(out, Object.fromEntries(Object.entries(JSON.parse(body) as Record<string, unknown>).map(([k, v]) => [k, String(v)])));
  else Object.assign(out, Object.fromEntries(new URLSearchParams(body)));
  return out;
}

const num = (value: string | undefined) => (value === undefined || value === '' ? undefined : Number(value));
const bool = (value: string | undefined) => value === 'true' || value === '1';

/**
 * Test-control endpoints (no auth; the fake binds to localhost) so other processes can drive it:
 * `POST /_fake/advance_time?days=3`, `POST /_fake/settle`, `POST /_fake/delivery_mode?mode=duplicate`,
 * `POST /_fake/deliveries/flush`, `GET /_fake/deliveries`, `GET /_fake/health`.
 */
export async function handleControl(fake: Fake, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const route = `${req.method} ${url.pathname.replace(/\/+$/, '')}`;
  try {
    const params = await input(req, url);
    switch (route) {
      case 'GET /_fake/health':
        return sendJson(res, 200, { ok: true, now: fake.now() });
      case 'POST /_fake/advance_time': {
        const days = num(params['days']) ?? (num(params['seconds']) ?? 0) / 86_400;
        return sendJson(res, 200, { ran: advanceTime(fake, days), now: fake.now() });
      }
      case 'POST /_fake/settle':
        return sendJson(res, 200, { ran: settlePending(fake), now: fake.now() });
      case 'POST /_fake/delivery_mode': {
        const mode: DeliveryMode | DeliveryModeName = params['mode']
          ? (params['mode'] as DeliveryModeName)
          : { delayMs: num(params['delay_ms']), duplicate: bool(params['duplicate']), shuffle: bool(params['shuffle']), shuffleWindowMs: num(params['window_ms']), paused: bool(params['paused']) };
        fake.dispatcher.setMode(deliveryModeFrom(mode, { delayMs: num(params['delay_ms']), windowMs: num(params['window_ms']) }));
        return sendJson(res, 200, { mode: fake.dispatcher.getMode() });
      }
      case 'POST /_fake/deliveries/flush':
        fake.dispatcher.flush();
        return sendJson(res, 200, { ok: true });
      case 'GET /_fake/deliveries':
        return sendJson(res, 200, { data: fake.dispatcher.log() });
      default:
        return sendJson(res, 404, { error: { type: 'invalid_request_error', message: `Unknown control endpoint: ${route}` } });
    }
  } catch (error) {
    sendJson(res, 400, { error: { type: 'invalid_request_error', message: error instanceof Error ? error.message : String(error) } });
  }
}
