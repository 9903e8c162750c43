import { Module } from '@nestjs/common';
import { MembershipCategoriesController } from './membership-categories.controller';
import { MembershipCategoriesService } from './membership-categories.service';
import { MembershipLifecycleService } from './membership-lifecycle.service';
import { MembershipsController } from './memberships.controller';
import { MembershipsService } from './memberships.service';
import { BulkInviteService } from './bulk-invite.service';
import { MemberListService } from './member-list.service';
import { MembershipSettingsService } from './membership-settings.service';
import { PupilCountsService } from './pupil-counts.service';
import { SchoolFeeFactsController } from './school-fee-facts.controller';
import { SchoolFeeFactsService } from './school-fee-facts.service';
import { TenantDocumentsService } from './tenant-documents.service';

@Module({
  controllers: [MembershipsController, MembershipCategoriesController, SchoolFeeFactsController],
  providers: [
    MembershipsService,
    MembershipLifecycleService,
    MembershipCategoriesService,
    MemberListService,
    BulkInviteService,
    MembershipSettingsService,
    PupilCountsService,
    TenantDocumentsService,
    SchoolFeeFactsService,
  ],
  exports: [MembershipsService, MembershipLifecycleService, PupilCountsService],
})
export class MembershipsModule {}
