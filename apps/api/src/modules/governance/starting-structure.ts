import type { EntityManager } from '@partnerships/db';
import type { BodyKind, GovernanceTemplateBody, SeatVoting } from '@partnerships/domain';
import { BodyRepository } from './body.repository';
import { SeatRepository } from '@partnerships/jobs';

/**
 * A new partnership's starting governance structure from its template (issue 10): the bodies,
 * who reports to whom, when they meet and their seats by rule. Runs inside the onboarding
 * transaction, in the new tenant; the admin then edits everything.
 */
export async function createStartingStructure(em: EntityManager, tenantId: string, bodies: readonly GovernanceTemplateBody[]): Promise<void> {
  const bodyRepo = new BodyRepository(em, tenantId);
  const seats = new SeatRepository(em, tenantId);
  const ids = new Map<string, string>();
  for (const [position, body] of bodies.entries()) {
    const id = await bodyRepo.create({
      name: body.name,
      kind: body.kind as BodyKind,
      purpose: body.purpose,
      rhythm: { ...body.rhythm, meetsBefore: [], rotateHost: body.kind === 'cluster', location: null },
      quorumRule: { type: 'fraction', numerator: 1, denominator: 2 },
      endsOn: null,
      annualRhythm: body.annualRhythm,
      position,
    });
    ids.set(body.key, id);
    for (const [i, rule] of body.seatRules.entries()) {
      await seats.createRule(id, {
        rule: { ...rule.rule, voting: rule.voting, label: rule.label, ...(rule.termMonths ? { termMonths: rule.termMonths } : {}) } as never,
        voting: rule.voting as SeatVoting,
        termMonths: rule.termMonths ?? null,
        label: rule.label,
        position: i,
      });
    }
  }
  for (const body of bodies) {
    if (body.parentKey && ids.has(body.parentKey)) await bodyRepo.setParents(ids.get(body.key)!, [ids.get(body.parentKey)!]);
  }
}
