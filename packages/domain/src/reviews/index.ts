export * from './types';
export * from './conflicts';
export * from './review-groups';
export * from './plan-cycle';
export * from './report-state';
export * from './confidential-access';
