import { Injectable } from '@nestjs/common';
import { Database, TenantRepository } from '@partnerships/db';
import { describeNoticeRule, londonToday } from '@partnerships/domain';
import { inTenant, type TenantContext } from '../../common/request-context';
import type { MembershipSettingsDto, UpdateMembershipSettingsDto } from './membership.dto';
import { MembershipLifecycleService } from './membership-lifecycle.service';

/** The settings memberships run on: the notice rule in force, the census fees use, the liability guarantee. */
@Injectable()
export class MembershipSettingsService {
  constructor(
    private readonly db: Database,
    private readonly lifecycle: MembershipLifecycleService,
  ) {}

  async settings(ctx: TenantContext): Promise<MembershipSettingsDto> {
    return inTenant(this.db, ctx, async (em) => {
      const context = await this.lifecycle.context(em, ctx.tenant.id, londonToday());
      const feeCensus = await new TenantRepository(em).feeCensus(ctx.tenant.id);
      return {
        noticeRule: context.noticeRule as unknown as Record<string, unknown>,
        noticeRuleDescription: describeNoticeRule(context.noticeRule),
        noticeRuleIsDefault: context.noticeRuleIsDefault,
        feeCensus: feeCensus ?? 'october',
        liabilityGuaranteePence: context.liabilityGuaranteePence ?? null,
      };
    });
  }

  async updateSettings(ctx: TenantContext, dto: UpdateMembershipSettingsDto): Promise<MembershipSettingsDto> {
    await inTenant(this.db, ctx, (em) => new TenantRepository(em).setFeeCensus(ctx.tenant.id, dto.feeCensus));
    return this.settings(ctx);
  }
}
