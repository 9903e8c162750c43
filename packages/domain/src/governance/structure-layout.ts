import type { LayoutEdge, LayoutNode, StructureBody, StructureLabels, StructureLayout, StructureLink } from './types';

export interface LayoutOptions {
  nodeWidth?: number;
  nodeHeight?: number;
  /** Space between boxes side by side. */
  gapX?: number;
  /** Space between rows. */
  gapY?: number;
  margin?: number;
  /** A layer with more bodies than this wraps onto several rows (60 clusters do not fit side by side). */
  maxPerRow?: number;
}

const DEFAULTS: Required<LayoutOptions> = { nodeWidth: 220, nodeHeight: 60, gapX: 24, gapY: 56, margin: 24, maxPerRow: 8 };

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Lays the structure out in layers for a diagram: layer 0 holds the bodies
 * that report to nobody, and each other body sits one layer below the lowest
 * of the bodies it reports to (a body may report to several). Within a layer
 * bodies sit under the middle of their parents (then by name), and a layer
 * too wide for the page wraps onto more rows. Links to unknown bodies, links
 * from a body to itself and links that close a circle are reported as
 * problems and left out.
 */
export function layoutStructure(bodies: readonly StructureBody[], links: readonly StructureLink[], options: LayoutOptions = {}): StructureLayout {
  const o = { ...DEFAULTS, ...options };
  const problems: string[] = [];
  const known = new Map(bodies.map((body) => [body.id, body]));
  const nameOf = (id: string) => known.get(id)?.name ?? id;
  const parents = new Map<string, string[]>(bodies.map((body) => [body.id, []]));
  const seen = new Set<string>();
  for (const link of links) {
    if (!known.has(link.childId) || !known.has(link.parentId)) {
      problems.push(`A reporting line refers to a body that does not exist (${!known.has(link.childId) ? link.childId : link.parentId}).`);
      continue;
    }
    if (link.childId === link.parentId) {
      problems.push(`${nameOf(link.childId)} cannot report to itself.`);
      continue;
    }
    const key = `${link.childId}\u0000${link.parentId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    parents.get(link.childId)!.push(link.parentId);
  }
  for (const list of parents.values()) list.sort(byText);

  // Break circles: walk from each body (in a fixed order) up its parents; a parent already on the path closes a circle.
  const state = new Map<string, 'visiting' | 'done'>();
  const ordered = [...bodies].sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id));
  const visit = (id: string) => {
    state.set(id, 'visiting');
    for (const parent of [...parents.get(id)!]) {
      if (state.get(parent) === 'visiting') {
        problems.push(`The reporting lines go round in a circle: ${nameOf(id)} reports to ${nameOf(parent)}, which already reports (directly or not) to ${nameOf(id)}. That line is left out of the diagram.`);
        parents.set(id, parents.get(id)!.filter((p) => p !== parent));
      } else if (!state.has(parent)) visit(parent);
    }
    state.set(id, 'done');
  };
  for (const body of ordered) if (!state.has(body.id)) visit(body.id);

  // Layer = longest chain of parents above the body.
  const layerOf = new Map<string, number>();
  const layer = (id: string): number => {
    const cached = layerOf.get(id);
    if (cached !== undefined) return cached;
    const value = parents.get(id)!.length === 0 ? 0 : 1 + Math.max(...parents.get(id)!.map(layer));
    layerOf.set(id, value);
    return value;
  };
  for (const body of ordered) layer(body.id);
  const layerCount = bodies.length === 0 ? 0 : Math.max(...layerOf.values()) + 1;
  const layers: string[][] = Array.from({ length: layerCount }, () => []);
  for (const body of ordered) layers[layerOf.get(body.id)!]!.push(body.id);

  // Order each layer under the average position of its parents (barycentre), keeping names as the tie-break.
  const position = new Map<string, number>();
  layers.forEach((ids, index) => {
    if (index > 0) {
      const centre = (id: string) => {
        const ps = parents.get(id)!.map((p) => position.get(p)!);
        return ps.reduce((sum, p) => sum + p, 0) / ps.length;
      };
      const centres = new Map(ids.map((id) => [id, centre(id)]));
      ids.sort((a, b) => centres.get(a)! - centres.get(b)! || byText(nameOf(a), nameOf(b)) || byText(a, b));
    }
    ids.forEach((id, i) => position.set(id, i));
  });

  // Rows: each layer wraps at maxPerRow; every row is centred on the widest row.
  const rows: string[][] = [];
  const rowLayer: number[] = [];
  layers.forEach((ids, index) => {
    for (let i = 0; i < ids.length; i += o.maxPerRow) {
      rows.push(ids.slice(i, i + o.maxPerRow));
      rowLayer.push(index);
    }
  });
  const widest = Math.max(0, ...rows.map((row) => row.length));
  const contentWidth = widest === 0 ? 0 : widest * o.nodeWidth + (widest - 1) * o.gapX;
  const width = contentWidth + 2 * o.margin;
  const height = rows.length === 0 ? 2 * o.margin : rows.length * o.nodeHeight + (rows.length - 1) * o.gapY + 2 * o.margin;
  const nodes: LayoutNode[] = [];
  const nodeById = new Map<string, LayoutNode>();
  rows.forEach((row, r) => {
    const rowWidth = row.length * o.nodeWidth + (row.length - 1) * o.gapX;
    const left = o.margin + (contentWidth - rowWidth) / 2;
    row.forEach((id, i) => {
      const node: LayoutNode = { id, layer: rowLayer[r]!, x: left + i * (o.nodeWidth + o.gapX), y: o.margin + r * (o.nodeHeight + o.gapY), width: o.nodeWidth, height: o.nodeHeight };
      nodes.push(node);
      nodeById.set(id, node);
    });
  });

  const edges: LayoutEdge[] = [];
  for (const body of ordered) {
    const child = nodeById.get(body.id)!;
    for (const parentId of parents.get(body.id)!) {
      const parent = nodeById.get(parentId)!;
      const from = { x: parent.x + parent.width / 2, y: parent.y + parent.height };
      const to = { x: child.x + child.width / 2, y: child.y };
      const midY = child.y - o.gapY / 2;
      edges.push({ childId: body.id, parentId, points: from.x === to.x ? [from, to] : [from, { x: from.x, y: midY }, { x: to.x, y: midY }, to] });
    }
  }
  return { layers, nodes, edges, width, height, problems };
}

/** Escapes text for SVG/XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Shortens text to fit a box, roughly `max` characters, ending with an ellipsis. */
function fit(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** "A, B and C" */
function listOf(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The text alternative of the diagram: who reports to whom, in reading order. */
export function structureDescription(layout: StructureLayout, labels: StructureLabels): string {
  const name = (id: string) => labels.names[id] ?? id;
  if (layout.nodes.length === 0) return 'There are no bodies yet.';
  const sentences = layout.layers.flat().map((id) => {
    const parents = layout.edges.filter((edge) => edge.childId === id).map((edge) => name(edge.parentId));
    const detail = labels.details?.[id] ? ` (${labels.details[id]})` : '';
    return parents.length === 0 ? `${name(id)}${detail} reports to no other body.` : `${name(id)}${detail} reports to ${listOf(parents)}.`;
  });
  return sentences.join(' ');
}

const COLOURS = {
  text: '#111827', // on white: 17.7:1
  detail: '#374151', // on white: 10.3:1
  box: '#ffffff',
  border: '#1f2937',
  line: '#4b5563', // against white: 7.6:1 (non-text contrast needs 3:1)
  topBox: '#e0e7ff', // text #111827 on it: 14.9:1
};

/**
 * The structure as a complete, accessible SVG: role="img" with a <title> and
 * a <desc> that says in words who reports to whom, boxes with the full name
 * in a tooltip when it had to be shortened, arrows from each body up to the
 * bodies it reports to, text at 14 and 12 px in colours that meet WCAG AA on
 * their backgrounds, and all text escaped.
 */
export function structureSvg(layout: StructureLayout, labels: StructureLabels): string {
  const name = (id: string) => labels.names[id] ?? id;
  // Average glyph widths of a sans-serif face: bold names about 0.62 em, regular details about 0.56 em.
  const maxChars = (width: number, px: number) => Math.max(4, Math.floor((width - 20) / (px * (px >= 14 ? 0.62 : 0.56))));
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="img" aria-labelledby="structure-title structure-desc" font-family="system-ui, -apple-system, 'Segoe UI', Arial, sans-serif">`,
    `<title id="structure-title">${escapeXml(labels.title)}</title>`,
    `<desc id="structure-desc">${escapeXml(structureDescription(layout, labels))}</desc>`,
    '<defs><marker id="structure-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">' +
      `<path d="M0,0 L10,5 L0,10 z" fill="${COLOURS.line}"/></marker></defs>`,
    `<rect x="0" y="0" width="${layout.width}" height="${layout.height}" fill="#ffffff"/>`,
  );
  for (const edge of layout.edges) {
    // Drawn from the child up to the parent, so the arrow points at the body reported to.
    const points = [...edge.points].reverse();
    const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)},${round(p.y)}`).join(' ');
    parts.push(`<path d="${d}" fill="none" stroke="${COLOURS.line}" stroke-width="1.5" marker-end="url(#structure-arrow)"/>`);
  }
  for (const node of layout.nodes) {
    const full = name(node.id);
    const shown = fit(full, maxChars(node.width, 14));
    const detail = labels.details?.[node.id];
    const cx = round(node.x + node.width / 2);
    const fill = node.layer === 0 ? COLOURS.topBox : COLOURS.box;
    parts.push(`<g>`);
    if (shown !== full || (detail && fit(detail, maxChars(node.width, 12)) !== detail)) parts.push(`<title>${escapeXml(detail ? `${full}: ${detail}` : full)}</title>`);
    parts.push(`<rect x="${round(node.x)}" y="${round(node.y)}" width="${node.width}" height="${node.height}" rx="6" fill="${fill}" stroke="${COLOURS.border}" stroke-width="1.5"/>`);
    const nameY = round(node.y + (detail ? node.height / 2 - 4 : node.height / 2 + 5));
    parts.push(`<text x="${cx}" y="${nameY}" text-anchor="middle" font-size="14" font-weight="600" fill="${COLOURS.text}">${escapeXml(shown)}</text>`);
    if (detail) {
      parts.push(`<text x="${cx}" y="${round(node.y + node.height / 2 + 14)}" text-anchor="middle" font-size="12" fill="${COLOURS.detail}">${escapeXml(fit(detail, maxChars(node.width, 12)))}</text>`);
    }
    parts.push(`</g>`);
  }
  parts.push('</svg>');
  return parts.join('\n');
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
