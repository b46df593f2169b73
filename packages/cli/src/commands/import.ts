import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  createServiceContext,
  findActorByUsername,
  findOrganizationNamed,
  importFileIntoDraft,
} from '@jixiao/services';
import type { Command } from 'commander';
import { type DatabaseCliOptions, withDatabase } from './database-options.ts';

type ImportOptions = DatabaseCliOptions & { org: string; as: string; rules?: string; otherUnit?: boolean };

/** `jixiao import FILE --org NAME --as USERNAME`: the same use case as the web import, acting as that user. */
export const registerImportCommand = (program: Command): void => {
  program
    .command('import')
    .description('把自评报告文件导入为预算单位的自评草稿')
    .argument('<file>', '自评报告文件')
    .requiredOption('--org <name>', '预算单位名称')
    .requiredOption('--as <username>', '以哪位填报用户的身份导入')
    .option('--rules <id>', '评分规则集')
    .option('--other-unit', '文件中的实施单位、主管部门与 --org 不符时仍然导入（确认是本单位的自评表）')
    .option('--data <dir>', '内嵌数据库目录')
    .action(async (file: string, options: ImportOptions) => {
      const bytes = new Uint8Array(readFileSync(file));
      await withDatabase(options, async (handle) => {
        const ctx = createServiceContext(handle.db);
        const organization = await findOrganizationNamed(ctx, options.org);
        const actor = await findActorByUsername(ctx, options.as);
        const result = await importFileIntoDraft(ctx, actor, {
          organizationId: organization.id,
          fileName: basename(file),
          bytes,
          ruleSetId: options.rules,
          confirmUnitMismatch: options.otherUnit === true,
        });
        process.stdout.write(
          `已导入 ${result.evaluation.projectName}（${result.evaluation.fiscalYear} 年度），总分 ${result.evaluation.totalScore ?? '—'}，编号 ${result.evaluation.id}\n`,
        );
        for (const warning of result.warnings) process.stdout.write(`提示：${warning.message}（${warning.where}）\n`);
      });
    });
};
