// CPD events (issue 11): the aggregates the events sweep needs as well as the API, the rules about places they share, the sweep and certificates.
export * from './booking.repository';
export * from './event.repository';
export * from './event-places';
export * from './events-sweep.job';
export * from './certificate-pdf';
