import { Module } from '@nestjs/common';
import { ElectionsController } from './elections.controller';
import { ElectionsService } from './elections.service';
import { GeneralMeetingsController } from './general-meetings.controller';
import { MotionsService } from './motions.service';
import { SchoolVotesController } from './school-votes.controller';
import { SchoolVotesService } from './school-votes.service';

/** General meetings and decisions (motions, one school one vote, proxies, voters) and elections (issue 10). */
@Module({
  controllers: [GeneralMeetingsController, ElectionsController, SchoolVotesController],
  providers: [MotionsService, ElectionsService, SchoolVotesService],
})
export class GeneralMeetingsModule {}
