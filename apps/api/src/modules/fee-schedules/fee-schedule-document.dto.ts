import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { COMPONENT_KINDS, PHASES } from '@partnerships/domain';

export class FeePeriodDto {
  @ApiProperty({ enum: ['academic-year', 'financial-year', 'custom'] }) kind: string;
  @ApiProperty({ example: '2018-09-01' }) start: string;
  @ApiProperty({ example: '2019-08-31' }) end: string;
  @ApiProperty({ example: '2018–19' }) label: string;
}

export class FeeRoundingDto {
  @ApiProperty({ enum: ['penny', 'pound'] }) unit: string;
  @ApiProperty({ enum: ['half-up', 'down', 'up'] }) mode: string;
}

/**
 * The fee schedule document (packages/domain/src/fees/fee-schedule.ts) as the OpenAPI document
 * publishes it, so the web's editor takes the shape and its vocabulary from the generated client.
 * Only the description: the API checks every document with validateFeeSchedule, which gives
 * the schools' own wording for each mistake. (Types are given lazily: fee-schedules.dto.ts
 * imports this file too.)
 */

export class FeePupilRangeDto {
  @ApiPropertyOptional() min?: number;
  @ApiPropertyOptional() max?: number;
}

export class FeeConditionDto {
  @ApiPropertyOptional({ type: [String], enum: PHASES, enumName: 'Phase' }) phase?: string[];
  @ApiPropertyOptional({ type: [String] }) category?: string[];
  @ApiPropertyOptional({ type: [String] }) schoolType?: string[];
  @ApiPropertyOptional({ type: [String] }) tier?: string[];
  @ApiPropertyOptional({ type: () => FeePupilRangeDto, description: 'Inclusive; either end may be open' }) pupils?: FeePupilRangeDto;
  @ApiPropertyOptional({ description: 'true: schools with a sixth form; false: without one' }) sixthForm?: boolean;
  @ApiPropertyOptional({ example: '2025-09-01', description: 'New schools: opened on or after this day' }) openedOnOrAfter?: string;
  @ApiPropertyOptional({ description: 'true: in any federation or trust; false: in none' }) inTrust?: boolean;
  @ApiPropertyOptional({ type: [String], description: 'Members of one of these federations or trusts, by name' }) trust?: string[];
  @ApiPropertyOptional({ type: [String], description: 'Schools of one of these dioceses' }) diocese?: string[];
  @ApiPropertyOptional({ type: [String], description: 'Schools in one of these areas: the partnership’s own area names or the register’s district' }) area?: string[];
}

export class FeeSizeBandDto {
  @ApiProperty() minPupils: number;
  @ApiPropertyOptional({ description: 'None: and above' }) maxPupils?: number;
  @ApiProperty() amountPence: number;
}

export class FeeTierPriceDto {
  @ApiProperty() tier: string;
  @ApiProperty() amountPence: number;
}

/** One component; which of the optional fields it has depends on its kind. */
export class FeeComponentDto {
  @ApiProperty({ enum: COMPONENT_KINDS, enumName: 'FeeComponentKind' }) kind: string;
  @ApiPropertyOptional({ type: () => FeeConditionDto, description: 'Which schools it applies to; none: every school' }) when?: FeeConditionDto;
  @ApiPropertyOptional() label?: string;
  @ApiPropertyOptional({ description: 'per-pupil' }) ratePence?: number;
  @ApiPropertyOptional({ description: 'base-fee, flat-fee, fixed-fee, minimum-fee, maximum-fee, or a discount in money' }) amountPence?: number;
  @ApiPropertyOptional({ description: 'A discount as a percentage (1000 = 10%)' }) basisPoints?: number;
  @ApiPropertyOptional({ description: 'discount' }) code?: string;
  @ApiPropertyOptional({ description: 'discount' }) reason?: string;
  @ApiPropertyOptional({ type: () => [FeeSizeBandDto], description: 'size-bands' }) bands?: FeeSizeBandDto[];
  @ApiPropertyOptional({ type: () => [FeeTierPriceDto], description: 'tier-price' }) prices?: FeeTierPriceDto[];
}

export class FeeTierDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class FeeProRataDto {
  @ApiProperty({ enum: ['day', 'month'] }) method: string;
  @ApiProperty({ type: () => FeeRoundingDto }) rounding: FeeRoundingDto;
}

export class FeeInstalmentPartDto {
  @ApiProperty() label: string;
  @ApiProperty({ example: '2026-09-01' }) dueDate: string;
  @ApiProperty({ description: 'Shares add up to 10000 (100%)' }) shareBasisPoints: number;
}

export class InAdvancePaymentDto {
  @ApiProperty({ enum: ['in-advance'] }) kind: 'in-advance';
}

export class InstalmentsPaymentDto {
  @ApiProperty({ enum: ['instalments'] }) kind: 'instalments';
  @ApiProperty({ type: () => [FeeInstalmentPartDto] }) parts: FeeInstalmentPartDto[];
}

export class SplitBySchoolFinancialYearPaymentDto {
  @ApiProperty({ enum: ['split-by-school-financial-year'] }) kind: 'split-by-school-financial-year';
}

export class AtSchoolFinancialYearStartPaymentDto {
  @ApiProperty({ enum: ['at-school-financial-year-start'], description: 'The whole fee in one invoice, due on the first day of the school’s own financial year (1 April maintained, 1 September academies)' })
  kind: 'at-school-financial-year-start';
}

export class FeeDateRangeDto {
  @ApiProperty({ example: '2016-09-01' }) from: string;
  @ApiProperty({ example: '2017-03-31' }) to: string;
}

export class FeeLiabilityGuaranteeDto {
  @ApiProperty() amountPence: number;
  @ApiProperty() note: string;
}

@ApiExtraModels(InAdvancePaymentDto, InstalmentsPaymentDto, SplitBySchoolFinancialYearPaymentDto, AtSchoolFinancialYearStartPaymentDto)
export class FeeScheduleDocumentDto {
  @ApiProperty({ enum: [1] }) formatVersion: 1;
  @ApiProperty() name: string;
  @ApiProperty({ type: () => FeePeriodDto }) period: FeePeriodDto;
  @ApiProperty({ type: () => FeeRoundingDto }) rounding: FeeRoundingDto;
  @ApiProperty({ type: () => [FeeComponentDto] }) components: FeeComponentDto[];
  @ApiPropertyOptional({ type: () => [FeeTierDto] }) tiers?: FeeTierDto[];
  @ApiPropertyOptional({ type: () => FeeProRataDto }) proRata?: FeeProRataDto;
  @ApiProperty({
    oneOf: [
      { $ref: getSchemaPath(InAdvancePaymentDto) },
      { $ref: getSchemaPath(InstalmentsPaymentDto) },
      { $ref: getSchemaPath(SplitBySchoolFinancialYearPaymentDto) },
      { $ref: getSchemaPath(AtSchoolFinancialYearStartPaymentDto) },
    ],
  })
  payment: InAdvancePaymentDto | InstalmentsPaymentDto | SplitBySchoolFinancialYearPaymentDto | AtSchoolFinancialYearStartPaymentDto;
  @ApiPropertyOptional({ type: () => FeeDateRangeDto }) freePeriod?: FeeDateRangeDto;
  @ApiPropertyOptional({ type: () => FeeLiabilityGuaranteeDto }) liabilityGuarantee?: FeeLiabilityGuaranteeDto;
}
