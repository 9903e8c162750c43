import { createHmac } from 'node:crypto';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { computeSignature, signatureHeader, verifySignature } from '../../src/webhooks/signing.js';

const secret = 'whsec_unit_test';
const stripe = new Stripe('sk_test_unit_test_key');

describe('Stripe-Signature', () => {
  it('is t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<payload>">', () => {
    const payload = '{"id":"evt_1","object":"event"}';
    const header = signatureHeader(payload, secret, 1_700_000_000);
    const expected = createHmac('sha256', secret).update(`1700000000.${payload}`).digest('hex');
    expect(header).toBe(`t=1700000000,v1=${expected}`);
    expect(computeSignature(payload, secret, 1_700_000_000)).toBe(expected);
  });

  it('matches the SDK’s own test header generator', () => {
    const payload = JSON.stringify({ id: 'evt_2', object: 'event', type: 'charge.refunded' }, null, 2);
    const timestamp = Math.floor(Date.now() / 1000);
    expect(signatureHeader(payload, secret, timestamp)).toBe(stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp }));
  });

  it('is accepted by stripe.webhooks.constructEvent and rejected when tampered with', () => {
    const payload = JSON.stringify({ id: 'evt_3', object: 'event', type: 'payment_intent.succeeded', data: { object: { amount: 100 } } });
    const header = signatureHeader(payload, secret);
    expect(stripe.webhooks.constructEvent(payload, header, secret).id).toBe('evt_3');
    expect(verifySignature(payload, header, secret)).toBe(true);
    const tampered = payload.replace('100', '999');
    expect(() => stripe.webhooks.constructEvent(tampered, header, secret)).toThrow(Stripe.errors.StripeSignatureVerificationError);
    expect(verifySignature(tampered, header, secret)).toBe(false);
    expect(() => stripe.webhooks.constructEvent(payload, header, 'whsec_other')).toThrow(Stripe.errors.StripeSignatureVerificationError);
  });
});
