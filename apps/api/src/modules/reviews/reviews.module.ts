import { Module } from '@nestjs/common';
import { ReviewProgrammesController } from './review-programmes.controller';
import { ReviewProgrammesService } from './review-programmes.service';
import { ConfidentialReviewReaderGuard, MyConfidentialReviewsController, ReviewPortalController } from './review-portal.controller';
import { ReviewsController } from './reviews.controller';
import { ReviewsService } from './reviews.service';
import { SchoolReviewsController } from './school-reviews.controller';
import { SchoolReviewsService } from './school-reviews.service';

/** Peer review programmes and confidential school development reviews (issue 12). */
@Module({
  controllers: [ReviewProgrammesController, ReviewsController, SchoolReviewsController, ReviewPortalController, MyConfidentialReviewsController],
  providers: [ReviewProgrammesService, ReviewsService, SchoolReviewsService, ConfidentialReviewReaderGuard],
})
export class ReviewsModule {}
