export * from './auth';
export * from './school';
export * from './journal';
export * from './system';
export * from './substitutions';
