import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { invalid } from './app-error';

const FIRST = new Set(['isDefined', 'isNotEmpty', 'whitelistValidation']);

function flatten(errors: ValidationError[], prefix = ''): { field: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    // "Enter your e-mail address" says more than "not an e-mail address" about an empty field.
    const constraints = Object.entries(e.constraints ?? {}).sort(([a], [b]) => Number(!FIRST.has(a)) - Number(!FIRST.has(b)));
    const own = constraints.map(([, message]) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Bad input gets a 400 naming each field and why, and changes nothing. */
export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  // One message per field (the first broken rule), so a form shows one clear line each.
  exceptionFactory: (errors) => invalid(flatten(errors).filter((e, i, all) => all.findIndex((x) => x.field === e.field) === i)),
});
