import { addDays, laterOf, type IsoDateString } from '../calendar/iso-date';
import type {
  GovernancePerson,
  GovernanceSchool,
  NamedDeputy,
  ResolvedSeat,
  SchoolScope,
  SeatChanges,
  SeatFacts,
  SeatHolder,
  SeatHolding,
  SeatRule,
} from './types';

/** The school role that holds a school_representative seat when the rule names none. */
export const DEFAULT_REPRESENTATIVE_ROLE = 'headteacher';

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function inScope(school: GovernanceSchool, scope: SchoolScope): boolean {
  switch (scope.type) {
    case 'partnership':
      return true;
    case 'cluster':
      return school.clusterBodyIds.includes(scope.bodyId);
    case 'category':
      return school.categoryCode === scope.category;
    case 'phase':
      return school.phase === scope.phase;
  }
}

/** The first of several people by name, then id, so co-heads always resolve the same way. */
function firstPerson(people: GovernancePerson[]): GovernancePerson | undefined {
  return [...people].sort((a, b) => byText(a.name, b.name) || byText(a.userId, b.userId))[0];
}

/**
 * The seats of a body worked out from its rules and today's facts (members,
 * roles, offices, appointments, election results). Keys are stable, so the
 * same facts always give the same seats, and a seat keeps its key while its
 * holder changes:
 * - school_representative: `${ruleId}:school:${urn}`, held by the school's
 *   named deputy for the rule (or for all rules) if any, otherwise its
 *   headteacher (or the rule's role); vacant when the school has neither.
 * - office_holder: `${ruleId}:office:${bodyId}`, one per body of the kind.
 * - role_at_schools: `${ruleId}:person:${userId}`, one per person.
 * - appointed: `${ruleId}:appointee:${userId}`, the first `max` appointees.
 * - elected: `${ruleId}:elected:${userId}` for winners, then
 *   `${ruleId}:vacant:${n}` for seats still empty.
 * - ex_officio: `${ruleId}:person:${userId}`, or `${ruleId}:vacant` when nobody holds it.
 */
