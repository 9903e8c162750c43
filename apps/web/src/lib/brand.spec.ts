import { describe, expect, it } from 'vitest';
import { brandStylesheetHref, contrastWithWhite, describeBrandColour, usableBrandColour } from './brand.ts';

describe('brand colour', () => {
  it('measures white text against a colour as WCAG does', () => {
    expect(contrastWithWhite('#000000')).toBeCloseTo(21, 5);
    expect(contrastWithWhite('#ffffff')).toBeCloseTo(1, 5);
    expect(contrastWithWhite('blue')).toBeNull();
  });

  it.each(['#1d4f91', '#5B2A86', '#00606b', '#b3261e'])('uses %s, which white text can be read on', (colour) => expect(usableBrandColour(colour)).toBe(colour.toLowerCase()));

  it.each(['#ffdd00', '#00a0e0', 'red', '#abc', '', null, undefined, '#1d4f91;} body{display:none'])('falls back for %j', (colour) => expect(usableBrandColour(colour)).toBeNull());

  it('builds the stylesheet address with the # escaped', () => expect(brandStylesheetHref('#1d4f91')).toBe('/brand.css?colour=%231d4f91'));

  it('explains as someone types', () => {
    expect(describeBrandColour('')).toBeNull();
    expect(describeBrandColour('#1d4f91')).toEqual({ ok: true, text: expect.stringContaining('easy to read') });
    expect(describeBrandColour('#ffdd00')).toEqual({ ok: false, text: expect.stringContaining('Choose a darker shade') });
    expect(describeBrandColour('1d4f91')?.text).toContain('six hex digits');
  });
});
