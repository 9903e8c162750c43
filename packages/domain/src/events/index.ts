// CPD courses, events and conferences (issue 11): capacity, waiting list, approval, cancellation terms, invoicing, feedback.
export * from './types';
export * from './capacity';
export * from './waiting-list';
export * from './cancellation';
export * from './approval';
export * from './invoicing';
export * from './feedback';
export * from './pricing';
