import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeXml, layoutStructure, structureDescription, structureSvg } from './structure-layout';
import type { StructureBody, StructureLink } from './types';

const body = (id: string, name = id.toUpperCase(), kind: StructureBody['kind'] = 'committee'): StructureBody => ({ id, name, kind });
const link = (childId: string, parentId: string): StructureLink => ({ childId, parentId });

const bodies = [body('board', 'Board', 'board'), body('sb', 'Strategy Board', 'strategy_board'), body('c1', 'Acton cluster', 'cluster'), body('c2', 'Southall cluster', 'cluster'), body('sen', 'SEN & Inclusion')];
const links = [link('sb', 'board'), link('c1', 'sb'), link('c2', 'sb'), link('sen', 'board'), link('sen', 'sb')];
const names = Object.fromEntries(bodies.map((b) => [b.id, b.name]));

describe('layoutStructure', () => {
  it('puts bodies with no parent on top and each body below the lowest body it reports to', () => {
    const layout = layoutStructure(bodies, links);
    expect(layout.layers).toEqual([['board'], ['sb'], ['c1', 'sen', 'c2']]);
    expect(layout.problems).toEqual([]);
    const y = (id: string) => layout.nodes.find((n) => n.id === id)!.y;
    expect(y('board')).toBeLessThan(y('sb'));
    expect(y('sb')).toBeLessThan(y('c1'));
    expect(layout.edges).toHaveLength(5);
  });

  it('reports circles, self-links and unknown bodies, and still lays everything out', () => {
    const layout = layoutStructure([body('a'), body('b'), body('c')], [link('a', 'b'), link('b', 'c'), link('c', 'a'), link('a', 'a'), link('a', 'zz')]);
    expect(layout.problems).toHaveLength(3);
    expect(layout.problems.some((p) => p.includes('round in a circle'))).toBe(true);
    expect(layout.problems).toContain('A cannot report to itself.');
    expect(layout.problems).toContain('A reporting line refers to a body that does not exist (zz).');
    expect(layout.layers.flat().sort()).toEqual(['a', 'b', 'c']);
    expect(layout.edges).toHaveLength(2);
  });

  it('wraps a very wide layer onto several rows', () => {
    const clusters = Array.from({ length: 20 }, (_, i) => body(`c${String(i).padStart(2, '0')}`));
    const layout = layoutStructure([body('board'), ...clusters], clusters.map((c) => link(c.id, 'board')), { maxPerRow: 8 });
    expect(new Set(layout.nodes.map((n) => n.y)).size).toBe(4);
    expect(layout.width).toBe(8 * 220 + 7 * 24 + 48);
  });

  it('lays out nothing for no bodies', () => expect(layoutStructure([], [])).toMatchObject({ layers: [], nodes: [], edges: [], problems: [] }));

  it('lays out a 300-body structure quickly', () => {
    const many = Array.from({ length: 300 }, (_, i) => body(`b${i}`));
    const manyLinks = many.slice(1).map((b, i) => link(b.id, `b${Math.floor(i / 4)}`));
    const started = performance.now();
    const layout = layoutStructure(many, manyLinks);
    structureSvg(layout, { title: 'Big', names: {} });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(layout.nodes).toHaveLength(300);
  });
});

describe('structureSvg', () => {
  const layout = layoutStructure(bodies, links);
  const svg = structureSvg(layout, { title: 'How <Ealing> is governed', names, details: { board: 'Board · 12 seats' } });

  it('is an accessible image with a title and a text alternative saying who reports to whom', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="structure-title structure-desc"');
    expect(svg).toContain('<title id="structure-title">How &lt;Ealing&gt; is governed</title>');
    expect(structureDescription(layout, { title: '', names })).toBe(
      'Board reports to no other body. Strategy Board reports to Board. Acton cluster reports to Strategy Board. SEN & Inclusion reports to Board and Strategy Board. Southall cluster reports to Strategy Board.',
    );
    expect(svg).toContain('SEN &amp; Inclusion reports to Board and Strategy Board.');
  });

  it('escapes text and uses readable sizes', () => {
    expect(svg).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#39;)/);
    const sizes = [...svg.matchAll(/font-size="(\d+)"/g)].map((m) => Number(m[1]));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('uses colours with AA contrast for its text', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const contrast = (a: string, b: string) => (Math.max(luminance(a), luminance(b)) + 0.05) / (Math.min(luminance(a), luminance(b)) + 0.05);
    const backgrounds = [...svg.matchAll(/<rect [^>]*fill="(#[0-9a-f]{6})"/g)].map((m) => m[1]!);
    const texts = [...svg.matchAll(/<text [^>]*fill="(#[0-9a-f]{6})"/g)].map((m) => m[1]!);
    for (const bg of new Set(backgrounds)) for (const fg of new Set(texts)) expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });

  it('shortens a long name in its box and keeps it whole in a tooltip', () => {
    const long = 'Recruitment, Retention and Building Sustainable Schools Working Party';
    const out = structureSvg(layoutStructure([body('w', long)], []), { title: 't', names: { w: long } });
    expect(out).toContain(`<title>${escapeXml(long)}</title>`);
    expect(out).toMatch(/>Recruitment, Retention[^<]*…<\/text>/);
  });
});

const graphArb = fc.integer({ min: 1, max: 25 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    links: fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })), { maxLength: 40 }),
  }),
);

describe('layout properties', () => {
  it('places every body once, never overlapping, with each parent above each child', () =>
    fc.assert(
      fc.property(graphArb, ({ n, links: pairs }) => {
        const bs = Array.from({ length: n }, (_, i) => body(`b${i}`));
        const layout = layoutStructure(bs, pairs.map(([c, p]) => link(`b${c}`, `b${p}`)));
        expect(layout.nodes).toHaveLength(n);
        expect(layout.layers.flat().sort()).toEqual(bs.map((b) => b.id).sort());
        const at = new Map(layout.nodes.map((node) => [node.id, node]));
        for (const e of layout.edges) expect(at.get(e.parentId)!.y).toBeLessThan(at.get(e.childId)!.y);
        for (const a of layout.nodes)
          for (const b of layout.nodes)
            if (a !== b) expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(true);
        for (const node of layout.nodes) {
          expect(node.x + node.width).toBeLessThanOrEqual(layout.width);
          expect(node.y + node.height).toBeLessThanOrEqual(layout.height);
        }
        expect(layout.layers[0]?.every((id) => !layout.edges.some((e) => e.childId === id)) ?? true).toBe(true);
      }),
    ));
});
