import type { OrganizationItem } from '../api/types.ts';

export type OrganizationNode = OrganizationItem & { children?: OrganizationNode[] };

/**
 * The flat list GET /api/organizations answers, as the tree it describes, each level in name order. An
 * organisation whose parent is not in the list (an admin of a department sees no bureau) is a root.
 */
export const organizationTree = (items: readonly OrganizationItem[]): OrganizationNode[] => {
  const ids = new Set(items.map((item) => item.id));
  const childrenOf = new Map<string | null, OrganizationItem[]>();
  for (const item of items) {
    const parent = item.parentId !== null && ids.has(item.parentId) ? item.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), item]);
  }
  const build = (parent: string | null): OrganizationNode[] =>
    [...(childrenOf.get(parent) ?? [])]
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
      .map((item) => {
        const children = build(item.id);
        return children.length > 0 ? { ...item, children } : { ...item };
      });
  return build(null);
};
