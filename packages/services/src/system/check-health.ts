import { pingDatabase } from '@jixiao/db';
import type { ServiceContext } from '../context.ts';
import type { ReplicaStatus } from '../replica/replica-reads.ts';

export type Health = { replica: ReplicaStatus | undefined };

/** Answers only once the primary database has answered a query; the replica's state is reported, not required. */
export const checkHealth = async (ctx: ServiceContext): Promise<Health> => {
  await pingDatabase(ctx.db);
  return { replica: ctx.replica?.status() };
};
