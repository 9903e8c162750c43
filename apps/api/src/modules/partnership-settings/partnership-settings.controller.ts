import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Access, Ctx } from '../../common/access.decorator';
import type { TenantContext } from '../../common/request-context';
import { CalendarDto, CalendarYearDto, ChoosePlanDto, PlanDto, SaveCalendarDto, SettingsDto, UpdateSettingsDto } from './partnership-settings.dto';
import { PartnershipSettingsService } from './partnership-settings.service';

@ApiTags('partnership settings')
@Controller('v1/tenants/:slug')
export class PartnershipSettingsController {
  constructor(private readonly settings: PartnershipSettingsService) {}

  @Get('settings')
  @Access('read', 'Tenant')
  @ApiOperation({ summary: "The partnership's details, branding, listing and notice rule" })
  @ApiResponse({ status: 200, type: SettingsDto })
  get(@Ctx() ctx: TenantContext): Promise<SettingsDto> {
    return this.settings.getSettings(ctx);
  }

  @Put('settings')
  @Access('update', 'Tenant')
  @ApiOperation({ summary: 'Change settings (admins). Fields left out keep their value; null clears an optional one. Every change is audited' })
  @ApiResponse({ status: 200, type: SettingsDto })
  update(@Ctx() ctx: TenantContext, @Body() dto: UpdateSettingsDto): Promise<SettingsDto> {
    return this.settings.updateSettings(ctx, dto);
  }

  @Get('calendar')
  @Access('read', 'Tenant')
  @ApiOperation({ summary: 'Term dates for the current and next academic years (typical dates until saved) and any other saved year' })
  @ApiResponse({ status: 200, type: CalendarDto })
  calendar(@Ctx() ctx: TenantContext): Promise<CalendarDto> {
    return this.settings.calendar(ctx);
  }

  @Get('calendar/:academicYearStart')
  @Access('read', 'Tenant')
  @ApiOperation({ summary: 'Half-term dates of one academic year, e.g. 2026 for 2026-27' })
  @ApiResponse({ status: 200, type: CalendarYearDto })
  calendarYear(@Ctx() ctx: TenantContext, @Param('academicYearStart') year: string): Promise<CalendarYearDto> {
    return this.settings.calendarYear(ctx, year);
  }

  @Put('calendar/:academicYearStart')
  @Access('update', 'Tenant')
  @ApiOperation({ summary: 'Save the six half terms of one academic year (checked for order, overlaps and the year’s bounds)' })
  @ApiResponse({ status: 200, type: CalendarYearDto })
  saveCalendarYear(@Ctx() ctx: TenantContext, @Param('academicYearStart') year: string, @Body() dto: SaveCalendarDto): Promise<CalendarYearDto> {
    return this.settings.saveCalendarYear(ctx, year, dto);
  }

  @Get('plan')
  @Access('read', 'Tenant')
  @ApiOperation({ summary: 'The platform plan, trial days left and the plans available for the member count' })
  @ApiResponse({ status: 200, type: PlanDto })
  plan(@Ctx() ctx: TenantContext): Promise<PlanDto> {
    return this.settings.plan(ctx);
  }

  @Put('plan')
  @Access('update', 'Tenant')
  @ApiOperation({ summary: 'Choose a platform plan (payment arrives with billing)' })
  @ApiResponse({ status: 200, type: PlanDto })
  choosePlan(@Ctx() ctx: TenantContext, @Body() dto: ChoosePlanDto): Promise<PlanDto> {
    return this.settings.choosePlan(ctx, dto);
  }
}
