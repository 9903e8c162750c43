import { describe, expect, it } from 'vitest';
import { formatDate, placesOf, roleLabel } from './labels.ts';

describe('labels', () => {
  it('names roles in plain English, and tidies codes it does not know', () => {
    expect(roleLabel('tenant-admin')).toBe('Partnership admin');
    expect(roleLabel('cluster-lead')).toBe('Cluster lead');
  });

  it('writes dates the British way', () => {
    expect(formatDate('2025-09-01')).toBe('1 September 2025');
    expect(formatDate(null)).toBe('');
  });

  it('lists partnerships, then schools, then the platform for operators', () => {
    const places = placesOf({
      user: { isPlatformOperator: true },
      tenants: [{ slug: 'redbridge', name: 'Redbridge Education Partnership', roles: ['tenant-admin'] }],
      schools: [{ urn: '910001', name: 'Aldborough Hatch Primary School', roles: ['headteacher'] }],
    });
    expect(places.map((p) => p.href)).toEqual(['/p/redbridge', '/s/910001', '/platform']);
  });
});
