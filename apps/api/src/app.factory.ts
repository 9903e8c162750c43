import 'reflect-metadata';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { AppModule } from './app.module';
import { PinoNestLogger } from './common/pino-nest-logger';
import { validationPipe } from './common/validation.pipe';
import { buildOpenApiDocument } from './openapi';
import type { Runtime } from '@partnerships/jobs';
import { keepRawBodyForStripeWebhooks } from './modules/billing/stripe-webhook.raw-body';
import { installInputGuard } from './common/input-guard';
import { installRequestUnits } from './common/request-unit.hooks';
import { installDownloadCompression } from './common/compress-downloads';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

/** The whole HTTP application on a runtime; main.ts listens, tests inject or listen on a free port. */
export async function createApp(runtime: Runtime): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: runtime.logger,
    // X-Forwarded-For is believed only from proxies the operator names; otherwise anyone could
    // pick their own address and walk around every per-address limit.
    trustProxy: runtime.env.TRUSTED_PROXIES ?? false,
    bodyLimit: 1024 * 1024,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRuntime(runtime), adapter, {
    logger: new PinoNestLogger(runtime.logger),
  });
  await app.register(cookie);
  // The API serves JSON (and the API docs page), so no CSP here; the web app sets its own.
  await app.register(helmet, { contentSecurityPolicy: false, crossOriginEmbedderPolicy: false });
  app.getHttpAdapter().getInstance().addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // One transaction per read request (ADR 0008).
  installRequestUnits(app.getHttpAdapter().getInstance(), runtime.db);
  keepRawBodyForStripeWebhooks(app.getHttpAdapter().getInstance());
  installInputGuard(app.getHttpAdapter().getInstance());
  // Downloads are gzip-compressed when the client accepts it (docs/scaling.md).
  installDownloadCompression(app.getHttpAdapter().getInstance());
  app.setGlobalPrefix('api');
  app.useGlobalPipes(validationPipe);
  app.enableShutdownHooks();
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/openapi.json', useGlobalPrefix: false });
  await app.init();
  return app;
}
