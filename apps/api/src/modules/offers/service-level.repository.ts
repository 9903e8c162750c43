import { UnitOfWorkRepository } from '@partnerships/db';
import type { FeeSchedule, Phase } from '@partnerships/domain';

export interface MembershipForLevel {
  id: string;
  schoolId: string;
  status: string;
  category: string;
  serviceLevel: string | null;
  phase: Phase;
  type: string;
  pupils: number | null;
}

export interface ServiceLevelChangeRow {
  membershipId: string;
  previousLevel: string | null;
  serviceLevel: string | null;
  fromDate: string;
  adjustmentPence: number;
  explanation: string | null;
  invoiceId: string | null;
  creditNoteId: string | null;
}

/**
 * A membership's chosen service level and its history (column `memberships.service_level`, table
 * `membership_service_levels`), with the read-only facts a change is priced with: the published
 * schedule in force and the member's invoice under it.
 */
export class ServiceLevelRepository extends UnitOfWorkRepository {
  async lockMembership(tenantId: string, id: string): Promise<MembershipForLevel | null> {
    const row = await this.one<{ id: string; school_id: string; status: string; category: string; service_level: string | null; phase: Phase; type: string; pupils: number | null }>(
      `SELECT m.id, m.school_id, m.status, m.category, m.service_level, s.phase, s.type, s.pupils FROM memberships m JOIN schools s ON s.id = m.school_id
       WHERE m.tenant_id = $1 AND m.id = $2 FOR UPDATE OF m`,
      [tenantId, id],
    );
    return row ? { id: row.id, schoolId: row.school_id, status: row.status, category: row.category, serviceLevel: row.service_level, phase: row.phase, type: row.type, pupils: row.pupils } : null;
  }

  async setLevel(tenantId: string, id: string, level: string | null): Promise<void> {
    await this.execute(`UPDATE memberships SET service_level = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2`, [tenantId, id, level]);
  }

  async recordChange(tenantId: string, c: ServiceLevelChangeRow & { changedBy: string }): Promise<void> {
    await this.execute(
      `INSERT INTO membership_service_levels (tenant_id, membership_id, service_level, from_date, previous_level, adjustment_pence, invoice_id, credit_note_id, explanation, changed_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [tenantId, c.membershipId, c.serviceLevel, c.fromDate, c.previousLevel, c.adjustmentPence, c.invoiceId, c.creditNoteId, c.explanation, c.changedBy],
    );
  }

  async history(tenantId: string, membershipId: string): Promise<ServiceLevelChangeRow[]> {
    const rows = await this.rows<{ membership_id: string; previous_level: string | null; service_level: string | null; from_date: string; adjustment_pence: number; explanation: string | null; invoice_id: string | null; credit_note_id: string | null }>(
      `SELECT membership_id, previous_level, service_level, to_char(from_date, 'YYYY-MM-DD') AS from_date, adjustment_pence, explanation, invoice_id, credit_note_id
       FROM membership_service_levels WHERE tenant_id = $1 AND membership_id = $2 ORDER BY changed_at, id`,
      [tenantId, membershipId],
    );
    return rows.map((r) => ({ membershipId: r.membership_id, previousLevel: r.previous_level, serviceLevel: r.service_level, fromDate: r.from_date, adjustmentPence: r.adjustment_pence, explanation: r.explanation, invoiceId: r.invoice_id, creditNoteId: r.credit_note_id }));
  }

  /** The published fee schedule whose period contains the date (read-only). */
  async scheduleOn(tenantId: string, date: string): Promise<{ id: string; document: FeeSchedule } | null> {
    return this.one<{ id: string; document: FeeSchedule }>(
      `SELECT id, document FROM fee_schedules WHERE tenant_id = $1 AND status = 'published' AND period_start <= $2 AND period_end >= $2 ORDER BY period_start DESC LIMIT 1`,
      [tenantId, date],
    );
  }

  /** The member's latest invoice under a schedule that can still be credited (read-only; crediting goes through the invoicing package). */
  async creditableInvoice(tenantId: string, membershipId: string, scheduleId: string): Promise<string | null> {
    const row = await this.one<{ id: string }>(
      `SELECT id FROM invoices WHERE tenant_id = $1 AND membership_id = $2 AND schedule_id = $3 AND status IN ('open', 'paid') AND total_pence > amount_credited_pence
       ORDER BY part DESC, issued_on DESC LIMIT 1`,
      [tenantId, membershipId, scheduleId],
    );
    return row?.id ?? null;
  }

  /** The id of the credit note just issued on an invoice (read-only). */
  async latestCreditNoteOn(invoiceId: string): Promise<string | null> {
    const row = await this.one<{ id: string }>(`SELECT id FROM credit_notes WHERE invoice_id = $1 ORDER BY sequence DESC LIMIT 1`, [invoiceId]);
    return row?.id ?? null;
  }
}
