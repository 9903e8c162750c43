import { Injectable } from '@nestjs/common';
import { Database, TenantRepository } from '@partnerships/db';
import { type CycleRules, crossPhaseGroups, groupsBy, groupsFromClusters, planReviewCycle, type ReviewLeader } from '@partnerships/domain';
import { invalid, notFound } from '../../common/app-error';
import { isUuid } from '../../common/ids';
import { inTenant, type TenantContext } from '../../common/request-context';
import { type GroupRow, type ProgrammeRow, ReviewProgrammeRepository, type ReviewGroupFormedBy } from './review-programme.repository';
import { ReviewRepository } from './review.repository';
import type { GroupInputDto, GroupSchoolsInputDto, ProgrammeDto, ProgrammeInputDto, ProgrammeSummaryDto } from './reviews.dto';
import { reviewSummaries } from './review-views';

const summary = (p: ProgrammeRow): ProgrammeSummaryDto => ({
  id: p.id,
  name: p.name,
  framework: p.framework,
  cycleYears: p.cycleYears,
  firstAcademicYearStart: p.firstAcademicYearStart,
  teamMembers: p.teamMembers,
  conflictRules: p.conflictRules,
  coordinatorUserId: p.coordinatorUserId,
});

const groupDto = (g: GroupRow) => ({ id: g.id, name: g.name, formedBy: g.formedBy, bodyId: g.bodyId, schools: g.schools });

/** Peer review programmes: groups from clusters or by hand, and cycles proposed by the planner, adjusted and confirmed by the coordinator. */
@Injectable()
export class ReviewProgrammesService {
  constructor(private readonly db: Database) {}

  async list(ctx: TenantContext) {
    return inTenant(this.db, ctx, async (em) => ({ items: (await new ReviewProgrammeRepository(em, ctx.tenant.id).list()).map(summary) }));
  }

  async get(ctx: TenantContext, id: string): Promise<ProgrammeDto> {
    return inTenant(this.db, ctx, async (em) => {
      const programmes = new ReviewProgrammeRepository(em, ctx.tenant.id);
      const programme = isUuid(id) ? await programmes.findById(id) : null;
      if (!programme) throw notFound('review programme');
      const reviews = (await new ReviewRepository(em, ctx.tenant.id).list({ programmeId: id })).filter((r) => r.status !== 'cancelled');
      return {
        ...summary(programme),
        groups: (await programmes.groups(id)).map(groupDto),
        proposed: reviews.filter((r) => !r.confirmed).length,
        confirmed: reviews.filter((r) => r.confirmed).length,
      };
    });
  }

  async create(ctx: TenantContext, dto: ProgrammeInputDto) {
    return inTenant(this.db, ctx, async (em) => {
      const id = await new ReviewProgrammeRepository(em, ctx.tenant.id).create({
        name: dto.name.trim(),
        framework: dto.framework?.trim() || null,
        cycleYears: dto.cycleYears ?? 2,
        firstAcademicYearStart: dto.firstAcademicYearStart,
        teamMembers: dto.teamMembers ?? 1,
        conflictRules: { sameTrust: !!dto.conflictRules?.sameTrust, sameDiocese: !!dto.conflictRules?.sameDiocese, reviewedEachOtherLastCycle: !!dto.conflictRules?.reviewedEachOtherLastCycle },
        coordinatorUserId: dto.coordinatorUserId ?? ctx.user.id,
      });
      return { id };
    });
  }

  /** Forms groups: one per cluster, per area, phase or diocese, cross-phase, or one by hand. */
  async addGroups(ctx: TenantContext, programmeId: string, dto: GroupInputDto) {
    return inTenant(this.db, ctx, async (em) => {
      const programmes = new ReviewProgrammeRepository(em, ctx.tenant.id);
      if (!isUuid(programmeId) || !(await programmes.findById(programmeId))) throw notFound('review programme');
      const schools = await programmes.memberSchools();
      const formedBy = dto.formedBy as ReviewGroupFormedBy;
      let groups: { name: string; bodyId: string | null; schoolIds: string[] }[];
      if (formedBy === 'cluster') {
        const clusters = await programmes.clusters(dto.bodyIds?.length ? dto.bodyIds : null);
        if (clusters.length === 0) throw invalid([{ field: 'bodyIds', message: 'The partnership has no clusters to form groups from' }]);
        groups = groupsFromClusters(clusters).map((g) => ({ name: g.name, bodyId: g.id, schoolIds: g.schoolIds }));
      } else if (formedBy === 'hand') {
        const urns = [...new Set(dto.schoolUrns ?? [])];
        if (!dto.name?.trim()) throw invalid([{ field: 'name', message: 'Give the group a name' }]);
        const ids = await programmes.memberSchoolIdsByUrn(urns);
        const unknown = urns.filter((u) => !ids.has(u));
        if (urns.length === 0 || unknown.length) throw invalid([{ field: 'schoolUrns', message: urns.length === 0 ? 'Choose the group’s schools' : `Not member schools: ${unknown.join(', ')}` }]);
        groups = [{ name: dto.name.trim(), bodyId: null, schoolIds: urns.map((u) => ids.get(u)!) }];
      } else if (formedBy === 'cross_phase') {
        groups = crossPhaseGroups(schools, dto.size ?? 4).map((g) => ({ name: g.name, bodyId: null, schoolIds: g.schoolIds }));
      } else {
        groups = groupsBy(schools, formedBy === 'area' ? 'area' : formedBy === 'phase' ? 'phase' : 'diocese', dto.size ?? 8).map((g) => ({ name: g.name, bodyId: null, schoolIds: g.schoolIds }));
      }
      groups = groups.filter((g) => g.schoolIds.length > 0);
      if (groups.length === 0) throw invalid([{ field: 'formedBy', message: `No member school has a recorded ${formedBy.replace('_', '-')} to group by` }]);
      for (const g of groups) await programmes.createGroup(programmeId, g.name, formedBy, g.bodyId, g.schoolIds);
      return { items: (await programmes.groups(programmeId)).map(groupDto) };
    });
  }

