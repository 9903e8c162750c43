import type { Phase, RegisterEntry, SchoolRole } from '@partnerships/domain';
import { PAGE_TOTAL, type PagedRows, type PageWindow, UnitOfWorkRepository } from '../repository';

/** A school as the register lists it (search results). */
export interface RegisterSchool {
  urn: string;
  name: string;
  phase: string;
  type: string;
  localAuthority: string;
  pupils: number | null;
  status: string;
  postcode: string | null;
  statutoryLowAge: number | null;
  statutoryHighAge: number | null;
}

/** What the register says about a school on the school's own page. */
export interface RegisterProfile {
  id: string;
  urn: string;
  name: string;
  phase: string;
  type: string;
  localAuthority: string;
  pupils: number | null;
  status: string;
  postcode: string | null;
}

/** Enough of a school to check who acts for it and to name it. */
export interface SchoolRef {
  id: string;
  urn: string;
  name: string;
  pupils: number | null;
}

/** What a membership category's eligibility rules look at. */
export interface SchoolEligibilityFacts {
  phase: Phase;
  type: string;
  local_authority: string;
}

export interface LocalAuthorityCount {
  name: string;
  schools: number;
}

/** A person with a role at a school, and all their roles there. */
export interface SchoolPerson {
  userId: string;
  name: string;
  email: string;
  roles: SchoolRole[];
}

/** A school the person acts for, with their roles there. */
export interface SchoolOfPerson {
  id: string;
  urn: string;
  name: string;
  phase: string;
  localAuthority: string;
  roles: SchoolRole[];
}

export interface RegisterSearch {
  urn: string | null;
  /** A LIKE pattern (already escaped) for name, URN or postcode. */
  pattern: string | null;
  /** Lower-case. */
  localAuthority: string | null;
  phase: string | null;
  status: string | null;
}

const REGISTER_COLUMNS = `s.urn, s.name, s.phase, s.type, s.local_authority AS "localAuthority", s.pupils, s.status, s.postcode,
  s.statutory_low_age AS "statutoryLowAge", s.statutory_high_age AS "statutoryHighAge"`;

const SEARCH_WHERE = `($1::text IS NULL OR s.urn = $1)
      AND ($2::text IS NULL OR s.name ILIKE $2 OR s.urn LIKE $2 OR replace(s.postcode, ' ', '') ILIKE replace($2, ' ', ''))
      AND ($3::text IS NULL OR lower(s.local_authority) = $3) AND ($4::text IS NULL OR s.phase = $4) AND ($5::text IS NULL OR s.status = $5)`;

/** The register's facts fee rules use: the entry's key and the column, in the order `upsertByUrn` passes them ($11 to $17). */
const FEE_FACT_COLUMNS = [
  ['sixthForm', 'sixth_form'],
  ['openedOn', 'opened_on'],
  ['trust', 'trust'],
  ['federation', 'federation'],
  ['religiousCharacter', 'religious_character'],
  ['diocese', 'diocese'],
  ['district', 'district'],
] as const satisfies readonly (readonly [keyof RegisterEntry, string])[];

/**
 * The platform's school register: `schools` (kept up to date from GIAS by the `schools.import`
 * job) and `school_roles` (who acts for which school). Platform-level tables, read by many
 * features; row-level security still decides what the current unit of work may see.
 */
export class SchoolRegisterRepository extends UnitOfWorkRepository {
  /** One page of the register, closed schools last. */
  searchPage(search: RegisterSearch, page: PageWindow): Promise<PagedRows<RegisterSchool>> {
    return this.pageRows<RegisterSchool>(
      `SELECT ${PAGE_TOTAL}, ${REGISTER_COLUMNS} FROM schools s WHERE ${SEARCH_WHERE} ORDER BY s.status = 'closed', s.name, s.urn`,
      [search.urn, search.pattern, search.localAuthority, search.phase, search.status],
      page,
    );
  }

  /** Every local authority with the number of schools it has that are not closed. */
  /**
   * When the register last changed: the latest `schools.updated_at` (one probe of its index; imports
   * set it on every school they add or change). Callers cache what they derive from the register
   * (the local-authority list) until this changes.
   */
  async changedStamp(): Promise<string> {
    const row = await this.one<{ stamp: string | null }>(`SELECT max(updated_at)::text AS stamp FROM schools`);
    return row?.stamp ?? 'empty';
  }

  localAuthorities(): Promise<LocalAuthorityCount[]> {
    return this.rows<LocalAuthorityCount>(
      `SELECT local_authority AS name, count(*)::int AS schools FROM schools WHERE status <> 'closed' GROUP BY local_authority ORDER BY local_authority`,
    );
  }

