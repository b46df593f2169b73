export * from './app.ts';
export * from './http/deployment-settings.ts';
export * from './server.ts';
