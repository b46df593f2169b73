import type { RoleGrant } from '@jixiao/core';
import type { Db } from '@jixiao/db';
import type { ReplicaReads } from './replica/replica-reads.ts';
import type { UploadReaders } from './uploads/upload-readers.ts';

/**
 * What every use case receives: the primary database, a clock (tests pin the clock), when one is configured,
 * the read replica for the reads that may be a moment stale (replica/replica-reads.ts) and, in the server, the
 * worker threads that read uploaded files (uploads/upload-readers.ts; without them, as in the CLI, a file is read
 * on the calling thread).
 */
export type ServiceContext = {
  db: Db;
  now: () => Date;
  replica?: ReplicaReads | undefined;
  uploads?: UploadReaders | undefined;
};

export const createServiceContext = (
  db: Db,
  now: () => Date = () => new Date(),
  replica?: ReplicaReads,
): ServiceContext => ({ db, now, replica });

/** One role held on one organisation (and everything below it). */
export type ActorRole = RoleGrant;

/** The signed-in user a use case acts for. */
export type Actor = { userId: string; username: string; displayName: string; roles: ActorRole[] };
