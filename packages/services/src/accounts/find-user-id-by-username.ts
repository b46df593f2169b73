import { AppError } from '@jixiao/core';
import { findUserByUsername } from '@jixiao/db';
import type { ServiceContext } from '../context.ts';

/** The id of the account with that username, disabled or not (the operator may enable it again); NOT_FOUND otherwise. */
export const findUserIdByUsername = async (ctx: ServiceContext, username: string): Promise<string> => {
  const user = await findUserByUsername(ctx.db, username);
  if (!user) throw new AppError('NOT_FOUND', `用户“${username}”不存在`);
  return user.id;
};
