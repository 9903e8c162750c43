import { ElectionRecord } from './election.entity';
import { ElectionBallotRecord } from './election-ballot.entity';
import { ElectionElectorateEntry } from './election-electorate.entity';
import { ElectionResultRecord } from './election-result.entity';
import { ElectionSecretChoice } from './election-secret-choice.entity';
import { MotionRecord } from './motion.entity';
import { MotionBallot } from './motion-ballot.entity';
import { MotionElectorateEntry } from './motion-electorate.entity';
import { MotionSecretChoice } from './motion-secret-choice.entity';
import { NominationRecord } from './nomination.entity';
import { ProxyRecord } from './proxy.entity';
import { SchoolVoter } from './school-voter.entity';

export {
  ElectionBallotRecord, ElectionElectorateEntry, ElectionRecord, ElectionResultRecord, ElectionSecretChoice,
  MotionBallot, MotionElectorateEntry, MotionRecord, MotionSecretChoice, NominationRecord, ProxyRecord, SchoolVoter,
};

/** The general meetings and elections tables (issue 10). */
export const GENERAL_MEETING_ENTITIES = [
  ElectionBallotRecord, ElectionElectorateEntry, ElectionRecord, ElectionResultRecord, ElectionSecretChoice,
  MotionBallot, MotionElectorateEntry, MotionRecord, MotionSecretChoice, NominationRecord, ProxyRecord, SchoolVoter,
];
