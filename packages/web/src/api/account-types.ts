import type { PasswordChangeReason, RoleName } from './types.ts';

/** An account as GET /api/users lists it (services/accounts/list-users.ts). */
export type UserItem = {
  id: string;
  username: string;
  displayName: string;
  disabled: boolean;
  disabledAt: string | null;
  lockedUntil: string | null;
  passwordChangedAt: string;
  passwordExpiresAt: string;
  passwordChangeRequired: PasswordChangeReason | null;
  createdAt: string;
  roles: { organizationId: string; role: RoleName }[];
};

export type CreatedUser = {
  id: string;
  username: string;
  displayName: string;
  roles: { organizationId: string; role: RoleName }[];
  temporaryPassword?: string;
};

export type PasswordReset = { userId: string; username: string; temporaryPassword: string; revokedSessions: number };
