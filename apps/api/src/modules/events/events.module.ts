import { Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Env } from '@partnerships/config';
import { ENV } from '../../runtime/runtime.module';
import { EventMailer } from './event-mail';
import { EventPlacesService } from './event-places.service';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';
import { PublicEventsController } from './public-events.controller';
import { SchoolEventsController } from './school-events.controller';
import { SchoolEventsService } from './school-events.service';

/** CPD courses, events and conferences (issue 11): the partnership's programme, the school's bookings and approvals, the public catalogue. */
@Module({
  controllers: [EventsController, SchoolEventsController, PublicEventsController],
  providers: [EventsService, SchoolEventsService, EventPlacesService, EventMailer],
  exports: [EventPlacesService],
})
export class EventsModule implements OnModuleInit, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly places: EventPlacesService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  /** Waiting-list offers that lapse pass to the next person within a minute (every booking change also settles them first). */
  onModuleInit(): void {
    if (this.env.NODE_ENV === 'test') return;
    this.timer = setInterval(() => {
      this.places.sweep().catch(() => undefined);
    }, 60_000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
