import { ReviewProgrammeRecord } from './review-programme.entity';
import { ReviewGroupRecord } from './review-group.entity';
import { ReviewGroupMemberRecord } from './review-group-member.entity';
import { ReviewRecord } from './review.entity';
import { ReviewParticipantRecord } from './review-participant.entity';
import { ReviewReportRecord } from './review-report.entity';
import { ReviewActionRecord } from './review-action.entity';
import { ReviewerTrainingRecord } from './reviewer-training.entity';
import { SdrRequirementRecord } from './sdr-requirement.entity';
import { SdrReviewRecord } from './sdr-review.entity';
import { SdrReportRecord } from './sdr-report.entity';
import { SdrShareRecord } from './sdr-share.entity';
import { SdrReadRecord } from './sdr-read.entity';

export { ReviewProgrammeRecord, ReviewGroupRecord, ReviewGroupMemberRecord, ReviewRecord, ReviewParticipantRecord, ReviewReportRecord, ReviewActionRecord, ReviewerTrainingRecord, SdrRequirementRecord, SdrReviewRecord, SdrReportRecord, SdrShareRecord, SdrReadRecord };
export type * from './review-types';

/** The peer review and confidential school development review tables (issue 12). */
export const REVIEW_ENTITIES = [ReviewProgrammeRecord, ReviewGroupRecord, ReviewGroupMemberRecord, ReviewRecord, ReviewParticipantRecord, ReviewReportRecord, ReviewActionRecord, ReviewerTrainingRecord, SdrRequirementRecord, SdrReviewRecord, SdrReportRecord, SdrShareRecord, SdrReadRecord];
