import { readFileSync } from 'node:fs';
import type { DatabaseKind } from '@jixiao/db';
import { createServiceFixture, type ServiceFixture, TEST_PASSWORD } from '@jixiao/services/testing';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { type AppConfig, buildApp } from '../src/app.ts';
import { CSRF_HEADER } from '../src/http/session.ts';

export type Session = { cookie: string; csrf: string };

/** The seed report (fixtures/seed/kaifu-2022.txt) as the import route takes it. */
export const SEED_BASE64 = readFileSync(new URL('../../../fixtures/seed/kaifu-2022.txt', import.meta.url)).toString(
  'base64',
);

export type TestApp = {
  app: FastifyInstance;
  fixture: ServiceFixture;
  login: (username: string, password?: string) => Promise<Session>;
  /** Injects as a signed-in user (with the CSRF header) or anonymously (session null). */
  request: (session: Session | null, options: InjectOptions) => Promise<LightMyRequestResponse>;
  /** The fixture's filler imports the seed report into the fixture's unit as a draft; its id. */
  importSeed: () => Promise<string>;
  close: () => Promise<void>;
};

/** `now` pins the clock of the app and of the fixture's service context (for expiry tests). */
export const createTestApp = async (
  kind: DatabaseKind = 'pglite',
  config: Partial<AppConfig> = {},
  { now }: { now?: () => Date } = {},
): Promise<TestApp> => {
  const fixture = await createServiceFixture(kind);
  if (now) fixture.ctx.now = now;
  const app = await buildApp({
    db: fixture.handle.db,
    databaseKind: fixture.handle.kind,
    config,
    ...(now ? { now } : {}),
  });
  const login = async (username: string, password = TEST_PASSWORD): Promise<Session> => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.body}`);
    const cookie = response.cookies.map((item) => `${item.name}=${item.value}`).join('; ');
    return { cookie, csrf: response.json<{ csrfToken: string }>().csrfToken };
  };
  const request = (session: Session | null, options: InjectOptions) =>
    app.inject({
      ...options,
      headers: { ...(session ? { cookie: session.cookie, [CSRF_HEADER]: session.csrf } : {}), ...options.headers },
    });
  const importSeed = async (): Promise<string> => {
    const response = await request(await login('filler'), {
      method: 'POST',
      url: '/api/evaluations/import',
      payload: { organizationId: fixture.organizations.unit, fileName: 'kaifu-2022.txt', contentBase64: SEED_BASE64 },
    });
    if (response.statusCode !== 201) throw new Error(`seed import failed: ${response.body}`);
    return response.json<{ evaluation: { id: string } }>().evaluation.id;
  };
  return {
    app,
    fixture,
    login,
    request,
    importSeed,
    close: async () => {
      await app.close();
      await fixture.close();
    },
  };
};
