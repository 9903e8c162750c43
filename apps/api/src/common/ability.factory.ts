import { AbilityBuilder, createMongoAbility, type MongoAbility } from '@casl/ability';
import type { SchoolRole, TenantRole } from '@partnerships/domain';

export type Action = 'manage' | 'create' | 'read' | 'update' | 'delete';
export type SubjectType = 'Tenant' | 'Membership' | 'School' | 'Person' | 'Invitation' | 'AuditEntry' | 'FeeSchedule' | 'Platform' | 'Invoice' | 'Billing' | 'GeneralMeeting' | 'Ballot' | 'Governance' | 'Event' | 'Offer' | 'Order' | 'Review' | 'SchoolReview' | 'Improvement' | 'ConcernAccess';
export type AppAbility = MongoAbility<[Action, SubjectType | { __type: SubjectType } | 'all']>;

export interface RoleGrants {
  isPlatformOperator: boolean;
  tenantRoles: { tenantId: string; role: TenantRole }[];
  schoolRoles: { schoolId: string; role: SchoolRole }[];
}

/**
 * Built once per request from the user's roles. Conditions carry tenantId/schoolId,
 * so "a head reads her own school's memberships" is one rule.
 */
export function buildAbility(grants: RoleGrants): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  for (const { tenantId, role } of grants.tenantRoles) {
    can('read', 'Tenant', { tenantId });
    can('read', 'Membership', { tenantId });
    if (role === 'tenant-admin') {
      can('manage', ['Tenant', 'Membership', 'Person', 'Invitation', 'AuditEntry', 'FeeSchedule'], { tenantId });
    }
    if (role === 'finance') can('manage', 'FeeSchedule', { tenantId });
    if (role === 'officer' || role === 'finance') can(['read'], ['Person', 'FeeSchedule'], { tenantId });
    // Billing (issue 6): admins and finance people issue and manage invoices, runs, settings and the Stripe connection; officers read invoices.
    if (role === 'tenant-admin' || role === 'finance') can('manage', ['Invoice', 'Billing'], { tenantId });
    if (role === 'officer') can('read', 'Invoice', { tenantId });
    // General meetings (issue 10): admins and officers run meetings, polls and elections; everyone in the partnership
    // reads results and may try to cast a ballot (the service checks they are a school's voter or its proxy).
    can('read', 'GeneralMeeting', { tenantId });
    can('create', 'Ballot', { tenantId });
    if (role === 'tenant-admin' || role === 'officer') can('manage', 'GeneralMeeting', { tenantId });
    // Governance (issue 10): everyone with a role in the partnership sees its structure, bodies and meetings (confidential items
    // and approving minutes are checked against body membership in the service); admins and officers manage it.
    can('read', 'Governance', { tenantId });
    if (role === 'tenant-admin' || role === 'officer') can('manage', 'Governance', { tenantId });
    // Peer review and school development reviews (issue 12): everyone in the partnership reaches the peer review routes (the
    // service shows a review to its team and the coordinator only); admins and officers coordinate. SchoolReview covers
    // requirements and appointments, never a report's content, which only its reviewer, head and share recipients read.
    can('read', 'Review', { tenantId });
    if (role === 'tenant-admin' || role === 'officer') can('manage', ['Review', 'SchoolReview'], { tenantId });
    // School improvement (issue 12): everyone in the partnership sees data rounds, needs and participation; admins and officers run
    // rounds, brokerage and the annual report. Schools causing concern are for the people admins name (ConcernAccess), checked in the service and by RLS.
    can('read', 'Improvement', { tenantId });
    if (role === 'tenant-admin' || role === 'officer') can('manage', 'Improvement', { tenantId });
    if (role === 'tenant-admin') can('manage', 'ConcernAccess', { tenantId });
    // Offers (issue 11): everyone in the partnership reads the catalogue; admins and officers run it (and record entitlement use);
    // orders, buy-back, bespoke quotes and the offers reports are for admins and finance (officers read them).
    can('read', 'Offer', { tenantId });
    if (role === 'tenant-admin' || role === 'officer') can('manage', 'Offer', { tenantId });
    if (role === 'tenant-admin' || role === 'finance') can('manage', 'Order', { tenantId });
    if (role === 'officer') can('read', 'Order', { tenantId });
    // CPD events (issue 11): everyone in the partnership sees its events and their take-up; admins and officers run them (sessions, registers, evaluations, certificates, invoicing).
    can('read', 'Event', { tenantId });
    if (role === 'tenant-admin' || role === 'officer') can('manage', 'Event', { tenantId });
  }
  for (const { schoolId } of grants.schoolRoles) {
    can('read', 'School', { schoolId });
    can('read', 'Membership', { schoolId });
  }
  if (grants.isPlatformOperator) can('manage', 'Platform');
  return build({ detectSubjectType: (object) => (object as { __type: SubjectType }).__type });
}

/** A plain object tagged with its CASL subject type, for condition checks. */
export const subjectOf = <T extends object>(type: SubjectType, object: T) => ({ ...object, __type: type });
