/** An order moves draft → awaiting_approval → approved → invoiced, or is cancelled before it is invoiced. */
export const ORDER_STATUSES = ['draft', 'awaiting_approval', 'approved', 'invoiced', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export type OrderAction = 'submit' | 'approve' | 'invoice' | 'cancel' | 'edit';

export type OrderMove = { ok: true; to: OrderStatus } | { ok: false; reason: string };

/** The next state of an order, or why the step is refused. */
export function orderTransition(status: OrderStatus, action: OrderAction, lineCount = 1): OrderMove {
  switch (action) {
    case 'edit':
      return status === 'draft' ? { ok: true, to: 'draft' } : { ok: false, reason: 'Only a draft order can be changed; this one has been submitted.' };
    case 'submit':
      if (status !== 'draft') return { ok: false, reason: 'Only a draft order can be submitted for approval.' };
      if (lineCount < 1) return { ok: false, reason: 'Add at least one service before submitting the order.' };
      return { ok: true, to: 'awaiting_approval' };
    case 'approve':
      return status === 'awaiting_approval' ? { ok: true, to: 'approved' } : { ok: false, reason: 'Only an order waiting for approval can be approved.' };
    case 'invoice':
      return status === 'approved' ? { ok: true, to: 'invoiced' } : { ok: false, reason: 'An order is invoiced only once it has been approved.' };
    case 'cancel':
      return status === 'draft' || status === 'awaiting_approval' || status === 'approved'
        ? { ok: true, to: 'cancelled' }
        : { ok: false, reason: status === 'invoiced' ? 'An invoiced order cannot be cancelled; ask the partnership for a credit note.' : 'This order is already cancelled.' };
  }
}

export const APPROVER_ROLES = ['headteacher', 'business-manager'] as const;

/**
 * Whether a person may approve an order (or a booking) for their school. Only the headteacher or
 * business manager approves, so a member of staff can never approve their own request; a head or
 * business manager who asked may approve what they asked for, as they hold the budget.
 */
export function approvalProblem(approver: { userId: string; schoolRoles: readonly string[] }, requesterId: string | null): string | null {
  const approves = approver.schoolRoles.some((r) => (APPROVER_ROLES as readonly string[]).includes(r));
  if (!approves) {
    return approver.userId === requesterId
      ? 'You cannot approve your own request: your headteacher or business manager approves it.'
      : 'Only the headteacher or business manager can approve orders.';
  }
  return null;
}

/** A purchase order number as schools write them: 1 to 60 letters, digits, spaces and / - . _ characters. */
export function poNumberProblem(value: unknown): string | null {
  if (typeof value !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9 /._-]{0,59}$/.test(value.trim())) return 'Enter the purchase order number: 1 to 60 letters, digits, spaces or / - . _';
  return null;
}
