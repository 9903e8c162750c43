import { createDataSource, type DataSource, seedDemoGovernance, seedGeneralMeetings } from '@partnerships/db';

/**
 * The full demo's governance (issue 10): tens of schools per partnership, Ealing's board,
 * committees and clusters, Tower Hamlets' board, advisory council, AGM, motion and election.
 * The stack seeds the small demo only (other suites count its schools), so governance suites
 * add this on top, as the owner, while the processes run. Returns the owner's connection for lookups.
 */
export async function seedFullGovernanceDemo(databaseUrl: string): Promise<DataSource> {
  const db = createDataSource({ url: databaseUrl, embedded: false });
  await db.initialize();
  const [{ password_hash: passwordHash }] = await db.query(`SELECT password_hash FROM users WHERE email = 'admin@ealing.demo.test'`);
  await db.transaction(async (em) => {
    await seedDemoGovernance(em, passwordHash);
    await seedGeneralMeetings(em);
  });
  return db;
}
