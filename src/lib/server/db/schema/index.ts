export * from './auth';
export * from './audit';
export * from './content';
export * from './quiz';
export * from './progress';
export * from './certification';
export * from './review';
export * from './instructor';
