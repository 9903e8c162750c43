import { describe, expect, it } from 'vitest';
import { brandColourProblem, contrastRatio, LOGO_MAX_BYTES, logoProblem } from './branding';

const PNG_HEADER = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const dataUrl = (type: string, bytes: number[] | string) =>
  `data:${type};base64,${Buffer.from(typeof bytes === 'string' ? bytes : Uint8Array.from(bytes)).toString('base64')}`;

describe('brand colour', () => {
  it('computes WCAG contrast', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
  });

  it.each(['#1d4f91', '#0B0C0C', '#6f2c91'])('accepts %j (white text readable)', (c) => expect(brandColourProblem(c)).toBeNull());
  it.each([
    ['1d4f91', /# and six hex digits/],
    ['#abc', /# and six hex digits/],
    ['#ggg000', /# and six hex digits/],
    ['#ffdd00', /hard to read/],
    ['#00a0e0', /hard to read/],
  ])('refuses %j', (c, reason) => expect(brandColourProblem(c)).toMatch(reason));
});

describe('logo', () => {
  it('accepts a small PNG, JPEG and plain SVG', () => {
    expect(logoProblem(dataUrl('image/png', [...PNG_HEADER, 0, 0, 0, 13]))).toBeNull();
    expect(logoProblem(dataUrl('image/jpeg', [0xff, 0xd8, 0xff, 0xe0, 0, 16]))).toBeNull();
    expect(logoProblem(dataUrl('image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#1d4f91"/></svg>'))).toBeNull();
  });

  it.each([
    [42, /PNG, JPEG or SVG/],
    ['https://example.org/logo.png', /data URL/],
    ['data:image/gif;base64,R0lGODlh', /data URL/],
    ['data:image/png;base64,', /empty/],
    [dataUrl('image/png', 'not really a png'), /not a PNG/],
    [dataUrl('image/jpeg', [...PNG_HEADER]), /not a JPEG/],
    [dataUrl('image/svg+xml', '<html>hello</html>'), /not an SVG/],
    [dataUrl('image/svg+xml', '<svg><script>alert(1)</script></svg>'), /scripts/],
    [dataUrl('image/svg+xml', '<svg onload="alert(1)"></svg>'), /scripts/],
    [dataUrl('image/svg+xml', '<svg><image href="https://tracker.example/x.png"/></svg>'), /elsewhere/],
  ])('refuses %#', (value, reason) => expect(logoProblem(value)).toMatch(reason));

  it('refuses a logo over 200 KB and accepts one just under', () => {
    expect(logoProblem(dataUrl('image/png', [...PNG_HEADER, ...new Array(LOGO_MAX_BYTES - 8).fill(0)]))).toBeNull();
    expect(logoProblem(dataUrl('image/png', [...PNG_HEADER, ...new Array(LOGO_MAX_BYTES).fill(0)]))).toMatch(/200 KB/);
  });
});
