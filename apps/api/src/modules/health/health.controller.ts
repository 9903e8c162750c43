import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/access.decorator';
import type { Runtime } from '@partnerships/jobs';
import { RUNTIME } from '../../runtime/runtime.module';

export class QueueHealthDto {
  @ApiProperty({ enum: ['bullmq', 'in-process'] }) driver: string;
  @ApiProperty({ enum: ['up', 'down'] }) status: string;
}

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status: string;
  @ApiProperty({ enum: ['embedded', 'full'] }) mode: string;
  @ApiProperty({ enum: ['up', 'down'] }) database: string;
  @ApiProperty({ type: QueueHealthDto }) queue: QueueHealthDto;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness and readiness: database and queue state' })
  @ApiResponse({ status: 200, type: HealthDto })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthDto> {
    const [database, queue] = await Promise.all([this.runtime.db.ping(), this.runtime.queue.health()]);
    const ok = database && queue === 'up';
    reply.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'degraded', mode: this.runtime.mode, database: database ? 'up' : 'down', queue: { driver: this.runtime.queue.driver, status: queue } };
  }
}
