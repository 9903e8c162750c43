import { assertServicesReachable } from './support/services';

/** Tests run in full mode against the machine's PostgreSQL and Redis: say clearly when they are down. */
export default async function setup() {
  await assertServicesReachable();
}
