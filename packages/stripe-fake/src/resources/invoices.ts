import { markInvoicePaid } from '../billing/invoicing.js';
import type { Invoice } from '../billing/invoices.model.js';
import { invalidRequest } from '../http/errors.js';
import { listParams, paginate } from '../http/list.js';
import type { Router } from '../http/router.js';

export function registerInvoices(router: Router): void {
  router.get('/v1/invoices', (req) => {
    req.params.forEndpoint('invoices.list');
    const customer = req.params.str('customer');
    const subscription = req.params.str('subscription');
    const status = req.params.str('status');
    const items = req.fake.store
      .list<Invoice>('invoice', req.scope, ({ data }) =>
        (!customer || data.customer === customer) &&
        (!subscription || data.parent?.subscription_details?.subscription === subscription) &&
        (!status || data.status === status),
      )
      .map((r) => r.data);
    return paginate(items, req.params, '/v1/invoices');
  });

  router.get('/v1/invoices/:id', (req) => req.fake.store.require<Invoice>('invoice', req.pathParams['id']!, req.scope, 'invoice').data);

  router.get('/v1/invoices/:id/lines', (req) => {
    req.params.allowOnly(listParams());
    const invoice = req.fake.store.require<Invoice>('invoice', req.pathParams['id']!, req.scope, 'invoice');
    return paginate(invoice.data.lines.data, req.params, `/v1/invoices/${invoice.id}/lines`);
  });

  /** Only `paid_out_of_band=true` is supported (marks an open invoice paid). */
  router.post('/v1/invoices/:id/pay', (req) => {
    req.params.forEndpoint('invoices.pay');
    const invoice = req.fake.store.require<Invoice>('invoice', req.pathParams['id']!, req.scope, 'invoice');
    if (invoice.data.status === 'paid') throw invalidRequest('Invoice is already paid');
    if (invoice.data.status !== 'open') throw invalidRequest(`You can only pay an open invoice; this one is ${invoice.data.status}.`, { code: 'invoice_not_editable' });
    if (!req.params.bool('paid_out_of_band')) throw invalidRequest('stripe-fake only supports paying invoices with paid_out_of_band=true.', { param: 'paid_out_of_band' });
    markInvoicePaid(req.fake, invoice);
    return invoice.data;
  });
}