  findByUrn(urn: string): Promise<SchoolRef | null> {
    return this.one<SchoolRef>(`SELECT id, urn, name, pupils FROM schools WHERE urn = $1`, [urn]);
  }

  findProfileByUrn(urn: string): Promise<RegisterProfile | null> {
    return this.one<RegisterProfile>(
      `SELECT id, urn, name, phase, type, local_authority AS "localAuthority", pupils, status, postcode FROM schools WHERE urn = $1`,
      [urn],
    );
  }

  /** What the public fee calculator needs to quote for a school. */
  findForQuote(urn: string): Promise<{ id: string; urn: string; name: string; phase: Phase; pupils: number | null; type: string } | null> {
    return this.one(`SELECT id, urn, name, phase, pupils, type FROM schools WHERE urn = $1`, [urn]);
  }

  /**
   * The public calculator's search: open schools by URN or name (`pattern`, already escaped),
   * the exact URN first, then schools in the given areas (lower-case), at most 20.
   */
  searchForCalculator(q: string, pattern: string, areas: string[]): Promise<{ urn: string; name: string; phase: Phase; localAuthority: string; pupils: number | null }[]> {
    return this.rows(
      `SELECT urn, name, phase, local_authority AS "localAuthority", pupils FROM schools
         WHERE status <> 'closed' AND (urn = $1 OR name ILIKE $2)
         ORDER BY urn = $1 DESC, lower(local_authority) = ANY($3::text[]) DESC, name, urn LIMIT 20`,
      [q, pattern, areas],
    );
  }

  findEligibilityFacts(schoolId: string): Promise<SchoolEligibilityFacts | null> {
    return this.one<SchoolEligibilityFacts>(`SELECT phase, type, local_authority FROM schools WHERE id = $1`, [schoolId]);
  }

  /** The person's roles at the school, in order (none when they do not act for it). */
  async rolesOf(schoolId: string, userId: string): Promise<SchoolRole[]> {
    const rows = await this.rows<{ role: SchoolRole }>(`SELECT role FROM school_roles WHERE school_id = $1 AND user_id = $2 ORDER BY role`, [schoolId, userId]);
    return rows.map((r) => r.role);
  }

  /** Everyone with a role at the school, by name. */
  peopleOf(schoolId: string): Promise<SchoolPerson[]> {
    return this.rows<SchoolPerson>(
      `SELECT u.id AS "userId", u.name, u.email, array_agg(r.role ORDER BY r.role) AS roles FROM school_roles r JOIN users u ON u.id = r.user_id
       WHERE r.school_id = $1 GROUP BY u.id, u.name, u.email ORDER BY u.name`,
      [schoolId],
    );
  }

  /** The school's people who act for it with a partnership: headteachers and business managers. */
  contactsOf(schoolId: string): Promise<{ email: string; name: string }[]> {
    return this.rows<{ email: string; name: string }>(
      `SELECT DISTINCT u.email, u.name FROM school_roles r JOIN users u ON u.id = r.user_id
       WHERE r.school_id = $1 AND r.role IN ('headteacher', 'business-manager') ORDER BY u.email`,
      [schoolId],
    );
  }

  /** Every school the person acts for, by name. */
  schoolsOf(userId: string): Promise<SchoolOfPerson[]> {
    return this.rows<SchoolOfPerson>(
      `SELECT s.id, s.urn, s.name, s.phase, s.local_authority AS "localAuthority", array_agg(r.role ORDER BY r.role) AS roles
         FROM school_roles r JOIN schools s ON s.id = r.school_id WHERE r.user_id = $1 GROUP BY s.id ORDER BY s.name`,
      [userId],
    );
  }

  /** Whether the person with this e-mail address already has this role at the school. */
  async hasRoleByEmail(schoolId: string, email: string, role: string): Promise<boolean> {
    const found = await this.one(
      `SELECT 1 FROM school_roles r JOIN users u ON u.id = r.user_id WHERE r.school_id = $1 AND u.email = $2 AND r.role = $3`,
      [schoolId, email, role],
    );
    return found !== null;
  }

  async headteacherCount(schoolId: string): Promise<number> {
    const row = await this.one<{ heads: number }>(`SELECT count(*)::int AS heads FROM school_roles WHERE school_id = $1 AND role = 'headteacher'`, [schoolId]);
    return row?.heads ?? 0;
  }

  /** Makes the person's roles at the school exactly these (set-based: one delete, one insert). */
  async setRoles(schoolId: string, userId: string, roles: string[]): Promise<void> {
    await this.execute(`DELETE FROM school_roles WHERE school_id = $1 AND user_id = $2 AND NOT (role = ANY($3::text[]))`, [schoolId, userId, roles]);
    await this.execute(
      `INSERT INTO school_roles (school_id, user_id, role) SELECT $1, $2, unnest($3::text[]) ON CONFLICT (school_id, user_id, role) DO NOTHING`,
      [schoolId, userId, roles],
    );
  }

