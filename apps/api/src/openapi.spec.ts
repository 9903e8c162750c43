import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The OpenAPI document names each schema after its DTO class, so two DTO classes with one name
 * silently become one schema (whichever is seen last), and the generated client gets the wrong
 * shape for the other. Every exported class with `@ApiProperty` metadata must have its own name.
 */
/** @nestjs/swagger's metadata keys (its DECORATORS constants, which the package does not export). */
const MODEL_PROPERTIES = 'swagger/apiModelPropertiesArray';
const SCHEMA = 'swagger/apiSchema';

/** Every source file's exports (not specs, not the process entry points, which start things). */
async function sources(): Promise<[string, Record<string, unknown>][]> {
  const files = readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts') && file !== 'main.ts' && !file.startsWith('cli'))
    .sort();
  return Promise.all(files.map(async (file) => [file, (await import(join(__dirname, file))) as Record<string, unknown>] as [string, Record<string, unknown>]));
}

async function dtoClasses(): Promise<Map<string, Map<Function, string[]>>> {
  const byName = new Map<string, Map<Function, string[]>>();
  for (const [file, exports] of await sources()) {
    for (const value of Object.values(exports)) {
      if (typeof value !== 'function' || !value.prototype) continue;
      if (!Reflect.hasMetadata(MODEL_PROPERTIES, value.prototype as object)) continue;
      const name = (Reflect.getMetadata(SCHEMA, value) as { name?: string } | undefined)?.name ?? value.name;
      const classes = byName.get(name) ?? new Map<Function, string[]>();
      classes.set(value, [...(classes.get(value) ?? []), file]);
      byName.set(name, classes);
    }
  }
  return byName;
}

describe('OpenAPI schema names', () => {
  it('finds the DTO classes', async () => {
    const names = await dtoClasses();
    expect(names.has('CreatedDto')).toBe(true);
    expect(names.has('PageQueryDto')).toBe(true);
    expect(names.size).toBeGreaterThan(100);
  });

  it('gives every DTO class its own name, so no schema overwrites another', async () => {
    const clashes = [...(await dtoClasses())]
      .filter(([, classes]) => classes.size > 1)
      .map(([name, classes]) => `${name}: ${[...classes.values()].map((files) => files[0]).join(', ')}`);
    expect(clashes, 'rename one of each pair (e.g. prefix it with its feature), or share one class from apps/api/src/common').toEqual([]);
  });
});
