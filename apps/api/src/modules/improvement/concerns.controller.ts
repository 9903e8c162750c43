import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Access, Ctx } from '../../common/access.decorator';
import type { TenantContext } from '../../common/request-context';
import { ConcernsService } from './concerns.service';
import { ConcernDetailDto, ConcernIndicatorInputDto, ConcernListDto, ConcernStatusInputDto, NameInputDto, NamedPersonListDto, VisitInputDto } from './improvement.dto';

@ApiTags('school improvement')
@Controller('v1/tenants/:slug')
export class ConcernsController {
  constructor(private readonly concerns: ConcernsService) {}

  @Get('concern-access')
  @Access('manage', 'ConcernAccess')
  @ApiOperation({ summary: 'The people named to see schools causing concern (admins)' })
  @ApiResponse({ status: 200, type: NamedPersonListDto })
  named(@Ctx() ctx: TenantContext) {
    return this.concerns.named(ctx);
  }

  @Post('concern-access')
  @HttpCode(200)
  @Access('manage', 'ConcernAccess')
  @ApiOperation({ summary: 'Name someone with a role in the partnership to see schools causing concern' })
  @ApiResponse({ status: 200, type: NamedPersonListDto })
  name(@Ctx() ctx: TenantContext, @Body() dto: NameInputDto) {
    return this.concerns.name(ctx, dto);
  }

  @Post('concern-access/:id/revoke')
  @HttpCode(200)
  @Access('manage', 'ConcernAccess')
  @ApiResponse({ status: 200, type: NamedPersonListDto })
  revoke(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.concerns.revoke(ctx, id);
  }

  @Get('schools-causing-concern')
  @Access('read', 'Improvement')
  @ApiOperation({ summary: 'Schools on record with their status and the status the rules suggest (named people only; empty for anyone else)' })
  @ApiResponse({ status: 200, type: ConcernListDto })
  list(@Ctx() ctx: TenantContext) {
    return this.concerns.list(ctx);
  }

  @Get('schools-causing-concern/:urn')
  @Access('read', 'Improvement')
  @ApiOperation({ summary: 'A school’s indicators with their history, statuses and monitoring visits (named people only; 404 to anyone else)' })
  @ApiResponse({ status: 200, type: ConcernDetailDto })
  get(@Ctx() ctx: TenantContext, @Param('urn') urn: string) {
    return this.concerns.get(ctx, urn);
  }

  @Post('schools-causing-concern/:urn/indicators')
  @HttpCode(200)
  @Access('read', 'Improvement')
  @ApiOperation({ summary: 'Record an indicator (inspection, data, leadership change, finance); kept with its history' })
  @ApiResponse({ status: 200, type: ConcernDetailDto })
  addIndicator(@Ctx() ctx: TenantContext, @Param('urn') urn: string, @Body() dto: ConcernIndicatorInputDto) {
    return this.concerns.addIndicator(ctx, urn, dto);
  }

  @Post('schools-causing-concern/:urn/status')
  @HttpCode(200)
  @Access('read', 'Improvement')
  @ApiOperation({ summary: 'Set the school’s status with reasons (the previous one is kept as history)' })
  @ApiResponse({ status: 200, type: ConcernDetailDto })
  setStatus(@Ctx() ctx: TenantContext, @Param('urn') urn: string, @Body() dto: ConcernStatusInputDto) {
    return this.concerns.setStatus(ctx, urn, dto);
  }

  @Post('schools-causing-concern/:urn/visits')
  @HttpCode(200)
  @Access('read', 'Improvement')
  @ApiOperation({ summary: 'Record a monitoring visit and its notes' })
  @ApiResponse({ status: 200, type: ConcernDetailDto })
  addVisit(@Ctx() ctx: TenantContext, @Param('urn') urn: string, @Body() dto: VisitInputDto) {
    return this.concerns.addVisit(ctx, urn, dto);
  }
}
