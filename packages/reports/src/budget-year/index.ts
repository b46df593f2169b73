export * from './budget-year-naming.ts';
export type { DeclarationDocumentInput } from './declaration-layout.ts';
export type { MonitoringDocumentInput } from './monitoring-layout.ts';
export * from './render-budget-year-html.ts';
export * from './render-budget-year-xlsx.ts';
