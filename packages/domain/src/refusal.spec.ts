import { describe, expect, it } from 'vitest';
import { DomainRefusal, isRefusalCode, refuse, refuseAll, refusal, REFUSAL_CODES, succeed, withFieldPrefix } from './refusal';

describe('refusals', () => {
  it('builds a refused result with one refusal, naming the field only when there is one', () => {
    expect(refuse('reason_needed', 'Say why.', 'note')).toEqual({ ok: false, refusals: [{ code: 'reason_needed', message: 'Say why.', field: 'note' }] });
    expect(refuse('not_allowed', 'Not now.')).toEqual({ ok: false, refusals: [{ code: 'not_allowed', message: 'Not now.' }] });
  });

  it('keeps every refusal of a list, in order', () =>
    expect(refuseAll([refusal('invalid_value', 'A', 'a'), refusal('invalid_value', 'B', 'b')]).refusals.map((r) => r.field)).toEqual(['a', 'b']));

  it('wraps a value', () => expect(succeed(3)).toEqual({ ok: true, value: 3 }));

  it('knows its codes, all snake_case and distinct', () => {
    expect(new Set(REFUSAL_CODES).size).toBe(REFUSAL_CODES.length);
    for (const code of REFUSAL_CODES) expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
    expect(isRefusalCode('not_allowed')).toBe(true);
    expect(isRefusalCode('not-allowed')).toBe(false);
  });

  it('throws the same refusals, with their sentences as the message', () => {
    const error = new DomainRefusal([refusal('cannot_solve', 'There is no component 9.'), refusal('cannot_solve', 'Try again.')]);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe('There is no component 9. Try again.');
    expect(error.code).toBe('cannot_solve');
    expect(new DomainRefusal(refusal('invalid_value', 'X')).refusals).toHaveLength(1);
  });

  it('puts fields under a prefix, the whole input at the prefix itself', () =>
    expect(withFieldPrefix([refusal('invalid_value', 'A', 'components[1].ratePence'), refusal('invalid_value', 'B')], 'document')).toEqual([
      { code: 'invalid_value', message: 'A', field: 'document.components[1].ratePence' },
      { code: 'invalid_value', message: 'B', field: 'document' },
    ]));
});
