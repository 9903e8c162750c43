import type Stripe from 'stripe';
import type { Params } from '../http/params.js';
import { newId } from '../util/ids.js';
import { emptyList, NULL_ADDRESS, type Wire } from '../util/wire.js';

export type Account = Wire<Stripe.Account>;

/** What a new account must still provide before it can take payments. */
export const ONBOARDING_REQUIREMENTS = [
  'business_profile.mcc',
  'business_profile.url',
  'external_account',
  'representative.first_name',
  'representative.last_name',
  'tos_acceptance.date',
  'tos_acceptance.ip',
];

function requirements(due: string[]): Account['requirements'] & object {
  return {
    alternatives: [],
    current_deadline: null,
    currently_due: [...due],
    disabled_reason: due.length > 0 ? 'requirements.past_due' : null,
    errors: [],
    eventually_due: [...due],
    past_due: [...due],
    pending_verification: [],
  };
}

function futureRequirements(): Account['future_requirements'] & object {
  return { alternatives: [], current_deadline: null, currently_due: [], disabled_reason: null, errors: [], eventually_due: [], past_due: [], pending_verification: [] };
}

function accountType(params: Params): Stripe.Account.Type {
  const type = params.oneOf('type', ['standard', 'express', 'custom'] as const);
  if (type) return type;
  const dashboard = params.obj('controller')?.obj('stripe_dashboard')?.str('type');
  if (dashboard === 'express') return 'express';
  if (dashboard === 'none') return 'custom';
  return params.has('controller') ? 'none' : 'standard';
}

/** Capabilities asked for (`capabilities[card_payments][requested]=true`), or Standard's defaults. */
function requestedCapabilities(params: Params, type: Stripe.Account.Type): string[] {
  const requested = params.obj('capabilities');
  const names = requested ? requested.keys().filter((name) => requested.obj(name)?.bool('requested') !== false) : [];
  if (names.length === 0 && (type === 'standard' || type === 'none')) return ['card_payments', 'transfers'];
  return names;
}

export function buildAccount(params: Params, now: number): Account {
  const type = accountType(params);
  const id = newId('acct', 16);
  const business = params.obj('business_profile');
  const capabilities: Record<string, 'active' | 'inactive' | 'pending'> = {};
  for (const name of requestedCapabilities(params, type)) capabilities[name] = 'inactive';
  const country = (params.str('country') ?? 'GB').toUpperCase();
  const controllerType: Stripe.Account.Controller.Type = type === 'standard' ? 'account' : 'application';
  const account: Account = {
    id,
    object: 'account',
    business_profile: {
      annual_revenue: { amount: null, currency: null, fiscal_year_end: null },
      estimated_worker_count: null,
      mcc: business?.str('mcc') ?? null,
      minority_owned_business_designation: null,
      name: business?.str('name') ?? null,
      product_description: business?.str('product_description') ?? null,
      specified_commercial_transactions_act_url: null,
      support_address: { ...NULL_ADDRESS },
      support_email: business?.str('support_email') ?? null,
      support_phone: business?.str('support_phone') ?? null,
      support_url: business?.str('support_url') ?? null,
      url: business?.str('url') ?? null,
    },
    business_type: params.oneOf('business_type', ['company', 'government_entity', 'individual', 'non_profit'] as const) ?? null,
    capabilities,
    charges_enabled: false,
    controller: { type: controllerType, is_controller: true },
    country,
    created: now,
    default_currency: params.str('default_currency') ?? (country === 'GB' ? 'gbp' : 'usd'),
    details_submitted: false,
    email: params.str('email') ?? null,
    external_accounts: emptyList(`/v1/accounts/${id}/external_accounts`),
    future_requirements: futureRequirements(),
    metadata: params.metadata(),
    payouts_enabled: false,
    requirements: requirements(ONBOARDING_REQUIREMENTS),
    settings: {
      bacs_debit_payments: { display_name: null, service_user_number: null },
      branding: { icon: null, logo: null, primary_color: null, secondary_color: null },
      card_issuing: { tos_acceptance: { date: null, ip: null } },
      card_payments: { decline_on: { avs_failure: false, cvc_failure: false }, statement_descriptor_prefix: null, statement_descriptor_prefix_kana: null, statement_descriptor_prefix_kanji: null },
      dashboard: { display_name: business?.str('name') ?? null, timezone: 'Europe/London' },
      invoices: { default_account_tax_ids: null, hosted_payment_method_save: null },
      payments: { statement_descriptor: null, statement_descriptor_kana: null, statement_descriptor_kanji: null, statement_descriptor_prefix_kana: null, statement_descriptor_prefix_kanji: null },
      payouts: { debit_negative_balances: true, schedule: { delay_days: 7, interval: 'daily' }, statement_descriptor: null },
      sepa_debit_payments: {},
    },
    tos_acceptance: { date: null, ip: null, user_agent: null },
    type,
  };
  if (type !== 'standard' && type !== 'none') account.controller!.stripe_dashboard = { type: type === 'express' ? 'express' : 'none' };
  return account;
}

