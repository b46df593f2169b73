import {
  ORGANIZATION_KIND_LABELS,
  ORGANIZATION_KINDS,
  type OrganizationKind,
  ROLE_ORGANIZATION_KINDS,
  ROLES,
  type Role,
} from '@jixiao/core';
import type { OrganizationItem } from '../api/types.ts';

const kindOf = (organization: Pick<OrganizationItem, 'kind'>): OrganizationKind | undefined =>
  ORGANIZATION_KINDS.find((kind) => kind === organization.kind);

/** The roles that may be granted on an organisation of its kind (the server checks the same table). */
export const grantableRoles = (organization: Pick<OrganizationItem, 'kind'>): Role[] => {
  const kind = kindOf(organization);
  return kind ? ROLES.filter((role) => ROLE_ORGANIZATION_KINDS[role].includes(kind)) : [];
};

/** "主管部门"; a kind this version does not know is shown as it is. */
export const kindLabel = (kind: string): string => {
  const known = kindOf({ kind });
  return known ? ORGANIZATION_KIND_LABELS[known] : kind;
};

/** "开福区教育局（主管部门）". */
export const organizationLabel = (organization: Pick<OrganizationItem, 'name' | 'kind'>): string =>
  kindOf(organization) ? `${organization.name}（${kindLabel(organization.kind)}）` : organization.name;
