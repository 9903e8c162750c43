import { type EntityManager, UnitOfWorkRepository } from '@partnerships/db';
import type { FeeSchedule } from '@partnerships/domain';

/** A published schedule, and whether its period covers the date it was asked for. */
export interface InForceSchedule {
  id: string;
  version: number;
  document: FeeSchedule;
  /** False when no published schedule covers the date and this is the latest published one instead. */
  coversDate: boolean;
}

/** One partnership's fee schedules (the `fee_schedules` table), inside the current unit of work. */
export class FeeScheduleRepository extends UnitOfWorkRepository {
  constructor(
    em: EntityManager,
    private readonly tenantId: string,
  ) {
    super(em);
    if (!tenantId) throw new Error('FeeScheduleRepository needs a tenant');
  }

  /**
   * The schedule in force on a date: the published version whose period covers it, else the
   * latest published one (so a partnership between periods still quotes and bills); null when
   * nothing has been published.
   */
  async findInForceOn(date: string): Promise<InForceSchedule | null> {
    const covering = await this.one<Omit<InForceSchedule, 'coversDate'>>(
      `SELECT id, version, document FROM fee_schedules WHERE tenant_id = $1 AND status = 'published' AND period_start <= $2 AND period_end >= $2
         ORDER BY version DESC LIMIT 1`,
      [this.tenantId, date],
    );
    if (covering) return { ...covering, coversDate: true };
    const latest = await this.one<Omit<InForceSchedule, 'coversDate'>>(
      `SELECT id, version, document FROM fee_schedules WHERE tenant_id = $1 AND status = 'published' ORDER BY period_end DESC, version DESC LIMIT 1`,
      [this.tenantId],
    );
    return latest ? { ...latest, coversDate: false } : null;
  }
}
