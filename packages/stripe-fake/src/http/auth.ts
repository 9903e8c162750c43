import { authenticationError } from './errors.js';

const NO_KEY =
  "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.";

function mask(key: string): string {
  if (key.length <= 12) return key.replace(/.(?=.{4})/g, '*');
  return `${key.slice(0, 8)}${'*'.repeat(key.length - 12)}${key.slice(-4)}`;
}

/**
 * Accepts `Authorization: Bearer <key>` or HTTP Basic with the key as user name (like curl -u).
 * Keys must be test-mode secret or restricted keys (`sk_test_…`, `rk_test_…`), and in `allowedKeys` if given.
 */
export function authenticate(header: string | undefined, allowedKeys?: readonly string[]): string {
  if (!header || !header.trim()) throw authenticationError(NO_KEY);
  let key: string;
  const [scheme, value = ''] = header.trim().split(/\s+/, 2);
  if (/^bearer$/i.test(scheme!)) key = value;
  else if (/^basic$/i.test(scheme!)) key = Buffer.from(value, 'base64').toString('utf8').split(':')[0] ?? '';
  else throw authenticationError(`Invalid API Key provided: ${mask(header)}`);
  if (!key) throw authenticationError(NO_KEY);
  if (key.startsWith('pk_')) {
    throw authenticationError(
      'This API call cannot be made with a publishable API key. Please use a secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.',
    );
  }
  const wellFormed = /^(sk|rk)_test_[A-Za-z0-9_]{6,}$/.test(key);
  if (!wellFormed || (allowedKeys && allowedKeys.length > 0 && !allowedKeys.includes(key))) {
    throw authenticationError(`Invalid API Key provided: ${mask(key)}`);
  }
  return key;
}
