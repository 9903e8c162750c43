export * from './money/format-pence';
export * from './schools/phase';
export * from './tenancy/roles';
export * from './calendar';
export * from './fees';
export * from './membership';
export * from './onboarding';
export * from './schools';
