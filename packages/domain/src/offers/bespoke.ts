/** A bespoke request moves: requested → quoted → accepted → invoiced; it may be declined or withdrawn on the way. */
export const BESPOKE_STATUSES = ['requested', 'quoted', 'accepted', 'invoiced', 'declined', 'withdrawn'] as const;
export type BespokeStatus = (typeof BESPOKE_STATUSES)[number];
export type BespokeAction = 'quote' | 'accept' | 'invoice' | 'decline' | 'withdraw';

/** Who may take each step: the partnership quotes, declines and invoices; the school accepts or withdraws. */
export const BESPOKE_ACTOR: Record<BespokeAction, 'partnership' | 'school'> = {
  quote: 'partnership',
  accept: 'school',
  invoice: 'partnership',
  decline: 'partnership',
  withdraw: 'school',
};

const MOVES: Record<BespokeAction, { from: readonly BespokeStatus[]; to: BespokeStatus }> = {
  quote: { from: ['requested', 'quoted'], to: 'quoted' },
  accept: { from: ['quoted'], to: 'accepted' },
  invoice: { from: ['accepted'], to: 'invoiced' },
  decline: { from: ['requested', 'quoted'], to: 'declined' },
  withdraw: { from: ['requested', 'quoted'], to: 'withdrawn' },
};

const REFUSALS: Record<BespokeAction, string> = {
  quote: 'Only a request that has not been accepted can be quoted.',
  accept: 'Only a quoted request can be accepted.',
  invoice: 'Only an accepted quote can be invoiced.',
  decline: 'Only a request that has not been accepted can be declined.',
  withdraw: 'Only a request that has not been accepted can be withdrawn.',
};

export type BespokeMove = { ok: true; to: BespokeStatus } | { ok: false; reason: string };

/** The next state, or why the step is refused. An accepted quote past its validity date is refused too. */
export function bespokeTransition(status: BespokeStatus, action: BespokeAction, context: { today?: string; quoteValidUntil?: string | null } = {}): BespokeMove {
  const move = MOVES[action];
  if (!move.from.includes(status)) return { ok: false, reason: `${REFUSALS[action]} This one is ${status}.` };
  if (action === 'accept' && context.today && context.quoteValidUntil && context.today > context.quoteValidUntil) {
    return { ok: false, reason: 'The quote has expired; ask the partnership for a new one.' };
  }
  return { ok: true, to: move.to };
}
