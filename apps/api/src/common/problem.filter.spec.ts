import { refusal, REFUSAL_CODES } from '@partnerships/domain';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from './error-codes';
import { refusalProblem } from './problem.filter';

describe('refusalProblem', () => {
  it('answers field problems as validation_failed, one error per named field', () =>
    expect(refusalProblem([refusal('invalid_value', 'The name is missing.', 'document.name'), refusal('invalid_value', 'Too big.', 'document.period')])).toEqual({
      status: 400,
      code: 'validation_failed',
      detail: 'Some of the details need correcting.',
      errors: [
        { field: 'document.name', message: 'The name is missing.' },
        { field: 'document.period', message: 'Too big.' },
      ],
    }));

  it('answers a refused move as a 409 with the sentence itself', () =>
    expect(refusalProblem([refusal('not_allowed', 'The application cannot be approved because the membership is active.')])).toEqual({
      status: 409,
      code: 'transition_refused',
      detail: 'The application cannot be approved because the membership is active.',
    }));

  it('leaves out the summary of an incomplete application, listing each field', () =>
    expect(refusalProblem([refusal('application_incomplete', 'It still needs: a; b.'), refusal('application_incomplete', 'Still needed: a.', 'acceptTerms')]).errors).toEqual([
      { field: 'acceptTerms', message: 'Still needed: a.' },
    ]));

  it('has a status for every refusal code, and publishes every code it answers with', () => {
    for (const code of REFUSAL_CODES) {
      const problem = refusalProblem([refusal(code, 'x')]);
      expect([400, 403, 404, 409]).toContain(problem.status);
      expect(ERROR_CODES).toContain(problem.code);
    }
  });
});
