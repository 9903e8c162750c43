import { describe, expect, it } from 'vitest';
import { StripeApiError } from '../../src/http/errors.js';
import { parseForm } from '../../src/http/form.js';
import { Params } from '../../src/http/params.js';

describe('parseForm (Stripe form encoding)', () => {
  it('decodes nested hashes and indexed arrays as the SDK sends them', () => {
    const body =
      'mode=payment&line_items[0][price_data][currency]=gbp&line_items[0][price_data][unit_amount]=500&line_items[0][quantity]=2' +
      '&line_items[1][price]=price_1&line_items[1][quantity]=1&metadata[order]=42&expand[0]=payment_intent&expand[1]=customer';
    expect(parseForm(body)).toEqual({
      mode: 'payment',
      line_items: [{ price_data: { currency: 'gbp', unit_amount: '500' }, quantity: '2' }, { price: 'price_1', quantity: '1' }],
      metadata: { order: '42' },
      expand: ['payment_intent', 'customer'],
    });
  });

  it('accepts percent-encoded brackets, + for spaces and empty-bracket appends', () => {
    expect(parseForm('description=Hello+world%21&a%5Bb%5D=1&types[]=card&types[]=bacs_debit')).toEqual({
      description: 'Hello world!',
      a: { b: '1' },
      types: ['card', 'bacs_debit'],
    });
  });

  it('keeps metadata keys that look like indices as a hash', () => {
    expect(parseForm('metadata[0]=zero&metadata[1]=one')).toEqual({ metadata: { '0': 'zero', '1': 'one' } });
  });

  it('orders sparse indices numerically', () => {
    expect(parseForm('items[10][price]=b&items[2][price]=a')).toEqual({ items: [{ price: 'a' }, { price: 'b' }] });
  });

  it('rejects prototype pollution and value/hash conflicts', () => {
    expect(() => parseForm('__proto__[x]=1')).toThrow(StripeApiError);
    expect(() => parseForm('a=1&a[b]=2')).toThrow(StripeApiError);
  });

  it('empty values unset: metadata[k]= deletes a key, metadata= clears', () => {
    const params = new Params(parseForm('metadata[a]=&metadata[c]=3'));
    expect(params.metadata({ a: '1', b: '2' })).toEqual({ b: '2', c: '3' });
    expect(new Params(parseForm('metadata=')).metadata({ a: '1' })).toEqual({});
  });

  it('validates integers and booleans with Stripe’s messages', () => {
    const params = new Params(parseForm('amount=12x&confirm=yes'));
    expect(() => params.int('amount')).toThrow('Invalid integer: 12x');
    expect(() => params.bool('confirm')).toThrow('Invalid boolean: yes');
    expect(() => new Params({}).reqStr('currency')).toThrow('Missing required param: currency.');
    expect(() => new Params({ colour: 'red' }).allowOnly(['amount'])).toThrow('Received unknown parameter: colour');
  });
});
