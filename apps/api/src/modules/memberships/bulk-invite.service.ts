import { Injectable } from '@nestjs/common';
import { DomainRefusal } from '@partnerships/domain';
import { AppError } from '../../common/app-error';
import { refusalProblem } from '../../common/problem.filter';
import type { TenantContext } from '../../common/request-context';
import type { BulkInviteDto, BulkInviteResultDto } from './membership.dto';
import { MembershipsService } from './memberships.service';

/** Inviting many schools at once from the members list. */
@Injectable()
export class BulkInviteService {
  constructor(private readonly memberships: MembershipsService) {}

  /** Each school is its own transaction, so one refusal does not stop the rest. */
  async bulkInvite(ctx: TenantContext, dto: BulkInviteDto): Promise<BulkInviteResultDto> {
    const emails = new Map((dto.contacts ?? []).map((c) => [c.id, c.email]));
    const invited: string[] = [];
    const skipped: { id: string; reason: string }[] = [];
    for (const id of [...new Set(dto.ids)]) {
      try {
        await this.memberships.runAction(ctx, id, 'invite', { email: emails.get(id) });
        invited.push(id);
      } catch (error) {
        if (error instanceof DomainRefusal) {
          const problem = refusalProblem(error.refusals);
          skipped.push({ id, reason: problem.errors?.[0]?.message ?? problem.detail });
          continue;
        }
        if (!(error instanceof AppError)) throw error;
        skipped.push({ id, reason: error.fields?.[0]?.message ?? error.userMessage });
      }
    }
    return { invited, skipped };
  }
}