  /** Gives the person a role at the school (nothing changes when they have it already). */
  async grantRole(schoolId: string, userId: string, role: string): Promise<void> {
    await this.execute(`INSERT INTO school_roles (school_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT (school_id, user_id, role) DO NOTHING`, [schoolId, userId, role]);
  }

  /** The URNs of these that the register already holds. */
  async existingUrns(urns: string[]): Promise<Set<string>> {
    const rows = await this.rows<{ urn: string }>(`SELECT urn FROM schools WHERE urn = ANY($1::text[])`, [urns]);
    return new Set(rows.map((r) => r.urn));
  }

  /**
   * Upserts register entries by URN. Rows that would change nothing are left alone (so a
   * re-import writes nothing, counts as unchanged, and the audit log stays quiet); a blank number
   * in the file never wipes one the register already holds. The facts fee rules use are the
   * file's word where it gives one: null (a blank cell: no trust, no diocese...) clears the
   * register's value, undefined (the file has no such column) keeps it. Entries are written one
   * statement per set of facts given (one for a whole GIAS file). Returns the URNs written
   * (created or updated).
   */
  async upsertByUrn(entries: RegisterEntry[]): Promise<string[]> {
    const groups = new Map<string, { given: string[]; entries: RegisterEntry[] }>();
    for (const entry of entries) {
      const given = FEE_FACT_COLUMNS.filter(([key]) => entry[key] !== undefined).map(([, column]) => column);
      const group = groups.get(given.join()) ?? { given, entries: [] };
      group.entries.push(entry);
      groups.set(given.join(), group);
    }
    const written: string[] = [];
    for (const group of groups.values()) written.push(...(await this.upsertGroup(group.entries, group.given)));
    return written;
  }

  /** One statement: `given` names the fact columns these entries speak for (their null clears). */
  private async upsertGroup(entries: RegisterEntry[], given: string[]): Promise<string[]> {
    const column = <K extends keyof RegisterEntry>(key: K) => entries.map((entry) => entry[key] ?? null);
    // A fact's new value: the file's (null included) where it gives the column, else the register's.
    const fact = (name: string) => `CASE WHEN '${name}' = ANY($18::text[]) THEN excluded.${name} ELSE s.${name} END`;
    const facts = FEE_FACT_COLUMNS.map(([, name]) => name);
    const changed = await this.rows<{ urn: string }>(
      `INSERT INTO schools AS s (urn, name, phase, type, local_authority, status, pupils, postcode, statutory_low_age, statutory_high_age,
                                sixth_form, opened_on, trust, federation, religious_character, diocese, district)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::int[], $10::int[],
                            $11::boolean[], $12::date[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[])
       ON CONFLICT (urn) DO UPDATE SET
         ${facts.map((name) => `${name} = ${fact(name)}`).join(', ')},
         name = excluded.name, phase = excluded.phase, type = excluded.type, local_authority = excluded.local_authority, status = excluded.status,
         pupils = coalesce(excluded.pupils, s.pupils), postcode = coalesce(excluded.postcode, s.postcode),
         statutory_low_age = coalesce(excluded.statutory_low_age, s.statutory_low_age),
         statutory_high_age = coalesce(excluded.statutory_high_age, s.statutory_high_age), updated_at = now()
       WHERE (s.name, s.phase, s.type, s.local_authority, s.status) IS DISTINCT FROM (excluded.name, excluded.phase, excluded.type, excluded.local_authority, excluded.status)
          OR (excluded.pupils IS NOT NULL AND excluded.pupils IS DISTINCT FROM s.pupils)
          OR (excluded.postcode IS NOT NULL AND excluded.postcode IS DISTINCT FROM s.postcode)
          OR (excluded.statutory_low_age IS NOT NULL AND excluded.statutory_low_age IS DISTINCT FROM s.statutory_low_age)
          OR (excluded.statutory_high_age IS NOT NULL AND excluded.statutory_high_age IS DISTINCT FROM s.statutory_high_age)
          OR (${facts.map((name) => `s.${name}`).join(', ')}) IS DISTINCT FROM (${facts.map(fact).join(', ')})
       RETURNING s.urn`,
      [
        column('urn'),
        column('name'),
        column('phase'),
        column('type'),
        column('localAuthority'),
        column('status'),
        column('pupils'),
        column('postcode'),
        column('statutoryLowAge'),
        column('statutoryHighAge'),
        ...FEE_FACT_COLUMNS.map(([key]) => column(key)),
        given,
      ],
    );
    return changed.map((r) => r.urn);
  }
}
