import { Module } from '@nestjs/common';
import { BodiesController } from './bodies.controller';
import { BodiesService } from './bodies.service';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';
import { MeetingsController } from './meetings.controller';
import { MeetingsService } from './meetings.service';

/** Governance structures (issue 10): bodies, seats by rule, meetings on the school calendar, minutes, actions and calendar feeds. */
@Module({
  controllers: [BodiesController, MeetingsController, CalendarController],
  providers: [BodiesService, MeetingsService, CalendarService],
  exports: [BodiesService, MeetingsService],
})
export class GovernanceModule {}
