import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Deeper than any of our documents (a fee schedule is about six levels); deeper is an attack or a slip. */
export const MAX_JSON_DEPTH = 32;

export interface InputProblem {
  field: string;
  message: string;
}

const NUL_MESSAGE = 'This cannot contain a NUL character (U+0000).';
const DEPTH_MESSAGE = `This is nested too deeply (more than ${MAX_JSON_DEPTH} levels).`;
const PENCE_MESSAGE = 'Send the amount as a number of pence, like 1250, not as text.';

const join = (prefix: string, key: string | number) => (typeof key === 'number' ? `${prefix}[${key}]` : prefix ? `${prefix}.${key}` : key);

/**
 * The first thing in a request's body, query or path parameters that must be refused before
 * validation: a NUL character in a string or a key (PostgreSQL refuses NUL in text, so it would
 * otherwise surface as a 500), nesting deeper than MAX_JSON_DEPTH (class-transformer and
 * class-validator recurse, and would overflow the stack), or, in a JSON body, an amount of pence
 * (a key ending in `Pence`) sent as a string. Walks without recursion, so depth cannot hurt it.
 */
export function findInputProblem(value: unknown, options: { penceAsNumbers?: boolean } = {}): InputProblem | null {
  const stack: { value: unknown; field: string; depth: number; key: string; top: string }[] = [{ value, field: '', depth: 0, key: '', top: '' }];
  while (stack.length > 0) {
    const { value: current, field, depth, key, top } = stack.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return { field: field || 'body', message: NUL_MESSAGE };
      if (options.penceAsNumbers && key.endsWith('Pence')) return { field, message: PENCE_MESSAGE };
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    // Named by its top-level field: the full path of something this deep says nothing more.
    if (depth >= MAX_JSON_DEPTH) return { field: top || 'body', message: DEPTH_MESSAGE };
    const entries: [string | number, unknown][] = Array.isArray(current) ? current.map((v, i) => [i, v]) : Object.entries(current);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, v] = entries[i]!;
      const childField = join(field, k);
      if (typeof k === 'string' && k.includes('\u0000')) return { field: field || 'body', message: NUL_MESSAGE };
      stack.push({ value: v, field: childField, depth: depth + 1, key: typeof k === 'string' ? k : key, top: top || childField });
    }
  }
  return null;
}

function refuse(request: FastifyRequest, reply: FastifyReply, problem: InputProblem): FastifyReply {
  return reply
    .status(400)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .send({
      type: 'https://partnerships.test/problems/validation_failed',
      title: 'Invalid request',
      status: 400,
      code: 'validation_failed',
      detail: 'Some of the details need correcting.',
      errors: [problem],
      requestId: request.id,
    });
}

/** Checks every request's path parameters, query and parsed body before any route sees them. */
export function installInputGuard(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (request, reply) => {
    // Webhooks carry other people's documents (Stripe's metadata values are strings, whatever their name).
    const isJson = /^application\/(?:[\w.+-]+\+)?json\b/i.test(String(request.headers['content-type'] ?? '')) && !request.url.startsWith('/api/v1/webhooks/');
    const problem =
      findInputProblem(request.params) ??
      findInputProblem(request.query) ??
      // A raw upload (CSV, multipart) arrives as a stream: nothing to walk.
      (isJson || (typeof request.body === 'object' && request.body !== null && !('pipe' in request.body)) ? findInputProblem(request.body, { penceAsNumbers: isJson }) : null);
    if (problem) return refuse(request, reply, problem);
  });
}
