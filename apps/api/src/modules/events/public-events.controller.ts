import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Database } from '@partnerships/db';
import { Public } from '../../common/access.decorator';
import { notFound } from '../../common/app-error';
import { DirectoryRepository } from '../directory/directory.repository';
import { PublicEventListDto } from './events.dto';
import { EventsService } from './events.service';

@ApiTags('public')
@Controller('v1/public/tenants/:slug')
export class PublicEventsController {
  constructor(
    private readonly db: Database,
    private readonly events: EventsService,
  ) {}

  @Public()
  @Get('events')
  @ApiOperation({ summary: 'A listed partnership’s public courses and events, with member and non-member prices and places left (non-members book through the school portal)' })
  @ApiResponse({ status: 200, type: PublicEventListDto })
  async list(@Param('slug') slug: string) {
    const tenant = await this.db.asPlatform({}, (em) => new DirectoryRepository(em).findVisibleTenant(slug));
    if (!tenant) throw notFound('partnership');
    return this.events.publicEvents(tenant.id);
  }
}
