import type { Account } from '../resources/accounts.model.js';
import { esc, page } from './html.js';

/** The hosted Connect onboarding page an account link points to. */
export function renderOnboardingPage(token: string, account: Account): string {
  const name = account.business_profile?.name ?? account.email ?? account.id;
  const due = account.requirements?.currently_due ?? [];
  const list = due.length ? `<ul>${due.map((item) => `<li>${esc(item)}</li>`).join('')}</ul>` : '<p>No information is outstanding.</p>';
  return page(
    'Set up payments – Connect onboarding',
    `<h1>Set up payments for ${esc(name)}</h1>
<p>Account <code>${esc(account.id)}</code> (${esc(account.type)}, ${esc(account.country)}).</p>
<h2>Information Stripe needs</h2>
${list}
<form method="post" action="/connect/onboarding/${esc(token)}">
<fieldset>
<legend>Finish onboarding</legend>
<p class="hint">In test mode the details above are filled in for you.</p>
<button type="submit" name="action" value="complete">Complete onboarding</button>
<button type="submit" name="action" value="pending" class="secondary">Submit details (verification pending)</button>
<button type="submit" name="action" value="later" class="secondary">Save and finish later</button>
</fieldset>
</form>`,
  );
}

export function renderLinkExpired(): string {
  return page('Link expired', '<h1>This link has expired</h1><p>Account links can be used once and expire after a few minutes. Ask the platform for a new link.</p>');
}

export function renderDashboard(account: Account): string {
  return page(
    'Express dashboard',
    `<h1>${esc(account.business_profile?.name ?? account.id)}</h1>
<dl>
<dt>Charges enabled</dt><dd>${account.charges_enabled ? 'Yes' : 'No'}</dd>
<dt>Payouts enabled</dt><dd>${account.payouts_enabled ? 'Yes' : 'No'}</dd>
<dt>Details submitted</dt><dd>${account.details_submitted ? 'Yes' : 'No'}</dd>
</dl>`,
  );
}
