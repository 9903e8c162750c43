/**
 * The scenario planner's "current member schools" (issue 14): the members grouped by phase,
 * category and the pupil figure their fee uses, small enough for a scenario.
 *
 * A scenario holds at most `SCENARIO_MAX_GROUPS` groups (the planner's form and the scenario
 * endpoint both refuse more). When the members' exact (phase, pupils, category) groups fit, they
 * are the answer, and a scenario built from them totals exactly what the preview totals. When
 * they do not (a few hundred schools of many sizes already give hundreds), each (phase, category)
 * is cut into pupil bands of about equal numbers of schools, and each band is given as at most two
 * groups, at the whole numbers either side of the band's mean (so many at n, so many at n + 1),
 * keeping the band's total of pupils exactly. A fee that is a base plus a rate per pupil (or any
 * fee straight in pupils within the band) then totals what the preview totals, apart from each
 * school's rounding; a band that straddles a size band's edge, a minimum or a maximum is an
 * estimate, which the answer marks (`exact: false`, each group's pupil range).
 */
import { PHASES } from '../schools/phase';

/** The most groups of schools one scenario may hold (the planner's form keeps as many). */
export const SCENARIO_MAX_GROUPS = 50;
/** The most schools one group may stand for (a scenario group's `count`). */
export const SCENARIO_MAX_GROUP_COUNT = 10_000;

export interface MemberToGroup {
  phase: string;
  /** The pupil figure the fee uses (`choosePupilFigure`); none counts as 0, as the preview prices it. */
  pupils: number | null;
  category: string;
}

export interface MemberGroup {
  phase: string;
  category: string;
  /** The pupils each school of the group is priced with in a scenario. */
  pupils: number;
  count: number;
  /** The smallest and largest real figure among the schools the group stands for (both `pupils` when exact). */
  pupilsMin: number;
  pupilsMax: number;
}

export interface MemberGroups {
  groups: MemberGroup[];
  /** True when every group is schools of exactly one phase, pupil figure and category. */
  exact: boolean;
  schools: number;
}

interface Band {
  phase: string;
  category: string;
  count: number;
  sum: number;
  min: number;
  max: number;
}

const phaseOrder = (phase: string) => {
  const i = (PHASES as readonly string[]).indexOf(phase);
  return i < 0 ? PHASES.length : i;
};

/** Groups of at most `SCENARIO_MAX_GROUP_COUNT` schools each. */
function chunked(group: MemberGroup): MemberGroup[] {
  const out: MemberGroup[] = [];
  for (let left = group.count; left > 0; left -= SCENARIO_MAX_GROUP_COUNT) out.push({ ...group, count: Math.min(left, SCENARIO_MAX_GROUP_COUNT) });
  return out;
}

/** A band as at most two groups whose pupils add up to the band's (n at m, r at m + 1). */
function bandGroups(band: Band): MemberGroup[] {
  const m = Math.floor(band.sum / band.count);
  const r = band.sum - m * band.count;
  const base = { phase: band.phase, category: band.category, pupilsMin: band.min, pupilsMax: band.max };
  return [
    ...(band.count - r > 0 ? [{ ...base, pupils: m, count: band.count - r }] : []),
    ...(r > 0 ? [{ ...base, pupils: m + 1, count: r }] : []),
  ];
}

/** One class's sorted (pupils, count) pairs cut into at most `k` bands of about equal numbers of schools. */
function cut(phase: string, category: string, values: [number, number][], k: number): Band[] {
  const total = values.reduce((a, [, n]) => a + n, 0);
  const bands: Band[] = [];
  let current: Band | null = null;
  let seen = 0;
  for (const [pupils, n] of values) {
    if (!current) current = { phase, category, count: 0, sum: 0, min: pupils, max: pupils };
    current.count += n;
    current.sum += pupils * n;
    current.max = pupils;
    seen += n;
    // Close the band once it reaches its share of the class (the last band takes the rest).
    if (bands.length < k - 1 && seen >= (total * (bands.length + 1)) / k) {
      bands.push(current);
      current = null;
    }
  }
  if (current) bands.push(current);
  return bands;
}

/** The members as at most `maxGroups` scenario groups: exact when they fit, else pupil bands (see above). */
export function groupMembers(input: Iterable<MemberToGroup>, maxGroups = SCENARIO_MAX_GROUPS): MemberGroups {
  const members = [...input];
  // (phase, category) -> pupils -> schools
  const classes = new Map<string, { phase: string; category: string; sizes: Map<number, number> }>();
  let schools = 0;
  for (const m of members) {
    schools += 1;
    const key = JSON.stringify([m.phase, m.category]);
    let c = classes.get(key);
    if (!c) classes.set(key, (c = { phase: m.phase, category: m.category, sizes: new Map() }));
    const pupils = m.pupils ?? 0;
    c.sizes.set(pupils, (c.sizes.get(pupils) ?? 0) + 1);
  }
  const list = [...classes.values()].map((c) => ({ ...c, values: [...c.sizes.entries()].sort((a, b) => a[0] - b[0]) }));
  const sort = (groups: MemberGroup[]) =>
    groups.sort((x, y) => phaseOrder(x.phase) - phaseOrder(y.phase) || x.phase.localeCompare(y.phase) || x.pupils - y.pupils || x.category.localeCompare(y.category));

  const exact = list.flatMap((c) => c.values.map(([pupils, count]) => ({ phase: c.phase, category: c.category, pupils, count, pupilsMin: pupils, pupilsMax: pupils })));
  const exactGroups = exact.flatMap(chunked);
  if (exactGroups.length <= maxGroups) return { groups: sort(exactGroups), exact: true, schools };

  // Bands: each gives at most two groups, so there are half as many bands as groups to share out,
  // at least one per class, then one at a time to the class with the most sizes per band.
  const budget = Math.floor(maxGroups / 2);
  let groups: MemberGroup[];
  if (list.length <= budget) {
    const k = list.map(() => 1);
    for (let spare = budget - list.length; spare > 0; spare--) {
      let best = -1;
      for (let i = 0; i < list.length; i++) {
        if (k[i]! >= list[i]!.values.length) continue;
        if (best < 0 || list[i]!.values.length / k[i]! > list[best]!.values.length / k[best]!) best = i;
      }
      if (best < 0) break;
      k[best]! += 1;
    }
    groups = list.flatMap((c, i) => cut(c.phase, c.category, c.values, k[i]!).flatMap(bandGroups));
  } else if (list.length <= maxGroups) {
    // More phase-and-category pairs than bands (many categories): one group per pair, at its mean.
    groups = list.map((c) => {
      const band = cut(c.phase, c.category, c.values, 1)[0]!;
      return { phase: c.phase, category: c.category, pupils: Math.round(band.sum / band.count), count: band.count, pupilsMin: band.min, pupilsMax: band.max };
    });
  } else {
    // More pairs than a scenario holds: each phase's schools under its commonest category.
    const commonest = new Map<string, { category: string; n: number }>();
    for (const c of list) {
      const n = c.values.reduce((a, [, count]) => a + count, 0);
      const best = commonest.get(c.phase);
      if (!best || n > best.n) commonest.set(c.phase, { category: c.category, n });
    }
    return { ...groupMembers(members.map((m) => ({ ...m, category: commonest.get(m.phase)!.category })), maxGroups), exact: false };
  }
  return { groups: sort(groups.flatMap(chunked)), exact: false, schools };
}
