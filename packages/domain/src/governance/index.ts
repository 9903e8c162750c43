export * from './types';
export * from './resolve-seats';
export * from './london-time';
export * from './bank-holidays';
export * from './plan-year';
export * from './quorum';
export * from './votes';
export * from './elections';
