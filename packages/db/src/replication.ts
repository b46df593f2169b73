import { sql } from 'kysely';
import type { Db } from './connect.ts';

/**
 * A position in PostgreSQL's write-ahead log ("16/B374D848"): the high and low 32 bits in hex. Compared and
 * subtracted as bigint; a double would lose exactness past 2^53 bytes of WAL.
 */
export const walPositionOf = (lsn: string): bigint => {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(lsn);
  if (!match) throw new Error(`不是 WAL 位置：“${lsn}”`);
  return (BigInt(`0x${match[1]}`) << 32n) + BigInt(`0x${match[2]}`);
};

/**
 * Where the primary's log ends now: every transaction committed before this call lies before it. The insert
 * position, not pg_current_wal_lsn (the write position): under synchronous_commit = off a commit returns before
 * its record is written out, and the write position can lie before it for up to wal_writer_delay.
 */
export const currentWalPosition = async (primary: Db): Promise<bigint> => {
  const { rows } = await sql<{ lsn: string }>`SELECT pg_current_wal_insert_lsn()::text AS lsn`.execute(primary);
  const lsn = rows[0]?.lsn;
  if (lsn === undefined) throw new Error('主库未返回 WAL 位置');
  return walPositionOf(lsn);
};

export type StandbyState = {
  /** False when the server is not (or no longer) a standby: a promoted replica must not serve as one. */
  inRecovery: boolean;
  /** How far the standby has replayed the primary's log; null before it has replayed anything. */
  replayed: bigint | null;
};

export const standbyState = async (replica: Db): Promise<StandbyState> => {
  const { rows } = await sql<{ in_recovery: boolean; replayed: string | null }>`
    SELECT pg_is_in_recovery() AS in_recovery, pg_last_wal_replay_lsn()::text AS replayed`.execute(replica);
  const row = rows[0];
  if (!row) throw new Error('从库未返回状态');
  return { inRecovery: row.in_recovery, replayed: row.replayed === null ? null : walPositionOf(row.replayed) };
};
