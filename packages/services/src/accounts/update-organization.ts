import { AppError, meaningfulText, ORGANIZATION_KIND_LABELS } from '@jixiao/core';
import { findOrganizationByName, type Organization, updateOrganization } from '@jixiao/db';
import { loadOrganizationTree, requireOrganization, requireRoleOn } from '../access/organization-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { publishedChanged } from '../public/published-cache.ts';

export type { Organization } from '@jixiao/db';

export type UpdateOrganizationInput =
  | { organizationId: string; change: 'rename'; name: string }
  | { organizationId: string; change: 'stop'; reason: string }
  | { organizationId: string; change: 'resume' };

/**
 * 单位管理: an admin of the organisation's parent renames it, stops it (停用, with a reason: no new evaluations
 * or accounts in it, its records stay) or starts it again. The 财政局 itself is renamed only by the system.
 */
export const updateOrganizationSettings = async (
  ctx: ServiceContext,
  actor: Actor,
  input: UpdateOrganizationInput,
): Promise<Organization> => {
  const saved = await ctx.db.transaction().execute(async (trx) => {
    const tree = await loadOrganizationTree(trx);
    const organization = requireOrganization(tree, input.organizationId);
    if (organization.parent_id === null) throw new AppError('FORBIDDEN', '财政局只能由系统初始化时设定');
    requireRoleOn(actor, tree, organization.parent_id, 'admin');
    const now = ctx.now();
    const label = ORGANIZATION_KIND_LABELS[organization.kind];
    let patch: { name?: string; stopped_at?: Date | null };
    let reason: string | null = null;
    let details: Record<string, unknown> = {};
    switch (input.change) {
      case 'rename': {
        const name = meaningfulText(input.name);
        if (name === '') throw new AppError('VALIDATION_FAILED', '单位名称不能为空', { fields: { name: '不能为空' } });
        const existing = await findOrganizationByName(trx, name);
        if (existing && existing.id !== organization.id)
          throw new AppError('CONFLICT', `单位“${name}”已存在`, { fields: { name: `单位“${name}”已存在` } });
        patch = { name };
        details = { from: organization.name, to: name };
        break;
      }
      case 'stop':
        reason = meaningfulText(input.reason);
        if (reason === '')
          throw new AppError('VALIDATION_FAILED', `停用${label}须填写原因`, { fields: { reason: '不能为空' } });
        if (organization.stopped_at !== null) throw new AppError('INVALID_TRANSITION', `该${label}已停用`);
        patch = { stopped_at: now };
        break;
      case 'resume':
        if (organization.stopped_at === null) throw new AppError('INVALID_TRANSITION', `该${label}未停用`);
        patch = { stopped_at: null };
        break;
      default: {
        const unreachable: never = input;
        throw new Error(`unknown change ${JSON.stringify(unreachable)}`);
      }
    }
    const updated = await updateOrganization(trx, organization.id, patch);
    if (!updated) throw new AppError('NOT_FOUND', '单位不存在');
    await recordAudit(ctx, trx, {
      organizationId: organization.id,
      actorId: actor.userId,
      action: `organization.${input.change}`,
      entityType: 'organization',
      entityId: organization.id,
      reason,
      details,
    });
    return updated;
  });
  // The portal names units and 主管部门 as the tree does now: a rename shows there at once.
  if (input.change === 'rename') publishedChanged(ctx);
  return saved;
};

/** A stopped unit takes no new work: the message says which unit and why not. */
export const assertOrganizationInUse = (organization: Organization): void => {
  if (organization.stopped_at !== null)
    throw new AppError('INVALID_TRANSITION', `“${organization.name}”已停用，不能新建自评或账户；如需恢复请联系管理员`);
};
