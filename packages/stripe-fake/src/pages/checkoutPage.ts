import type { CheckoutInternal } from '../checkout/complete.js';
import type { Session } from '../checkout/session.model.js';
import type { StoredObject } from '../store/state.js';
import { formatMoney } from '../util/money.js';
import { esc, errorBox, page } from './html.js';

export interface CheckoutFormValues {
  error?: string;
  method?: string;
  cardNumber?: string;
  sortCode?: string;
  accountNumber?: string;
  name?: string;
  email?: string;
}

function summary(record: StoredObject<Session>): string {
  const session = record.data;
  const items = (record.internal as CheckoutInternal).lineItems;
  if (session.mode === 'setup') return '<p>Save a payment method for future payments. Nothing is charged now.</p>';
  const rows = items
    .map((item) => {
      const interval = item.price?.recurring ? ` per ${esc(item.price.recurring.interval)}` : '';
      return `<tr><td>${esc(item.description)}</td><td class="num">${esc(item.quantity)}</td><td class="num">${esc(formatMoney(item.amount_total, item.currency))}${interval}</td></tr>`;
    })
    .join('');
  const trial = session.mode === 'subscription' && session.amount_total === 0 ? '<p>Your free trial starts today; the first payment is taken when it ends.</p>' : '';
  return `<table>
<caption class="hint">Order summary</caption>
<thead><tr><th scope="col">Item</th><th scope="col" class="num">Qty</th><th scope="col" class="num">Amount</th></tr></thead>
<tbody>${rows}</tbody>
<tfoot><tr><th scope="row" colspan="2">Total due today</th><td class="num"><strong>${esc(formatMoney(session.amount_total ?? 0, session.currency ?? 'gbp'))}</strong></td></tr></tfoot>
</table>${trial}`;
}

function field(id: string, label: string, name: string, value: string, extra = '', hint = ''): string {
  const hintId = hint ? `${id}-hint` : '';
  return `<label for="${id}">${esc(label)}</label>${hint ? `<p class="hint" id="${hintId}">${esc(hint)}</p>` : ''}
<input id="${id}" name="${name}" value="${esc(value)}" ${hint ? `aria-describedby="${hintId}"` : ''} ${extra}>`;
}

function cardForm(action: string, values: CheckoutFormValues): string {
  return `<form method="post" action="${esc(action)}" aria-labelledby="card-heading">
<input type="hidden" name="method" value="card">
<fieldset>
<legend id="card-heading">Pay by card</legend>
${field('card-number', 'Card number', 'card_number', values.cardNumber ?? '4242 4242 4242 4242', 'inputmode="numeric" autocomplete="cc-number" required', 'Test cards: 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined.')}
${field('card-name', 'Name on card', 'name', values.name ?? 'Test Customer', 'autocomplete="cc-name" required')}
${field('card-email', 'Email address', 'email', values.email ?? '', 'type="email" autocomplete="email"')}
</fieldset>
<button type="submit">Pay by card</button>
</form>`;
}

function bacsForm(action: string, values: CheckoutFormValues): string {
  return `<form method="post" action="${esc(action)}" aria-labelledby="bacs-heading">
<input type="hidden" name="method" value="bacs_debit">
<fieldset>
<legend id="bacs-heading">Pay by Bacs Direct Debit</legend>
${field('bacs-name', 'Account holder name', 'name', values.name ?? 'Test Customer', 'autocomplete="name" required')}
${field('bacs-email', 'Email address', 'email', values.email ?? '', 'type="email" autocomplete="email"')}
${field('bacs-sort-code', 'Sort code', 'sort_code', values.sortCode ?? '10-88-00', 'inputmode="numeric" required', 'Test sort code: 10-88-00.')}
${field('bacs-account', 'Account number', 'account_number', values.accountNumber ?? '00012345', 'inputmode="numeric" required', 'Test accounts: 00012345 succeeds, 33333335 fails (debit not authorised), 22222227 fails (insufficient funds).')}
<p class="hint">By confirming, you authorise the merchant to debit this account under the Direct Debit Guarantee. Payments take several working days to clear.</p>
</fieldset>
<button type="submit">Pay by Bacs Direct Debit</button>
</form>`;
}

/** The hosted payment page at a Checkout Session's `url`. */
export function renderCheckoutPage(record: StoredObject<Session>, values: CheckoutFormValues = {}): string {
  const session = record.data;
  const action = `/checkout/pay/${session.id}`;
  if (session.status !== 'open') {
    const message = session.status === 'complete' ? 'This payment is complete.' : 'This checkout session has expired.';
    const link = session.status === 'complete' && session.success_url ? `<p><a href="${esc(session.success_url.replace(/\{CHECKOUT_SESSION_ID\}/g, session.id))}">Return to the site</a></p>` : '';
    return page('Checkout', `<h1>Checkout</h1><div class="${session.status === 'complete' ? 'ok' : 'error'}" role="status">${esc(message)}</div>${link}`);
  }
  const forms = [
    session.payment_method_types.includes('card') ? cardForm(action, values.method === 'card' ? values : { ...values, error: undefined }) : '',
    session.payment_method_types.includes('bacs_debit') ? bacsForm(action, values.method === 'bacs_debit' ? values : { ...values, error: undefined }) : '',
  ].join('\n');
  const cancel = session.cancel_url ? `<p><a href="${esc(session.cancel_url)}">Cancel and return to the site</a></p>` : '';
  const heading = session.mode === 'setup' ? 'Set up a payment method' : session.mode === 'subscription' ? 'Subscribe' : 'Pay';
  return page(`${heading} – Checkout`, `<h1>${heading}</h1>
${errorBox(values.error)}
${summary(record)}
${forms}
${cancel}`);
}
