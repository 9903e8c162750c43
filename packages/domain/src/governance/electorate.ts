import type { DesignatedVoter, ElectorateResult, GovernancePerson, GovernanceSchool } from './types';

/**
 * The electorate for a poll, to be frozen when it opens: one entry per member
 * school whose category carries votes, voting through the person the school
 * has named, or else its headteacher (the first by name if it has two).
 * Schools in categories without votes are left out; voting schools with
 * nobody to vote are listed so officers can chase them.
 */
export function electorateFor(schools: readonly GovernanceSchool[], people: readonly GovernancePerson[], designated: readonly DesignatedVoter[] = []): ElectorateResult {
  const named = new Map(designated.map((d) => [d.schoolId, d.userId]));
  const heads = new Map<string, GovernancePerson>();
  for (const person of people) {
    if (person.schoolId === null || person.role !== 'headteacher') continue;
    const current = heads.get(person.schoolId);
    if (!current || person.name < current.name || (person.name === current.name && person.userId < current.userId)) heads.set(person.schoolId, person);
  }
  const result: ElectorateResult = { electorate: [], withoutVoter: [] };
  const voting = [...new Map(schools.filter((school) => school.votes).map((school) => [school.id, school])).values()].sort((a, b) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0));
  for (const school of voting) {
    const voterUserId = named.get(school.id) ?? heads.get(school.id)?.userId;
    if (voterUserId === undefined) result.withoutVoter.push({ schoolId: school.id, schoolName: school.name });
    else result.electorate.push({ schoolId: school.id, schoolUrn: school.urn, schoolName: school.name, voterUserId });
  }
  return result;
}
