import { z } from 'zod';

/**
 * One environment schema for every process (api, worker, web launcher).
 * Each variable carries a description and whether it is sensitive, so that
 * start-up can print what is wrong without leaking secrets.
 */
interface VariableDoc {
  description: string;
  sensitive?: boolean;
}

export const ENV_DOCS: Record<string, VariableDoc> = {
  NODE_ENV: { description: 'development, test or production' },
  PORT: { description: 'Port of the web app (default 3000)' },
  API_PORT: { description: 'Port of the API (default 3001)' },
  API_HOST: { description: 'Address the API listens on (default 127.0.0.1)' },
  PUBLIC_URL: { description: 'Public address of the web app, used in e-mail links' },
  DATABASE_URL: { description: 'PostgreSQL URL of the owner role (migrations). Absent: embedded PGlite', sensitive: true },
  APP_DATABASE_URL: { description: 'PostgreSQL URL of the non-owner application role. Default: DATABASE_URL with user partnerships_app', sensitive: true },
  REDIS_URL: { description: 'Redis URL for BullMQ. Absent: jobs run in-process', sensitive: true },
  QUEUE_NAME: { description: 'BullMQ queue name (default partnerships); tests use one per process' },
  DATA_DIR: { description: 'Folder for embedded data (PGlite, mail files); default .data at the repository root' },
  EMBEDDED_PG_PORT: { description: 'Port of the embedded PGlite socket (default API_PORT + 2000)' },
  SMTP_URL: { description: 'SMTP server for outgoing mail (smtp://host:port). Absent: mail is written to DATA_DIR/mail', sensitive: true },
  MAIL_FROM: { description: 'Sender address of outgoing mail' },
  SEED_DEMO: { description: 'Seed demo data at start (true in embedded mode unless false)' },
  LOG_LEVEL: { description: 'pino log level (default info)' },
  SESSION_TTL_HOURS: { description: 'How long a session lasts (default 12)' },
  LOGIN_RATE_LIMIT: { description: 'Failed sign-ins per e-mail address in 15 minutes before further attempts are slowed down, doubling up to 10 seconds each, never refused (default 5; an IP address gets five times as many)' },
  TRUSTED_PROXIES: { description: 'Comma-separated addresses or CIDR ranges (or loopback, linklocal, uniquelocal) of proxies whose X-Forwarded-For is believed; absent: the connecting address is the client (pnpm start sets loopback for its web app)' },
  STRIPE_SECRET_KEY: { description: 'Stripe secret key. Absent: the local Stripe fake', sensitive: true },
  CALENDAR_FEED_SECRET: { description: 'Key from which each calendar feed address is derived (at least 32 characters). Absent: derived from DATABASE_URL (embedded mode: a fixed key, so set one in production)', sensitive: true },
  STRIPE_WEBHOOK_SECRET: { description: 'Signing secret of the Stripe webhook endpoint /api/v1/webhooks/stripe (whsec_...). Absent: webhooks are refused', sensitive: true },
  STRIPE_API_HOST: { description: 'Send Stripe API calls to this host instead of api.stripe.com (the local Stripe fake in embedded mode and tests)' },
  STRIPE_API_PORT: { description: 'Port for STRIPE_API_HOST (default 443; the embedded fake listens on 12111)' },
  STRIPE_API_PROTOCOL: { description: 'http or https for STRIPE_API_HOST (default https)' },
};

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const port = z.coerce.number().int().min(1).max(65535);
const url = (protocols: string[]) =>
  z.string().refine((v) => {
    try {
      return protocols.includes(new URL(v).protocol);
    } catch {
      return false;
    }
  }, `must be a URL starting with ${protocols.map((p) => p + '//').join(' or ')}`);

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: port.default(3000),
  API_PORT: port.default(3001),
  API_HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: url(['http:', 'https:']).optional(),
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  APP_DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  REDIS_URL: url(['redis:', 'rediss:']).optional(),
  QUEUE_NAME: z.string().regex(/^[A-Za-z0-9_-]{1,60}$/, 'letters, digits, - and _ only').default('partnerships'),
  DATA_DIR: z.string().min(1).optional(),
  EMBEDDED_PG_PORT: port.optional(),
  SMTP_URL: url(['smtp:', 'smtps:']).optional(),
  MAIL_FROM: z.string().min(3).default('Partnerships <no-reply@partnerships.test>'),
  SEED_DEMO: bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(10000).default(5),
  TRUSTED_PROXIES: z
    .string()
    .transform((v) => v.split(',').map((p) => p.trim()).filter((p) => p.length > 0))
    .pipe(
      z
        .array(z.string().regex(/^(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?)$/, 'addresses, CIDR ranges or loopback/linklocal/uniquelocal, separated by commas'))
        .min(1),
    )
    .optional(),
  STRIPE_SECRET_KEY: z.string().startsWith('sk_').optional(),
  CALENDAR_FEED_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
  STRIPE_API_HOST: z.string().min(1).optional(),
  STRIPE_API_PORT: port.optional(),
  STRIPE_API_PROTOCOL: z.enum(['http', 'https']).optional(),
});

export type Env = z.infer<typeof envSchema>;

export class InvalidEnvironmentError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'InvalidEnvironmentError';
  }
}

/** Parse the environment once; throw with every problem listed (never the values of sensitive ones). */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const input: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = source[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const result = envSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? '');
      const doc = ENV_DOCS[key];
      return `${key}: ${issue.message}${doc ? ` (${doc.description})` : ''}`;
    });
    throw new InvalidEnvironmentError(problems);
  }
  if (result.data.NODE_ENV === 'production' && !result.data.DATABASE_URL) {
    throw new InvalidEnvironmentError(['DATABASE_URL: required in production (embedded mode is for development and demos)']);
  }
  return result.data;
}

/** For processes: parse or print the problems and exit 1. */
export function loadEnvOrExit(source: NodeJS.ProcessEnv = process.env): Env {
  try {
    return parseEnv(source);
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
