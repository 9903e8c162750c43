import { ApiProperty } from '@nestjs/swagger';
import { PLATFORM_PLAN_CODES, SETUP_STEPS } from '@partnerships/domain';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';

export class PlatformTenantDto {
  @ApiProperty() id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['active', 'suspended'] }) status: string;
  @ApiProperty({ enum: PLATFORM_PLAN_CODES }) plan: string;
  @ApiProperty({ nullable: true, type: String }) trialEndsAt: string | null;
  @ApiProperty({ nullable: true, type: String }) template: string | null;
  @ApiProperty({ type: [String], enum: SETUP_STEPS, description: 'Setup steps done' }) setupStepsDone: string[];
  @ApiProperty({ description: 'Setup steps done out of the total' }) setupDoneCount: number;
  @ApiProperty() setupTotalSteps: number;
  @ApiProperty({ nullable: true, type: String }) setupCompletedAt: string | null;
  @ApiProperty({ description: 'Member schools (not prospects, not left)' }) memberCount: number;
  @ApiProperty() listed: boolean;
  @ApiProperty({ nullable: true, type: String }) suspendedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) suspendedReason: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Who created it' }) createdByEmail: string | null;
  @ApiProperty() createdAt: string;
}

export class SuspendTenantDto {
  @ApiProperty({ example: 'Payment for the platform is three months overdue', description: 'Recorded in the audit log and shown to the operator' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'Give the reason for suspending the partnership' })
  @Length(3, 500, { message: 'Give the reason for suspending the partnership (3 to 500 characters)' })
  reason: string;
}
