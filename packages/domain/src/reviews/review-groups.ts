import type { ReviewGroup, ReviewSchool } from './types';

export type GroupingKey = 'area' | 'phase' | 'trust' | 'diocese';

/** A cluster as governance holds it: a body of kind 'cluster' and its schools. */
export interface ClusterInput {
  id: string;
  name: string;
  schoolIds: string[];
}

/** One review group per cluster, in the clusters' order; schools in no cluster are left out, schools in two clusters stay in the first. */
export function groupsFromClusters(clusters: readonly ClusterInput[]): ReviewGroup[] {
  const placed = new Set<string>();
  return clusters.map((cluster) => {
    const schoolIds = [...new Set(cluster.schoolIds)].filter((id) => !placed.has(id));
    schoolIds.forEach((id) => placed.add(id));
    return { id: cluster.id, name: cluster.name, schoolIds };
  });
}

const LABELS: Record<GroupingKey, string> = { area: 'Area', phase: 'Phase', trust: 'Trust', diocese: 'Diocese' };

/**
 * Groups formed by a shared fact (area, phase, trust or diocese), each no larger than `maxSize`
 * (split evenly when larger). Schools without the fact are left out. Ids are stable for the same input.
 */
export function groupsBy(schools: readonly ReviewSchool[], key: GroupingKey, maxSize = 8): ReviewGroup[] {
  const byValue = new Map<string, string[]>();
  for (const school of schools) {
    const value = school[key];
    if (!value) continue;
    byValue.set(value, [...(byValue.get(value) ?? []), school.id]);
  }
  const groups: ReviewGroup[] = [];
  for (const [value, ids] of [...byValue.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const parts = splitEvenly(ids, maxSize);
    parts.forEach((part, i) => groups.push({ id: `${key}:${value}:${i + 1}`, name: parts.length > 1 ? `${LABELS[key]}: ${value} (${i + 1})` : `${LABELS[key]}: ${value}`, schoolIds: part }));
  }
  return groups;
}

/**
 * Cross-phase groups: schools of different phases dealt round-robin by phase into groups of about
 * `size`, so each group mixes phases as far as the schools allow.
 */
export function crossPhaseGroups(schools: readonly ReviewSchool[], size = 4): ReviewGroup[] {
  if (schools.length === 0) return [];
  const count = Math.max(1, Math.round(schools.length / Math.max(2, size)));
  const byPhase = [...schools].sort((a, b) => (a.phase ?? '').localeCompare(b.phase ?? '') || a.id.localeCompare(b.id));
  const groups: ReviewGroup[] = Array.from({ length: count }, (_, i) => ({ id: `cross-phase:${i + 1}`, name: `Cross-phase group ${i + 1}`, schoolIds: [] }));
  byPhase.forEach((school, i) => groups[i % count]!.schoolIds.push(school.id));
  return groups;
}

function splitEvenly<T>(items: T[], maxSize: number): T[][] {
  const parts = Math.max(1, Math.ceil(items.length / Math.max(1, maxSize)));
  const out: T[][] = Array.from({ length: parts }, () => []);
  items.forEach((item, i) => out[i % parts]!.push(item));
  return out;
}
