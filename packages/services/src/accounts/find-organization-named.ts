import { AppError } from '@jixiao/core';
import { findOrganizationByName, type Organization } from '@jixiao/db';
import type { ServiceContext } from '../context.ts';

/** The organization of that exact name, for the CLI naming one on its command line; NOT_FOUND otherwise. */
export const findOrganizationNamed = async (ctx: ServiceContext, name: string): Promise<Organization> => {
  const organization = await findOrganizationByName(ctx.db, name);
  if (!organization) throw new AppError('NOT_FOUND', `单位“${name}”不存在`);
  return organization;
};
