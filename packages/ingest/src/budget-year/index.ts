export * from './import-result.ts';
export * from './read-budget-year.ts';
