import { Injectable } from '@nestjs/common';
import { Database } from '@partnerships/db';
import { subjectOf } from '../../common/ability.factory';
import { notFound } from '../../common/app-error';
import type { AuthedContext } from '../../common/request-context';
import type { SchoolPortalDto } from './school-portal.dto';

@Injectable()
export class SchoolPortalService {
  constructor(private readonly db: Database) {}

  /** A school's own view: its register entry and its memberships in every partnership. */
  async get(ctx: AuthedContext, urn: string): Promise<SchoolPortalDto> {
    return this.db.asPlatform({ userId: ctx.user.id }, async (em) => {
      const [school] = await em.query(
        `SELECT id, urn, name, phase, type, local_authority AS "localAuthority", pupils, status, postcode FROM schools WHERE urn = $1`,
        [urn],
      );
      if (!school || !ctx.ability.can('read', subjectOf('School', { schoolId: school.id }))) throw notFound('school');
      const roles: { role: string }[] = await em.query(`SELECT role FROM school_roles WHERE school_id = $1 AND user_id = $2 ORDER BY role`, [school.id, ctx.user.id]);
      // Row-level security lets a school's own people read its memberships in every partnership.
      const memberships = await em.query(
        `SELECT t.slug AS "tenantSlug", t.name AS "tenantName", m.category, m.status, to_char(m.joined_on, 'YYYY-MM-DD') AS "joinedOn"
         FROM memberships m JOIN tenants t ON t.id = m.tenant_id WHERE m.school_id = $1 ORDER BY t.name`,
        [school.id],
      );
      const { id: _id, ...register } = school;
      return { school: register, roles: roles.map((r) => r.role), memberships };
    });
  }
}
