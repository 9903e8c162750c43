import type { EntityManager } from '@partnerships/db';
import { DEFAULT_APPLICATION_FEE_BASIS_POINTS, isPlatformPlanCode, type PlatformPlanCode } from '@partnerships/domain';
import { PlatformSubscriptionRepository } from './repositories/platform-subscription.repository';

/** The platform's fee on a partnership's online payments, from its plan. */
export async function applicationFeeBasisPoints(em: EntityManager, tenantId: string): Promise<{ plan: string; basisPoints: number }> {
  const row = await new PlatformSubscriptionRepository(em).planFee(tenantId);
  const plan: PlatformPlanCode = isPlatformPlanCode(row.plan) ? row.plan : 'trial';
  return { plan, basisPoints: row.applicationFeeBps ?? DEFAULT_APPLICATION_FEE_BASIS_POINTS[plan] };
}
