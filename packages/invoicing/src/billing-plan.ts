import type { EntityManager } from '@partnerships/db';
import { InvoiceRepository } from './repositories/invoice.repository';
import { BillingSourcesRepository } from './repositories/billing-sources.repository';
import {
  billingWindow,
  type FeeSchedule,
  financialYearStartMonthForType,
  formatPence,
  invoiceDraftsFromQuote,
  invoiceDueDate,
  invoiceTotals,
  type InvoiceLine,
  type InvoiceTotals,
  quoteFee,
} from '@partnerships/domain';
import type { MemberForInvoice } from './billing-members';
import type { BillingSettings } from './billing-settings';

/** A published fee schedule version, as billing uses it. */
export interface ScheduleForBilling {
  id: string;
  version: number;
  document: FeeSchedule;
  periodLabel: string;
  periodStart: string;
  periodEnd: string;
}

export interface PlannedInvoice {
  part: number;
  partCount: number;
  partLabel: string;
  scheduleDueOn: string;
  dueOn: string;
  lines: InvoiceLine[];
  explanation: string;
  totals: InvoiceTotals;
}

/** An invoice the member already has for this period, found before anything is written. */
export interface ExistingInvoice {
  id: string;
  number: string;
  scheduleId: string;
  scheduleVersion: number;
  part: number;
  status: string;
  totalPence: number;
}

export type MemberPlan =
  | { kind: 'invoice'; reason: string; amountPence: number; chargedFrom: string | null; chargedTo: string | null; invoices: PlannedInvoice[]; explanation: string }
  | { kind: 'skip'; reason: string; amountPence: 0 }
  | { kind: 'already-invoiced'; reason: string; amountPence: number; invoices: ExistingInvoice[] };

/**
 * What one member is billed under a schedule, and why, without writing anything: the same
 * function answers the dry run and issues the real run, so the dry run is exactly what the run
 * will do (as long as nothing changes in between).
 */
export function planMember(schedule: ScheduleForBilling, settings: BillingSettings, issuedOn: string, member: MemberForInvoice, existing: ExistingInvoice[] = []): MemberPlan {
  // A void invoice is history, not a bill: it never blocks issuing the corrected one (the billing key leaves voids out too).
  const live = existing.filter((i) => i.status !== 'void');
  const sameVersion = live.filter((i) => i.scheduleId === schedule.id && i.scheduleVersion === schedule.version);
  if (sameVersion.length > 0) {
    return {
      kind: 'already-invoiced',
      reason: `Already invoiced under this schedule: ${sameVersion.map((i) => i.number).join(', ')}`,
      amountPence: sameVersion.reduce((t, i) => t + i.totalPence, 0),
      invoices: sameVersion,
    };
  }
  const otherVersion = live;
  if (otherVersion.length > 0) {
    return {
      kind: 'already-invoiced',
      reason: `Already invoiced for ${schedule.periodLabel} under version ${otherVersion[0]!.scheduleVersion} (${otherVersion.map((i) => i.number).join(', ')}); credit or void those invoices to bill under this version`,
      amountPence: otherVersion.reduce((t, i) => t + i.totalPence, 0),
      invoices: otherVersion,
    };
  }
  const decision = billingWindow({ start: schedule.periodStart, end: schedule.periodEnd, label: schedule.periodLabel }, member);
  if (!decision.bill) return { kind: 'skip', reason: decision.reason, amountPence: 0 };
  if (member.pupils === null) {
    return { kind: 'skip', reason: 'Not billed: no pupil number is recorded for this school; record one under pupil numbers', amountPence: 0 };
  }
  let quote;
  try {
    quote = quoteFee(
      schedule.document,
      {
        phase: member.phase, pupils: member.pupils, category: member.category, schoolType: member.type, financialYearStartMonth: financialYearStartMonthForType(member.type),
        ...(member.serviceLevel ? { tier: member.serviceLevel } : {}),
        ...member.feeFacts,
      },
      { ...(decision.from ? { from: decision.from } : {}), ...(decision.to ? { to: decision.to } : {}) },
    );
  } catch (error) {
    return { kind: 'skip', reason: `Not billed: ${error instanceof Error ? error.message : String(error)}`, amountPence: 0 };
  }
  const drafts = invoiceDraftsFromQuote(quote, { scheduleName: schedule.document.name, periodLabel: schedule.periodLabel });
  if (drafts.length === 0) return { kind: 'skip', reason: `Not billed: nothing to pay (${quote.lines[quote.lines.length - 1]?.text ?? 'no fee'})`, amountPence: 0 };
  const pupilsNote: InvoiceLine = { kind: 'note', description: `Pupil number used: ${member.pupilFigure.label}.`, amountPence: 0 };
  const invoices = drafts.map((draft) => {
    const lines = [...draft.lines, pupilsNote];
    return {
      part: draft.part,
      partCount: draft.partCount,
      partLabel: draft.partLabel,
      scheduleDueOn: draft.scheduleDueOn,
      dueOn: invoiceDueDate(issuedOn, settings.paymentTermsDays, draft.scheduleDueOn),
      lines,
      explanation: draft.explanation,
      totals: invoiceTotals(lines, settings.vat),
    };
  });
  const amountPence = invoices.reduce((t, i) => t + i.totals.totalPence, 0);
  const parts = invoices.length > 1 ? ` in ${invoices.length} invoices (${invoices.map((i) => formatPence(i.totals.totalPence)).join(' + ')})` : '';
  return {
    kind: 'invoice',
    reason: `${decision.reason}: ${formatPence(amountPence)}${parts}`,
    amountPence,
    chargedFrom: decision.from ?? null,
    chargedTo: decision.to ?? null,
    invoices,
    explanation: quote.explanation,
  };
}

/** The members' invoices for the schedule's period (any version), by membership. */
export async function existingInvoicesFor(em: EntityManager, tenantId: string, schedule: ScheduleForBilling, membershipIds: string[]): Promise<Map<string, ExistingInvoice[]>> {
  const rows = await new InvoiceRepository(em).existingForPeriod(tenantId, membershipIds, schedule.periodStart, schedule.periodEnd);
  const byMember = new Map<string, ExistingInvoice[]>();
  for (const r of rows) {
    const list = byMember.get(r.membership_id) ?? [];
    list.push({ id: r.id, number: r.number, scheduleId: r.schedule_id, scheduleVersion: r.schedule_version, part: r.part, status: r.status, totalPence: r.total_pence });
    byMember.set(r.membership_id, list);
  }
  return byMember;
}

/** A fee schedule version by id (the caller checks it is published), in the tenant's unit of work. */
export async function loadScheduleForBilling(em: EntityManager, tenantId: string, scheduleId: string): Promise<ScheduleForBilling | null> {
  const row = await new BillingSourcesRepository(em).schedule(tenantId, scheduleId);
  if (!row) return null;
  return { id: row.id, version: row.version, document: row.document, periodLabel: row.period_label, periodStart: row.period_start, periodEnd: row.period_end };
}
