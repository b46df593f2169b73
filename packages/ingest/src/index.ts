export * from './document.ts';
export * from './form/form-from-blocks.ts';
export * from './markdown/markdown-reader.ts';
export * from './read-report.ts';
export * from './safety/zip.ts';
export * from './text/tokenize.ts';
export * from './types.ts';
