import { fail } from '@sveltejs/kit';
import { apiFor, loadOrFail, submit } from '#lib/server/api.ts';
import { loadAs, type MyGovernance } from '#lib/server/governance-api.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const api = apiFor(event);
  const [mine, calendar] = await Promise.all([loadAs<MyGovernance>(event, api.GET('/api/v1/me/governance')), loadOrFail(event, api.GET('/api/v1/me/calendar'))]);
  return { mine, calendarUrl: calendar.url };
};

export const actions: Actions = {
  revokeCalendar: async (event) => {
    const result = await submit(apiFor(event).POST('/api/v1/me/calendar/revoke'));
    if (!result.ok) return fail(result.problem.status, { message: result.problem.message, revoked: false });
    return { revoked: true, message: null };
  },
};
