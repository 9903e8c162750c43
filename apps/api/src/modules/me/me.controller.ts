import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, SignedIn } from '../../common/access.decorator';
import type { AuthedContext } from '../../common/request-context';
import { MeDto } from './me.dto';
import { MeService } from './me.service';

@ApiTags('me')
@Controller('v1/me')
export class MeController {
  constructor(private readonly me: MeService) {}

  @SignedIn()
  @Get()
  @ApiOperation({ summary: 'The signed-in user with their partnerships and schools' })
  @ApiResponse({ status: 200, type: MeDto })
  get(@Ctx() ctx: AuthedContext): Promise<MeDto> {
    return this.me.me(ctx);
  }
}
