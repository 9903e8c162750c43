import type { Phase } from '@partnerships/domain';
import type { DemoSchool } from '../demo-data';

/**
 * More schools for the demo partnerships, so clusters, boards and votes are real. Everything
 * is derived from fixed lists, so every run gives the same fictional names and URNs. The
 * original schools (920001–920006, 930001–930005) keep their rows; these only add their area.
 * Redbridge keeps its six schools (tests of the embedded database count them).
 */
export interface GrownSchool extends DemoSchool {
  area: string;
  character: string;
  /** Ealing's primaries belong to one cluster. */
  cluster?: string;
  head: { email: string; name: string };
}

const FEATURES = ['Meadow', 'Brook', 'Park', 'Oak', 'Vale', 'Lane', 'Fields', 'Green', 'Willow', 'Cedar', 'Ash', 'Beech', 'Hill', 'Grove', 'Common', 'Bridge', 'Mill', 'Orchard', 'Heath', 'Court'];
const FIRST = ['Amira', 'Ben', 'Chloe', 'Dev', 'Ella', 'Femi', 'Grace', 'Hassan', 'Isla', 'Jonah', 'Kiran', 'Leah', 'Marcus', 'Nia', 'Omar', 'Priya', 'Quentin', 'Rosa', 'Sam', 'Tara', 'Usman', 'Vera', 'Wes', 'Yasmin', 'Zac'];
const LAST = ['Adeyemi', 'Bennett', 'Chowdhury', 'Dawson', 'Evans', 'Fernandes', 'Gill', 'Hughes', 'Iqbal', 'Jones', 'Khan', 'Lewis', 'Mensah', 'Nowak', "O'Brien", 'Patel', 'Quinn', 'Rahman', 'Singh', 'Taylor'];
const TYPES = ['Community school', 'Academy converter', 'Voluntary aided school', 'Foundation school', 'Academy sponsor led', 'Voluntary controlled school'];

const personName = (n: number) => `${FIRST[n % FIRST.length]} ${LAST[(n * 7 + 3) % LAST.length]}`;
const characterOf = (type: string, n: number) => (type.startsWith('Voluntary') ? (n % 2 === 0 ? 'Church of England' : 'Roman Catholic') : 'None');

interface Plan {
  urnStart: number;
  postcodes: Record<string, string>;
  /** Per area: how many schools of each phase to add, and (Ealing) the cluster. */
  groups: { area: string; phase: Phase; count: number; cluster?: string }[];
  /** Area and character of the original schools. */
  originals: Record<string, { area: string; cluster?: string }>;
}

const SUFFIX: Partial<Record<Phase, string>> = {
  primary: 'Primary School',
  secondary: 'High School',
  special: 'Special School',
  nursery: 'Nursery School',
  'alternative-provision': 'Learning Centre',
};
const PUPILS: Partial<Record<Phase, number[]>> = { primary: [210, 420, 630, 315], secondary: [900, 1200, 1450], special: [90, 120], nursery: [80], 'alternative-provision': [45] };

