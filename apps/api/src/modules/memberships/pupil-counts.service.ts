import { Injectable } from '@nestjs/common';
import { Database, type EntityManager, TenantRepository } from '@partnerships/db';
import { checkPupilCount, choosePupilFigure, FEE_CENSUS_MONTH, feeCensusOf } from '@partnerships/domain';
import { conflict, invalid, notFound } from '../../common/app-error';
import { isUuid } from '../../common/ids';
import { readPage } from '../../common/pagination';
import { inTenant, type TenantContext } from '../../common/request-context';
import type { DecisionDto, PupilCountDto, PupilCountQueryDto, PupilFigureDto, RecordPupilCountDto } from './membership.dto';
import { MembershipRepository } from './membership.repository';
import { PupilCountRepository, type PupilCountRow } from './pupil-count.repository';

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
    checkNote: row.check_note ?? null,
  };
}

/** Pupil numbers: the figures a partnership's fees use, the school's corrections and the admin's decisions on them. */
@Injectable()
export class PupilCountsService {
  constructor(private readonly db: Database) {}

  async pupilCounts(ctx: TenantContext, query: PupilCountQueryDto) {
    return inTenant(this.db, ctx, async (em) => {
      const counts = new PupilCountRepository(em, ctx.tenant.id);
      return readPage(query, (window) => counts.listPage({ status: query.status ?? null, urn: query.urn ?? null }, window), pupilCountDto);
    });
  }

  /**
   * The partnership records a figure itself: approved at once and kept in the history, unless it
   * is far from the register's or last year's figure (`checkPupilCount`) and the admin has not
   * confirmed it (`confirmed`): then it waits as "needs confirmation" until approved.
   */
  async recordPupilCount(ctx: TenantContext, dto: RecordPupilCountDto) {
    return inTenant(this.db, ctx, async (em) => {
      const schoolId = await new MembershipRepository(em, ctx.tenant.id).schoolIdOnList(dto.urn);
      if (!schoolId) throw invalid([{ field: 'urn', message: 'That school is not on the partnership’s list.' }]);
      const counts = new PupilCountRepository(em, ctx.tenant.id);
      const check = checkPupilCount(dto.pupils, await counts.references(schoolId, dto.census));
      const count = { schoolId, census: dto.census, pupils: dto.pupils, note: dto.note?.trim() || null, submittedBy: ctx.user.id };
      const id =
        check.status === 'ok'
          ? await counts.recordApproved(count)
          : dto.confirmed === true
            ? await counts.recordApproved({ ...count, checkNote: `Confirmed when recorded: ${check.reason}` })
            : await counts.submitCorrection({ ...count, checkNote: check.reason }, 'partnership');
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
      if (status !== 'pending' && status !== 'needs-confirmation') throw conflict(`This correction has already been ${status}.`);
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
    const feeCensus = await new TenantRepository(em).feeCensus(tenantId);
    const counts = new PupilCountRepository(em, tenantId);
    const approved = await counts.approvedFigure(schoolId, FEE_CENSUS_MONTH[feeCensusOf(feeCensus)]);
    const pending = await counts.pendingCount(schoolId);
    const figure = choosePupilFigure({ feeCensus, approved: approved ? [approved] : [], registerPupils });
    return { pupils: figure.pupils, source: figure.source === 'census' ? 'partnership' : 'register', census: figure.census, pendingCorrections: pending, label: figure.label };
  }
}
