import { describe, expect, it } from 'vitest';
import {
  ACTION_INFO,
  actionDone,
  ADMIN_ACTIONS,
  applicationView,
  censusLabel,
  chartBars,
  chartSummary,
  eventLabel,
  formatPence,
  memberQuery,
  membershipStatusLabel,
  membershipTone,
  monthLabel,
  orderActions,
  parsePupils,
  readMemberFilters,
  recentCensuses,
} from './members.ts';

describe('member list filters', () => {
  it('reads known values from the address and drops the rest', () => {
    const filters = readMemberFilters(new URLSearchParams('q=Oak&phase=primary&status=nonsense&sort=updated&page=3&localAuthority=Redbridge'));
    expect(filters).toEqual({ q: 'Oak', phase: 'primary', category: '', status: '', localAuthority: 'Redbridge', sort: 'updated', page: 3 });
    expect(readMemberFilters(new URLSearchParams('page=-2&sort=size')).page).toBe(1);
    expect(readMemberFilters(new URLSearchParams('sort=size')).sort).toBe('name');
  });

  it('writes only the filters in use, for links, the API and the CSV export', () => {
    const filters = readMemberFilters(new URLSearchParams('status=prospect&page=2'));
    expect(memberQuery(filters).toString()).toBe('status=prospect&page=2');
    expect(memberQuery(filters, { page: false }).toString()).toBe('status=prospect');
    expect(memberQuery(readMemberFilters(new URLSearchParams(''))).toString()).toBe('');
  });
});

describe('membership words', () => {
  it('names states and timeline events in plain English', () => {
    expect(membershipStatusLabel('notice-given')).toBe('Notice given');
    expect(membershipStatusLabel('rejected')).toBe('Application turned down');
    expect(eventLabel('add')).toBe('Added to the list as a prospect');
    expect(eventLabel('something-new')).toBe('Something new');
    expect(membershipTone('active')).toBe('good');
    expect(membershipTone('prospect')).toBe('');
  });

  it('offers the usual next step first', () => {
    expect(orderActions(['reject', 'approve', 'withdraw-application'])).toEqual(['approve', 'reject', 'withdraw-application']);
    expect(orderActions(['suspend', 'give-notice'])).toEqual(['give-notice', 'suspend']);
  });

  it('writes money and censuses as people say them', () => {
    expect(formatPence(2500)).toBe('£25');
    expect(formatPence(2550)).toBe('£25.50');
    expect(censusLabel('2025-10')).toBe('October 2025 census');
    expect(monthLabel('2025-11', 'short')).toBe('Nov 2025');
  });

  it('lists the censuses a school may correct, newest first, none in the future', () => {
    expect(recentCensuses('2026-11-25')).toEqual(['2026-10', '2026-05', '2026-01', '2025-10', '2025-05', '2025-01']);
    expect(recentCensuses('2026-03-01')).toEqual(['2026-01', '2025-10', '2025-05', '2025-01', '2024-10', '2024-05']);
  });

  it('takes a pupil number only as a whole number', () => {
    expect(parsePupils('1,180')).toBe(1180);
    expect(parsePupils('12.5')).toBeNull();
    expect(parsePupils('')).toBeNull();
    expect(parsePupils('2000000')).toBeNull();
    // The same limits as every other pupil number (the API's PUPIL_COUNT_MAX).
    expect(parsePupils('10,000')).toBe(10_000);
    expect(parsePupils('10001')).toBeNull();
  });
});

describe('membership chart', () => {
  it('scales bars to the tallest month and keeps a visible stub for small numbers', () => {
    const { bars, max } = chartBars(
      [
        { month: '2025-10', value: 0 },
        { month: '2025-11', value: 1 },
        { month: '2025-12', value: 100 },
      ],
      { left: 40, top: 10, width: 300, height: 200, gap: 10 },
    );
    expect(max).toBe(100);
    expect(bars.map((b) => b.height)).toEqual([0, 2, 200]);
    expect(bars[2]!.y).toBe(10);
    expect(bars[1]!.x).toBe(145);
  });

  it('sums the trend up in one sentence', () => {
    expect(chartSummary([])).toBe('No figures yet.');
    expect(
      chartSummary([
        { month: '2025-10', value: 4 },
        { month: '2025-11', value: 9 },
        { month: '2025-12', value: 6 },
      ]),
    ).toBe('October 2025: 4 member schools; December 2025: 6 member schools; highest 9 in November 2025.');
  });
});

describe('application', () => {
  it('reads what the school sent, with who accepted the terms and guarantee', () => {
    const view = applicationView({
      contact: { name: 'Hana Head', email: 'hana@school.example', role: 'Headteacher' },
      contactDetailsConfirmed: true,
      pupilNumber: 412,
      termsAccepted: { by: { id: 'u1', name: 'Hana Head' }, at: '2026-11-20' },
      liabilityGuaranteeAccepted: { by: { id: 'u1', name: 'Hana Head' }, at: '2026-11-20', amountPence: 2500 },
    });
    expect(view).toEqual({
      contact: { name: 'Hana Head', role: 'Headteacher', email: 'hana@school.example', phone: null },
      contactDetailsConfirmed: true,
      pupilNumber: 412,
      termsAccepted: { by: 'Hana Head', at: '2026-11-20' },
      liabilityGuarantee: { by: 'Hana Head', at: '2026-11-20', amountPence: 2500 },
    });
    expect(applicationView(null)).toBeNull();
    expect(applicationView({ contact: 'nonsense' })?.contact).toBeNull();
  });
});

describe('the notice after a step on a membership', () => {
  it.each([
    ['approve', 'Oakfield Primary’s application has been approved. Its status is now “Approved”.'],
    ['activate', 'Oakfield Primary is now a member. Its status is now “Active”.'],
    ['reject', 'Oakfield Primary’s application has been turned down. Its status is now “Approved”.'],
    ['invite', 'Oakfield Primary has been invited to apply. Its status is now “Approved”.'],
  ] as const)('%s says what happened in a sentence', (action, expected) => {
    expect(actionDone(action, 'Oakfield Primary', action === 'activate' ? 'Active' : 'Approved')).toBe(expected);
  });

  it('never reads like "Done: approve." for any step', () => {
    for (const action of ADMIN_ACTIONS) {
      const text = actionDone(action, 'Oakfield Primary', 'Active');
      expect(text).not.toMatch(/^Done:/);
      expect(text).not.toContain(`${ACTION_INFO[action].label.toLowerCase()}.`);
      expect(text.startsWith('Oakfield Primary')).toBe(true);
    }
  });
});
