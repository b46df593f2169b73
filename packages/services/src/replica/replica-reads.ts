import { isAppError } from '@jixiao/core';
import { currentWalPosition, type Db, standbyState } from '@jixiao/db';

/**
 * - starting: not probed yet; reads go to the primary.
 * - ready: a standby, reachable, close behind the primary and past every fence; reads go to it.
 * - lagging: more than MAX_REPLICA_LAG_BYTES behind, or not yet past a fence (a publication this process
 *   just made): reads go to the primary until it catches up.
 * - not_standby: answers but is not replaying the primary's log (promoted, misconfigured): never read from.
 * - unreachable: the last probe or read could not reach it.
 */
export type ReplicaState = 'starting' | 'ready' | 'lagging' | 'not_standby' | 'unreachable';

export type ReplicaStatus = {
  state: ReplicaState;
  /** Bytes of the primary's log the replica had not replayed at the last probe. */
  lagBytes: number | null;
  checkedAt: Date | null;
};

export type ReplicaReads = {
  /**
   * Runs a read that may be a moment stale (the public portal, open data): on the replica when it is ready,
   * otherwise on the primary — and on the primary again when the replica fails to answer.
   */
  read: <T>(run: (db: Db) => Promise<T>) => Promise<T>;
  /** After a commit the stale reads must show at once: they go to the primary until the replica has replayed it. */
  fence: () => void;
  probe: () => Promise<ReplicaStatus>;
  status: () => ReplicaStatus;
  /** Stops the periodic probe (it never holds the process open). */
  close: () => void;
};

/** A replica further behind than this (about a second of heavy writing) is not read from. */
export const MAX_REPLICA_LAG_BYTES = 16 * 1024 * 1024;
export const REPLICA_PROBE_INTERVAL_MS = 1_000;

const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
]);

/** Errors that say the server is gone (refused, shut down, starting up), not that the query was wrong. */
const isConnectionError = (error: unknown): boolean => {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (CONNECTION_ERROR_CODES.has(code) || code.startsWith('08') || code.startsWith('57P')))
    return true;
  return /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED/.test(error.message);
};

export const createReplicaReads = (
  primary: Db,
  replica: Db,
  { intervalMs = REPLICA_PROBE_INTERVAL_MS, maxLagBytes = MAX_REPLICA_LAG_BYTES } = {},
): ReplicaReads => {
  let current: ReplicaStatus = { state: 'starting', lagBytes: null, checkedAt: null };
  // Fences are numbered. A probe that begins after fence n reads the primary's log end, which lies past the
  // fenced commit: that becomes the target, and the fence lifts once the replica has replayed that far.
  let fencesAsked = 0;
  let fencesTargeted = 0;
  let fenceTarget: bigint | null = null;
  let inFlight: Promise<ReplicaStatus> | null = null;
  let probeAgain = false;
  const fenced = (): boolean => fencesAsked > fencesTargeted || fenceTarget !== null;

  const probeOnce = async (): Promise<ReplicaStatus> => {
    const asked = fencesAsked;
    try {
      const primaryEnd = await currentWalPosition(primary);
      if (asked > fencesTargeted) {
        if (fenceTarget === null || primaryEnd > fenceTarget) fenceTarget = primaryEnd;
        fencesTargeted = asked;
      }
      const standby = await standbyState(replica);
      const replayed = standby.replayed ?? 0n;
      if (fenceTarget !== null && replayed >= fenceTarget) fenceTarget = null;
      const lagBytes = primaryEnd > replayed ? Number(primaryEnd - replayed) : 0;
      const state: ReplicaState = !standby.inRecovery
        ? 'not_standby'
        : lagBytes > maxLagBytes || fenced()
          ? 'lagging'
          : 'ready';
      current = { state, lagBytes, checkedAt: new Date() };
    } catch {
      current = { state: 'unreachable', lagBytes: null, checkedAt: new Date() };
    }
    return current;
  };

  const probe = (): Promise<ReplicaStatus> => {
    if (inFlight) {
      probeAgain = true;
      return inFlight;
    }
    inFlight = probeOnce().finally(() => {
      inFlight = null;
      if (probeAgain) {
        probeAgain = false;
        void probe();
      }
    });
    return inFlight;
  };

  const timer = setInterval(() => void probe(), intervalMs);
  timer.unref();

  return {
    read: async (run) => {
      if (current.state !== 'ready' || fenced()) return run(primary);
      try {
        return await run(replica);
      } catch (error) {
        if (isAppError(error)) throw error;
        // A replica that went away stays out until a probe finds it again; a query cancelled by recovery
        // (a conflict with replay) just runs again on the primary.
        if (isConnectionError(error)) current = { state: 'unreachable', lagBytes: null, checkedAt: new Date() };
        return run(primary);
      }
    },
    fence: () => {
      fencesAsked++;
      void probe();
    },
    probe,
    status: () => current,
    close: () => clearInterval(timer),
  };
};

/** A read the public may see a moment late: on the replica when the context has one, else on the primary. */
export const readMayBeStale = <T>(
  ctx: { db: Db; replica?: ReplicaReads | undefined },
  run: (db: Db) => Promise<T>,
): Promise<T> => (ctx.replica ? ctx.replica.read(run) : run(ctx.db));
