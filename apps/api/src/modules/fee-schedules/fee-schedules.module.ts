import { Module } from '@nestjs/common';
import { FeeSchedulesController, PublicQuoteController } from './fee-schedules.controller';
import { FeeSchedulesService } from './fee-schedules.service';
import { PublicQuoteService } from './public-quote.service';

@Module({ controllers: [FeeSchedulesController, PublicQuoteController], providers: [FeeSchedulesService, PublicQuoteService], exports: [PublicQuoteService] })
export class FeeSchedulesModule {}
