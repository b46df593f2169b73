// The account answers of /api/users; the administrator's chunks only.
export type { CreatedUser, PasswordReset, UserView as UserItem } from '@jixiao/core';
