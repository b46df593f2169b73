import type { Db } from '@jixiao/db';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ServiceContext } from '../context.ts';
import { PUBLISHED_CACHE_TTL_MS, publishedCache, publishedChanged } from './published-cache.ts';

/** The cache keys on the database handle's identity only; a plain object stands in for one. */
const contextOn = (handle: object): ServiceContext => ({ db: handle as Db, now: () => new Date() });

describe('publishedCache', () => {
  afterEach(() => vi.useRealTimers());

  it('answers repeated reads from memory, sharing one load between concurrent misses', async () => {
    const cached = publishedCache<number>();
    const ctx = contextOn({});
    let loads = 0;
    const load = async () => ++loads;
    const answers = await Promise.all([cached(ctx, 'k', load), cached(ctx, 'k', load), cached(ctx, 'k', load)]);
    expect(answers).toEqual([1, 1, 1]);
    expect(await cached(ctx, 'k', load)).toBe(1);
    expect(await cached(ctx, 'other', load)).toBe(2);
  });

  it('forgets everything for a handle once something is published or unpublished through it', async () => {
    const cached = publishedCache<number>();
    const handle = {};
    const ctx = contextOn(handle);
    let loads = 0;
    const load = async () => ++loads;
    await cached(ctx, 'k', load);
    publishedChanged(contextOn(handle));
    expect(await cached(ctx, 'k', load)).toBe(2);
    // Another database is another cache: its publications change nothing here.
    publishedChanged(contextOn({}));
    expect(await cached(ctx, 'k', load)).toBe(2);
  });

  it('loads again after the TTL (a publication made by another process) and never keeps a failure', async () => {
    vi.useFakeTimers();
    const cached = publishedCache<number>();
    const ctx = contextOn({});
    let loads = 0;
    await cached(ctx, 'k', async () => ++loads);
    vi.advanceTimersByTime(PUBLISHED_CACHE_TTL_MS + 1);
    expect(await cached(ctx, 'k', async () => ++loads)).toBe(2);
    await expect(cached(ctx, 'missing', () => Promise.reject(new Error('不存在')))).rejects.toThrow('不存在');
    expect(await cached(ctx, 'missing', async () => 7)).toBe(7);
  });
});
