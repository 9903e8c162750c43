import { Module } from '@nestjs/common';
import { MembershipCategoriesController } from './membership-categories.controller';
import { MembershipCategoriesService } from './membership-categories.service';
import { MembershipLifecycleService } from './membership-lifecycle.service';
import { MembershipsController } from './memberships.controller';
import { MembershipsService } from './memberships.service';

@Module({
  controllers: [MembershipsController, MembershipCategoriesController],
  providers: [MembershipsService, MembershipLifecycleService, MembershipCategoriesService],
  exports: [MembershipsService, MembershipLifecycleService],
})
export class MembershipsModule {}
