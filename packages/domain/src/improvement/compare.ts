import type { Benchmark, BenchmarkSource, Indicator, SchoolSubmission } from './types';

export interface SchoolFigure {
  schoolId: string;
  schoolName: string;
  value: number | null;
  /** 1 = best in the group (ties share a rank); null without a figure. */
  rank: number | null;
  /** 1 = top quarter of the group, 4 = bottom quarter; null without a figure. */
  quartile: 1 | 2 | 3 | 4 | null;
  /** Value minus each benchmark, signed so that positive is better. */
  versus: Partial<Record<BenchmarkSource, number>>;
}

export interface IndicatorComparison {
  indicator: Indicator;
  benchmarks: Partial<Record<BenchmarkSource, number>>;
  median: number | null;
  mean: number | null;
  /** Lower and upper quartile boundaries of the group (Tukey hinges via linear interpolation). */
  lowerQuartile: number | null;
  upperQuartile: number | null;
  schools: SchoolFigure[];
}

const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d;

function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/**
 * The group side by side: for each indicator, every school's figure with its rank and quartile in
 * the group (best first, whichever direction is better), the group's median, mean and quartiles,
 * and the local authority and national benchmarks with each school's difference from them.
 */
export function compareRound(indicators: readonly Indicator[], submissions: readonly SchoolSubmission[], benchmarks: readonly Benchmark[]): IndicatorComparison[] {
  return indicators.map((indicator) => {
    const marks: Partial<Record<BenchmarkSource, number>> = {};
    for (const b of benchmarks) if (b.indicatorCode === indicator.code) marks[b.source] = b.value;
    const sign = indicator.higherIsBetter ? 1 : -1;
    const present = submissions.map((s) => ({ s, value: s.values[indicator.code] ?? null })).filter((x): x is { s: SchoolSubmission; value: number } => typeof x.value === 'number');
    // Best first: descending when higher is better.
    const ordered = [...present].sort((a, b) => sign * (b.value - a.value));
    const n = ordered.length;
    const rankOf = new Map<number, number>();
    ordered.forEach((x, i) => {
      if (!rankOf.has(x.value)) rankOf.set(x.value, i + 1);
    });
    const ascending = present.map((x) => x.value).sort((a, b) => a - b);
    const schools: SchoolFigure[] = submissions.map((s) => {
      const value = s.values[indicator.code] ?? null;
      if (value === null || value === undefined) return { schoolId: s.schoolId, schoolName: s.schoolName, value: null, rank: null, quartile: null, versus: {} };
      const rank = rankOf.get(value)!;
      const quartile = (n <= 1 ? 1 : Math.min(4, Math.floor(((rank - 1) / n) * 4) + 1)) as 1 | 2 | 3 | 4;
      const versus: Partial<Record<BenchmarkSource, number>> = {};
      for (const [source, mark] of Object.entries(marks) as [BenchmarkSource, number][]) versus[source] = round(sign * (value - mark));
      return { schoolId: s.schoolId, schoolName: s.schoolName, value, rank, quartile, versus };
    });
    return {
      indicator,
      benchmarks: marks,
      median: n ? round(quantile(ascending, 0.5)) : null,
      mean: n ? round(ascending.reduce((a, b) => a + b, 0) / n) : null,
      lowerQuartile: n ? round(quantile(ascending, 0.25)) : null,
      upperQuartile: n ? round(quantile(ascending, 0.75)) : null,
      schools,
    };
  });
}

export interface StrengthOrArea {
  indicatorCode: string;
  area: string;
  /** Why, in a sentence ("In the top quarter of the group and 6.2 points above national"). */
  reason: string;
}

export interface SchoolFindings {
  schoolId: string;
  strengths: StrengthOrArea[];
  areasToDevelop: StrengthOrArea[];
}

/**
 * Suggested strengths and areas to develop per school, relative to the group and the benchmarks:
 * a strength is in the group's top quarter and at or above the national (else the local
 * authority) benchmark where one is set; an area to develop is in the bottom quarter or below the
 * benchmark by more than `margin`. The meeting agrees the final list; this is where it starts.
 */
export function findStrengthsAndAreas(comparisons: readonly IndicatorComparison[], margin = 5): SchoolFindings[] {
  const bySchool = new Map<string, SchoolFindings>();
  for (const c of comparisons) {
    const reference: BenchmarkSource | null = c.benchmarks.national !== undefined ? 'national' : c.benchmarks.la !== undefined ? 'la' : null;
    const label = reference === 'national' ? 'national' : 'the local authority';
    const size = c.schools.filter((s) => s.value !== null).length;
    for (const s of c.schools) {
      let f = bySchool.get(s.schoolId);
      if (!f) bySchool.set(s.schoolId, (f = { schoolId: s.schoolId, strengths: [], areasToDevelop: [] }));
      if (s.value === null || s.quartile === null) continue;
      const diff = reference ? s.versus[reference]! : null;
      const diffText = diff === null ? '' : ` and ${Math.abs(diff).toLocaleString('en-GB', { maximumFractionDigits: 1 })} ${c.indicator.unit === 'percent' ? 'points' : ''} ${diff >= 0 ? 'above' : 'below'} ${label}`.replace(/\s+/g, ' ');
      const base = { indicatorCode: c.indicator.code, area: c.indicator.area };
      if (size >= 2 && s.quartile === 1 && (diff === null || diff >= 0)) f.strengths.push({ ...base, reason: `In the top quarter of the group${diffText}`.trim() });
      else if ((size >= 2 && s.quartile === 4) || (diff !== null && diff < -margin)) {
        f.areasToDevelop.push({ ...base, reason: (size >= 2 && s.quartile === 4 ? `In the bottom quarter of the group${diffText}` : `Below ${label} by ${Math.abs(diff!).toLocaleString('en-GB', { maximumFractionDigits: 1 })}`).trim() });
      }
    }
  }
  return [...bySchool.values()];
}
