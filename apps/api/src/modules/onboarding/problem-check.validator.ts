import { type ValidationArguments, ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * A class-validator rule from a domain check that returns the reason a value is refused
 * (or null), so the API names the field with the same words the domain uses, alongside the
 * other fields' problems in one 400.
 */
export function ProblemCheck(check: (value: unknown, object: Record<string, unknown>) => string | null, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'problemCheck',
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => check(value, (args?.object ?? {}) as Record<string, unknown>) === null,
        defaultMessage: (args?: ValidationArguments) => check(args?.value, (args?.object ?? {}) as Record<string, unknown>) ?? 'This value cannot be used.',
      },
    },
    options,
  );
}
