import { academicYearOf, addDays, compareDates, type IsoDateString, isWeekend, termDatesForYear } from '../calendar';
import { englandBankHolidays } from '../governance/bank-holidays';
import { conflictsOf } from './conflicts';
import type { CyclePlan, CycleRules, ProposedReview, ReviewGroup, ReviewLeader, ReviewSchool, TermDatesInput } from './types';

/**
 * The school days of one academic year: weekdays inside the half terms (the partnership's published
 * dates, else typical ones), leaving out bank holidays in England.
 */
export function schoolDaysOfYear(academicYearStart: number, termDates: TermDatesInput = []): IsoDateString[] {
  const { halfTerms } = termDatesForYear(academicYearStart, termDates);
  const holidays = new Set([...englandBankHolidays(academicYearStart), ...englandBankHolidays(academicYearStart + 1)]);
  const days: IsoDateString[] = [];
  for (const term of halfTerms) {
    for (let day = term.start; compareDates(day, term.end) <= 0; day = addDays(day, 1)) {
      if (!isWeekend(day) && !holidays.has(day)) days.push(day);
    }
  }
  return days.sort();
}

/** Whether `date` is a school day of its academic year (used to check a visit moved by hand). */
export function isSchoolDay(date: IsoDateString, termDates: TermDatesInput = []): boolean {
  return schoolDaysOfYear(academicYearOf(date).startYear, termDates).includes(date);
}

const mod = (a: number, n: number) => ((a % n) + n) % n;

/**
 * Propose a peer review cycle: in every year of the cycle each school of each group is reviewed
 * once, by a lead reviewer and team members from OTHER schools (of the same group when it can,
 * else of another group), never anyone with a conflict (their own school always; same trust or
 * diocese and last cycle's pairs when the partnership adds those rules). Every leader is given a
 * role in every year: leads rotate round the group, and anyone left over joins a team. Visits
 * fall on school days spread through the year. The coordinator adjusts the proposal before it is
 * confirmed; what the planner could not do is listed in `problems`.
 */
