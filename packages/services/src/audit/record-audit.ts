import { type AuditEntry, appendAuditEntry, type Db } from '@jixiao/db';
import type { ServiceContext } from '../context.ts';

/** Writes one audit entry in the caller's transaction, so the entry and the change commit together. */
export const recordAudit = async (ctx: ServiceContext, trx: Db, entry: AuditEntry): Promise<void> => {
  await appendAuditEntry(trx, entry, ctx.now());
};
