import { describe, expect, it } from 'vitest';
import { slugFromName, splitAreas } from './slug.ts';

describe('web address from a name', () => {
  it.each([
    ['Tower Hamlets Education Partnership', 'tower-hamlets-education-partnership'],
    ['Barking & Dagenham SIP', 'barking-and-dagenham-sip'],
    ['  Église  Schools!! ', 'eglise-schools'],
    ['A very long partnership name that goes on and on for ever', 'a-very-long-partnership-name-that-goes-o'],
  ])('%s -> %s', (name, slug) => expect(slugFromName(name)).toBe(slug));

  it('never ends with a hyphen after shortening', () => expect(slugFromName('abcdefghij abcdefghij abcdefghij abcdefghi xyz')).not.toMatch(/-$/));
});

describe('areas', () => {
  it('splits on commas and lines and drops blanks', () => expect(splitAreas('Haringey, Enfield\n\n  Barking  and Dagenham ;')).toEqual(['Haringey', 'Enfield', 'Barking and Dagenham']));
});