const PLANS: Record<string, Plan> = {
  ealing: {
    urnStart: 920007,
    postcodes: { Acton: 'W3', Ealing: 'W5', Hanwell: 'W7', Greenford: 'UB6', Perivale: 'UB6', Northolt: 'UB5', Southall: 'UB1' },
    originals: {
      '920001': { area: 'Acton', cluster: 'Acton' },
      '920002': { area: 'Hanwell', cluster: 'Ealing and Hanwell' },
      '920003': { area: 'Northolt', cluster: 'Northolt' },
      '920004': { area: 'Hanwell', cluster: 'Ealing and Hanwell' },
      '920005': { area: 'Southall' },
      '920006': { area: 'Perivale' },
    },
    groups: [
      { area: 'Acton', phase: 'primary', count: 9, cluster: 'Acton' },
      { area: 'Ealing', phase: 'primary', count: 8, cluster: 'Ealing and Hanwell' },
      { area: 'Greenford', phase: 'primary', count: 5, cluster: 'Greenford and Perivale' },
      { area: 'Perivale', phase: 'primary', count: 4, cluster: 'Greenford and Perivale' },
      { area: 'Northolt', phase: 'primary', count: 8, cluster: 'Northolt' },
      { area: 'Southall', phase: 'primary', count: 10, cluster: 'Southall' },
      { area: 'Acton', phase: 'secondary', count: 1 },
      { area: 'Ealing', phase: 'secondary', count: 2 },
      { area: 'Greenford', phase: 'secondary', count: 1 },
      { area: 'Northolt', phase: 'secondary', count: 1 },
      { area: 'Hanwell', phase: 'secondary', count: 1 },
      { area: 'Southall', phase: 'secondary', count: 1 },
      { area: 'Ealing', phase: 'special', count: 1 },
      { area: 'Southall', phase: 'special', count: 1 },
      { area: 'Acton', phase: 'alternative-provision', count: 1 },
    ],
  },
  'tower-hamlets': {
    urnStart: 930006,
    postcodes: { Bow: 'E3', 'Bethnal Green': 'E2', Poplar: 'E14', Stepney: 'E1', Whitechapel: 'E1', 'Isle of Dogs': 'E14', Limehouse: 'E14', 'Mile End': 'E1' },
    originals: { '930001': { area: 'Bow' }, '930002': { area: 'Limehouse' }, '930003': { area: 'Mile End' }, '930004': { area: 'Stepney' }, '930005': { area: 'Isle of Dogs' } },
    groups: [
      { area: 'Bow', phase: 'primary', count: 4 },
      { area: 'Bethnal Green', phase: 'primary', count: 5 },
      { area: 'Poplar', phase: 'primary', count: 5 },
      { area: 'Stepney', phase: 'primary', count: 3 },
      { area: 'Whitechapel', phase: 'primary', count: 4 },
      { area: 'Isle of Dogs', phase: 'primary', count: 3 },
      { area: 'Bethnal Green', phase: 'secondary', count: 2 },
      { area: 'Poplar', phase: 'secondary', count: 2 },
      { area: 'Bow', phase: 'secondary', count: 1 },
      { area: 'Whitechapel', phase: 'secondary', count: 1 },
      { area: 'Stepney', phase: 'special', count: 2 },
      { area: 'Bow', phase: 'nursery', count: 2 },
      { area: 'Poplar', phase: 'alternative-provision', count: 1 },
    ],
  },
};

/** The schools each demo partnership gains, in URN order. */
export function grownSchools(slug: string, existingNames: Set<string>): GrownSchool[] {
  const plan = PLANS[slug];
  if (!plan) return [];
  const out: GrownSchool[] = [];
  let urn = plan.urnStart;
  let n = 0;
  for (const group of plan.groups) {
    for (let i = 0; i < group.count; i++, n++) {
      const type = group.phase === 'special' ? 'Community special school' : group.phase === 'alternative-provision' ? 'Pupil referral unit' : TYPES[n % TYPES.length]!;
      let f = n;
      let name = `${group.area} ${FEATURES[f % FEATURES.length]} ${SUFFIX[group.phase]}`;
      while (existingNames.has(name)) name = `${group.area} ${FEATURES[++f % FEATURES.length]} ${SUFFIX[group.phase]}`;
      existingNames.add(name);
      const sizes = PUPILS[group.phase] ?? [200];
      const code = String(urn);
      out.push({
        urn: code,
        name,
        phase: group.phase,
        type,
        pupils: sizes[n % sizes.length]!,
        postcode: `${plan.postcodes[group.area]} ${1 + (n % 9)}${String.fromCharCode(65 + (n % 26))}${String.fromCharCode(65 + ((n * 3) % 26))}`,
        category: n % 11 === 10 ? 'associate' : 'full',
        area: group.area,
        character: characterOf(type, n),
        cluster: group.cluster,
        head: { email: `head.${code}@demo.test`, name: personName(urn) },
      });
      urn++;
    }
  }
  return out;
}

/** Area (and Ealing cluster) of an original demo school. */
export function originalDetails(slug: string, urn: string): { area: string; cluster?: string } | null {
  return PLANS[slug]?.originals[urn] ?? null;
}

export { personName, characterOf };
