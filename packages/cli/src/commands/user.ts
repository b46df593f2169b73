import { readFileSync } from 'node:fs';
import { AppError, ORGANIZATION_KINDS, ROLES, type Role } from '@jixiao/core';
import {
  createOrganization,
  createServiceContext,
  createUser,
  disableUser,
  enableUser,
  findOrganizationNamed,
  findUserIdByUsername,
  resetUserPassword,
} from '@jixiao/services';
import type { Command } from 'commander';
import { type DatabaseCliOptions, envVar, withDatabase } from './database-options.ts';

type UserAddOptions = DatabaseCliOptions & { role: string; org: string; name?: string };
type OrgAddOptions = DatabaseCliOptions & { kind: string; parent?: string };

/** The password comes from JIXIAO_PASSWORD or the first line of stdin, never from argv (it would show in `ps`). */
const readPassword = (): string => {
  const fromEnv = envVar('JIXIAO_PASSWORD');
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) throw new AppError('VALIDATION_FAILED', '请通过环境变量 JIXIAO_PASSWORD 或标准输入提供密码');
  return readFileSync(0, 'utf8').split(/\r?\n/)[0] ?? '';
};

const parseRole = (role: string): Role => {
  const found = ROLES.find((candidate) => candidate === role);
  if (!found) throw new AppError('VALIDATION_FAILED', `未知角色“${role}”，可选：${ROLES.join('、')}`);
  return found;
};

/**
 * `jixiao user add USERNAME --role ROLE --org NAME`, `jixiao user disable|enable|reset-password USERNAME` and
 * `jixiao org add NAME --kind KIND [--parent NAME]`. The operator acts as the system (actor null), like at setup.
 */
export const registerUserCommand = (program: Command): void => {
  const userCommand = program.command('user').description('用户管理');
  userCommand
    .command('add')
    .description('新增用户（密码取自 JIXIAO_PASSWORD 或标准输入）')
    .argument('<username>', '用户名')
    .requiredOption('--role <role>', `角色：${ROLES.join(' | ')}`)
    .requiredOption('--org <name>', '角色所在单位的名称')
    .option('--name <displayName>', '显示名称')
    .option('--data <dir>', '内嵌数据库目录')
    .action(async (username: string, options: UserAddOptions) => {
      const role = parseRole(options.role);
      const password = readPassword();
      await withDatabase(options, async (handle) => {
        const ctx = createServiceContext(handle.db);
        const organization = await findOrganizationNamed(ctx, options.org);
        const user = await createUser(ctx, null, {
          username,
          displayName: options.name ?? username,
          password,
          roles: [{ organizationId: organization.id, role }],
        });
        process.stdout.write(`已新增用户 ${user.username}（${role} @ ${organization.name}）\n`);
      });
    });

  userCommand
    .command('disable')
    .description('停用账户（立即结束其全部会话）')
    .argument('<username>', '用户名')
    .option('--data <dir>', '内嵌数据库目录')
    .action(async (username: string, options: DatabaseCliOptions) => {
      await withDatabase(options, async (handle) => {
        const ctx = createServiceContext(handle.db);
        const disabled = await disableUser(ctx, null, await findUserIdByUsername(ctx, username));
        process.stdout.write(`已停用用户 ${username}，结束 ${disabled.revokedSessions} 个会话\n`);
      });
    });

  userCommand
    .command('enable')
    .description('启用已停用的账户')
    .argument('<username>', '用户名')
    .option('--data <dir>', '内嵌数据库目录')
    .action(async (username: string, options: DatabaseCliOptions) => {
      await withDatabase(options, async (handle) => {
        const ctx = createServiceContext(handle.db);
        await enableUser(ctx, null, await findUserIdByUsername(ctx, username));
        process.stdout.write(`已启用用户 ${username}\n`);
      });
    });

  userCommand
    .command('reset-password')
    .description('重置密码：生成临时密码（只显示这一次），用户登录后须修改')
    .argument('<username>', '用户名')
    .option('--data <dir>', '内嵌数据库目录')
    .action(async (username: string, options: DatabaseCliOptions) => {
      await withDatabase(options, async (handle) => {
        const ctx = createServiceContext(handle.db);
        const reset = await resetUserPassword(ctx, null, await findUserIdByUsername(ctx, username));
        process.stdout.write(`已重置用户 ${username} 的密码，结束 ${reset.revokedSessions} 个会话\n`);
        process.stdout.write(`临时密码（只显示这一次，登录后须修改）：${reset.temporaryPassword}\n`);
      });
    });

  program
    .command('org')
    .description('单位管理')
    .command('add')
    .description('新增单位（财政局 → 主管部门 → 预算单位）')
    .argument('<name>', '单位名称')
    .requiredOption('--kind <kind>', `类型：${ORGANIZATION_KINDS.join(' | ')}`)
    .option('--parent <name>', '上级单位名称')
    .option('--data <dir>', '内嵌数据库目录')
    .action(async (name: string, options: OrgAddOptions) => {
      const kind = ORGANIZATION_KINDS.find((candidate) => candidate === options.kind);
      if (!kind)
        throw new AppError(
          'VALIDATION_FAILED',
          `未知单位类型“${options.kind}”，可选：${ORGANIZATION_KINDS.join('、')}`,
        );
      await withDatabase(options, async (handle) => {
        const ctx = createServiceContext(handle.db);
        const parent = options.parent ? await findOrganizationNamed(ctx, options.parent) : undefined;
        const created = await createOrganization(ctx, null, {
          name,
          kind,
          parentId: parent?.id ?? null,
        });
        process.stdout.write(`已新增单位 ${created.name}\n`);
      });
    });
};
