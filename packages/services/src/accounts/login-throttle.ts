import { isIPv6 } from 'node:net';
import { AppError } from '@jixiao/core';
import {
  blockPair,
  clearPairFailures,
  countPairFailure,
  countSourceFailure,
  type Db,
  deleteStaleLoginFailures,
  findLoginBlock,
} from '@jixiao/db';
import { recordAudit } from '../audit/record-audit.ts';
import type { ServiceContext } from '../context.ts';

/**
 * 等保 2.0 (GB/T 22239-2019 8.1.4.1 b) asks for 限制非法登录次数. Failures are counted per (source address, name
 * as typed) and per source, never per account alone: a per-account lock let any anonymous caller lock any
 * account (admins included) and, answering only for names that exist, told which exist. A name is counted
 * whether or not an account has it, so every answer is the same for known and unknown names.
 *
 * A pair's first FREE_PAIR_FAILURES failures are answered at once; from then on the pair is refused for
 * 1, 2, 4, 8 and at most PAIR_BLOCK_MAX_MINUTES minutes, doubling with each further failure, until a success
 * from the pair or PAIR_FORGET_HOURS without a failure. A source may fail SOURCE_FAILURE_BUDGET times in a
 * SOURCE_WINDOW_MINUTES window across all names (spraying one password over many accounts); past that, every
 * sign-in from it is refused until the window ends.
 */
export const FREE_PAIR_FAILURES = 5;
export const PAIR_BLOCK_MAX_MINUTES = 15;
export const PAIR_FORGET_HOURS = 24;
export const SOURCE_FAILURE_BUDGET = 20;
export const SOURCE_WINDOW_MINUTES = 15;

const MINUTE_MS = 60_000;
const SOURCE_WINDOW_MS = SOURCE_WINDOW_MINUTES * MINUTE_MS;

/** How long a pair is refused after its `failures`-th failure (none before the FREE_PAIR_FAILURES-th). */
export const pairBlockMinutes = (failures: number): number =>
  failures < FREE_PAIR_FAILURES ? 0 : Math.min(PAIR_BLOCK_MAX_MINUTES, 2 ** (failures - FREE_PAIR_FAILURES));

export type LoginAttempt = { source: string; username: string };

/**
 * The source a failure is counted against: the IPv4 address, or the /64 network of an IPv6 address (one
 * client is usually handed a whole /64, so counting its addresses one by one would count nothing).
 */
export const throttleSourceOf = (address: string): string => {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head = '', tail] = address.toLowerCase().split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = [...left, ...Array.from({ length: 8 - left.length - right.length }, () => '0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
};

const throttled = (now: Date, until: Date): AppError => {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new AppError('LOGIN_THROTTLED', `登录失败次数过多，请 ${Math.ceil(seconds / 60)} 分钟后再试`, {
    retryAfterSeconds: seconds,
  });
};

const sourceBudget = (now: Date) => ({
  failures: SOURCE_FAILURE_BUDGET,
  windowStartedAfter: new Date(now.getTime() - SOURCE_WINDOW_MS),
  windowMs: SOURCE_WINDOW_MS,
});

/** LOGIN_THROTTLED while the pair or its source is refused; checked before any password is verified. */
export const assertLoginAllowed = async (ctx: ServiceContext, attempt: LoginAttempt): Promise<void> => {
  const now = ctx.now();
  const until = await findLoginBlock(ctx.db, attempt.source, attempt.username, now, sourceBudget(now));
  if (until) throw throttled(now, until);
};

/**
 * Counts a failed sign-in; the error to answer with: UNAUTHENTICATED, or LOGIN_THROTTLED when this failure
 * starts a refusal (which is audited, for the name as typed: an account's or not).
 */
export const recordLoginFailure = async (
  ctx: ServiceContext,
  attempt: LoginAttempt,
  wrongCredentials: AppError,
): Promise<AppError> =>
  ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now();
    const forgetBefore = new Date(now.getTime() - PAIR_FORGET_HOURS * 3_600_000);
    const failures = await countPairFailure(trx, attempt.source, attempt.username, now, forgetBefore);
    const source = await countSourceFailure(trx, attempt.source, now, sourceBudget(now).windowStartedAfter);
    const blocks: { scope: 'pair' | 'source'; until: Date }[] = [];
    const minutes = pairBlockMinutes(failures);
    if (minutes > 0) {
      const until = new Date(now.getTime() + minutes * MINUTE_MS);
      await blockPair(trx, attempt.source, attempt.username, until);
      blocks.push({ scope: 'pair', until });
    }
    if (source.failures === SOURCE_FAILURE_BUDGET) {
      blocks.push({ scope: 'source', until: new Date(source.windowStartedAt.getTime() + SOURCE_WINDOW_MS) });
    }
    for (const block of blocks)
      await auditBlock(ctx, trx, attempt, block, block.scope === 'pair' ? failures : source.failures);
    const latest = blocks.map((block) => block.until).sort((a, b) => b.getTime() - a.getTime())[0];
    return latest ? throttled(now, latest) : wrongCredentials;
  });

const auditBlock = async (
  ctx: ServiceContext,
  trx: Db,
  attempt: LoginAttempt,
  block: { scope: 'pair' | 'source'; until: Date },
  failures: number,
): Promise<void> => {
  await recordAudit(ctx, trx, {
    organizationId: null,
    actorId: null,
    action: block.scope === 'pair' ? 'login.throttle' : 'login.throttle_source',
    entityType: 'login',
    entityId: block.scope === 'pair' ? attempt.username : attempt.source,
    details: { source: attempt.source, username: attempt.username, failures, blockedUntil: block.until.toISOString() },
  });
};

/** After a success: the pair starts again; failures nobody repeated for a day are forgotten. */
export const recordLoginSuccess = async (trx: Db, now: Date, attempt: LoginAttempt): Promise<void> => {
  await clearPairFailures(trx, attempt.source, attempt.username);
  await deleteStaleLoginFailures(trx, new Date(now.getTime() - PAIR_FORGET_HOURS * 3_600_000));
};
