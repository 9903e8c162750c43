import type { Invoice } from '../billing/invoices.model.js';
import type { Charge } from '../resources/charges.model.js';
import type { Mandate } from '../resources/mandates.js';
import { formatMoney } from '../util/money.js';
import { esc, page } from './html.js';

const date = (unix: number | null | undefined) => (unix ? new Date(unix * 1000).toISOString().slice(0, 10) : '—');

/** `hosted_invoice_url` */
export function renderInvoice(invoice: Invoice): string {
  const rows = invoice.lines.data
    .map((line) => `<tr><td>${esc(line.description)}</td><td class="num">${esc(formatMoney(line.amount, line.currency))}</td></tr>`)
    .join('');
  return page(
    `Invoice ${invoice.number ?? invoice.id}`,
    `<h1>Invoice ${esc(invoice.number ?? invoice.id)}</h1>
<p>Status: <strong>${esc(invoice.status)}</strong>. Issued ${esc(date(invoice.created))}${invoice.status_transitions.paid_at ? `, paid ${esc(date(invoice.status_transitions.paid_at))}` : ''}.</p>
<table><thead><tr><th scope="col">Description</th><th scope="col" class="num">Amount</th></tr></thead>
<tbody>${rows}</tbody>
<tfoot><tr><th scope="row">Total</th><td class="num"><strong>${esc(formatMoney(invoice.total, invoice.currency))}</strong></td></tr></tfoot></table>`,
  );
}

/** A Bacs mandate's `url` */
export function renderMandate(mandate: Mandate): string {
  const bacs = mandate.payment_method_details.bacs_debit;
  return page(
    'Direct Debit Instruction',
    `<h1>Direct Debit Instruction</h1>
<dl>
<dt>Reference</dt><dd>${esc(bacs?.reference)}</dd>
<dt>Status</dt><dd>${esc(mandate.status)} (network: ${esc(bacs?.network_status)})</dd>
<dt>Accepted</dt><dd>${esc(date(mandate.customer_acceptance.accepted_at))}</dd>
</dl>
<p>Instruction to your bank or building society: please pay the merchant Direct Debits from the account detailed in this Instruction subject to the safeguards assured by the Direct Debit Guarantee.</p>`,
  );
}

/** A charge's `receipt_url` */
export function renderReceipt(charge: Charge): string {
  return page(
    'Receipt',
    `<h1>Receipt</h1>
<p>${esc(formatMoney(charge.amount, charge.currency))} — ${esc(charge.status)}${charge.amount_refunded ? `, ${esc(formatMoney(charge.amount_refunded, charge.currency))} refunded` : ''}.</p>
<p>Paid ${esc(date(charge.created))}.</p>`,
  );
}
