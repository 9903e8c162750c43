import type { EntityManager } from '@partnerships/db';
import { compareDates, formatInvoiceNumber, formatPence, invoiceDueDate, invoiceTotals, isValidIsoDate, londonToday, type InvoiceLine, type VatSettings } from '@partnerships/domain';
import { loadBillingSettings, loadSeller } from './billing-settings';
import { allocateNumbers, lockNumbering } from './invoice-issue';
import { BillingSourcesRepository } from './repositories/billing-sources.repository';
import { InvoiceRepository } from './repositories/invoice.repository';

/** One thing bought: a description, how many, and the price of one in pence (before VAT). */
export interface OneOffLineInput {
  description: string;
  quantity: number;
  unitPence: number;
}

export interface OneOffInvoiceInput {
  tenantId: string;
  /** The school billed. Give it, or the membership (whose school is then billed), or both. */
  schoolId?: string;
  membershipId?: string;
  lines: OneOffLineInput[];
  /** What the invoice is for, as the school will recognise it ("Course booking B-1042: Phonics training"). Printed as its subject. */
  reference: string;
  /**
   * The caller's key for this sale (for example `booking:<id>`). Asking again with the same key
   * answers the invoice already issued, and never issues a second one.
   */
  idempotencyKey: string;
  /** Default: today in England. */
  issuedOn?: string;
  /** Default: the issue date plus the partnership's payment terms. */
  dueOn?: string;
  /** Default: the partnership's VAT settings (registered or not, and its rate). */
  vat?: VatSettings;
  poNumber?: string | null;
  /** Extra words under the lines (the invoice's explanation); default: the reference. */
  explanation?: string;
  createdBy?: string | null;
}

/** One-off invoice lines keep their quantity and unit price beside the amount. */
export interface OneOffInvoiceLine extends InvoiceLine {
  quantity: number;
  unitPence: number;
}

export interface OneOffInvoice {
  id: string;
  /** False when the idempotency key had already issued this invoice. */
  created: boolean;
}

/** A refusal: which field and why, in words for the person who asked. */
export class OneOffInvoiceProblem extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'OneOffInvoiceProblem';
  }
}

const MAX_LINES = 100;

/** The lines as invoiced (quantity × unit price each), or the first problem with them. */
export function oneOffLines(lines: readonly OneOffLineInput[]): OneOffInvoiceLine[] {
  if (!Array.isArray(lines) || lines.length === 0) throw new OneOffInvoiceProblem('lines', 'Add at least one thing to invoice.');
  if (lines.length > MAX_LINES) throw new OneOffInvoiceProblem('lines', `An invoice has at most ${MAX_LINES} lines.`);
  return lines.map((line, i) => {
    const description = typeof line.description === 'string' ? line.description.trim() : '';
    if (!description) throw new OneOffInvoiceProblem(`lines[${i}].description`, 'Say what is being invoiced.');
    if (description.length > 500) throw new OneOffInvoiceProblem(`lines[${i}].description`, 'Keep the description to 500 characters.');
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > 100_000) {
      throw new OneOffInvoiceProblem(`lines[${i}].quantity`, 'The quantity is a whole number from 1 to 100,000.');
    }
    if (!Number.isInteger(line.unitPence) || line.unitPence < 0 || line.unitPence > 100_000_000) {
      throw new OneOffInvoiceProblem(`lines[${i}].unitPence`, 'The price is a whole number of pence, from 0 to £1,000,000.');
    }
    const amountPence = line.quantity * line.unitPence;
    const text = line.quantity === 1 ? description : `${description} (${line.quantity} × ${formatPence(line.unitPence)})`;
    return { kind: 'charge', description: text, amountPence, quantity: line.quantity, unitPence: line.unitPence };
  });
}

/**
 * Issues a one-off invoice for anything a school buys (a course place, a booking), in the
 * caller's unit of work (`db.inTenant(tenantId, ...)`): the same numbering lock, sequence, VAT
 * and totals as membership invoices. Idempotent on `idempotencyKey`: the numbering lock
 * serialises issuing in the partnership, so a second request with the same key (at the same
 * time or later) finds the first one's invoice and answers it; the unique key backs this up.
 * A rolled-back transaction gives its number back, so numbers have no gaps.
 */
export async function issueOneOffInvoice(em: EntityManager, input: OneOffInvoiceInput): Promise<OneOffInvoice> {
  const key = typeof input.idempotencyKey === 'string' ? input.idempotencyKey.trim() : '';
  if (!key || key.length > 200) throw new OneOffInvoiceProblem('idempotencyKey', 'Give a key of 1 to 200 characters that names this sale.');
  const reference = typeof input.reference === 'string' ? input.reference.trim() : '';
  if (!reference || reference.length > 200) throw new OneOffInvoiceProblem('reference', 'Say what the invoice is for, in at most 200 characters.');
  const lines = oneOffLines(input.lines);
  const issuedOn = input.issuedOn ?? londonToday();
  if (!isValidIsoDate(issuedOn)) throw new OneOffInvoiceProblem('issuedOn', 'That is not a real date.');
  if (input.dueOn !== undefined && (!isValidIsoDate(input.dueOn) || compareDates(input.dueOn, issuedOn) < 0)) {
    throw new OneOffInvoiceProblem('dueOn', 'The due date is a real date on or after the date of issue.');
  }

  const { tenantId } = input;
  const invoices = new InvoiceRepository(em);
  await lockNumbering(em, tenantId);
  const existing = await invoices.findIdByIdempotencyKey(tenantId, key);
  if (existing) return { id: existing, created: false };

  const sources = new BillingSourcesRepository(em);
  let schoolId = input.schoolId ?? null;
  if (input.membershipId) {
    const membership = await sources.membershipOf(tenantId, input.membershipId);
    if (!membership) throw new OneOffInvoiceProblem('membershipId', 'There is no such membership in this partnership.');
    if (schoolId && schoolId !== membership.schoolId) throw new OneOffInvoiceProblem('schoolId', 'That membership is another school’s.');
    schoolId = membership.schoolId;
  }
  if (!schoolId) throw new OneOffInvoiceProblem('schoolId', 'Say which school is billed.');
  const school = await sources.schoolToBill(schoolId);
  if (!school) throw new OneOffInvoiceProblem('schoolId', 'There is no such school.');

  const settings = await loadBillingSettings(em, tenantId);
  const seller = await loadSeller(em, tenantId, settings);
  const totals = invoiceTotals(lines, input.vat ?? settings.vat);
  const [sequence] = await allocateNumbers(em, tenantId, 1);
  const id = await invoices.insertOneOff(tenantId, {
    sequence: sequence!,
    number: formatInvoiceNumber(settings.invoicePrefix, sequence!),
    schoolId,
    membershipId: input.membershipId ?? null,
    reference,
    idempotencyKey: key,
    issuedOn,
    dueOn: input.dueOn ?? invoiceDueDate(issuedOn, settings.paymentTermsDays),
    subtotalPence: totals.subtotalPence,
    vatRateBps: totals.vatRateBasisPoints,
    vatPence: totals.vatPence,
    totalPence: totals.totalPence,
    lines,
    explanation: input.explanation?.trim() || reference,
    billTo: { name: school.name, urn: school.urn, postcode: school.postcode, localAuthority: school.localAuthority, phase: school.phase },
    seller: seller as unknown as Record<string, unknown>,
    poNumber: input.poNumber?.trim() || null,
    createdBy: input.createdBy ?? null,
  });
  return { id, created: true };
}
