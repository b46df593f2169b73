export * from './bulk/render-bulk-html.ts';
export * from './bulk/render-bulk-xlsx.ts';
export * from './docx/render-docx.ts';
export * from './html/render-html.ts';
export * from './layout/form-table.ts';
export * from './naming.ts';
export * from './pdf/pdf-renderer.ts';
export * from './xlsx/render-xlsx.ts';
