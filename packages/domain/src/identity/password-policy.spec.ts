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

  it.each(['Password2024!', 'P@ssw0rd1', 'Summer2025', 'Welcome1!', 'Qwerty123!', 'Liverpool1', '2024football', 'Teacher123'])(
    'refuses the breached-style %j (a common word with digits or symbols)',
    (pw) => expect(passwordProblem(pw)).toMatch(/common word with numbers or symbols/),
  );

  it('refuses a password that is just the person’s name', () =>
    expect(passwordProblem('Rosalind1984', { name: 'Rosalind Franklin' })).toMatch(/your own name/));

  it('accepts a long passphrase with spaces and punctuation, up to 256 characters', () => {
    expect(passwordProblem('the quick brown fox jumps over the lazy dog, twice!')).toBeNull();
    expect(passwordProblem('x'.repeat(10) + ' plus some other words '.repeat(10))).toBeNull();
    expect(passwordProblem('a b c d e f g h i j '.repeat(13) + 'z')).toMatch(/no more than 256/);
  });

  it('refuses a password containing the e-mail name', () =>
    expect(passwordProblem('jane.smith-2026', { email: 'jane.smith@school.test' })).toMatch(/e-mail/));

  it.each(['correct horse battery staple', 'partnerships-demo', 'Tr0ub4dor&3x'])('accepts %j', (pw) => expect(passwordProblem(pw)).toBeNull());
});
