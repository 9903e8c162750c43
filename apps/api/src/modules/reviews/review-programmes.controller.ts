import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Access, Ctx } from '../../common/access.decorator';
import type { TenantContext } from '../../common/request-context';
import { ReviewProgrammesService } from './review-programmes.service';
import { ConfirmResultDto, GroupInputDto, GroupListDto, GroupSchoolsInputDto, CyclePlanResultDto, ProgrammeDto, ProgrammeInputDto, ProgrammeListDto } from './reviews.dto';
import { CreatedDto } from '../../common/created.dto';

@ApiTags('peer review')
@Controller('v1/tenants/:slug')
export class ReviewProgrammesController {
  constructor(private readonly programmes: ReviewProgrammesService) {}

  @Get('review-programmes')
  @Access('read', 'Review')
  @ApiOperation({ summary: 'The partnership’s peer review programmes' })
  @ApiResponse({ status: 200, type: ProgrammeListDto })
  list(@Ctx() ctx: TenantContext) {
    return this.programmes.list(ctx);
  }

  @Post('review-programmes')
  @Access('manage', 'Review')
  @ApiOperation({ summary: 'Start a peer review programme (cycle length, team size, the conflicts the partnership adds)' })
  @ApiResponse({ status: 201, type: CreatedDto })
  create(@Ctx() ctx: TenantContext, @Body() dto: ProgrammeInputDto) {
    return this.programmes.create(ctx, dto);
  }

  @Get('review-programmes/:id')
  @Access('read', 'Review')
  @ApiOperation({ summary: 'A programme with its review groups and how many reviews are proposed and confirmed' })
  @ApiResponse({ status: 200, type: ProgrammeDto })
  get(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.programmes.get(ctx, id);
  }

  @Post('review-programmes/:id/groups')
  @Access('manage', 'Review')
  @ApiOperation({ summary: 'Form review groups: from the clusters, by area, phase or diocese, cross-phase, or by hand' })
  @ApiResponse({ status: 201, type: GroupListDto })
  addGroups(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: GroupInputDto) {
    return this.programmes.addGroups(ctx, id, dto);
  }

  @Put('review-groups/:id/schools')
  @Access('manage', 'Review')
  @ApiOperation({ summary: 'Change a review group’s schools' })
  @ApiResponse({ status: 200, type: GroupListDto })
  setGroupSchools(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: GroupSchoolsInputDto) {
    return this.programmes.setGroupSchools(ctx, id, dto);
  }

  @Post('review-programmes/:id/plan')
  @HttpCode(200)
  @Access('manage', 'Review')
  @ApiOperation({ summary: 'Propose the cycle: each school reviewed once a year, leads and teams from other schools, no conflicts, visits on school days (replaces an earlier proposal)' })
  @ApiResponse({ status: 200, type: CyclePlanResultDto })
  plan(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.programmes.plan(ctx, id);
  }

  @Post('review-programmes/:id/confirm')
  @HttpCode(200)
  @Access('manage', 'Review')
  @ApiOperation({ summary: 'Confirm the proposed cycle as adjusted' })
  @ApiResponse({ status: 200, type: ConfirmResultDto })
  confirm(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.programmes.confirm(ctx, id);
  }
}
