import type { Fake } from '../fake.js';
import { invalidRequest, resourceMissing } from '../http/errors.js';
import { paginate } from '../http/list.js';
import type { ApiRequest, Router } from '../http/router.js';
import { PLATFORM } from '../store/state.js';
import { newId, randomToken } from '../util/ids.js';
import { Params } from '../http/params.js';
import { applyAccountUpdate, buildAccount, completeOnboarding, type Account } from './accounts.model.js';

export interface AccountLinkToken {
  id: string;
  account: string;
  type: string;
  refresh_url: string | null;
  return_url: string | null;
  expires_at: number;
  used: boolean;
}

function requireAccount(req: ApiRequest, id: string) {
  const record = req.fake.store.get<Account>('account', id, PLATFORM);
  // A connected account may read itself (Stripe-Account: acct_x + GET /v1/accounts/acct_x).
  if (!record || record.internal['platformSelf'] || (req.scope !== PLATFORM && req.scope !== id)) {
    throw invalidRequest(`No such account: '${id}'`, { code: 'account_invalid', param: 'account', status: 404 });
  }
  return record;
}

/** The platform's own account (GET /v1/account without Stripe-Account), created on first use. */
function platformAccount(fake: Fake): Account {
  const existing = fake.store.list<Account>('account', PLATFORM, (r) => r.internal['platformSelf'] === true)[0];
  if (existing) return existing.data;
  const account = buildAccount(new Params({ type: 'standard', country: 'GB', email: 'platform@example.org', business_profile: { name: 'Platform' } }), fake.now());
  completeOnboarding(account, fake.now(), true);
  fake.store.insert('account', PLATFORM, account, { platformSelf: true });
  return account;
}

/** Marks an account as onboarded (or submitted-but-pending) and sends `account.updated` as Stripe does. */
export function finishOnboarding(fake: Fake, accountId: string, verified = true): Account {
  const record = fake.store.get<Account>('account', accountId, PLATFORM);
  if (!record) throw resourceMissing('account', accountId, 'account');
  const previous = completeOnboarding(record.data, fake.now(), verified);
  fake.store.touch();
  fake.events.emit('account.updated', record.data, accountId, { previous });
  return record.data;
}

export function registerAccounts(router: Router): void {
  router.post('/v1/accounts', (req) => {
    req.params.forEndpoint('accounts.create');
    if (req.scope !== PLATFORM) throw invalidRequest('Connected accounts cannot create other accounts.', { status: 400 });
    const account = buildAccount(req.params, req.fake.now());
    req.fake.store.insert('account', PLATFORM, account);
    return account;
  });

  router.get('/v1/accounts', (req) => {
    req.params.forEndpoint('accounts.list');
    const accounts = req.fake.store.list<Account>('account', PLATFORM, (r) => !r.internal['platformSelf']).map((r) => r.data);
    return paginate(accounts, req.params, '/v1/accounts');
  });

  router.get('/v1/account', (req) => (req.scope === PLATFORM ? platformAccount(req.fake) : requireAccount(req, req.scope).data));

  router.get('/v1/accounts/:id', (req) => requireAccount(req, req.pathParams['id']!).data);

  router.post('/v1/accounts/:id', (req) => {
    req.params.forEndpoint('accounts.update');
    const record = requireAccount(req, req.pathParams['id']!);
    const previous = applyAccountUpdate(record.data, req.params);
    req.fake.store.touch();
    if (Object.keys(previous).length > 0) req.fake.events.emit('account.updated', record.data, record.id, { previous });
    return record.data;
  });

  router.delete('/v1/accounts/:id', (req) => {
    const record = requireAccount(req, req.pathParams['id']!);
    req.fake.store.remove(record.id);
    return { id: record.id, object: 'account', deleted: true };
  });

  router.post('/v1/account_links', (req) => {
    req.params.forEndpoint('accountLinks.create');
    const accountId = req.params.reqStr('account');
    const type = req.params.reqStr('type');
    if (type !== 'account_onboarding' && type !== 'account_update') {
      throw invalidRequest(`Invalid type: must be one of account_onboarding, account_update`, { param: 'type', code: 'parameter_invalid_string' });
    }
    const account = req.fake.store.get<Account>('account', accountId, PLATFORM);
    if (!account || account.internal['platformSelf']) throw invalidRequest(`No such account: '${accountId}'`, { code: 'account_invalid', param: 'account', status: 400 });
    const now = req.fake.now();
    const token: AccountLinkToken = {
      id: `acctlink_${randomToken(24)}`,
      account: accountId,
      type,
      refresh_url: req.params.str('refresh_url') ?? null,
      return_url: req.params.str('return_url') ?? null,
      expires_at: now + 300,
      used: false,
    };
    req.fake.store.insert('account_link_token', PLATFORM, token);
    return { object: 'account_link', created: now, expires_at: token.expires_at, url: `${req.fake.baseUrl}/connect/onboarding/${token.id}` };
  });

  router.post('/v1/accounts/:id/login_links', (req) => {
    const record = requireAccount(req, req.pathParams['id']!);
    return { object: 'login_link', created: req.fake.now(), url: `${req.fake.baseUrl}/connect/dashboard/${record.id}?session=${newId('ll', 12)}` };
  });
}
