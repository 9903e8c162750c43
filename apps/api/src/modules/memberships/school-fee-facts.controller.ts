import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Access, Ctx } from '../../common/access.decorator';
import type { TenantContext } from '../../common/request-context';
import { FeeFactOverridesDto, MembershipFeeFactsDto } from './school-fee-facts.dto';
import { SchoolFeeFactsService } from './school-fee-facts.service';

@ApiTags('memberships')
@Controller('v1/tenants/:slug')
export class SchoolFeeFactsController {
  constructor(private readonly facts: SchoolFeeFactsService) {}

  @Get('memberships/:id/fee-facts')
  @Access('read', 'Membership')
  @ApiOperation({ summary: 'What fee rules know about a member: sixth form, opening date, federations and trusts, diocese, area (register and partnership record)' })
  @ApiResponse({ status: 200, type: MembershipFeeFactsDto })
  get(@Ctx() ctx: TenantContext, @Param('id') id: string) {
    return this.facts.get(ctx, id);
  }

  @Put('memberships/:id/fee-facts')
  @Access('update', 'Membership')
  @ApiOperation({ summary: 'Record what the register lacks or has wrong for fees (a field left out or blank uses the register’s)' })
  @ApiResponse({ status: 200, type: MembershipFeeFactsDto })
  update(@Ctx() ctx: TenantContext, @Param('id') id: string, @Body() dto: FeeFactOverridesDto) {
    return this.facts.update(ctx, id, dto);
  }
}
