import type { EntityManager } from '@partnerships/db';
import { type ResolvedSeat, resolveSeats, type SeatRule, seatChanges } from '@partnerships/domain';
import { SeatRepository, type SeatRuleRow } from './seat.repository';

export interface ResolvedBodySeats {
  bodyId: string;
  rules: SeatRuleRow[];
  seats: ResolvedSeat[];
  changed: number;
}

const asDomainRule = (row: SeatRuleRow): SeatRule =>
  ({ ...row.rule, id: row.id, voting: row.voting, label: row.label, ...(row.termMonths ? { termMonths: row.termMonths } : {}) }) as SeatRule;

/**
 * Works out the seats of some bodies (or all) from their rules and today's facts, and brings the
 * stored history into line through the domain's seatChanges. Idempotent: asking again changes
 * nothing, and two requests doing it at once write each change once (see SeatRepository.apply).
 * Runs inside the caller's unit of work.
 */
export async function resolveAndRecordSeats(em: EntityManager, tenantId: string, bodyIds: string[] | null, today: string): Promise<ResolvedBodySeats[]> {
  const seats = new SeatRepository(em, tenantId);
  const allRules = await seats.rules(bodyIds && bodyIds.length === 1 ? bodyIds[0]! : null);
  const wanted = bodyIds ? new Set(bodyIds) : null;
  const byBody = new Map<string, SeatRuleRow[]>();
  for (const rule of allRules) {
    if (wanted && !wanted.has(rule.bodyId)) continue;
    byBody.set(rule.bodyId, [...(byBody.get(rule.bodyId) ?? []), rule]);
  }
  for (const id of bodyIds ?? []) if (!byBody.has(id)) byBody.set(id, []);
  const facts = await seats.facts(today);
  const current = await seats.current(bodyIds && bodyIds.length === 1 ? bodyIds[0]! : null);
  const out: ResolvedBodySeats[] = [];
  const newHolders = new Set<string>();
  for (const [bodyId, rules] of byBody) {
    const resolved = resolveSeats(rules.map(asDomainRule), facts);
    const holdings = current.filter((h) => h.bodyId === bodyId);
    const changes = seatChanges(holdings, resolved, today);
    let changed = 0;
    if (changes.end.length || changes.begin.length) {
      const kindOf = new Map(rules.map((r) => [r.id, r.rule.kind]));
      const info = new Map(
        resolved.map((seat) => {
          const kind = kindOf.get(seat.ruleId);
          return [seat.key, { ruleId: seat.ruleId, schoolId: seat.schoolId, source: kind === 'appointed' ? ('appointed' as const) : kind === 'elected' ? ('elected' as const) : ('derived' as const) }];
        }),
      );
      changed = await seats.apply(bodyId, changes, info);
      for (const b of changes.begin) newHolders.add(b.userId);
    }
    out.push({ bodyId, rules, seats: resolved, changed });
  }
  await seats.syncMemberRoles([...newHolders]);
  return out;
}