export function planReviewCycle(
  groups: readonly ReviewGroup[],
  schools: readonly ReviewSchool[],
  leaders: readonly ReviewLeader[],
  rules: CycleRules,
  termDates: TermDatesInput = [],
): CyclePlan {
  const schoolById = new Map(schools.map((s) => [s.id, s]));
  const cycleYears = Math.max(1, Math.min(5, rules.cycleYears ?? 2));
  const teamMembers = Math.max(0, Math.min(6, rules.teamMembers ?? 1));
  const reviews: ProposedReview[] = [];
  const problems: string[] = [];
  const schoolOf = (leader: ReviewLeader) => (leader.schoolId ? (schoolById.get(leader.schoolId) ?? { id: leader.schoolId }) : null);
  const free = (leader: ReviewLeader, host: ReviewSchool) => conflictsOf(schoolOf(leader), host, rules).length === 0;
  const uniqueLeaders = [...new Map(leaders.map((l) => [l.userId, l])).values()];

  for (let k = 0; k < cycleYears; k++) {
    const year = rules.firstAcademicYearStart + k;
    const roles = new Map<string, number>();
    const leads = new Map<string, number>();
    const yearReviews: ProposedReview[] = [];
    const placedHosts = new Set<string>();

    for (const group of groups) {
      const hostIds = group.schoolIds.filter((id) => schoolById.has(id) && !placedHosts.has(id));
      hostIds.forEach((id) => placedHosts.add(id));
      const n = hostIds.length;
      const position = new Map(hostIds.map((id, i) => [id, i]));
      const inGroup = uniqueLeaders.filter((l) => l.schoolId !== null && position.has(l.schoolId));
      // How far round the group a leader's school is from the host: the rotation prefers distance 1 + k.
      const distance = (leader: ReviewLeader, hostIndex: number) => (leader.schoolId && position.has(leader.schoolId) ? mod(position.get(leader.schoolId)! - hostIndex - 1 - k, Math.max(1, n)) : n);
      const groupReviews: ProposedReview[] = [];

      hostIds.forEach((hostId, hostIndex) => {
        const host = schoolById.get(hostId)!;
        const pick = (pool: readonly ReviewLeader[]) =>
          pool
            .filter((l) => l.canLead !== false && free(l, host))
            .sort((a, b) => (leads.get(a.userId) ?? 0) - (leads.get(b.userId) ?? 0) || distance(a, hostIndex) - distance(b, hostIndex) || (roles.get(a.userId) ?? 0) - (roles.get(b.userId) ?? 0) || a.userId.localeCompare(b.userId))[0];
        const lead = pick(inGroup) ?? pick(uniqueLeaders.filter((l) => l.schoolId !== null));
        const review: ProposedReview = { academicYearStart: year, groupId: group.id, schoolId: hostId, visitOn: '', participants: [] };
        if (!lead) {
          problems.push(`${year}-${String((year + 1) % 100).padStart(2, '0')}: nobody without a conflict can lead the review of ${host.name ?? hostId}.`);
        } else {
          review.participants.push({ userId: lead.userId, schoolId: lead.schoolId, role: 'lead' });
          leads.set(lead.userId, (leads.get(lead.userId) ?? 0) + 1);
          roles.set(lead.userId, (roles.get(lead.userId) ?? 0) + 1);
        }
        const members = inGroup
          .filter((l) => free(l, host) && !review.participants.some((p) => p.userId === l.userId))
          .sort((a, b) => (roles.get(a.userId) ?? 0) - (roles.get(b.userId) ?? 0) || distance(a, hostIndex + 1) - distance(b, hostIndex + 1) || a.userId.localeCompare(b.userId))
          .slice(0, teamMembers);
        for (const member of members) {
          review.participants.push({ userId: member.userId, schoolId: member.schoolId, role: 'member' });
          roles.set(member.userId, (roles.get(member.userId) ?? 0) + 1);
        }
        groupReviews.push(review);
      });
      yearReviews.push(...groupReviews);
    }

    // Everyone still without a role this year joins the smallest team they have no conflict with.
    for (const leader of uniqueLeaders) {
      if ((roles.get(leader.userId) ?? 0) > 0) continue;
      const ownGroupReviews = yearReviews.filter((r) => leader.schoolId !== null && groups.find((g) => g.id === r.groupId)?.schoolIds.includes(leader.schoolId));
      const choose = (pool: ProposedReview[]) =>
        pool
          .filter((r) => free(leader, schoolById.get(r.schoolId)!) && !r.participants.some((p) => p.userId === leader.userId))
          .sort((a, b) => a.participants.length - b.participants.length)[0];
      const target = choose(ownGroupReviews) ?? choose(yearReviews);
      if (!target) {
        problems.push(`${year}-${String((year + 1) % 100).padStart(2, '0')}: no review without a conflict for one of the leaders (${leader.userId}).`);
        continue;
      }
      target.participants.push({ userId: leader.userId, schoolId: leader.schoolId, role: 'member' });
      roles.set(leader.userId, 1);
    }

    // Quality assurance in turn.
    const assurers = [...new Set(rules.qualityAssurers ?? [])];
    if (assurers.length) {
      let next = 0;
      for (const review of yearReviews) {
        for (let tries = 0; tries < assurers.length; tries++) {
          const userId = assurers[(next + tries) % assurers.length]!;
          const asLeader = uniqueLeaders.find((l) => l.userId === userId);
          const host = schoolById.get(review.schoolId)!;
          if (review.participants.some((p) => p.userId === userId) || (asLeader && !free(asLeader, host))) continue;
          review.participants.push({ userId, schoolId: asLeader?.schoolId ?? null, role: 'qa' });
          next = (next + tries + 1) % assurers.length;
          break;
        }
      }
    }

    // Visits on school days, spread through the year.
    const days = schoolDaysOfYear(year, termDates);
    if (yearReviews.length > days.length) problems.push(`${year}: more reviews (${yearReviews.length}) than school days (${days.length}); some share a day.`);
    yearReviews.forEach((review, i) => {
      review.visitOn = days[Math.min(days.length - 1, Math.floor(((i + 0.5) * days.length) / yearReviews.length))]!;
    });
    reviews.push(...yearReviews);
  }
  return { reviews, problems };
}
