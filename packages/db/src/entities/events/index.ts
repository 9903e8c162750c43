import { EventBookingRecord } from './event-booking.entity';
import { EventCertificateRecord, SchoolBookingSettingsRecord } from './event-certificate.entity';
import { EvaluationRespondentRecord, EvaluationResponseRecord, EventEvaluationRecord } from './event-evaluation.entity';
import { EventSessionRecord } from './event-session.entity';
import { EventRecord } from './event.entity';
import { SessionAttendanceRecord } from './session-attendance.entity';

export {
  EventBookingRecord, EventCertificateRecord, SchoolBookingSettingsRecord, EvaluationRespondentRecord, EvaluationResponseRecord, EventEvaluationRecord,
  EventSessionRecord, EventRecord, SessionAttendanceRecord,
};
export type { EventBookingStatusValue, EventBookingSubstitution } from './event-booking.entity';
export type { EventCancellationTerms, EventFormat, EventInvoicingValue } from './event.entity';
export type { EvaluationQuestionValue } from './event-evaluation.entity';

/** The CPD events tables (issue 11). */
export const EVENT_ENTITIES = [
  EventRecord, EventSessionRecord, EventBookingRecord, SessionAttendanceRecord, EventEvaluationRecord, EvaluationRespondentRecord, EvaluationResponseRecord,
  EventCertificateRecord, SchoolBookingSettingsRecord,
];
