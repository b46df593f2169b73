import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { AppError, type BulkEntry, type BulkSummary } from '@jixiao/core';
import { auditFolder, defaultJobs, type FolderProgress } from '@jixiao/services/bulk-folder';

export type AuditFolderCliOptions = { rules: string; recursive?: boolean; out?: string; jobs?: string };

const OUTPUT_KINDS = { '.xlsx': 'xlsx', '.html': 'html', '.htm': 'html', '.json': 'json' } as const;

const outputKindOf = (file: string) => {
  const kind = OUTPUT_KINDS[extname(file).toLowerCase() as keyof typeof OUTPUT_KINDS];
  if (!kind) throw new AppError('VALIDATION_FAILED', `--out 只支持 .xlsx、.html 或 .json 文件：${file}`);
  return kind;
};

const jobsOf = (value: string | undefined): number => {
  if (value === undefined) return defaultJobs();
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64)
    throw new AppError('VALIDATION_FAILED', `--jobs 应为 1–64 的整数：${value}`);
  return jobs;
};

/** One line per form (a file that could not be read: one line, formIndex null) for scripts and logs. */
const jsonLine = (entry: BulkEntry): string =>
  JSON.stringify(
    entry.ok
      ? {
          file: entry.row.file,
          formIndex: entry.row.formIndex,
          ok: true,
          projectName: entry.row.projectName,
          unit: entry.row.unit,
          statedTotal: entry.row.statedTotal,
          totalScore: entry.row.totalScore,
          grade: entry.row.grade,
          findings: entry.row.findings.map((finding) => finding.code),
        }
      : {
          file: entry.failure.file,
          formIndex: entry.failure.formIndex,
          ok: false,
          code: entry.failure.code,
          reason: entry.failure.reason,
        },
  );

const BAR_WIDTH = 30;

const progressBar = ({ done, total, file }: FolderProgress): string => {
  const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
  const name = file.length > 40 ? `…${file.slice(-39)}` : file;
  return `\r[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${done}/${total} ${name}\u001b[K`;
};

const humanSummary = (summary: BulkSummary): string => {
  const refused = summary.forms - summary.read;
  const lines = [
    `共 ${summary.files} 个文件、${summary.forms} 张表：已审核 ${summary.read} 张，不是自评表 ${refused} 张，无法读取的文件 ${summary.failed - refused} 个；有“错误”级发现 ${summary.withErrors} 张，填报总分与复核不符 ${summary.totalsDiffering} 张。`,
    `等级：${
      Object.entries(summary.byGrade)
        .map(([grade, count]) => `${grade} ${count}`)
        .join('，') || '—'
    }`,
  ];
  if (summary.byCode.length > 0) {
    lines.push('审核发现（代码：涉及表数 / 发现数）：');
    for (const count of summary.byCode) lines.push(`  ${count.code}：${count.files} / ${count.findings}`);
  }
  if (summary.failures.length > 0) {
    lines.push('无法读取或不是自评表：');
    for (const failure of summary.failures) lines.push(`  ${failure.reason}`);
  }
  return `${lines.join('\n')}\n`;
};

/**
 * `jixiao audit DIR`: every report under a folder, in worker threads. On a terminal a progress bar and a
 * summary; otherwise one JSON line per form (formIndex 1-based; null for a file that could not be read) and a
 * last line with the summary counts. Exit 1 when any file could not be read or any form is not a
 * self-evaluation (the others are still audited and written out).
 */
export const runAuditFolder = async (dir: string, options: AuditFolderCliOptions): Promise<number> => {
  const outKind = options.out ? outputKindOf(options.out) : null;
  const interactive = process.stdout.isTTY === true;
  const summary = await auditFolder({
    dir,
    recursive: options.recursive === true,
    jobs: jobsOf(options.jobs),
    ruleSetId: options.rules,
    onProgress: (progress) => {
      if (interactive) process.stderr.write(progressBar(progress));
      else for (const entry of progress.entries) process.stdout.write(`${jsonLine(entry)}\n`);
    },
  });
  if (interactive) process.stderr.write('\n');
  if (options.out && outKind) {
    // The renderers (and the PDF renderer's browser, which the reports package pulls in) only when asked for.
    const { renderBulkSummaryHtml, renderBulkSummaryXlsx } = await import('@jixiao/reports');
    const content =
      outKind === 'xlsx'
        ? await renderBulkSummaryXlsx(summary)
        : outKind === 'html'
          ? renderBulkSummaryHtml(summary)
          : `${JSON.stringify(summary, null, 2)}\n`;
    await writeFile(options.out, content);
  }
  if (interactive) {
    process.stdout.write(humanSummary(summary));
    if (options.out) process.stdout.write(`汇总已写入 ${options.out}\n`);
  } else {
    const { rows: _rows, failures: _failures, ...counts } = summary;
    process.stdout.write(`${JSON.stringify({ summary: counts })}\n`);
  }
  return summary.failed > 0 ? 1 : 0;
};
