export * from './comparators.ts';
export * from './describe.ts';
export * from './normalize.ts';
export * from './numbers.ts';
export * from './reconcile.ts';
export * from './units.ts';
export * from './value.ts';
