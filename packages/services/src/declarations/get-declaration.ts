import { loadOrganizationTree } from '../access/organization-scope.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { type DeclarationView, loadDeclarationView, loadVisibleDeclaration } from './declaration-view.ts';

/** One declaration with its form, target checks, history and what the actor may do with it. */
export const getDeclaration = async (
  ctx: ServiceContext,
  actor: Actor,
  declarationId: string,
): Promise<DeclarationView> => {
  const tree = await loadOrganizationTree(ctx.db);
  const row = await loadVisibleDeclaration(ctx.db, actor, tree, declarationId);
  return loadDeclarationView(ctx.db, actor, tree, row);
};