  async setGroupSchools(ctx: TenantContext, groupId: string, dto: GroupSchoolsInputDto) {
    return inTenant(this.db, ctx, async (em) => {
      const programmes = new ReviewProgrammeRepository(em, ctx.tenant.id);
      const group = isUuid(groupId) ? await programmes.findGroup(groupId) : null;
      if (!group) throw notFound('review group');
      const urns = [...new Set(dto.schoolUrns)];
      const ids = await programmes.memberSchoolIdsByUrn(urns);
      const unknown = urns.filter((u) => !ids.has(u));
      if (unknown.length) throw invalid([{ field: 'schoolUrns', message: `Not member schools: ${unknown.join(', ')}` }]);
      await programmes.setGroupSchools(groupId, urns.map((u) => ids.get(u)!));
      return { items: (await programmes.groups(group.programmeId)).map(groupDto) };
    });
  }

  /**
   * Proposes the cycle: the planner's reviews replace any earlier proposal (confirmed reviews stay),
   * with the heads of the groups' schools and the partnership's reviewers without a school as leaders.
   */
  async plan(ctx: TenantContext, programmeId: string) {
    return inTenant(this.db, ctx, async (em) => {
      const programmes = new ReviewProgrammeRepository(em, ctx.tenant.id);
      const reviews = new ReviewRepository(em, ctx.tenant.id);
      const programme = isUuid(programmeId) ? await programmes.findById(programmeId) : null;
      if (!programme) throw notFound('review programme');
      const groups = (await programmes.groups(programmeId)).map((g) => ({ id: g.id, name: g.name, schoolIds: g.schools.map((s) => s.id) }));
      if (groups.length === 0) throw invalid([{ field: 'groups', message: 'Form the review groups first' }]);
      const schools = await programmes.memberSchools();
      const schoolIds = [...new Set(groups.flatMap((g) => g.schoolIds))];
      const heads = await programmes.headteachers(schoolIds);
      const leaders: ReviewLeader[] = [...heads.map((h) => ({ userId: h.userId, schoolId: h.schoolId })), ...(await programmes.schoollessReviewers()).map((userId) => ({ userId, schoolId: null }))];
      const first = programme.firstAcademicYearStart;
      const termDates = (await Promise.all(Array.from({ length: programme.cycleYears }, (_, k) => programmes.termDates(first + k)))).flat();
      const rules: CycleRules = {
        ...programme.conflictRules,
        firstAcademicYearStart: first,
        cycleYears: programme.cycleYears,
        teamMembers: programme.teamMembers,
        qualityAssurers: programme.coordinatorUserId ? [programme.coordinatorUserId] : [],
        lastCycle: programme.conflictRules.reviewedEachOtherLastCycle ? await programmes.pastPairs(first, first - programme.cycleYears) : [],
      };
      const plan = planReviewCycle(groups, schools, leaders, rules, termDates);
      await reviews.deleteProposal(programmeId);
      const confirmed = await reviews.confirmedKeys(programmeId);
      const fresh = plan.reviews.filter((r) => !confirmed.has(`${r.schoolId}:${r.academicYearStart}`));
      await reviews.insertProposal(programmeId, fresh.map((r) => ({ groupId: r.groupId, schoolId: r.schoolId, academicYearStart: r.academicYearStart, visitOn: r.visitOn, participants: r.participants })));
      const proposed = (await reviews.list({ programmeId })).filter((r) => !r.confirmed && r.status === 'planned');
      return { proposed: proposed.length, problems: plan.problems, reviews: await reviewSummaries(reviews, proposed) };
    });
  }

  /** Confirms the proposal as adjusted; everyone with a role gets the partnership's reviewer role, so they reach their reviews. */
  async confirm(ctx: TenantContext, programmeId: string) {
    return inTenant(this.db, ctx, async (em) => {
      const programmes = new ReviewProgrammeRepository(em, ctx.tenant.id);
      if (!isUuid(programmeId) || !(await programmes.findById(programmeId))) throw notFound('review programme');
      const { reviews, userIds } = await new ReviewRepository(em, ctx.tenant.id).confirm(programmeId);
      const tenants = new TenantRepository(em);
      for (const userId of userIds) await tenants.grantRole(ctx.tenant.id, userId, 'reviewer');
      return { confirmed: reviews };
    });
  }
}
