import { describe, expect, it } from 'vitest';
import { checkbox, choice, choices, day, pounds, problemAnswer, readFields, text } from './form.ts';

const formOf = (entries: [string, string][]) => {
  const form = new FormData();
  for (const [k, v] of entries) form.append(k, v);
  return form;
};

describe('readFields', () => {
  it('gives typed values when every field reads', () => {
    const read = readFields(formOf([['email', '  a@b.org '], ['role', 'finance'], ['phases', 'primary'], ['phases', 'nonsense'], ['listed', 'yes'], ['amount', '£1,250.50'], ['on', '30/11/2026']]), {
      email: text({ required: 'Enter your e-mail address' }),
      role: choice(['officer', 'finance'], 'Choose a role'),
      phases: choices(['primary', 'secondary']),
      listed: checkbox(),
      amount: pounds('the amount'),
      on: day('Enter a date'),
    });
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.values).toEqual({ email: 'a@b.org', role: 'finance', phases: ['primary'], listed: true, amount: 125050, on: '2026-11-30' });
  });

  it('gives a message per field, in schema order, and what was typed', () => {
    const read = readFields(formOf([['role', 'king'], ['po', 'x'.repeat(101)]]), {
      email: text({ required: 'Enter your e-mail address' }),
      role: choice(['officer'], 'Choose a role'),
      po: text({ max: 100, tooLong: 'Too long' }),
      password: text({ trim: false }),
    });
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.errors).toEqual({ email: 'Enter your e-mail address', role: 'Choose a role', po: 'Too long' });
      expect(Object.keys(read.errors)).toEqual(['email', 'role', 'po']);
      expect(read.echo.role).toBe('king');
    }
  });
});

describe('problemAnswer', () => {
  it('puts field messages beside their fields and leaves the message for the form otherwise', () => {
    expect(problemAnswer({ status: 400, code: 'validation_failed', message: 'Check', fields: { reason: 'Say why' } }, { reason: 'void-reason' })).toEqual({ errors: { 'void-reason': 'Say why' }, message: null });
    expect(problemAnswer({ status: 409, code: 'conflict', message: 'Changed', fields: {} })).toEqual({ errors: {}, message: 'Changed' });
  });
});
