import { AppError } from '@jixiao/core';
import { type AuditVerification, verifyAuditChain } from '@jixiao/db';
import type { Actor, ServiceContext } from '../context.ts';

/** Recomputes the audit log's hash chain. Admins and the finance bureau may run it; the CLI runs it as the system. */
export const verifyAuditLog = async (ctx: ServiceContext, actor: Actor | null): Promise<AuditVerification> => {
  if (actor && !actor.roles.some((grant) => grant.role === 'admin' || grant.role === 'finance_reviewer')) {
    throw new AppError('FORBIDDEN', '只有管理员或财政局可以校验审计日志');
  }
  return verifyAuditChain(ctx.db);
};
