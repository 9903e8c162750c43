import { Injectable } from '@nestjs/common';
import { Database } from '@partnerships/db';
import { csvLine, londonToday, MEMBERSHIP_STATE_LABELS, MEMBERSHIP_STATES, type MembershipState } from '@partnerships/domain';
import { readPage } from '../../common/pagination';
import { inTenant, type TenantContext } from '../../common/request-context';
import { likePattern } from '../../common/sql-text';
import type { MembershipListItemDto, MembershipListQueryDto, MembershipStatsDto, StatsQueryDto, StatusCountsDto } from './membership.dto';
import { type MembershipListFilter, type MembershipListRow, MembershipRepository } from './membership.repository';

const MEMBER_STATES: MembershipState[] = ['active', 'notice-given', 'suspended'];

export function listItem(row: MembershipListRow): MembershipListItemDto {
  return {
    id: row.id,
    school: {
      urn: row.urn,
      name: row.name,
      phase: row.phase,
      type: row.type,
      localAuthority: row.local_authority,
      pupils: row.pupils ?? null,
      registerStatus: row.register_status,
      postcode: row.postcode ?? null,
    },
    category: row.category,
    categoryName: row.category_name ?? null,
    status: row.status,
    statusLabel: MEMBERSHIP_STATE_LABELS[row.status] ?? row.status,
    since: row.since ?? null,
    joinedOn: row.joined_on ?? null,
    leavingOn: row.leaving_on ?? null,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The list's query string as the repository's filter. */
function filterOf(query: MembershipListQueryDto): MembershipListFilter {
  return {
    phases: query.phase?.length ? query.phase : null,
    categories: query.category?.length ? query.category : null,
    statuses: query.status?.length ? query.status : null,
    localAuthorities: query.localAuthority?.length ? query.localAuthority.map((la) => la.toLowerCase()) : null,
    pattern: likePattern(query.q),
    sort: query.sort ?? 'name',
  };
}

const emptyCounts = (): Record<MembershipState, number> => Object.fromEntries(MEMBERSHIP_STATES.map((s) => [s, 0])) as Record<MembershipState, number>;

/** The members list (a page, or all of it as CSV) and the counts behind the membership chart. */
@Injectable()
export class MemberListService {
  constructor(private readonly db: Database) {}

  async list(ctx: TenantContext, query: MembershipListQueryDto) {
    return inTenant(this.db, ctx, async (em) => {
      return readPage(query, (window) => new MembershipRepository(em, ctx.tenant.id).listPage(filterOf(query), window), listItem);
    });
  }

  /** Every membership matching the filters, as a CSV file (with a byte-order mark, so spreadsheets read it as UTF-8). */
  async csv(ctx: TenantContext, query: MembershipListQueryDto): Promise<string> {
    const rows = await inTenant(this.db, ctx, (em) => new MembershipRepository(em, ctx.tenant.id).listAll(filterOf(query)));
    const lines = [csvLine(['URN', 'School', 'Phase', 'Type', 'Local authority', 'Pupils', 'Postcode', 'Category', 'Status', 'Status since', 'Joined', 'Leaving on'])];
    for (const item of rows.map(listItem)) {
      lines.push(
        csvLine([item.school.urn, item.school.name, item.school.phase, item.school.type, item.school.localAuthority, item.school.pupils, item.school.postcode,
          item.categoryName ?? item.category, item.statusLabel, item.since, item.joinedOn, item.leavingOn]),
      );
    }
    return `\uFEFF${lines.join('\r\n')}\r\n`;
  }

  /** Membership by status at the end of each month (today for the current one), from the timeline. */
  async stats(ctx: TenantContext, query: StatsQueryDto): Promise<MembershipStatsDto> {
    const today = londonToday();
    const [year, month] = today.split('-').map(Number) as [number, number];
    const startIndex = year * 12 + (month - 1) - (query.months - 1);
    const first = `${Math.floor(startIndex / 12)}-${String((startIndex % 12) + 1).padStart(2, '0')}-01`;
    return inTenant(this.db, ctx, async (em) => {
      const members = new MembershipRepository(em, ctx.tenant.id);
      const { byMonth: rows, now: current } = await members.statusCounts(first, today);
      const months: MembershipStatsDto['months'] = [];
      for (let i = 0; i < query.months; i++) {
        const index = startIndex + i;
        const label = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
        const counts = emptyCounts();
        for (const row of rows.filter((r) => r.month === label)) counts[row.status] = row.n;
        months.push({ month: label, counts: counts as StatusCountsDto, members: MEMBER_STATES.reduce((sum, s) => sum + counts[s], 0) });
      }
      const now = emptyCounts();
      for (const row of current) now[row.status] = row.n;
      return { months, current: now as StatusCountsDto };
    });
  }
}
