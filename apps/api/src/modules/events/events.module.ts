import { Module } from '@nestjs/common';
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
// Lapsed waiting-list offers pass on in every booking change (under the event's lock) and in the `events.sweep` job (packages/jobs/src/events).
export class EventsModule {}
