/** Phases of education as the DfE register groups them, in the product's own words. */
export const PHASES = ['nursery', 'primary', 'middle', 'secondary', 'all-through', 'special', 'alternative-provision', 'post-16'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS: Record<Phase, string> = {
  nursery: 'Nursery',
  primary: 'Primary',
  middle: 'Middle',
  secondary: 'Secondary',
  'all-through': 'All-through',
  special: 'Special',
  'alternative-provision': 'Alternative provision',
  'post-16': '16 plus',
};

export function isPhase(value: unknown): value is Phase {
  return typeof value === 'string' && (PHASES as readonly string[]).includes(value);
}

/** A URN is the DfE's six-digit unique reference number. */
export function isUrn(value: unknown): value is string {
  return typeof value === 'string' && /^\d{6}$/.test(value);
}
