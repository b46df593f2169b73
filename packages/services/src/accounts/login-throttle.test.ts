import { AppError } from '@jixiao/core';
import { listAuditEntries } from '@jixiao/db';
import { testDatabaseKinds } from '@jixiao/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceFixture, type ServiceFixture, TEST_PASSWORD } from '../../testing/service-fixtures.ts';
import {
  FREE_PAIR_FAILURES,
  PAIR_BLOCK_MAX_MINUTES,
  pairBlockMinutes,
  SOURCE_FAILURE_BUDGET,
  SOURCE_WINDOW_MINUTES,
  throttleSourceOf,
} from './login-throttle.ts';
import { login } from './sessions.ts';

/** What a failed sign-in answers, as the API would send it (code, status, message, Retry-After). */
const answerOf = async (attempt: Promise<unknown>) => {
  const error = await attempt.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return { code: error.code, status: error.status, message: error.message, retry: error.details['retryAfterSeconds'] };
};

describe('pairBlockMinutes', () => {
  it('lets the first failures through, then doubles up to the cap', () => {
    const minutes = Array.from({ length: 12 }, (_, index) => pairBlockMinutes(index + 1));
    expect(minutes).toEqual([0, 0, 0, 0, 1, 2, 4, 8, 15, 15, 15, 15]);
    expect(Math.max(...minutes)).toBe(PAIR_BLOCK_MAX_MINUTES);
  });
});

describe('throttleSourceOf', () => {
  it.each([
    ['198.51.100.7', '198.51.100.7'],
    ['::ffff:198.51.100.7', '198.51.100.7'],
    ['2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002::1', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('counts %s as %s', (address, source) => {
    expect(throttleSourceOf(address)).toBe(source);
  });
});

describe.each(testDatabaseKinds())('sign-in throttling on %s', (kind) => {
  let fixture: ServiceFixture;
  let clock = new Date('2024-03-01T09:00:00Z');
  const later = (minutes: number) => {
    clock = new Date(clock.getTime() + minutes * 60_000);
  };
  beforeAll(async () => {
    fixture = await createServiceFixture(kind);
    fixture.ctx.now = () => clock;
  });
  afterAll(async () => {
    await fixture.close();
  });

  it('refuses an attacking address, with progressive delays, while the owner signs in from elsewhere', async () => {
    const attacker = '203.0.113.66';
    for (let failure = 1; failure < FREE_PAIR_FAILURES; failure += 1) {
      expect((await answerOf(login(fixture.ctx, 'admin', 'Wrong-pass-2024', attacker))).code).toBe('UNAUTHENTICATED');
    }
    expect(await answerOf(login(fixture.ctx, 'admin', 'Wrong-pass-2024', attacker))).toMatchObject({
      code: 'LOGIN_THROTTLED',
      status: 429,
      retry: 60,
    });
    // Refused before the password is even looked at: the right one does not get through from that address.
    expect((await answerOf(login(fixture.ctx, 'admin', TEST_PASSWORD, attacker))).code).toBe('LOGIN_THROTTLED');
    // The owner, from their own address, is not affected.
    expect((await login(fixture.ctx, 'admin', TEST_PASSWORD, '198.51.100.7')).actor.username).toBe('admin');
    // Each further failure from the attacker doubles the wait.
    later(1);
    expect(await answerOf(login(fixture.ctx, 'admin', 'Wrong-pass-2024', attacker))).toMatchObject({ retry: 120 });
    later(2);
    expect(await answerOf(login(fixture.ctx, 'admin', 'Wrong-pass-2024', attacker))).toMatchObject({ retry: 240 });
    expect((await login(fixture.ctx, 'admin', TEST_PASSWORD, '198.51.100.7')).actor.username).toBe('admin');
    const audited = await listAuditEntries(fixture.ctx.db, { entityId: 'admin', limit: 100 });
    expect(audited.map((entry) => entry.action)).toEqual(['login.throttle', 'login.throttle', 'login.throttle']);
    expect(audited[0]?.details).toMatchObject({ source: attacker, username: 'admin', failures: FREE_PAIR_FAILURES });
  });

  it('answers a known and an unknown name alike, failure by failure, throttling included', async () => {
    const answers = async (username: string, source: string) => {
      const seen = [];
      for (let attempt = 0; attempt <= FREE_PAIR_FAILURES; attempt += 1) {
        seen.push(await answerOf(login(fixture.ctx, username, 'Wrong-pass-2024', source)));
      }
      return seen;
    };
    const known = await answers('finance', '203.0.113.10');
    const unknown = await answers('no.such.user', '203.0.113.11');
    expect(unknown).toEqual(known);
    expect(known.map((answer) => answer.code)).toEqual([
      ...Array.from({ length: FREE_PAIR_FAILURES - 1 }, () => 'UNAUTHENTICATED'),
      'LOGIN_THROTTLED',
      'LOGIN_THROTTLED',
    ]);
  });

  it('stops an address spraying many names once its budget is spent, until its window ends', async () => {
    const sprayer = '203.0.113.99';
    const names = Array.from({ length: SOURCE_FAILURE_BUDGET }, (_, index) => `guess${index}`);
    const codes = [];
    for (const name of names) codes.push((await answerOf(login(fixture.ctx, name, 'Spring-2024!', sprayer))).code);
    expect(codes.slice(0, -1).every((code) => code === 'UNAUTHENTICATED')).toBe(true);
    expect(codes.at(-1)).toBe('LOGIN_THROTTLED');
    // Every name is refused from that address now, a real account with its right password too.
    expect(await answerOf(login(fixture.ctx, 'approver', TEST_PASSWORD, sprayer))).toMatchObject({
      code: 'LOGIN_THROTTLED',
    });
    expect((await login(fixture.ctx, 'approver', TEST_PASSWORD, '198.51.100.8')).actor.username).toBe('approver');
    later(SOURCE_WINDOW_MINUTES);
    expect((await login(fixture.ctx, 'approver', TEST_PASSWORD, sprayer)).actor.username).toBe('approver');
  });

  it('counts the addresses of one IPv6 /64 as one source', async () => {
    for (let failure = 1; failure <= FREE_PAIR_FAILURES; failure += 1) {
      await answerOf(login(fixture.ctx, 'department', 'Wrong-pass-2024', `2001:db8:5:6::${failure}`));
    }
    expect((await answerOf(login(fixture.ctx, 'department', TEST_PASSWORD, '2001:db8:5:6::99'))).code).toBe(
      'LOGIN_THROTTLED',
    );
    expect((await login(fixture.ctx, 'department', TEST_PASSWORD, '2001:db8:5:7::1')).actor.username).toBe(
      'department',
    );
  });

  it('starts a pair again after a success', async () => {
    const source = '203.0.113.40';
    for (let failure = 1; failure < FREE_PAIR_FAILURES; failure += 1) {
      await answerOf(login(fixture.ctx, 'filler', 'Wrong-pass-2024', source));
    }
    await login(fixture.ctx, 'filler', TEST_PASSWORD, source);
    expect((await answerOf(login(fixture.ctx, 'filler', 'Wrong-pass-2024', source))).code).toBe('UNAUTHENTICATED');
  });
});
