import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it.each([
    ['short', /at least 8/],
    ['password', /most common/],
    ['Password123', /most common/],
    ['aaaaaaaaaa', /repeated/],
    ['1234567890', /most common|run of keys/],
  ])('refuses %j with a reason', (pw, reason) => expect(passwordProblem(pw)).toMatch(reason));

  it('refuses a password containing the e-mail name', () =>
    expect(passwordProblem('jane.smith-2026', { email: 'jane.smith@school.test' })).toMatch(/e-mail/));

  it.each(['correct horse battery staple', 'partnerships-demo', 'Tr0ub4dor&3x'])('accepts %j', (pw) => expect(passwordProblem(pw)).toBeNull());
});
