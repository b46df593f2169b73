export * from './cost.ts';
export * from './refusal.ts';
export * from './streamed-zip.ts';
export * from './zip-bombs.ts';
