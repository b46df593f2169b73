export * from './cost.ts';
export * from './zip-bombs.ts';
