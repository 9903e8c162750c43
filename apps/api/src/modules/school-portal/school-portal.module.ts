import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { MembershipsModule } from '../memberships/memberships.module';
import { FeeSchedulesModule } from '../fee-schedules/fee-schedules.module';
import { SchoolQuoteController } from './school-quote.controller';
import { SchoolInvitationsController, SchoolMembershipController } from './school-membership.controller';
import { SchoolMembershipService } from './school-membership.service';
import { SchoolPeopleService } from './school-people.service';
import { SchoolPortalController } from './school-portal.controller';
import { SchoolPortalService } from './school-portal.service';

@Module({
  imports: [AuthModule, MembershipsModule, FeeSchedulesModule],
  controllers: [SchoolMembershipController, SchoolPortalController, SchoolInvitationsController, SchoolQuoteController],
  providers: [SchoolPortalService, SchoolMembershipService, SchoolPeopleService],
})
export class SchoolPortalModule {}
