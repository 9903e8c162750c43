import { Injectable } from '@nestjs/common';
import { Database } from '@partnerships/db';
import type { AuthedContext } from '../../common/request-context';
import type { MeDto } from './me.dto';

@Injectable()
export class MeService {
  constructor(private readonly db: Database) {}

  /** The signed-in user, every partnership they have a role in and every school they act for. */
  async me(ctx: AuthedContext): Promise<MeDto> {
    return this.db.asPlatform({ userId: ctx.user.id }, async (em) => {
      const tenants = await em.query(
        `SELECT t.slug, t.name, array_agg(r.role ORDER BY r.role) AS roles
         FROM tenant_roles r JOIN tenants t ON t.id = r.tenant_id
         WHERE r.user_id = $1 GROUP BY t.slug, t.name ORDER BY t.name`,
        [ctx.user.id],
      );
      const schools = await em.query(
        `SELECT s.urn, s.name, array_agg(r.role ORDER BY r.role) AS roles
         FROM school_roles r JOIN schools s ON s.id = r.school_id
         WHERE r.user_id = $1 GROUP BY s.urn, s.name ORDER BY s.name`,
        [ctx.user.id],
      );
      return { user: ctx.user, tenants, schools, csrfToken: ctx.csrfToken ?? '' };
    });
  }
}
