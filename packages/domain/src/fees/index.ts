/**
 * The fee engine: schedules, quotes, validation, import/export and the
 * scenario planner. Pure: no framework, no I/O. Exports are listed by name
 * (not `export *`) so that internal helpers stay internal and no name can
 * clash with other modules of the domain package.
 */
export {
  COMPONENT_KINDS,
  FEE_PERIOD_KINDS,
  PAYMENT_KINDS,
  PRO_RATA_METHODS,
  ROUNDING_MODES,
  ROUNDING_UNITS,
  SCHOOL_FACT_CONDITIONS,
  type BaseFeeComponent,
  type DiscountComponent,
  type FeeComponent,
  type FeeComponentKind,
  type FeeCondition,
  type FeeDateRange,
  type FeePeriod,
  type FeePeriodKind,
  type FeeRounding,
  type FeeSchedule,
  type FeeTier,
  type FixedFeeComponent,
  type FlatFeeComponent,
  type InstalmentPart,
  type LiabilityGuarantee,
  type MaximumFeeComponent,
  type MinimumFeeComponent,
  type PaymentTerms,
  type PerPupilComponent,
  type ProRataMethod,
  type ProRataRule,
  type RoundingMode,
  type RoundingUnit,
  type SizeBand,
  type SizeBandsComponent,
  type TierPrice,
  type TierPriceComponent,
} from './fee-schedule';
export type { FeeInstalment, FeeLine, FeeQuote, QuoteOptions, SchoolForFees } from './quote-types';
export { quoteFee } from './quote-fee';
export { sameName } from './conditions';
export { readFeeFactOverrides, schoolFeeFacts, type RegisterFeeFacts, type SchoolFeeFactOverrides, type SchoolFeeFacts } from './school-facts';
export {
  RATE_LOOKS_TOO_HIGH_PENCE,
  RATE_LOOKS_TOO_LOW_PENCE,
  SCHEDULE_WARNING_KINDS,
  analyseFeeSchedule,
  type ScheduleWarning,
  type ScheduleWarningKind,
  type SchoolToCheck,
} from './analyse-schedule';
export { validateFeeSchedule, type FeeScheduleValidation } from './validate-fee-schedule';
export { exportFeeSchedule, importFeeSchedule } from './fee-schedule-json';
export { solveForTarget, totalIncome, type SolveRequest, type SolveResult, type Solved } from './solve-rate';
export {
  EALING_2018_19_SCENARIO_1,
  EALING_2018_19_SCENARIO_2,
  HARINGEY_CORE,
  REDBRIDGE_SIZE_BANDED,
  SERVICE_LEVELS_EXAMPLE,
  THE_PARTNERSHIP_2016_17,
  THE_PARTNERSHIP_2017_18,
} from './examples';
export {
  FEE_CENSUS_MONTH,
  censusName,
  choosePupilFigure,
  enteredPupilFigure,
  feeCensusOf,
  type ApprovedPupilFigure,
  type FeeCensus,
  type PupilFigure,
  type PupilFigureInput,
} from './pupil-figure';
export { groupMembers, SCENARIO_MAX_GROUP_COUNT, SCENARIO_MAX_GROUPS, type MemberGroup, type MemberGroups, type MemberToGroup } from './member-groups';
export {
  PUPIL_COUNT_FAR_PERCENT,
  PUPIL_COUNT_FAR_PUPILS,
  PUPIL_COUNT_MAX,
  PUPIL_COUNT_MIN,
  checkPupilCount,
  farFrom,
  isValidPupilCount,
  pupilCountProblem,
  type PupilCountCheck,
  type PupilCountReferences,
} from './pupil-count';
