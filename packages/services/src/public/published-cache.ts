import type { ServiceContext } from '../context.ts';

/**
 * The portal's answers change only when an evaluation is published or unpublished (or an appeal amends it) or
 * an organisation is renamed, and the portal is read far more than anything else: its list and detail answers
 * are kept for a few seconds. A change made through the same database handle (this server, or a test seeding
 * through it) clears them at once; one made by another process (a second server, the CLI) shows within the TTL.
 */
export const PUBLISHED_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 2_000;

const generations = new WeakMap<object, number>();

/** Called after such a change has committed: the portal must show it now, replica or not. */
export const publishedChanged = (ctx: ServiceContext): void => {
  generations.set(ctx.db, (generations.get(ctx.db) ?? 0) + 1);
  ctx.replica?.fence();
};

type Entry<T> = { generation: number; expires: number; value: Promise<T> };

/**
 * A read-through cache of one kind of public answer, per database handle. Concurrent misses for one key share
 * one load; failures are not kept; the least recently used entries go first past MAX_ENTRIES.
 */
export const publishedCache = <T>() => {
  const caches = new WeakMap<object, Map<string, Entry<T>>>();
  return (ctx: ServiceContext, key: string, load: () => Promise<T>): Promise<T> => {
    const generation = generations.get(ctx.db) ?? 0;
    let cache = caches.get(ctx.db);
    if (!cache) {
      cache = new Map();
      caches.set(ctx.db, cache);
    }
    const now = Date.now();
    const hit = cache.get(key);
    if (hit && hit.generation === generation && hit.expires > now) {
      cache.delete(key);
      cache.set(key, hit);
      return hit.value;
    }
    const value = load();
    const entries = cache;
    entries.set(key, { generation, expires: now + PUBLISHED_CACHE_TTL_MS, value });
    value.catch(() => entries.delete(key));
    for (const oldest of entries.keys()) {
      if (entries.size <= MAX_ENTRIES) break;
      entries.delete(oldest);
    }
    return value;
  };
};
