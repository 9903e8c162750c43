/**
 * The API's vocabulary, as the OpenAPI document declares it (packages/api-client is generated
 * from it). The web keeps only the words for each value: every label record is typed
 * `Record<Phase, string>` and the like, so a value the API adds fails the web's typecheck until
 * it has words, and the lists the pages offer are read from those records.
 */
import type { Schemas } from '@partnerships/api-client';

export type Phase = Schemas['Phase'];
export type MembershipStatus = Schemas['MembershipStatus'];
export type RegisterStatus = Schemas['RegisterStatus'];
export type InvoiceStatus = Schemas['InvoiceStatus'];
export type TenantRole = Schemas['TenantRole'];
export type SchoolRole = Schemas['SchoolRole'];
export type LegalForm = Schemas['LegalForm'];
export type BudgetYear = Schemas['BudgetYear'];
export type SetupStep = Schemas['SetupStep'];
export type FeeComponentKind = Schemas['FeeComponentKind'];

/** The fee schedule document (packages/domain/src/fees/fee-schedule.ts), as the API publishes it. */
export type FeeSchedule = Schemas['FeeScheduleDocumentDto'];
export type FeeComponent = Schemas['FeeComponentDto'];
export type FeeCondition = Schemas['FeeConditionDto'];
export type FeeRounding = Schemas['FeeRoundingDto'];

/** The values of an enum in the order its record lists them. */
export const valuesOf = <K extends string>(record: Record<K, unknown>): readonly K[] => Object.keys(record) as K[];

/** Whether a string (from a form or an address) is one of the values. */
export const isOneOf = <K extends string>(values: readonly K[], value: string | null | undefined): value is K => (values as readonly string[]).includes(value ?? '');
