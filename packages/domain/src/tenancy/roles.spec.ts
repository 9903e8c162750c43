import { describe, expect, it } from 'vitest';
import { isSlug, isTenantRole } from './roles';
import { isPhase, isUrn } from '../schools/phase';

describe('slugs', () => {
  it.each(['redbridge', 'tower-hamlets', 'b2b'])('accepts %s', (s) => expect(isSlug(s)).toBe(true));
  it.each(['', 'ab', 'Tower', 'tower--hamlets', '-x-y', 'x-y-', 'a'.repeat(41), 'a b'])('refuses %j', (s) => expect(isSlug(s)).toBe(false));
});

describe('codes', () => {
  it('knows roles, phases and URNs', () => {
    expect(isTenantRole('tenant-admin')).toBe(true);
    expect(isTenantRole('headteacher')).toBe(false);
    expect(isPhase('alternative-provision')).toBe(true);
    expect(isPhase('college')).toBe(false);
    expect(isUrn('100001')).toBe(true);
    expect(isUrn('10001')).toBe(false);
  });
});
