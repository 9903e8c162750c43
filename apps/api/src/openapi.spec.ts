import 'reflect-metadata';
import { describe, expect, it } from 'vitest';

/**
 * The OpenAPI document names each schema after its DTO class, so two DTO classes with one name
 * silently become one schema (whichever is seen last), and the generated client gets the wrong
 * shape for the other. Every exported class with `@ApiProperty` metadata must have its own name.
 */
/** @nestjs/swagger's metadata keys (its DECORATORS constants, which the package does not export). */
const MODEL_PROPERTIES = 'swagger/apiModelPropertiesArray';
const SCHEMA = 'swagger/apiSchema';

const sources = import.meta.glob<Record<string, unknown>>(['./**/*.ts', '!./**/*.spec.ts', '!./main.ts', '!./cli/**'], { eager: true });

function dtoClasses(): Map<string, Map<Function, string[]>> {
  const byName = new Map<string, Map<Function, string[]>>();
  for (const [file, exports] of Object.entries(sources)) {
    for (const value of Object.values(exports)) {
      if (typeof value !== 'function' || !value.prototype) continue;
      if (!Reflect.hasMetadata(MODEL_PROPERTIES, value.prototype)) continue;
      const name = (Reflect.getMetadata(SCHEMA, value) as { name?: string } | undefined)?.name ?? value.name;
      const classes = byName.get(name) ?? new Map<Function, string[]>();
      classes.set(value, [...(classes.get(value) ?? []), file]);
      byName.set(name, classes);
    }
  }
  return byName;
}

describe('OpenAPI schema names', () => {
  it('finds the DTO classes', () => {
    const names = dtoClasses();
    expect(names.has('CreatedDto')).toBe(true);
    expect(names.has('PageQueryDto')).toBe(true);
    expect(names.size).toBeGreaterThan(100);
  });

  it('gives every DTO class its own name, so no schema overwrites another', () => {
    const clashes = [...dtoClasses()]
      .filter(([, classes]) => classes.size > 1)
      .map(([name, classes]) => `${name}: ${[...classes.values()].map((files) => files[0]).join(', ')}`);
    expect(clashes, 'rename one of each pair (e.g. prefix it with its feature), or share one class from apps/api/src/common').toEqual([]);
  });
});
