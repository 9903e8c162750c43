export * from './env.schema';
export * from './paths';
