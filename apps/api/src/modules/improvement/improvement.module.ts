import { Module } from '@nestjs/common';
import { AnnualReportsController } from './annual-reports.controller';
import { AnnualReportsService } from './annual-reports.service';
import { BrokerageController } from './brokerage.controller';
import { BrokerageService } from './brokerage.service';
import { ConcernsController } from './concerns.controller';
import { ConcernsService } from './concerns.service';
import { DataRoundsController } from './data-rounds.controller';
import { DataRoundsService } from './data-rounds.service';
import { ImprovementPortalController } from './improvement-portal.controller';

/** School improvement, the data half (issue 12): data rounds, brokerage, schools causing concern, the annual report and participation. */
@Module({
  controllers: [DataRoundsController, ImprovementPortalController, BrokerageController, ConcernsController, AnnualReportsController],
  providers: [DataRoundsService, BrokerageService, ConcernsService, AnnualReportsService],
})
export class ImprovementModule {}
