import { Injectable } from '@nestjs/common';
import { Database, SchoolFeeFactsRepository, type SchoolFeeFactsRecord } from '@partnerships/db';
import { DomainRefusal, readFeeFactOverrides } from '@partnerships/domain';
import { notFound } from '../../common/app-error';
import { isUuid } from '../../common/ids';
import { inTenant, type TenantContext } from '../../common/request-context';
import type { MembershipFeeFactsDto } from './school-fee-facts.dto';

const dto = (r: SchoolFeeFactsRecord): MembershipFeeFactsDto => ({ membershipId: r.membershipId, register: r.register, overrides: r.overrides, facts: r.facts });

/** A member's facts for fees (sixth form, opening date, trusts, diocese, area): the register's, and the partnership's record over them. */
@Injectable()
export class SchoolFeeFactsService {
  constructor(private readonly db: Database) {}

  get(ctx: TenantContext, membershipId: string): Promise<MembershipFeeFactsDto> {
    return inTenant(this.db, ctx, async (em) => dto(await this.find(new SchoolFeeFactsRepository(em), ctx, membershipId)));
  }

  /** Replaces the partnership's record; fields left out or blank fall back to the register's. */
  update(ctx: TenantContext, membershipId: string, input: unknown): Promise<MembershipFeeFactsDto> {
    const read = readFeeFactOverrides(input);
    if (!read.ok) throw new DomainRefusal(read.refusals);
    return inTenant(this.db, ctx, async (em) => {
      const facts = new SchoolFeeFactsRepository(em);
      await this.find(facts, ctx, membershipId);
      await facts.setOverrides(ctx.tenant.id, membershipId, read.value);
      return dto(await this.find(facts, ctx, membershipId));
    });
  }

  private async find(facts: SchoolFeeFactsRepository, ctx: TenantContext, membershipId: string): Promise<SchoolFeeFactsRecord> {
    if (!isUuid(membershipId)) throw notFound('membership');
    const record = await facts.forMembership(ctx.tenant.id, membershipId);
    if (!record) throw notFound('membership');
    return record;
  }
}
