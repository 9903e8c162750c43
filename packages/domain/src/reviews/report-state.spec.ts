import { describe, expect, it } from 'vitest';
import { confidentialReaderKind } from './confidential-access';
import { actionsToCarryForward, type ReportEvent, type ReportState, reportTransition, type ReviewActor } from './report-state';

const state = (status: ReportState['status'], qaApproved = false, qaRequired = true): ReportState => ({ status, qaApproved, qaRequired });

describe('reportTransition', () => {
  it.each<[string, ReportState, ReportEvent, ReviewActor, ReportState['status'] | string]>([
    ['the lead drafts', state('planned'), { type: 'submit_draft' }, 'lead', 'draft'],
    ['the lead revises the draft', state('draft'), { type: 'submit_draft' }, 'lead', 'draft'],
    ['a team member may not draft', state('planned'), { type: 'submit_draft' }, 'member', 'Only the lead reviewer'],
    ['the head responds to the draft', state('draft'), { type: 'respond' }, 'head', 'head_response'],
    ['the head cannot respond before a draft', state('planned'), { type: 'respond' }, 'head', '/'],
    ['the lead cannot respond for the head', state('draft'), { type: 'respond' }, 'lead', 'Only the headteacher'],
    ['final needs QA approval', state('head_response', false), { type: 'finalise' }, 'lead', 'Quality assurance has not yet approved'],
    ['final after QA approval', state('head_response', true), { type: 'finalise' }, 'lead', 'final'],
    ['final without a QA reviewer', state('head_response', false, false), { type: 'finalise' }, 'lead', 'final'],
    ['final needs the head first', state('draft', true), { type: 'finalise' }, 'lead', '/'],
    ['a final report stays final', state('final', true), { type: 'submit_draft' }, 'lead', '/'],
    ['QA sends a draft back', state('head_response'), { type: 'quality_assure', approved: false }, 'qa', 'draft'],
    ['the head cannot quality-assure', state('draft'), { type: 'quality_assure', approved: true }, 'head', 'Only the quality assurer'],
    ['the coordinator cancels a planned review', state('planned'), { type: 'cancel' }, 'coordinator', 'cancelled'],
    ['but not one with a report', state('draft'), { type: 'cancel' }, 'coordinator', '/'],
  ])('%s', (_name, from, event, actor, expected) => {
    const result = reportTransition(from, event, actor);
    if (result.ok) expect(result.value.state.status).toBe(expected);
    else {
      expect(result.refusals[0]!.code).toBe('not_allowed');
      if (expected !== '/') expect(result.refusals[0]!.message).toContain(expected);
    }
  });

  it('keeps QA approval through the head response and clears it on a new draft', () => {
    const approved = reportTransition(state('draft'), { type: 'quality_assure', approved: true }, 'qa');
    expect(approved).toMatchObject({ ok: true, value: { state: { status: 'draft', qaApproved: true }, version: 'qa' } });
    const redraft = reportTransition(state('draft', true), { type: 'submit_draft' }, 'lead');
    expect(redraft).toMatchObject({ ok: true, value: { state: { qaApproved: false } } });
  });
});

describe('actionsToCarryForward', () => {
  it('carries open and in-progress actions into the next review', () => {
    expect(actionsToCarryForward([
      { id: '1', text: 'Phonics', status: 'open' },
      { id: '2', text: 'Attendance', status: 'done' },
      { id: '3', text: 'Writing', status: 'in_progress' },
    ]).map((a) => a.id)).toEqual(['1', '3']);
  });
});

describe('confidentialReaderKind', () => {
  const people = { reviewerUserId: 'rev', headUserIds: ['head'], shares: [{ userId: 'chair', bodyId: null, revokedAt: null }, { userId: 'old', bodyId: null, revokedAt: '2026-11-01' }, { userId: null, bodyId: 'cluster', revokedAt: null }] };
  it.each([
    ['rev', [], 'reviewer'],
    ['head', [], 'head'],
    ['chair', [], 'share'],
    ['old', [], null],
    ['member', ['cluster'], 'share'],
    ['admin', [], null],
  ])('%s reads as %s', (user, seats, kind) => expect(confidentialReaderKind(user as string, people, seats as string[])).toBe(kind));
});
