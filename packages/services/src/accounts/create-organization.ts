import { randomUUID } from 'node:crypto';
import { AppError, meaningfulText, ORGANIZATION_KIND_LABELS, ORGANIZATION_PARENT_KINDS } from '@jixiao/core';
import { findOrganizationByName, insertOrganization, type Organization, type OrganizationKind } from '@jixiao/db';
import { loadOrganizationTree, requireOrganization, requireRoleOn } from '../access/organization-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, ServiceContext } from '../context.ts';

export type CreateOrganizationInput = {
  name: string;
  kind: OrganizationKind;
  parentId: string | null;
  code?: string | undefined;
};

/**
 * Adds an organisation under its parent (财政局 → 主管部门 → 预算单位). An admin of the parent may add it;
 * a root 财政局 can only be created by the system (actor null: CLI bootstrap and demo data).
 */
export const createOrganization = async (
  ctx: ServiceContext,
  actor: Actor | null,
  input: CreateOrganizationInput,
): Promise<Organization> =>
  ctx.db.transaction().execute(async (trx) => {
    const name = meaningfulText(input.name);
    if (name === '') throw new AppError('VALIDATION_FAILED', '单位名称不能为空', { fields: { name: '不能为空' } });
    const tree = await loadOrganizationTree(trx);
    const expectedParent = ORGANIZATION_PARENT_KINDS[input.kind];
    if (expectedParent === null) {
      if (input.parentId !== null) throw new AppError('VALIDATION_FAILED', '财政局是组织树的根，不能有上级单位');
      if (actor !== null) throw new AppError('FORBIDDEN', '只能通过命令行初始化财政局');
    } else {
      if (input.parentId === null)
        throw new AppError('VALIDATION_FAILED', `${ORGANIZATION_KIND_LABELS[input.kind]}必须指定上级单位`);
      const parent = requireOrganization(tree, input.parentId);
      if (parent.kind !== expectedParent) {
        throw new AppError(
          'VALIDATION_FAILED',
          `${ORGANIZATION_KIND_LABELS[input.kind]}的上级必须是${ORGANIZATION_KIND_LABELS[expectedParent]}`,
        );
      }
      if (actor !== null) requireRoleOn(actor, tree, parent.id, 'admin');
    }
    if (await findOrganizationByName(trx, name)) {
      throw new AppError('CONFLICT', `单位“${name}”已存在`, { fields: { name: `单位“${name}”已存在` } });
    }
    const organization = await insertOrganization(trx, {
      id: randomUUID(),
      parent_id: input.parentId,
      kind: input.kind,
      name,
      code: input.code ?? '',
      created_at: ctx.now(),
    });
    await recordAudit(ctx, trx, {
      organizationId: organization.id,
      actorId: actor?.userId ?? null,
      action: 'organization.create',
      entityType: 'organization',
      entityId: organization.id,
      details: { name, kind: input.kind, parentId: input.parentId },
    });
    return organization;
  });
