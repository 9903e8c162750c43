import {
  EALING_2018_19_SCENARIO_1,
  EALING_2018_19_SCENARIO_2,
  exportFeeSchedule,
  type FeeSchedule,
  HARINGEY_CORE,
  REDBRIDGE_SIZE_BANDED,
  SERVICE_LEVELS_EXAMPLE,
  THE_PARTNERSHIP_2017_18,
} from '@partnerships/domain';
import type { FeeScheduleTemplateDto } from './fee-schedules.dto';

/** A fresh, editable copy of a frozen example, as the same stable JSON an export gives. */
const copy = (schedule: FeeSchedule) => JSON.parse(exportFeeSchedule(schedule)) as Record<string, unknown>;

/** The engine's examples, as starting points for a partnership's own schedule. */
export const FEE_SCHEDULE_TEMPLATES: FeeScheduleTemplateDto[] = [
  {
    key: 'per-pupil',
    name: 'A rate per pupil',
    description: 'Every school pays the same amount for each pupil on roll, in advance (THE Partnership: £5 per pupil).',
    document: copy(THE_PARTNERSHIP_2017_18),
  },
  {
    key: 'base-and-per-pupil',
    name: 'A base fee and a rate per pupil, by phase',
    description: 'Primary and secondary schools pay a base fee plus a rate per pupil; special schools a flat fee; rounded to whole pounds (Ealing 2018–19, scenario 1).',
    document: copy(EALING_2018_19_SCENARIO_1),
  },
  {
    key: 'base-and-per-pupil-2',
    name: 'A base fee and a rate per pupil, fewer subscribers',
    description: 'The same model with a higher primary rate for 50 rather than 60 primary schools (Ealing 2018–19, scenario 2).',
    document: copy(EALING_2018_19_SCENARIO_2),
  },
  {
    key: 'per-pupil-termly',
    name: 'A rate per pupil, paid termly',
    description: 'A core offer at a rate per pupil, invoiced in three termly instalments (Haringey: £19 per pupil).',
    document: copy(HARINGEY_CORE),
  },
  {
    key: 'size-bands',
    name: 'Fees by school size',
    description: 'A subscription by size band, with flat fees for special schools and associate members (Redbridge-style).',
    document: copy(REDBRIDGE_SIZE_BANDED),
  },
  {
    key: 'service-levels',
    name: 'Service levels',
    description: 'A core fee per pupil plus a basic, standard or advanced level of service, a minimum fee and a federation discount.',
    document: copy(SERVICE_LEVELS_EXAMPLE),
  },
];
