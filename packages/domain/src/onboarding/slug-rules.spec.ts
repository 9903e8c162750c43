import { describe, expect, it } from 'vitest';
import { RESERVED_SLUGS, slugFromName, slugProblem } from './slug-rules';

describe('slugProblem', () => {
  it.each(['redbridge', 'tower-hamlets', 'the-partnership', 'elp', 'a1b', 'x'.repeat(40)])('accepts %j', (slug) => expect(slugProblem(slug)).toBeNull());

  it.each([
    ['', /Choose a web address/],
    ['ab', /at least 3/],
    ['x'.repeat(41), /at most 40/],
    ['Redbridge', /lower-case/],
    ['red bridge', /only letters a to z/],
    ['ealing_lp', /only letters a to z/],
    ['hàringey', /only letters a to z/],
    ['-ealing', /start or end with a hyphen/],
    ['ealing-', /start or end with a hyphen/],
    ['tower--hamlets', /two hyphens/],
  ])('refuses %j with a reason', (slug, reason) => expect(slugProblem(slug)).toMatch(reason));

  it.each(['api', 'admin', 'www', 'p', 's', 'platform', 'login', 'signup', 'public', 'static', 'assets', 'help', 'docs'])(
    'refuses the reserved word %j, saying it is reserved',
    (slug) => {
      expect(RESERVED_SLUGS).toContain(slug);
      // One-letter words fail on length first: still refused, with a reason.
      expect(slugProblem(slug)).toMatch(slug.length < 3 ? /at least 3/ : /reserved/);
    },
  );
});

describe('slugFromName', () => {
  it.each([
    ['Tower Hamlets Education Partnership', 'tower-hamlets-education-partnership'],
    ['Barking & Dagenham SIP', 'barking-and-dagenham-sip'],
    ['  Haringey  (HEP) ', 'haringey-hep'],
    ['Élan Schools', 'elan-schools'],
  ])('suggests %j -> %j', (name, slug) => {
    expect(slugFromName(name)).toBe(slug);
    expect(slugProblem(slug)).toBeNull();
  });
});