export function resolveSeats(rules: readonly SeatRule[], facts: SeatFacts): ResolvedSeat[] {
  const schoolsById = new Map(facts.schools.map((school) => [school.id, school]));
  const peopleById = new Map<string, GovernancePerson>();
  for (const person of facts.people) if (!peopleById.has(person.userId)) peopleById.set(person.userId, person);
  const urnOf = (schoolId: string | null | undefined) => (schoolId ? (schoolsById.get(schoolId)?.urn ?? null) : null);
  const holderFor = (userId: string, fallbackName?: string, schoolUrn?: string | null): SeatHolder => {
    const person = peopleById.get(userId);
    return { userId, name: person?.name ?? fallbackName ?? userId, schoolUrn: schoolUrn !== undefined ? schoolUrn : urnOf(person?.schoolId) };
  };
  const schoolsByUrn = [...facts.schools].sort((a, b) => byText(a.urn, b.urn));
  // Indexed once, so a partnership with hundreds of people and dozens of bodies resolves in linear time.
  const peopleAt = new Map<string, GovernancePerson[]>();
  for (const person of facts.people) {
    if (person.schoolId === null) continue;
    const list = peopleAt.get(person.schoolId) ?? [];
    list.push(person);
    peopleAt.set(person.schoolId, list);
  }
  const deputiesAt = new Map<string, NamedDeputy[]>();
  for (const deputy of facts.deputies ?? []) {
    const list = deputiesAt.get(deputy.schoolId) ?? [];
    list.push(deputy);
    deputiesAt.set(deputy.schoolId, list);
  }
  const seats: ResolvedSeat[] = [];

  for (const rule of rules) {
    const base = { ruleId: rule.id, voting: rule.voting, ...(rule.termMonths !== undefined ? { termMonths: rule.termMonths } : {}) };
    switch (rule.kind) {
      case 'school_representative': {
        const role = rule.role ?? DEFAULT_REPRESENTATIVE_ROLE;
        for (const school of schoolsByUrn) {
          if (!inScope(school, rule.scope)) continue;
          const deputies = deputiesAt.get(school.id) ?? [];
          const deputy = deputies.find((d) => d.ruleId === rule.id) ?? deputies.find((d) => d.ruleId === undefined);
          const usual = firstPerson((peopleAt.get(school.id) ?? []).filter((p) => p.role === role));
          const holder: SeatHolder | null = deputy
            ? { userId: deputy.userId, name: deputy.name, schoolUrn: school.urn, standingIn: true }
            : usual
              ? { userId: usual.userId, name: usual.name, schoolUrn: school.urn }
              : null;
          seats.push({ ...base, key: `${rule.id}:school:${school.urn}`, label: `${rule.label}: ${school.name}`, holder, schoolId: school.id });
        }
        break;
      }
      case 'office_holder': {
        const holdings = (facts.officeHolders ?? []).filter((h) => h.office === rule.office && h.bodyKind === rule.bodyKind);
        const bodies = new Map<string, string | undefined>();
        for (const body of facts.bodies ?? []) if (body.kind === rule.bodyKind) bodies.set(body.id, body.name);
        for (const holding of holdings) if (!bodies.has(holding.bodyId) || bodies.get(holding.bodyId) === undefined) bodies.set(holding.bodyId, holding.bodyName);
        const ordered = [...bodies.entries()].sort(([aId, aName], [bId, bName]) => byText(aName ?? aId, bName ?? bId) || byText(aId, bId));
        for (const [bodyId, bodyName] of ordered) {
          const holding = holdings.filter((h) => h.bodyId === bodyId).sort((a, b) => byText(a.userId, b.userId))[0];
          const person = holding ? peopleById.get(holding.userId) : undefined;
          seats.push({
            ...base,
            key: `${rule.id}:office:${bodyId}`,
            label: bodyName ? `${rule.label}: ${bodyName}` : rule.label,
            holder: holding ? holderFor(holding.userId, holding.name) : null,
            schoolId: person?.schoolId ?? null,
          });
        }
        break;
      }
      case 'role_at_schools': {
        const seen = new Set<string>();
        for (const school of schoolsByUrn) {
          if (rule.phases?.length && !rule.phases.includes(school.phase)) continue;
          if (rule.schoolTypes?.length && !rule.schoolTypes.includes(school.type)) continue;
          const holders = (peopleAt.get(school.id) ?? []).filter((p) => p.role === rule.role).sort((a, b) => byText(a.userId, b.userId));
          for (const person of holders) {
            if (seen.has(person.userId)) continue;
            seen.add(person.userId);
            seats.push({
              ...base,
              key: `${rule.id}:person:${person.userId}`,
              label: `${rule.label}: ${school.name}`,
              holder: { userId: person.userId, name: person.name, schoolUrn: school.urn },
              schoolId: school.id,
            });
          }
        }
        break;
      }
      case 'appointed': {
        const seen = new Set<string>();
        const appointees = (facts.appointees ?? []).filter((a) => a.ruleId === rule.id && !seen.has(a.userId) && seen.add(a.userId));
        for (const appointee of appointees.slice(0, Math.max(0, rule.max))) {
          const schoolId = peopleById.get(appointee.userId)?.schoolId ?? null;
          seats.push({
            ...base,
            key: `${rule.id}:appointee:${appointee.userId}`,
            label: rule.label,
            holder: holderFor(appointee.userId, appointee.name, appointee.schoolUrn ?? urnOf(schoolId)),
            schoolId,
          });
        }
        break;
      }
      case 'elected': {
        const seen = new Set<string>();
        const winners = (facts.electionWinners ?? []).filter((w) => w.ruleId === rule.id && !seen.has(w.userId) && seen.add(w.userId)).slice(0, Math.max(0, rule.seats));
        for (const winner of winners) {
          const schoolId = peopleById.get(winner.userId)?.schoolId ?? null;
          seats.push({
            ...base,
            key: `${rule.id}:elected:${winner.userId}`,
            label: rule.label,
            holder: holderFor(winner.userId, winner.name, winner.schoolUrn ?? urnOf(schoolId)),
            schoolId,
          });
        }
        for (let n = winners.length + 1; n <= rule.seats; n++) {
          seats.push({ ...base, key: `${rule.id}:vacant:${n}`, label: rule.label, holder: null, schoolId: null });
        }
        break;
      }
      case 'ex_officio': {
        const seen = new Set<string>();
        const named = (facts.exOfficio ?? []).filter(
          (h) => h.ruleId === rule.id || (rule.tenantRole !== undefined && h.tenantRole === rule.tenantRole) || (rule.title !== undefined && h.title === rule.title),
        );
        const byRole = rule.tenantRole ? facts.people.filter((p) => p.schoolId === null && p.role === rule.tenantRole) : [];
        const holders = [...named.map((h) => ({ userId: h.userId, name: h.name })), ...byRole]
          .filter((h) => !seen.has(h.userId) && seen.add(h.userId))
          .sort((a, b) => byText(a.name, b.name) || byText(a.userId, b.userId));
        for (const holder of holders) {
          seats.push({ ...base, key: `${rule.id}:person:${holder.userId}`, label: rule.label, holder: holderFor(holder.userId, holder.name, null), schoolId: null });
        }
        if (holders.length === 0) seats.push({ ...base, key: `${rule.id}:vacant`, label: rule.label, holder: null, schoolId: null });
        break;
      }
    }
  }
  return seats;
}

/**
 * Which seat holdings end and which begin so that the history matches the
 * seats resolved today. A holding ends on the day before `today` (or on its
 * own first day, if it began today); a new one starts `today`. Applying the
 * changes and asking again gives no changes.
 */
export function seatChanges(currentHoldings: readonly SeatHolding[], resolved: readonly ResolvedSeat[], today: IsoDateString): SeatChanges {
  const wanted = new Set(resolved.filter((seat) => seat.holder).map((seat) => `${seat.key}\u0000${seat.holder!.userId}`));
  const current = currentHoldings.filter((holding) => holding.endsOn === null);
  const yesterday = addDays(today, -1);
  const end: SeatChanges['end'] = [];
  const kept = new Set<string>();
  for (const holding of current) {
    const id = `${holding.seatKey}\u0000${holding.userId}`;
    if (wanted.has(id) && !kept.has(id)) {
      kept.add(id);
      continue;
    }
    end.push({ seatKey: holding.seatKey, userId: holding.userId, endsOn: laterOf(yesterday, holding.startsOn) });
  }
  const begin: SeatChanges['begin'] = [];
  for (const seat of resolved) {
    if (!seat.holder) continue;
    const id = `${seat.key}\u0000${seat.holder.userId}`;
    if (kept.has(id)) continue;
    kept.add(id);
    begin.push({ seatKey: seat.key, userId: seat.holder.userId, startsOn: today, endsOn: null });
  }
  return { end, begin };
}
