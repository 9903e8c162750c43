import { formatUkDate } from '../calendar';
import type { Membership, MembershipEventType, MembershipState } from './membership-types';

/** Short labels for lists and badges. */
export const MEMBERSHIP_STATE_LABELS: Record<MembershipState, string> = {
  prospect: 'Prospect',
  invited: 'Invited',
  applied: 'Applied',
  approved: 'Approved',
  active: 'Active',
  'notice-given': 'Notice given',
  left: 'Left',
  suspended: 'Suspended',
  rejected: 'Application turned down',
  withdrawn: 'Application withdrawn',
};

/** Completes "…because …", describing where the membership stands now. */
export function currentStateClause(membership: Membership): string {
  switch (membership.state) {
    case 'prospect':
      return 'the school has not been invited yet';
    case 'invited':
      return 'the school has been invited but has not applied yet';
    case 'applied':
      return "the school's application is waiting for a decision";
    case 'approved':
      return 'the application has been approved but the membership is not active yet';
    case 'active':
      return 'the membership is active';
    case 'notice-given':
      return membership.notice ? `the school has given notice and leaves on ${formatUkDate(membership.notice.leavingOn)}` : 'the school has given notice';
    case 'left':
      return membership.leftOn ? `the school left on ${formatUkDate(membership.leftOn)}` : 'the school has left';
    case 'suspended':
      return membership.suspendedFrom === 'notice-given' ? 'the membership is suspended while the school is under notice' : 'the membership is suspended';
    case 'rejected':
      return "the school's application was turned down";
    case 'withdrawn':
      return "the school's application was withdrawn";
  }
}

/** For each event: what cannot happen, and when it can, so a refusal always says both. */
export const EVENT_WORDING: Record<MembershipEventType, { cannot: string; onlyWhen: string }> = {
  invite: {
    cannot: 'The school cannot be invited',
    onlyWhen: 'Only a prospective school, or one whose application was turned down or withdrawn, can be invited. A school that has left can be invited again by rejoining.',
  },
  apply: { cannot: 'The school cannot apply', onlyWhen: 'Only a school that has been invited can apply. A school that has left can apply again by rejoining.' },
  approve: { cannot: 'The application cannot be approved', onlyWhen: 'Only an application waiting for a decision can be approved.' },
  reject: { cannot: 'The application cannot be turned down', onlyWhen: 'Only an application waiting for a decision can be turned down.' },
  'withdraw-application': {
    cannot: 'The application cannot be withdrawn',
    onlyWhen: 'Only an application waiting for a decision, or approved but not yet active, can be withdrawn.',
  },
  activate: { cannot: 'The membership cannot be made active', onlyWhen: 'Only an approved application can be made active.' },
  'give-notice': { cannot: 'The school cannot give notice', onlyWhen: 'Only an active member can give notice.' },
  'withdraw-notice': { cannot: 'Notice cannot be withdrawn', onlyWhen: 'Notice can only be withdrawn while the school is under notice and not suspended.' },
  suspend: { cannot: 'The membership cannot be suspended', onlyWhen: 'Only an active membership, or one under notice, can be suspended.' },
  reinstate: { cannot: 'The membership cannot be reinstated', onlyWhen: 'Only a suspended membership can be reinstated.' },
  leave: {
    cannot: 'The school cannot be recorded as having left',
    onlyWhen: 'A school leaves only after it has given notice, once its leaving date has arrived.',
  },
  rejoin: { cannot: 'The school cannot rejoin', onlyWhen: 'Only a school that has left can rejoin; others are invited or apply in the usual way.' },
};
