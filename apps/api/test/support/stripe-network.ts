import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A pass-through proxy between the API and the Stripe fake that can lose responses on purpose:
 * the request reaches Stripe (which does the work) but the connection drops before the answer
 * comes back, exactly the network error after which the SDK retries. With the same idempotency
 * key, the retry must get the first answer and create nothing new.
 */
export interface StripeNetwork {
  url: string;
  port: number;
  /** Drop the response of the next `times` requests whose method and path match. */
  dropNextResponse(match: { method?: string; path: RegExp }, times?: number): void;
  /** Requests seen (method, path, idempotency key), for assertions. */
  seen(): { method: string; path: string; idempotencyKey: string | null; dropped: boolean }[];
  close(): Promise<void>;
}

export async function startStripeNetwork(target: { host: string; port: number }): Promise<StripeNetwork> {
  const rules: { method?: string; path: RegExp; left: number }[] = [];
  const log: { method: string; path: string; idempotencyKey: string | null; dropped: boolean }[] = [];
  const server: Server = createServer((req, res) => {
    const rule = rules.find((r) => r.left > 0 && (!r.method || r.method === req.method) && r.path.test(req.url ?? ''));
    if (rule) rule.left--;
    const key = req.headers['idempotency-key'];
    log.push({ method: req.method ?? '', path: req.url ?? '', idempotencyKey: typeof key === 'string' ? key : null, dropped: Boolean(rule) });
    const upstream = httpRequest({ host: target.host, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      if (rule) {
        answer.resume();
        answer.on('end', () => req.socket.destroy());
        return;
      }
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => req.socket.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dropNextResponse: (match, times = 1) => rules.push({ ...match, left: times }),
    seen: () => [...log],
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
