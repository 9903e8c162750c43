export * from './types';
export * from './resolve-seats';
