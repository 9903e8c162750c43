import { Injectable } from '@nestjs/common';
import { Database, UserRepository } from '@partnerships/db';
import type { AuthedContext } from '../../common/request-context';
import type { MeDto } from './me.dto';

@Injectable()
export class MeService {
  constructor(private readonly db: Database) {}

  /** The signed-in user, every partnership they have a role in and every school they act for. */
  async me(ctx: AuthedContext): Promise<MeDto> {
    return this.db.asPlatform({ userId: ctx.user.id }, async (em) => {
      const users = new UserRepository(em);
      const tenants = await users.partnershipsOf(ctx.user.id);
      const schools = await users.schoolsOf(ctx.user.id);
      return { user: ctx.user, tenants, schools, csrfToken: ctx.csrfToken ?? '' };
    });
  }
}
