import type { Role } from '@jixiao/core';
import type { Db } from '@jixiao/db';

/** What every use case receives: the database and a clock (tests pin the clock). */
export type ServiceContext = { db: Db; now: () => Date };

export const createServiceContext = (db: Db, now: () => Date = () => new Date()): ServiceContext => ({ db, now });

export type ActorRole = { organizationId: string; role: Role };

/** The signed-in user a use case acts for. */
export type Actor = { userId: string; username: string; displayName: string; roles: ActorRole[] };
