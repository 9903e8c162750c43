import * as coreEntities from './core';
import * as governanceEntities from './governance';

// The core and governance (issue 10) tables: one export line each in ./core and ./governance.
export * from './core';
export * from './governance';
export type { AgendaItemKind } from './governance/agenda-item.entity';
export type { MeetingRecordStatus } from './governance/meeting.entity';
export type { ActionPlanItem, AnnualRhythmItem, BodyRhythm } from './governance/governance-json';
export type { BillingCounterSeries } from './billing-counter.entity';
export type { BillingRunStatus } from './billing-run.entity';
export type { BillingRunItemStatus } from './billing-run-item.entity';
export type { FeeScheduleStatus } from './fee-schedule.entity';
export type { InvoiceKind } from './invoice.entity';
export type { PupilCountSource, PupilCountStatus } from './school-pupil-count.entity';
export type { SchoolImportStatus } from './school-import.entity';
export type { TenantPlan, TenantStatus } from './tenant.entity';
export { bigintAsNumber } from './column-transformers';
// General meetings and elections (issue 10)
export * from './general-meetings';
import { GENERAL_MEETING_ENTITIES } from './general-meetings';
// Offers (issue 11)
export * from './offers';
import { OFFER_ENTITIES } from './offers';
// CPD events (issue 11)
export * from './events';
import { EVENT_ENTITIES } from './events';
// Peer reviews and confidential school development reviews (issue 12)
export * from './reviews';
export * from './improvement';
import { REVIEW_ENTITIES } from './reviews';
import { IMPROVEMENT_ENTITIES } from './improvement';

/** The entity classes a module exports (its `export { X } from './x.entity'` lines). */
function entityClasses(module: Record<string, unknown>): Function[] {
  return Object.values(module).filter((value): value is Function => typeof value === 'function');
}

/** Every table's entity (the entity-schema test fails when a table has none). Add a new core entity as one export line in ./core.ts. */
export const ENTITIES = [
  ...entityClasses(coreEntities),
  ...entityClasses(governanceEntities),
  ...GENERAL_MEETING_ENTITIES,
  ...OFFER_ENTITIES,
  ...EVENT_ENTITIES,
  ...REVIEW_ENTITIES,
  ...IMPROVEMENT_ENTITIES,
];
