import { describe, expect, it } from 'vitest';
import { parseProblem } from './problem.ts';

describe('parseProblem', () => {
  it('keeps the API message for people and the first message for each field', () => {
    const parsed = parseProblem(
      {
        status: 400,
        code: 'validation_failed',
        detail: 'Some of the details need correcting.',
        errors: [
          { field: 'email', message: 'Enter an e-mail address in the right format' },
          { field: 'email', message: 'A second message for the same field' },
          { field: 'role', message: 'Choose a role' },
        ],
      },
      400,
    );
    expect(parsed).toEqual({
      status: 400,
      code: 'validation_failed',
      message: 'Some of the details need correcting.',
      fields: { email: 'Enter an e-mail address in the right format', role: 'Choose a role' },
    });
  });

  it('gives a plain message when the body is not a problem (an HTML error page, nothing at all)', () => {
    expect(parseProblem('<html>Bad gateway</html>', 502).message).toBe('Sorry, something went wrong. Please try again later.');
    expect(parseProblem(undefined, 429)).toMatchObject({ status: 429, code: 'unknown', message: 'Too many attempts. Please wait a few minutes and try again.' });
  });

  it('ignores malformed field entries', () => {
    expect(parseProblem({ status: 400, detail: 'x', errors: [{ field: 1, message: 'no' }, null, 'text'] }, 400).fields).toEqual({});
  });
});
