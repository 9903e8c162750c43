import { Module } from '@nestjs/common';
import { BespokeService } from './bespoke.service';
import { CatalogueService } from './catalogue.service';
import { OfferReportsService } from './offer-reports.service';
import { OffersController } from './offers.controller';
import { OrdersService } from './orders.service';
import { PoolsService } from './pools.service';
import { PublicOffersController } from './public-offers.controller';
import { SchoolOffersController } from './school-offers.controller';
import { ServiceLevelsService } from './service-levels.service';

/** Offers (issue 11): the catalogue, prices by buyer, entitlements, orders and buy-back, bespoke work, pools, service levels, reports. */
@Module({
  controllers: [OffersController, SchoolOffersController, PublicOffersController],
  providers: [CatalogueService, OrdersService, BespokeService, PoolsService, ServiceLevelsService, OfferReportsService],
  exports: [CatalogueService, OrdersService],
})
export class OffersModule {}
