/** Seat resolution lives in @partnerships/jobs (the nightly governance sweep runs it too); re-exported here for the API's modules. */
export { resolveAndRecordSeats, type ResolvedBodySeats } from '@partnerships/jobs';
