import { type Database, type EntityManager, TenantRepository } from '@partnerships/db';
import type { SchoolRole } from '@partnerships/domain';
import { notFound } from '../../common/app-error';
import type { AuthedContext } from '../../common/request-context';
import { schoolFor, type SchoolAccess } from '../school-portal/school-access';

export interface SchoolInTenant {
  school: SchoolAccess;
  tenant: { id: string; slug: string; name: string };
}

/**
 * The school at `urn` (the person must act for it; with `needs`, in one of those roles) and the
 * active partnership named by `slug`; 404 for anything else, so nothing is said about either.
 */
export async function schoolInTenant(db: Database, ctx: AuthedContext, urn: string, slug: string, needs?: readonly SchoolRole[], doing?: string): Promise<SchoolInTenant> {
  return db.asPlatform({ userId: ctx.user.id }, async (em: EntityManager) => {
    const school = await schoolFor(em, ctx, urn, needs, doing);
    const found = await new TenantRepository(em).findBySlug(slug);
    if (!found || found.status !== 'active') throw notFound('partnership');
    return { school, tenant: { id: found.id, slug: found.slug, name: found.name } };
  });
}
