/**
 * What a person's roles in a partnership let them do, as the API decides it: the same rules as
 * the API's abilities (apps/api/src/common/ability.factory.ts), which its routes check with
 * `@Access(action, subject)` (each route's rule is its `x-access` in the OpenAPI document). The web
 * shows a link, a button or a form only when the API would answer it, so nobody is shown a page
 * that then says "forbidden". apps/api/test/web-access.spec.ts compares these rules with the
 * API's for every role, action and subject, so the two cannot drift apart.
 *
 * No imports at run time: the API's test reads this file as it is.
 */

export type Action = 'manage' | 'create' | 'read' | 'update' | 'delete';

/** The API's subjects that belong to a partnership (the school portal and platform ones are not here). */
export const TENANT_SUBJECTS = [
  'Tenant',
  'Membership',
  'Person',
  'Invitation',
  'AuditEntry',
  'FeeSchedule',
  'Invoice',
  'Billing',
  'GeneralMeeting',
  'Ballot',
  'Governance',
  'Event',
  'Offer',
  'Order',
  'Review',
  'SchoolReview',
  'Improvement',
  'ConcernAccess',
] as const;
export type TenantSubject = (typeof TENANT_SUBJECTS)[number];

interface Rule {
  /** Who has it: these roles, or everyone with any role in the partnership. */
  roles: readonly string[] | 'anyone';
  /** 'manage' is every action, as in the API (CASL). */
  action: Action;
  subjects: readonly TenantSubject[];
}

const ADMIN = ['tenant-admin'];
const ADMIN_FINANCE = ['tenant-admin', 'finance'];
const ADMIN_OFFICER = ['tenant-admin', 'officer'];

/** In the order ability.factory.ts grants them. */
const RULES: readonly Rule[] = [
  { roles: 'anyone', action: 'read', subjects: ['Tenant', 'Membership'] },
  { roles: ADMIN, action: 'manage', subjects: ['Tenant', 'Membership', 'Person', 'Invitation', 'AuditEntry', 'FeeSchedule'] },
  { roles: ['finance'], action: 'manage', subjects: ['FeeSchedule'] },
  { roles: ['officer', 'finance'], action: 'read', subjects: ['Person', 'FeeSchedule'] },
  // Billing: admins and finance manage invoices, runs, settings and the Stripe connection; officers read invoices.
  { roles: ADMIN_FINANCE, action: 'manage', subjects: ['Invoice', 'Billing'] },
  { roles: ['officer'], action: 'read', subjects: ['Invoice'] },
  { roles: 'anyone', action: 'read', subjects: ['GeneralMeeting'] },
  { roles: 'anyone', action: 'create', subjects: ['Ballot'] },
  { roles: ADMIN_OFFICER, action: 'manage', subjects: ['GeneralMeeting'] },
  { roles: 'anyone', action: 'read', subjects: ['Governance'] },
  { roles: ADMIN_OFFICER, action: 'manage', subjects: ['Governance'] },
  { roles: 'anyone', action: 'read', subjects: ['Review'] },
  { roles: ADMIN_OFFICER, action: 'manage', subjects: ['Review', 'SchoolReview'] },
  // School improvement: everyone reads; admins and officers run rounds, brokerage and the annual report.
  { roles: 'anyone', action: 'read', subjects: ['Improvement'] },
  { roles: ADMIN_OFFICER, action: 'manage', subjects: ['Improvement'] },
  { roles: ADMIN, action: 'manage', subjects: ['ConcernAccess'] },
  { roles: 'anyone', action: 'read', subjects: ['Offer'] },
  { roles: ADMIN_OFFICER, action: 'manage', subjects: ['Offer'] },
  { roles: ADMIN_FINANCE, action: 'manage', subjects: ['Order'] },
  { roles: ['officer'], action: 'read', subjects: ['Order'] },
  { roles: 'anyone', action: 'read', subjects: ['Event'] },
  { roles: ADMIN_OFFICER, action: 'manage', subjects: ['Event'] },
];

/** Whether someone with `roles` in a partnership may do `action` to `subject` there (no roles: nothing). */
export function tenantCan(roles: readonly string[], action: Action, subject: TenantSubject): boolean {
  if (roles.length === 0) return false;
  return RULES.some((rule) => (rule.action === 'manage' || rule.action === action) && rule.subjects.includes(subject) && (rule.roles === 'anyone' || rule.roles.some((r) => roles.includes(r))));
}

/**
 * The parts of a partnership a person may open, from their roles there: the partnership layout
 * hands this to its pages, and the navigation and the pages' own links read it.
 */
export interface PartnershipAccess {
  /** Members, people, fees, offers and events (the partnership's staff: admins, officers, finance). */
  staff: boolean;
  /** Settings, setting up, invitations. */
  admin: boolean;
  /** Reading the invoices (admins, finance and officers). */
  invoices: boolean;
  /** Changing them: sending, payments, credit notes, voiding (admins and finance). */
  manageInvoices: boolean;
  /** Billing itself: the billing page, runs, settings, the Stripe connection (admins and finance). */
  billing: boolean;
  /** Running school improvement: the annual report, brokerage, data rounds (admins and officers). */
  runImprovement: boolean;
  /** Running the offers: adding, pricing, publishing, recording entitlement use (admins and officers). */
  runOffers: boolean;
  /** Orders: buy-back windows, bespoke quotes and their invoices (admins and finance). */
  manageOrders: boolean;
  /** Running events: adding them, registers, evaluations, certificates (admins and officers). */
  runEvents: boolean;
}

export const STAFF_ROLES: readonly string[] = ['tenant-admin', 'officer', 'finance'];

export function partnershipAccess(roles: readonly string[]): PartnershipAccess {
  return {
    staff: roles.some((r) => STAFF_ROLES.includes(r)),
    admin: roles.includes('tenant-admin'),
    invoices: tenantCan(roles, 'read', 'Invoice'),
    manageInvoices: tenantCan(roles, 'manage', 'Invoice'),
    billing: tenantCan(roles, 'read', 'Billing'),
    runImprovement: tenantCan(roles, 'manage', 'Improvement'),
    runOffers: tenantCan(roles, 'update', 'Offer'),
    manageOrders: tenantCan(roles, 'update', 'Order'),
    runEvents: tenantCan(roles, 'manage', 'Event'),
  };
}
