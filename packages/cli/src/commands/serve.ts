import { fileURLToPath } from 'node:url';
import { AppError, ROLE_LABELS } from '@jixiao/core';
import { parseSwitch, parseTrustProxy, startServer } from '@jixiao/server';
import { DEMO_LOGINS } from '@jixiao/services';
import type { Command } from 'commander';
import { envVar } from './database-options.ts';

type ServeOptions = {
  port: string;
  host: string;
  data?: string;
  demo?: boolean;
  secureCookies?: boolean;
  trustProxy?: string;
};

/** The seed report shipped in the repository; the demo district's published 2022 evaluation. */
export const DEMO_SEED_FILE = fileURLToPath(new URL('../../../../fixtures/seed/kaifu-2022.txt', import.meta.url));

/** `jixiao serve [--port N] [--data DIR] [--demo]`: migrate, optionally load demo data, listen. */
export const registerServeCommand = (program: Command): void => {
  program
    .command('serve')
    .description('启动 Web 服务与 API（设置 DATABASE_URL 时使用 PostgreSQL，DATABASE_READ_URL 为其只读副本）')
    .option('--port <n>', '端口', envVar('PORT') ?? '3000')
    .option('--host <host>', '监听地址', '127.0.0.1')
    .option('--data <dir>', '内嵌数据库目录（默认 JIXIAO_DATA_DIR 或 ./data）')
    .option('--demo', '数据库为空时载入演示数据（开福区财政局、部门、单位与各状态的自评）')
    .option(
      '--secure-cookies',
      '仅经 HTTPS 发送会话 Cookie（Secure；TLS 之后部署时开启；或 JIXIAO_SECURE_COOKIES=true）',
    )
    .option(
      '--trust-proxy <value>',
      '信任的反向代理：true、跳数，或以逗号分隔的地址与网段；客户端地址取自其 X-Forwarded-For（或 JIXIAO_TRUST_PROXY）',
    )
    .action(async (options: ServeOptions) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65_535)
        throw new AppError('VALIDATION_FAILED', `端口“${options.port}”无效`);
      const running = await startServer({
        port,
        host: options.host,
        dataDir: options.data,
        databaseUrl: envVar('DATABASE_URL'),
        readReplicaUrl: envVar('DATABASE_READ_URL'),
        demoSeedFile: options.demo ? DEMO_SEED_FILE : undefined,
        deployment: {
          cookieSecure: options.secureCookies ?? parseSwitch('JIXIAO_SECURE_COOKIES', envVar('JIXIAO_SECURE_COOKIES')),
          trustProxy: parseTrustProxy(options.trustProxy ?? envVar('JIXIAO_TRUST_PROXY') ?? 'false'),
          feedbackKey: envVar('JIXIAO_FEEDBACK_KEY'),
        },
      });
      process.stdout.write(
        `Jixiao 已启动：${running.url}（数据库：${running.database.kind} ${running.database.location}）\n`,
      );
      if (running.database.replica)
        process.stdout.write(`只读副本：${running.database.replica.location}（公开页与开放数据从此读取）\n`);
      process.stdout.write(`API 文档：${running.url}/api/docs\n`);
      if (options.demo) {
        if (running.demo?.loaded) process.stdout.write(`已载入演示数据（${running.demo.evaluations} 份自评）。\n`);
        process.stdout.write('演示账号：\n');
        for (const login of DEMO_LOGINS) {
          process.stdout.write(
            `  ${login.username.padEnd(20)} ${login.password}  ${ROLE_LABELS[login.role]} · ${login.organization}\n`,
          );
        }
      }
      const stop = async () => {
        await running.app.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
};
