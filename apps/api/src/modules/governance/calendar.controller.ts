import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx, Public, SignedIn } from '../../common/access.decorator';
import type { AuthedContext } from '../../common/request-context';
import { CalendarService } from './calendar.service';
import { CalendarUrlDto, RevokedDto } from './governance.dto';

@ApiTags('governance')
@Controller('v1')
export class CalendarController {
  constructor(private readonly calendars: CalendarService) {}

  @SignedIn()
  @Get('me/calendar')
  @ApiOperation({ summary: 'The secret address of your meetings calendar, to subscribe to (made the first time)' })
  @ApiResponse({ status: 200, type: CalendarUrlDto })
  mine(@Ctx() ctx: AuthedContext) {
    return this.calendars.myCalendar(ctx);
  }

  @SignedIn()
  @Post('me/calendar/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop your calendar address working (the next one will be new)' })
  @ApiResponse({ status: 200, type: RevokedDto })
  revoke(@Ctx() ctx: AuthedContext) {
    return this.calendars.revokeMine(ctx);
  }

  @SignedIn()
  @Get('me/governance')
  @ApiOperation({ summary: 'Your bodies, next meetings, papers and open actions, and your school’s representation' })
  governance(@Ctx() ctx: AuthedContext) {
    return this.calendars.myGovernance(ctx);
  }

  @SignedIn()
  @Get('me/structures/:tenantSlug.svg')
  @ApiOperation({ summary: 'The structure diagram of a partnership you belong to (a role there, or at one of its member schools)' })
  @ApiProduces('image/svg+xml')
  async structure(@Ctx() ctx: AuthedContext, @Param('tenantSlug') slug: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const svg = await this.calendars.memberStructureSvg(ctx, slug);
    reply.header('content-type', 'image/svg+xml; charset=utf-8').header('x-content-type-options', 'nosniff');
    return svg;
  }

  @Public()
  @Get('calendar/:token.ics')
  @ApiOperation({ summary: 'A calendar feed (iCalendar) at its secret address; 404 once revoked' })
  @ApiProduces('text/calendar')
  async feed(@Param('token') token: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const ics = await this.calendars.feed(token);
    reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').header('content-disposition', 'inline; filename="meetings.ics"');
    return ics;
  }
}
