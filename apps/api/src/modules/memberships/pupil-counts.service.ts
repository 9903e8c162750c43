import { Injectable } from '@nestjs/common';
import { Database, type EntityManager, TenantRepository } from '@partnerships/db';
import { conflict, invalid, notFound } from '../../common/app-error';
import { isUuid } from '../../common/ids';
import { offsetOf, pageOf } from '../../common/pagination.dto';
import { inTenant, type TenantContext } from '../../common/request-context';
import type { DecisionDto, PupilCountDto, PupilCountQueryDto, PupilFigureDto, RecordPupilCountDto } from './membership.dto';
import { MembershipRepository } from './membership.repository';
import { PupilCountRepository, type PupilCountRow } from './pupil-count.repository';

const CENSUS_MONTH = { october: '10', january: '01', may: '05' } as const;

export function pupilCountDto(row: PupilCountRow): PupilCountDto {
  return {
    id: row.id,
    urn: row.urn,
    schoolName: row.school_name,
    census: row.census,
    pupils: row.pupils,
    source: row.source,
    status: row.status,
    note: row.note ?? null,
    submittedBy: row.submitted_by ?? null,
    submittedAt: row.submitted_at.toISOString(),
    decidedBy: row.decided_by ?? null,
    decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
    decisionNote: row.decision_note ?? null,
  };
}

/** Pupil numbers: the figures a partnership's fees use, the school's corrections and the admin's decisions on them. */
@Injectable()
export class PupilCountsService {
  constructor(private readonly db: Database) {}

  async pupilCounts(ctx: TenantContext, query: PupilCountQueryDto) {
    return inTenant(this.db, ctx, async (em) => {
      const { rows, total } = await new PupilCountRepository(em, ctx.tenant.id).listPage(
        { status: query.status ?? null, urn: query.urn ?? null },
        { limit: query.pageSize, offset: offsetOf(query) },
      );
      return pageOf(rows.map(pupilCountDto), query, total);
    });
  }

  /** The partnership records a figure itself (approved at once, kept in the history). */
  async recordPupilCount(ctx: TenantContext, dto: RecordPupilCountDto) {
    return inTenant(this.db, ctx, async (em) => {
      const schoolId = await new MembershipRepository(em, ctx.tenant.id).schoolIdOnList(dto.urn);
      if (!schoolId) throw invalid([{ field: 'urn', message: 'That school is not on the partnership’s list.' }]);
      const counts = new PupilCountRepository(em, ctx.tenant.id);
      const id = await counts.recordApproved({ schoolId, census: dto.census, pupils: dto.pupils, note: dto.note?.trim() || null, submittedBy: ctx.user.id });
      return this.find(counts, id);
    });
  }

  async decidePupilCount(ctx: TenantContext, id: string, decision: 'approved' | 'rejected', dto: DecisionDto) {
    if (!isUuid(id)) throw notFound('pupil number');
    const note = dto.note?.trim() || null;
    if (decision === 'rejected' && !note) throw invalid([{ field: 'note', message: 'Say why the correction is turned down; the school will see it.' }]);
    return inTenant(this.db, ctx, async (em) => {
      const counts = new PupilCountRepository(em, ctx.tenant.id);
      const status = await counts.lockStatus(id);
      if (!status) throw notFound('pupil number');
      if (status !== 'pending') throw conflict(`This correction has already been ${status}.`);
      await counts.decide(id, decision, ctx.user.id, note);
      return this.find(counts, id);
    });
  }

  /** One figure, as the API shows it. */
  async find(counts: PupilCountRepository, id: string): Promise<PupilCountDto> {
    const row = await counts.find(id);
    return pupilCountDto(row!);
  }

  /** The pupil number a partnership's fees use: its approved figure for its chosen census, or the register's. */
  async pupilFigure(em: EntityManager, tenantId: string, schoolId: string, registerPupils: number | null): Promise<PupilFigureDto> {
    const census = await new TenantRepository(em).feeCensus(tenantId);
    const month = CENSUS_MONTH[(census ?? 'october') as keyof typeof CENSUS_MONTH];
    const counts = new PupilCountRepository(em, tenantId);
    const figure = await counts.approvedFigure(schoolId, month);
    const pending = await counts.pendingCount(schoolId);
    return figure
      ? { pupils: figure.pupils, source: 'partnership', census: figure.census, pendingCorrections: pending }
      : { pupils: registerPupils, source: 'register', census: null, pendingCorrections: pending };
  }
}
