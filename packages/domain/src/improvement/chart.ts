import { formatIndicatorValue } from './data-set';
import type { IndicatorComparison } from './compare';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface ComparisonChart {
  /** A self-contained SVG (role="img", titled and described) for the web page or the report. */
  svg: string;
  /** The same information in words, for screen readers and the text-only report. */
  text: string;
}

/**
 * One indicator's horizontal bar chart: one bar per school (best first), a dashed line for each
 * benchmark. Every bar is labelled with its value, so the chart never depends on colour alone.
 */
export function comparisonChart(c: IndicatorComparison): ComparisonChart {
  const rows = c.schools.filter((s) => s.value !== null).sort((a, b) => a.rank! - b.rank!);
  const missing = c.schools.filter((s) => s.value === null);
  const label = 220;
  const width = 640;
  const plot = width - label - 70;
  const barH = 18;
  const gap = 6;
  const top = 30;
  const height = top + rows.length * (barH + gap) + 30;
  const values = [...rows.map((r) => r.value!), ...Object.values(c.benchmarks)];
  const max = Math.max(c.indicator.unit === 'percent' ? 100 : 0, ...values, 1);
  const min = Math.min(0, ...values);
  const x = (v: number) => label + ((v - min) / (max - min)) * plot;
  const title = `${c.indicator.name}: schools side by side`;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="t d">`);
  parts.push(`<title id="t">${escape(title)}</title><desc id="d">${escape(chartText(c, rows, missing))}</desc>`);
  parts.push(`<text x="0" y="18" font-family="sans-serif" font-size="14" font-weight="bold">${escape(c.indicator.name)}</text>`);
  rows.forEach((r, i) => {
    const y = top + i * (barH + gap);
    parts.push(`<text x="${label - 6}" y="${y + 13}" text-anchor="end" font-family="sans-serif" font-size="12">${escape(r.schoolName.slice(0, 34))}</text>`);
    parts.push(`<rect x="${x(Math.min(0, r.value!))}" y="${y}" width="${Math.max(1, Math.abs(x(r.value!) - x(0))).toFixed(1)}" height="${barH}" fill="${r.quartile === 1 ? '#1d6b3a' : r.quartile === 4 ? '#a33b20' : '#2b5f8a'}"/>`);
    parts.push(`<text x="${(x(r.value!) + 4).toFixed(1)}" y="${y + 13}" font-family="sans-serif" font-size="12">${escape(formatIndicatorValue(c.indicator, r.value))}</text>`);
  });
  const bottom = top + rows.length * (barH + gap);
  for (const [source, value] of Object.entries(c.benchmarks)) {
    const bx = x(value).toFixed(1);
    parts.push(`<line x1="${bx}" x2="${bx}" y1="${top - 4}" y2="${bottom}" stroke="#222" stroke-dasharray="4 3"/>`);
    parts.push(`<text x="${bx}" y="${source === 'la' ? bottom + 14 : bottom + 26}" text-anchor="middle" font-family="sans-serif" font-size="11">${source === 'la' ? 'LA' : 'National'} ${escape(formatIndicatorValue(c.indicator, value))}</text>`);
  }
  parts.push('</svg>');
  return { svg: parts.join(''), text: chartText(c, rows, missing) };
}

function chartText(c: IndicatorComparison, rows: IndicatorComparison['schools'], missing: IndicatorComparison['schools']): string {
  const f = (v: number | null) => formatIndicatorValue(c.indicator, v);
  const marks = [c.benchmarks.la !== undefined ? `local authority ${f(c.benchmarks.la)}` : null, c.benchmarks.national !== undefined ? `national ${f(c.benchmarks.national)}` : null].filter(Boolean);
  const list = rows.map((r) => `${r.schoolName} ${f(r.value)}`).join('; ');
  return `${c.indicator.name} (${c.indicator.higherIsBetter ? 'higher is better' : 'lower is better'}), best first: ${list || 'no figures yet'}.` +
    (c.median !== null ? ` Group median ${f(c.median)}.` : '') +
    (marks.length ? ` Benchmarks: ${marks.join(', ')}.` : '') +
    (missing.length ? ` No figure from ${missing.map((m) => m.schoolName).join(', ')}.` : '');
}
