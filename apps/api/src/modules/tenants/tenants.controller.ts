import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Access, Ctx } from '../../common/access.decorator';
import { PageQueryDto } from '../../common/pagination.dto';
import type { TenantContext } from '../../common/request-context';
import { AuditPageDto, CreateInvitationDto, InvitationDto, InvitationPageDto, MemberSchoolPageDto, MemberSchoolsQueryDto, PersonPageDto, TenantDto } from './tenants.dto';
import { TenantsService } from './tenants.service';

@ApiTags('tenants')
@Controller('v1/tenants/:slug')
export class TenantsController {
  constructor(private readonly tenants: TenantsService) {}

  @Get()
  @Access('read', 'Tenant')
  @ApiOperation({ summary: 'A partnership the user has a role in (404 for anyone else)' })
  @ApiResponse({ status: 200, type: TenantDto })
  get(@Ctx() ctx: TenantContext): Promise<TenantDto> {
    return this.tenants.get(ctx);
  }

  @Get('schools')
  @Access('read', 'Membership')
  @ApiOperation({ summary: 'Member schools of the partnership' })
  @ApiResponse({ status: 200, type: MemberSchoolPageDto })
  schools(@Ctx() ctx: TenantContext, @Query() query: MemberSchoolsQueryDto) {
    return this.tenants.memberSchools(ctx, query);
  }

  @Get('people')
  @Access('read', 'Person')
  @ApiOperation({ summary: "The partnership's staff and their roles" })
  @ApiResponse({ status: 200, type: PersonPageDto })
  people(@Ctx() ctx: TenantContext, @Query() query: PageQueryDto) {
    return this.tenants.people(ctx, query);
  }

  @Get('invitations')
  @Access('read', 'Invitation')
  @ApiOperation({ summary: 'Invitations sent by the partnership' })
  @ApiResponse({ status: 200, type: InvitationPageDto })
  invitations(@Ctx() ctx: TenantContext, @Query() query: PageQueryDto) {
    return this.tenants.invitations(ctx, query);
  }

  @Post('invitations')
  @Access('create', 'Invitation')
  @ApiOperation({ summary: 'Invite a colleague with a role; the invitation is e-mailed' })
  @ApiResponse({ status: 201, type: InvitationDto })
  invite(@Ctx() ctx: TenantContext, @Body() dto: CreateInvitationDto): Promise<InvitationDto> {
    return this.tenants.invite(ctx, dto);
  }

  @Get('audit-log')
  @Access('read', 'AuditEntry')
  @ApiOperation({ summary: 'Every write in the partnership: who, what, when' })
  @ApiResponse({ status: 200, type: AuditPageDto })
  auditLog(@Ctx() ctx: TenantContext, @Query() query: PageQueryDto) {
    return this.tenants.auditLog(ctx, query);
  }
}
