import { stat } from 'node:fs/promises';
import { DEFAULT_RULE_SET_ID, requireRuleSet } from '@jixiao/core';
import type { Command } from 'commander';
import { evaluateFile } from '../evaluate-file.ts';
import { formatHuman } from '../output/human.ts';
import type { AuditFolderCliOptions } from './audit-folder.ts';

type EvaluateOptions = { rules: string; json?: boolean };

const isDirectory = async (path: string): Promise<boolean> =>
  (await stat(path).catch(() => null))?.isDirectory() ?? false;

/**
 * `audit` and `score` share one pipeline; `audit` shows the findings first and takes many files, `score` shows
 * the indicator table with every explanation. A file of several forms gives one result per form. Exit 0 when
 * every file was read as self-evaluations, 1 when any could not be (or held another kind of form).
 */
const run = async (files: string[], options: EvaluateOptions, mode: 'audit' | 'score'): Promise<number> => {
  const ruleSet = requireRuleSet(options.rules);
  const outcomes = [];
  for (const file of files) outcomes.push(await evaluateFile(file, ruleSet));
  let failed = false;
  for (const outcome of outcomes) {
    const refusals = outcome.ok ? outcome.refusals : [outcome];
    for (const refusal of refusals) {
      failed = true;
      process.stderr.write(`${refusal.file}：无法读取（${refusal.code}）：${refusal.message}\n`);
    }
  }
  const summaries = outcomes.flatMap((outcome) => (outcome.ok ? outcome.summaries : []));
  if (options.json) {
    const payload = files.length === 1 && summaries.length === 1 ? summaries[0] : summaries;
    if (payload !== undefined) process.stdout.write(`${JSON.stringify(payload, null, 2)}\n`);
  } else {
    process.stdout.write(
      summaries
        .map((summary) => formatHuman(summary, { findingsOnly: mode === 'audit' && files.length > 1 }))
        .join('\n\n'),
    );
    if (summaries.length > 0) process.stdout.write('\n');
  }
  return failed ? 1 : 0;
};

export const registerEvaluateCommands = (program: Command, setExitCode: (code: number) => void): void => {
  program
    .command('audit')
    .description('审核自评报告：复核得分并列出审核发现')
    .argument('<files...>', '自评报告文件（.docx / .xlsx / .pdf / .txt / .md …），或一个目录（批量审核）')
    .option('--rules <id>', '评分规则集', DEFAULT_RULE_SET_ID)
    .option('--json', '输出 JSON（多个文件或多张表时为数组）')
    .option('--recursive', '批量审核时包括子目录')
    .option('--out <file>', '批量审核汇总写入 .xlsx / .html / .json 文件')
    .option('--jobs <n>', '批量审核的并行线程数（默认为 CPU 核数）')
    .action(async (files: string[], options: EvaluateOptions & AuditFolderCliOptions) => {
      const [first] = files;
      if (files.length === 1 && first !== undefined && (await isDirectory(first))) {
        // A folder audit needs the worker pool and the summary renderers; one file needs neither.
        const { runAuditFolder } = await import('./audit-folder.ts');
        setExitCode(await runAuditFolder(first, options));
      } else setExitCode(await run(files, options, 'audit'));
    });

  program
    .command('score')
    .description('按规则集为一份自评报告逐项计分并说明依据')
    .argument('<file>', '自评报告文件')
    .option('--rules <id>', '评分规则集', DEFAULT_RULE_SET_ID)
    .option('--json', '输出 JSON')
    .action(async (file: string, options: EvaluateOptions) => setExitCode(await run([file], options, 'score')));
};
