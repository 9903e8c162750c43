import type { MemberForInvoice } from './billing-members';

/** Who the invoice is addressed to, as printed on it (kept on the invoice, so a later rename does not rewrite it). */
export function billToOf(member: MemberForInvoice): Record<string, unknown> {
  return { name: member.name, urn: member.urn, postcode: member.postcode, localAuthority: member.localAuthority, phase: member.phase };
}