/** Applies an update's business fields in place; returns the previous values of what changed. */
export function applyAccountUpdate(account: Account, params: Params): Record<string, unknown> {
  const previous: Record<string, unknown> = {};
  const set = <K extends keyof Account>(key: K, value: Account[K]) => {
    if (JSON.stringify(account[key]) === JSON.stringify(value)) return;
    previous[key] = account[key] ?? null;
    account[key] = value;
  };
  if (params.has('email')) set('email', params.emptyable('email') ?? null);
  if (params.has('metadata')) set('metadata', params.metadata(account.metadata ?? {}));
  if (params.has('default_currency')) set('default_currency', params.str('default_currency'));
  if (params.has('business_type')) set('business_type', params.oneOf('business_type', ['company', 'government_entity', 'individual', 'non_profit'] as const) ?? null);
  const business = params.obj('business_profile');
  if (business && account.business_profile) {
    const next = { ...account.business_profile };
    for (const key of ['mcc', 'name', 'product_description', 'support_email', 'support_phone', 'support_url', 'url'] as const) {
      if (business.has(key)) next[key] = business.emptyable(key) ?? null;
    }
    set('business_profile', next);
  }
  const capabilities = params.obj('capabilities');
  if (capabilities) {
    const next = { ...(account.capabilities ?? {}) } as Record<string, 'active' | 'inactive' | 'pending'>;
    for (const name of capabilities.keys()) {
      const requested = capabilities.obj(name)?.bool('requested');
      if (requested === false) delete next[name];
      else if (!next[name]) next[name] = account.charges_enabled ? 'active' : 'inactive';
    }
    set('capabilities', next);
  }
  return previous;
}

/** The account after the hosted onboarding form was submitted. `verified: false` leaves it pending review. */
export function completeOnboarding(account: Account, now: number, verified: boolean): Record<string, unknown> {
  const previous: Record<string, unknown> = {
    charges_enabled: account.charges_enabled,
    details_submitted: account.details_submitted,
    payouts_enabled: account.payouts_enabled,
    capabilities: account.capabilities,
    requirements: account.requirements,
  };
  account.details_submitted = true;
  account.charges_enabled = verified;
  account.payouts_enabled = verified;
  const capabilities = { ...(account.capabilities ?? {}) } as Record<string, 'active' | 'inactive' | 'pending'>;
  for (const name of Object.keys(capabilities)) capabilities[name] = verified ? 'active' : 'pending';
  account.capabilities = capabilities;
  account.requirements = verified ? requirements([]) : { ...requirements([]), disabled_reason: 'requirements.pending_verification', pending_verification: ['representative.verification.document'] };
  account.tos_acceptance = { date: now, ip: '127.0.0.1', user_agent: 'stripe-fake onboarding' };
  if (account.business_profile) {
    account.business_profile.mcc ??= '8299';
    account.business_profile.url ??= 'https://example.org';
  }
  return previous;
}
