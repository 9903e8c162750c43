import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';

/**
 * Secret ballots, one step further apart from who voted. A row inserted in the same transaction
 * as the `motion_ballots` row that says which school voted shares its transaction id (the
 * system column `xmin`, readable by anyone who may read the table), and lies next to it in
 * insertion order. So after each ballot, and again at the count, the poll's choices are deleted
 * and written again, in receipt order, by a transaction of their own: nothing then joins a
 * choice to the transaction, time or order in which a school voted. The application role needs
 * DELETE on the two choice tables for that; it deletes nothing else there.
 */
export class SecretBallotReshuffle1764710000001 implements MigrationInterface {
  name = 'SecretBallotReshuffle1764710000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`GRANT DELETE ON motion_secret_choices, election_secret_choices TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`REVOKE DELETE ON motion_secret_choices, election_secret_choices FROM ${APP_ROLE}`);
  }
}
