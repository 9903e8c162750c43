/** The governance tables (issue 10). Each export is an entity class; `ENTITIES` is built from this list. */
export { Body } from './body.entity';
export { BodyLink } from './body-link.entity';
export { BodySchool } from './body-school.entity';
export { MemberSchoolDetails } from './member-school-details.entity';
export { BodyDocument } from './body-document.entity';
export { SeatRuleRecord } from './seat-rule.entity';
export { SeatHoldingRecord } from './seat-holding.entity';
export { BodyOffice } from './body-office.entity';
export { Appointment } from './appointment.entity';
export { Meeting } from './meeting.entity';
export { AgendaItem } from './agenda-item.entity';
export { MeetingPaper } from './meeting-paper.entity';
export { AttendanceRecord } from './attendance.entity';
export { Minutes } from './minutes.entity';
export { GovernanceAction } from './action.entity';
export { BodyActionPlan } from './body-action-plan.entity';
export { CalendarFeed } from './calendar-feed.entity';
