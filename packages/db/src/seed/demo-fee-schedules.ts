import {
  EALING_2018_19_SCENARIO_1,
  EALING_2018_19_SCENARIO_2,
  type FeeSchedule,
  REDBRIDGE_SIZE_BANDED,
  THE_PARTNERSHIP_2016_17,
  THE_PARTNERSHIP_2017_18,
} from '@partnerships/domain';

/**
 * The published models of shared/DOMAIN.md, per demo partnership: THE Partnership's
 * timeline, both Ealing scenarios (scenario 1 published for 2018-19, scenario 2 a draft
 * version of the same period), and a size-banded Redbridge model.
 */
export const DEMO_FEE_SCHEDULES: Record<string, { document: FeeSchedule; status: 'published' | 'draft' }[]> = {
  'tower-hamlets': [
    { document: THE_PARTNERSHIP_2016_17, status: 'published' },
    { document: THE_PARTNERSHIP_2017_18, status: 'published' },
  ],
  ealing: [
    { document: EALING_2018_19_SCENARIO_1, status: 'published' },
    { document: EALING_2018_19_SCENARIO_2, status: 'draft' },
  ],
  redbridge: [{ document: REDBRIDGE_SIZE_BANDED, status: 'published' }],
};
