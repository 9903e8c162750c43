/** The seat aggregate lives in @partnerships/jobs (the nightly governance sweep needs it too); re-exported here for the API's modules. */
export { type CurrentSeatHolding, type PersonSeat, type SchoolRepresentation, SeatRepository, type SeatRuleFields, type SeatRuleRow } from '@partnerships/jobs';
