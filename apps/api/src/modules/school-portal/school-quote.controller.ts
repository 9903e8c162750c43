import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, SignedIn } from '../../common/access.decorator';
import type { AuthedContext } from '../../common/request-context';
import { QuoteDto } from '../fee-schedules/fee-schedules.dto';
import { PublicQuoteService } from '../fee-schedules/public-quote.service';
import { SchoolMembershipService } from './school-membership.service';
import { SchoolPeopleGuard } from './school-access';

/**
 * Price before joining: a school invited to (or applying to, or a member of) a partnership sees
 * what it would pay, for itself, whether or not the partnership is listed publicly. The
 * invitation (the school's membership record in that partnership) is what authorises it; the
 * figures are the fee calculator's own.
 */
@ApiTags('school portal')
@Controller('v1/school-portal')
@UseGuards(SchoolPeopleGuard)
export class SchoolQuoteController {
  constructor(
    private readonly memberships: SchoolMembershipService,
    private readonly quotes: PublicQuoteService,
  ) {}

  @SignedIn()
  @Get(':urn/memberships/:tenantSlug/quote')
  @ApiOperation({ summary: 'What the school would pay the partnership, and why (the fee calculator for this school), for a school the partnership has invited or that belongs to it; listed or not' })
  @ApiResponse({ status: 200, type: QuoteDto })
  async quote(@Ctx() ctx: AuthedContext, @Param('urn') urn: string, @Param('tenantSlug') slug: string) {
    // 404 unless the person acts for the school and the partnership has a membership record for it (an invitation at least).
    await this.memberships.detail(ctx, urn, slug);
    return this.quotes.quote(slug, { urn }, 'invited');
  }
}
