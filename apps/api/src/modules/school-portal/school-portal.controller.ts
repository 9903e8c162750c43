import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, SignedIn } from '../../common/access.decorator';
import type { AuthedContext } from '../../common/request-context';
import { SchoolPortalDto } from './school-portal.dto';
import { SchoolPortalService } from './school-portal.service';

@ApiTags('school portal')
@Controller('v1/school-portal')
export class SchoolPortalController {
  constructor(private readonly portal: SchoolPortalService) {}

  @SignedIn()
  @Get(':urn')
  @ApiOperation({ summary: "A school's home for its own people (404 for anyone else)" })
  @ApiResponse({ status: 200, type: SchoolPortalDto })
  get(@Ctx() ctx: AuthedContext, @Param('urn') urn: string): Promise<SchoolPortalDto> {
    return this.portal.get(ctx, urn);
  }
}
