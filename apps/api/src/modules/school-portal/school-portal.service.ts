import { Injectable } from '@nestjs/common';
import { Database, SchoolRegisterRepository } from '@partnerships/db';
import { subjectOf } from '../../common/ability.factory';
import { notFound } from '../../common/app-error';
import type { AuthedContext } from '../../common/request-context';
import type { SchoolPortalDto } from './school-portal.dto';
import { SchoolPortalRepository } from './school-portal.repository';

@Injectable()
export class SchoolPortalService {
  constructor(private readonly db: Database) {}

  /** A school's own view: its register entry and its memberships in every partnership. */
  async get(ctx: AuthedContext, urn: string): Promise<SchoolPortalDto> {
    return this.db.asPlatform({ userId: ctx.user.id }, async (em) => {
      const register = new SchoolRegisterRepository(em);
      const school = await register.findProfileByUrn(urn);
      if (!school || !ctx.ability.can('read', subjectOf('School', { schoolId: school.id }))) throw notFound('school');
      const roles = await register.rolesOf(school.id, ctx.user.id);
      // Row-level security lets a school's own people read its memberships in every partnership.
      const memberships = await new SchoolPortalRepository(em).membershipsOf(school.id);
      const { id: _id, ...entry } = school;
      return { school: entry, roles, memberships };
    });
  }
}
