import type { ConflictRules } from '@partnerships/domain';

/** The conflict rules a programme adds (stored as jsonb; last cycle's pairs are derived, not stored). */
export type ReviewConflictRulesJson = Omit<ConflictRules, 'lastCycle'>;
export type ReviewGroupFormedBy = 'cluster' | 'area' | 'phase' | 'trust' | 'diocese' | 'cross_phase' | 'hand';
