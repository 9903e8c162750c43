import { UnitOfWorkRepository } from '@partnerships/db';

export interface ElectorateSchool {
  schoolId: string;
  urn: string;
  name: string;
  voterUserId: string | null;
  voterName: string | null;
  category: string;
  /** Whether this school's ballot is in (never what it chose). */
  voted: boolean;
}

/** Where a vote keeps its frozen electorate and its ballots (motions and elections have the same shape). */
interface VoteTables {
  electorate: 'motion_electorate' | 'election_electorate';
  ballots: 'motion_ballots' | 'election_ballots';
  /** The column naming the vote in both tables. */
  key: 'motion_id' | 'election_id';
}

/** What motions and elections read alike: the frozen electorate, one school's entry in it, and whether a school has voted. */
export abstract class VoteRepository extends UnitOfWorkRepository {
  protected abstract readonly voteTables: VoteTables;

  electorate(voteId: string): Promise<ElectorateSchool[]> {
    const { electorate, ballots, key } = this.voteTables;
    return this.rows<ElectorateSchool>(
      `SELECT e.school_id AS "schoolId", s.urn, s.name, e.voter_user_id AS "voterUserId", u.name AS "voterName", e.category,
              EXISTS (SELECT 1 FROM ${ballots} b WHERE b.${key} = e.${key} AND b.school_id = e.school_id) AS voted
         FROM ${electorate} e JOIN schools s ON s.id = e.school_id LEFT JOIN users u ON u.id = e.voter_user_id
        WHERE e.${key} = $1 ORDER BY s.name, s.urn`,
      [voteId],
    );
  }

  electorateEntry(voteId: string, schoolId: string): Promise<{ voterUserId: string | null; category: string } | null> {
    const { electorate, key } = this.voteTables;
    return this.one(`SELECT voter_user_id AS "voterUserId", category FROM ${electorate} WHERE ${key} = $1 AND school_id = $2`, [voteId, schoolId]);
  }

  hasVoted(voteId: string, schoolId: string): Promise<boolean> {
    const { ballots, key } = this.voteTables;
    return this.one<{ x: number }>(`SELECT 1 AS x FROM ${ballots} WHERE ${key} = $1 AND school_id = $2`, [voteId, schoolId]).then(Boolean);
  }
}
