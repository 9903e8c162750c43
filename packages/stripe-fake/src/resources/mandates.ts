import type Stripe from 'stripe';
import type { Fake } from '../fake.js';
import type { Params } from '../http/params.js';
import type { Router } from '../http/router.js';
import type { Scope, StoredObject } from '../store/state.js';
import { newId, randomToken } from '../util/ids.js';
import type { Wire } from '../util/wire.js';
import type { PaymentMethod } from './paymentMethods.model.js';

export type Mandate = Wire<Stripe.Mandate>;

export interface Acceptance {
  ipAddress: string | null;
  userAgent: string | null;
}

/** Reads `mandate_data[customer_acceptance]` (online acceptance, as Checkout and Payment Element send it). */
export function acceptanceFrom(mandateData: Params | undefined): Acceptance | undefined {
  const acceptance = mandateData?.obj('customer_acceptance');
  if (!acceptance) return undefined;
  const online = acceptance.obj('online');
  return { ipAddress: online?.str('ip_address') ?? null, userAgent: online?.str('user_agent') ?? null };
}

/** A Bacs Direct Debit mandate starts `pending` (network_status `pending`) until the bank accepts it. */
export function createBacsMandate(fake: Fake, scope: Scope, pm: PaymentMethod, acceptance: Acceptance): StoredObject<Mandate> {
  const id = newId('mandate');
  const mandate: Mandate = {
    id,
    object: 'mandate',
    customer_acceptance: {
      accepted_at: fake.now(),
      online: { ip_address: acceptance.ipAddress, user_agent: acceptance.userAgent },
      type: 'online',
    },
    livemode: false,
    multi_use: {},
    payment_method: pm.id,
    payment_method_details: {
      type: 'bacs_debit',
      bacs_debit: {
        display_name: null,
        network_status: 'pending',
        reference: randomToken(18).toUpperCase(),
        revocation_reason: null,
        service_user_number: '000000',
        url: `${fake.baseUrl}/mandates/${id}`,
      },
    },
    status: 'pending',
    type: 'multi_use',
  };
  return fake.store.insert('mandate', scope, mandate);
}

/** The payment method's usable (pending or active) mandate, if any. */
export function usableMandate(fake: Fake, scope: Scope, paymentMethodId: string): StoredObject<Mandate> | undefined {
  return fake.store.list<Mandate>('mandate', scope, (r) => r.data.payment_method === paymentMethodId && r.data.status !== 'inactive')[0];
}

/** Moves a mandate to a new status and sends `mandate.updated` when it changed. */
export function setMandateStatus(
  fake: Fake,
  record: StoredObject<Mandate>,
  status: 'active' | 'inactive',
  network: 'accepted' | 'refused' | 'revoked',
  revocationReason: 'account_closed' | 'debit_not_authorized' | 'could_not_process' = 'debit_not_authorized',
): void {
  const mandate = record.data;
  const bacs = mandate.payment_method_details.bacs_debit;
  if (mandate.status === status && bacs?.network_status === network) return;
  const previous = { status: mandate.status, payment_method_details: JSON.parse(JSON.stringify(mandate.payment_method_details)) as unknown };
  mandate.status = status;
  if (bacs) {
    bacs.network_status = network;
    if (network === 'revoked') bacs.revocation_reason = revocationReason;
  }
  fake.store.touch();
  fake.events.emit('mandate.updated', mandate, record.scope, { previous });
}

export function registerMandates(router: Router): void {
  router.get('/v1/mandates/:id', (req) => req.fake.store.require<Mandate>('mandate', req.pathParams['id']!, req.scope, 'mandate').data);
}
