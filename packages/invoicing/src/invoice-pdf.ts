import { formatPence, formatUkDate } from '@partnerships/domain';
import PDFDocument from 'pdfkit';

/** Everything printed on an invoice: the invoice row as it was issued, plus what has happened since. */
export interface InvoiceForPdf {
  /** A membership fee (the default) or a one-off invoice, whose period label is the buyer's reference. */
  kind?: 'membership' | 'one-off';
  number: string;
  status: string;
  issuedOn: string;
  dueOn: string;
  poNumber: string | null;
  periodLabel: string;
  partLabel: string | null;
  billTo: { name?: string; urn?: string; postcode?: string | null; localAuthority?: string };
  seller: { name?: string; email?: string | null; website?: string | null; vatNumber?: string | null; bank?: { accountName: string; sortCode: string; accountNumber: string } | null; note?: string | null };
  lines: { kind: 'charge' | 'note'; description: string; amountPence: number }[];
  subtotalPence: number;
  vatRateBps: number;
  vatPence: number;
  totalPence: number;
  amountPaidPence: number;
  amountCreditedPence: number;
  outstandingPence: number;
  /** The partnership takes card and Direct Debit payments through its school portal. */
  payOnline: boolean;
}

const MARGIN = 50;

/** What the invoice is for, as its subject and notes heading say: "Membership 2026 to 2027", or a one-off invoice's reference. */
export function invoiceSubject(invoice: Pick<InvoiceForPdf, 'kind' | 'periodLabel'>): string {
  return invoice.kind === 'one-off' ? invoice.periodLabel : `Membership ${invoice.periodLabel}`;
}
const RIGHT = 545;

/**
 * The invoice as a PDF (A4, the standard Helvetica font, so no font files ship with it). Plain and
 * accessible: a title, tagged language, and text rather than images. Deterministic apart from
 * the creation date, which is pinned to the issue date.
 */
export function renderInvoicePdf(invoice: InvoiceForPdf): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: 'en-GB',
    info: { Title: `Invoice ${invoice.number}`, Author: invoice.seller.name ?? 'Partnerships', Subject: invoiceSubject(invoice), CreationDate: new Date(`${invoice.issuedOn}T12:00:00Z`) },
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(18).text(invoice.seller.name ?? '', MARGIN, MARGIN, { width: 300 });
  doc.font('Helvetica').fontSize(9);
  if (invoice.seller.email) doc.text(invoice.seller.email, { width: 300 });
  if (invoice.seller.website) doc.text(invoice.seller.website, { width: 300 });
  if (invoice.seller.vatNumber) doc.text(`VAT registration number ${invoice.seller.vatNumber}`, { width: 300 });

  doc.font('Helvetica-Bold').fontSize(20).text(invoice.status === 'void' ? 'INVOICE (VOID)' : 'INVOICE', 350, MARGIN, { width: RIGHT - 350, align: 'right' });
  doc.font('Helvetica').fontSize(10);
  const facts: [string, string][] = [
    ['Invoice number', invoice.number],
    ['Date of issue', formatUkDate(invoice.issuedOn)],
    ['Due by', formatUkDate(invoice.dueOn)],
    ...(invoice.poNumber ? ([['Purchase order', invoice.poNumber]] as [string, string][]) : []),
  ];
  for (const [label, value] of facts) doc.text(`${label}: ${value}`, 300, undefined, { width: RIGHT - 300, align: 'right' });

  doc.moveDown(2);
  const billToTop = Math.max(doc.y, 150);
  doc.font('Helvetica-Bold').fontSize(10).text('Bill to', MARGIN, billToTop);
  doc.font('Helvetica').text(invoice.billTo.name ?? '');
  if (invoice.billTo.urn) doc.text(`URN ${invoice.billTo.urn}`);
  if (invoice.billTo.localAuthority) doc.text(invoice.billTo.localAuthority);
  if (invoice.billTo.postcode) doc.text(invoice.billTo.postcode);

  doc.moveDown(1.5);
  let y = doc.y;
  doc.font('Helvetica-Bold').text('Description', MARGIN, y).text('Amount', 445, y, { width: RIGHT - 445, align: 'right' });
  y = doc.y + 4;
  doc.moveTo(MARGIN, y).lineTo(RIGHT, y).stroke();
  doc.font('Helvetica').moveDown(0.5);
  for (const line of invoice.lines.filter((l) => l.kind === 'charge')) {
    y = doc.y;
    doc.text(line.description, MARGIN, y, { width: 380 });
    const after = doc.y;
    doc.text(formatPence(line.amountPence), 445, y, { width: RIGHT - 445, align: 'right' });
    doc.y = Math.max(after, doc.y);
    doc.moveDown(0.3);
  }
  y = doc.y + 4;
  doc.moveTo(300, y).lineTo(RIGHT, y).stroke();
  doc.moveDown(0.5);
  const totals: [string, number, boolean][] = [
    ['Subtotal', invoice.subtotalPence, false],
    ...(invoice.seller.vatNumber ? ([[`VAT at ${invoice.vatRateBps / 100}%`, invoice.vatPence, false]] as [string, number, boolean][]) : []),
    ['Total', invoice.totalPence, true],
    ...(invoice.amountCreditedPence ? ([['Credited', -invoice.amountCreditedPence, false]] as [string, number, boolean][]) : []),
    ...(invoice.amountPaidPence ? ([['Paid', -invoice.amountPaidPence, false]] as [string, number, boolean][]) : []),
    ['Balance due', invoice.outstandingPence, true],
  ];
  for (const [label, pence, bold] of totals) {
    y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').text(label, 300, y, { width: 140 }).text(formatPence(pence), 445, y, { width: RIGHT - 445, align: 'right' });
  }
  if (!invoice.seller.vatNumber) doc.font('Helvetica').fontSize(9).text('No VAT is charged.', 300, undefined, { width: RIGHT - 300 });

  doc.moveDown(1.5).fontSize(10).font('Helvetica-Bold').text('How to pay', MARGIN, undefined, { width: RIGHT - MARGIN });
  doc.font('Helvetica');
  if (invoice.payOnline) doc.text('Pay by card or Bacs Direct Debit from your school’s page in the partnership portal.', { width: RIGHT - MARGIN });
  const bank = invoice.seller.bank;
  if (bank) {
    doc.text(`By bank transfer to ${bank.accountName}, sort code ${bank.sortCode}, account ${bank.accountNumber}, quoting ${invoice.number} as the reference.`, { width: RIGHT - MARGIN });
  } else {
    doc.text(`By bank transfer, quoting ${invoice.number} as the reference (ask ${invoice.seller.email ?? 'the partnership'} for the bank details).`, { width: RIGHT - MARGIN });
  }

  const notes = invoice.lines.filter((l) => l.kind === 'note');
  if (notes.length) {
    doc.moveDown(1).font('Helvetica-Bold').text(invoice.partLabel ? `${invoiceSubject(invoice)}: ${invoice.partLabel}` : invoiceSubject(invoice), { width: RIGHT - MARGIN });
    doc.font('Helvetica').fontSize(9);
    for (const note of notes) doc.text(note.description, { width: RIGHT - MARGIN });
  }
  if (invoice.seller.note) doc.moveDown(1).fontSize(9).text(invoice.seller.note, { width: RIGHT - MARGIN });
  doc.end();
  return done;
}
