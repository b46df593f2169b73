import type { DatabaseKind } from '@jixiao/db';
import { createServiceFixture, type ServiceFixture, TEST_PASSWORD } from '@jixiao/services/testing';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { type AppConfig, buildApp } from '../src/app.ts';
import { CSRF_HEADER } from '../src/http/session.ts';

export type Session = { cookie: string; csrf: string };

export type TestApp = {
  app: FastifyInstance;
  fixture: ServiceFixture;
  login: (username: string, password?: string) => Promise<Session>;
  /** Injects as a signed-in user (with the CSRF header) or anonymously (session null). */
  request: (session: Session | null, options: InjectOptions) => Promise<LightMyRequestResponse>;
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
  return {
    app,
    fixture,
    login,
    request,
    close: async () => {
      await app.close();
      await fixture.close();
    },
  };
};
