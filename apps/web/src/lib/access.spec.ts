import { describe, expect, it } from 'vitest';
import { partnershipAccess, tenantCan } from './access.ts';

/** What each kind of person is shown a link or form for (e2e/test/web-access.spec.ts checks the rules are the API's). */
describe('partnership access', () => {
  it.each([
    ['tenant-admin', { staff: true, admin: true, invoices: true, manageInvoices: true, billing: true, runImprovement: true, runOffers: true, manageOrders: true, runEvents: true }],
    ['finance', { staff: true, admin: false, invoices: true, manageInvoices: true, billing: true, runImprovement: false, runOffers: false, manageOrders: true, runEvents: false }],
    ['officer', { staff: true, admin: false, invoices: true, manageInvoices: false, billing: false, runImprovement: true, runOffers: true, manageOrders: false, runEvents: true }],
    ['reviewer', { staff: false, admin: false, invoices: false, manageInvoices: false, billing: false, runImprovement: false, runOffers: false, manageOrders: false, runEvents: false }],
    ['board-member', { staff: false, admin: false, invoices: false, manageInvoices: false, billing: false, runImprovement: false, runOffers: false, manageOrders: false, runEvents: false }],
  ])('%s', (role, expected) => {
    expect(partnershipAccess([role])).toEqual(expected);
  });

  it('adds up roles held together, and grants nothing without a role', () => {
    expect(partnershipAccess(['officer', 'finance'])).toMatchObject({ billing: true, runImprovement: true, manageInvoices: true });
    expect(Object.values(partnershipAccess([])).some(Boolean)).toBe(false);
    expect(tenantCan([], 'read', 'Tenant')).toBe(false);
    expect(tenantCan(['note-taker'], 'read', 'Governance')).toBe(true);
    expect(tenantCan(['note-taker'], 'update', 'Governance')).toBe(false);
  });
});
