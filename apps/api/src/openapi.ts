import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ERROR_CODES } from './common/error-codes';

/** The problem codes as a named enum (like the DTOs' `enumName` enums), so the client gets a union type. */
const ERROR_CODE_SCHEMA = { type: 'string', enum: [...ERROR_CODES] };

const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status', 'code', 'detail'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: {
      $ref: '#/components/schemas/ErrorCode',
      description: 'Stable machine-readable code, e.g. validation_failed, not_found (framework errors may carry http_<status>)',
    },
    detail: { type: 'string', description: 'A message for people, in plain UK English' },
    errors: {
      type: 'array',
      items: { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string' }, message: { type: 'string' } } },
    },
    requestId: { type: 'string' },
  },
};

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Partnerships API')
    .setDescription('The API of the Partnerships platform for area-based education partnerships. Errors are application/problem+json.')
    .setVersion('1')
    .setOpenAPIVersion('3.1.0')
    .addCookieAuth('ps_session', { type: 'apiKey', in: 'cookie', name: 'ps_session' }, 'session')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  return sortKeys(completeOperations(document)) as OpenAPIObject;
}

/**
 * Every operation declares its path parameters (the tenant slug is read by the access guard,
 * not by a handler, so Nest cannot see it) and the problem+json answer of every error.
 */
function completeOperations(document: OpenAPIObject): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ErrorCode: ERROR_CODE_SCHEMA as never, Problem: PROBLEM_SCHEMA as never } };
  for (const [path, item] of Object.entries(document.paths)) {
    const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (!operation) continue;
      const parameters = (operation.parameters ?? []) as { name: string; in: string }[];
      for (const name of names) {
        if (!parameters.some((p) => p.in === 'path' && p.name === name)) {
          parameters.push({ name, in: 'path', required: true, schema: { type: 'string' }, ...(name === 'slug' ? { description: "The partnership's URL name" } : {}) } as never);
        }
      }
      operation.parameters = parameters as never;
      operation.responses = {
        ...operation.responses,
        default: { description: 'An error, as application/problem+json', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
      };
    }
  }
  return document;
}

/** Stable key order, so the committed document only changes when the API does. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value as object).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
  }
  return value;
}
