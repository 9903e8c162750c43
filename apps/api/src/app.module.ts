import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './common/access.guard';
import { ProblemFilter } from './common/problem.filter';
import { AuthModule } from './modules/auth/auth.module';
import { FeeSchedulesModule } from './modules/fee-schedules/fee-schedules.module';
import { MeModule } from './modules/me/me.module';
import { PlatformModule } from './modules/platform/platform.module';
import { SchoolPortalModule } from './modules/school-portal/school-portal.module';
import { TenantsModule } from './modules/tenants/tenants.module';
import { MembershipsModule } from './modules/memberships/memberships.module';
import { SchoolRegisterModule } from './modules/school-register/school-register.module';
import { SignupModule } from './modules/signup/signup.module';
import { OnboardingModule } from './modules/onboarding/onboarding.module';
import { PartnershipSettingsModule } from './modules/partnership-settings/partnership-settings.module';
import { DirectoryModule } from './modules/directory/directory.module';
import { BillingModule } from './modules/billing/billing.module';
import { GovernanceModule } from './modules/governance/governance.module';
import { GeneralMeetingsModule } from './modules/general-meetings/general-meetings.module';
import { ReviewsModule } from './modules/reviews/reviews.module';
import { OffersModule } from './modules/offers/offers.module';
import { EventsModule } from './modules/events/events.module';
import { ImprovementModule } from './modules/improvement/improvement.module';
import type { Runtime } from '@partnerships/jobs';
import { RuntimeModule } from './runtime/runtime.module';
import { DatabaseModule } from './runtime/database.module';

@Module({})
export class AppModule {
  static forRuntime(runtime: Runtime): DynamicModule {
    return {
      module: AppModule,
      imports: [RuntimeModule.forRuntime(runtime), DatabaseModule.forRuntime(runtime), AuthModule, MeModule, TenantsModule, SchoolPortalModule, PlatformModule, FeeSchedulesModule, SignupModule, OnboardingModule, PartnershipSettingsModule, DirectoryModule, SchoolRegisterModule, MembershipsModule, BillingModule, GeneralMeetingsModule, GovernanceModule, EventsModule, OffersModule, ReviewsModule, ImprovementModule],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
