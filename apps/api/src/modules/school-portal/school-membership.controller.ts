import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Env } from '@partnerships/config';
import type { FastifyReply } from 'fastify';
import { Ctx, Public, SignedIn } from '../../common/access.decorator';
import type { AuthedContext } from '../../common/request-context';
import { ENV } from '../../runtime/runtime.module';
import { setSessionCookie } from '../auth/session-cookie';
import { NoticeResultDto } from '../memberships/membership.dto';
import {
  AcceptSchoolInvitationDto,
  AcceptSchoolInvitationResponseDto,
  ApplyDto,
  InviteSchoolPersonDto,
  MySchoolsDto,
  SchoolInvitationDto,
  SchoolInvitationLookupDto,
  SchoolHomeDto,
  SchoolInvitationTokenDto,
  SchoolMembershipDetailDto,
  SchoolNoteDto,
  SchoolNoticeDto,
  SchoolPeopleDto,
  SchoolPupilCountDto,
  SchoolPupilCountsDto,
  SetSchoolRolesDto,
  SubmitPupilCountDto,
} from './school-membership.dto';
import { SchoolMembershipService } from './school-membership.service';
import { SchoolPeopleService } from './school-people.service';
import { SchoolPeopleGuard } from './school-access';

@ApiTags('school portal')
@Controller('v1/school-portal')
@UseGuards(SchoolPeopleGuard)
export class SchoolMembershipController {
  constructor(
    private readonly memberships: SchoolMembershipService,
    private readonly people: SchoolPeopleService,
  ) {}

  @SignedIn()
  @Get()
  @ApiOperation({ summary: 'Every school the signed-in person acts for, with all their memberships in all partnerships' })
  @ApiResponse({ status: 200, type: MySchoolsDto })
  mySchools(@Ctx() ctx: AuthedContext) {
    return this.memberships.mySchools(ctx);
  }

  @SignedIn()
  @Get(':urn/home')
  @ApiOperation({ summary: 'Everything the school’s home shows in one answer: each partnership’s membership (status, category, notice and renewal, contacts, documents) and your governance there' })
  @ApiResponse({ status: 200, type: SchoolHomeDto })
  home(@Ctx() ctx: AuthedContext, @Param('urn') urn: string): Promise<SchoolHomeDto> {
    return this.memberships.home(ctx, urn);
  }

  @SignedIn()
  @Get(':urn/memberships/:tenantSlug')
  @ApiOperation({ summary: 'The school’s membership of one partnership: status, category and what it includes, notice and renewal dates, contacts, documents' })
  @ApiResponse({ status: 200, type: SchoolMembershipDetailDto })
  membership(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('tenantSlug') slug: string) {
    return this.memberships.detail(ctx, urn, slug);
  }

  @SignedIn()
  @Post(':urn/memberships/:tenantSlug/apply')
  @HttpCode(200)
  @ApiOperation({ summary: 'Apply (headteacher or business manager): named contact, pupil number, terms and any liability guarantee, recorded with who and when' })
  @ApiResponse({ status: 200, type: SchoolMembershipDetailDto })
  apply(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('tenantSlug') slug: string, @Body() dto: ApplyDto) {
    return this.memberships.apply(ctx, urn, slug, dto);
  }

  @SignedIn()
  @Post(':urn/memberships/:tenantSlug/notice')
  @HttpCode(200)
  @ApiOperation({ summary: 'Notice to leave: the leaving date is worked out and shown first (confirm: false), then given (confirm: true)' })
  @ApiResponse({ status: 200, type: NoticeResultDto })
  notice(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('tenantSlug') slug: string, @Body() dto: SchoolNoticeDto) {
    return this.memberships.notice(ctx, urn, slug, dto);
  }

  @SignedIn()
  @Post(':urn/memberships/:tenantSlug/withdraw-application')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw the school’s application' })
  @ApiResponse({ status: 200, type: SchoolMembershipDetailDto })
  withdrawApplication(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('tenantSlug') slug: string, @Body() dto: SchoolNoteDto) {
    return this.memberships.withdrawApplication(ctx, urn, slug, dto);
  }

  @SignedIn()
  @Get(':urn/pupil-counts')
  @ApiOperation({ summary: 'The school’s pupil numbers: the register’s, and each partnership’s figures and corrections' })
  @ApiResponse({ status: 200, type: SchoolPupilCountsDto })
  pupilCounts(@Ctx() ctx: AuthedContext, @Param('urn') urn: string) {
    return this.memberships.pupilCounts(ctx, urn);
  }

  @SignedIn()
  @Post(':urn/pupil-counts')
  @ApiOperation({ summary: 'Submit a correction to a partnership’s pupil number for a census; the partnership approves it' })
  @ApiResponse({ status: 201, type: SchoolPupilCountDto })
  submitPupilCount(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Body() dto: SubmitPupilCountDto) {
    return this.memberships.submitPupilCount(ctx, urn, dto);
  }

  @SignedIn()
  @Get(':urn/people')
  @ApiOperation({ summary: 'The school’s people and their roles, with invitations sent' })
  @ApiResponse({ status: 200, type: SchoolPeopleDto })
  listPeople(@Ctx() ctx: AuthedContext, @Param('urn') urn: string) {
    return this.people.people(ctx, urn);
  }

  @SignedIn()
  @Post(':urn/people')
  @ApiOperation({ summary: 'Invite someone to act for the school (headteacher only); the invitation is e-mailed' })
  @ApiResponse({ status: 201, type: SchoolInvitationDto })
  invitePerson(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Body() dto: InviteSchoolPersonDto) {
    return this.people.invite(ctx, urn, dto);
  }

  @SignedIn()
  @Put(':urn/people/:userId')
  @ApiOperation({ summary: 'Set a person’s roles at the school (headteacher only; no roles removes them)' })
  @ApiResponse({ status: 200, type: SchoolPeopleDto })
  setRoles(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('userId') userId: string, @Body() dto: SetSchoolRolesDto) {
    return this.people.setRoles(ctx, urn, userId, dto);
  }
}

@ApiTags('school portal')
@Controller('v1/school-invitations')
export class SchoolInvitationsController {
  constructor(
    private readonly people: SchoolPeopleService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  @Public()
  @Post('lookup')
  @HttpCode(200)
  @ApiOperation({ summary: 'What an invitation link is for (school, role, e-mail), so the page can greet the person' })
  @ApiResponse({ status: 200, type: SchoolInvitationLookupDto })
  lookup(@Body() dto: SchoolInvitationTokenDto) {
    return this.people.lookup(dto.token);
  }

  @Public()
  @Post('accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept an invitation to act for a school; signs in' })
  @ApiResponse({ status: 200, type: AcceptSchoolInvitationResponseDto })
  async accept(@Body() dto: AcceptSchoolInvitationDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<AcceptSchoolInvitationResponseDto> {
    const { user, session, schoolUrn, schoolName } = await this.people.accept(dto);
    setSessionCookie(reply, session.token, session.expiresAt, this.env.NODE_ENV === 'production');
    return { user, csrfToken: session.csrfToken, schoolUrn, schoolName };
  }
}
