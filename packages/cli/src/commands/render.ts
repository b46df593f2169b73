import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, DEFAULT_RULE_SET_ID, evaluate, requireRuleSet } from '@jixiao/core';
import { readReport } from '@jixiao/ingest';
import { documentFileName, PdfRenderer, renderDocx, renderHtml, renderXlsx } from '@jixiao/reports';
import type { Command } from 'commander';

const FORMATS = ['docx', 'xlsx', 'pdf', 'html'] as const;
type Format = (typeof FORMATS)[number];

type RenderOptions = { format: string; out: string; rules: string; review?: boolean };

const isFormat = (value: string): value is Format => (FORMATS as readonly string[]).includes(value);

/** `jixiao render FILE --format …`: the documents people file, named as they name them. */
export const registerRenderCommand = (program: Command, setExitCode: (code: number) => void): void => {
  program
    .command('render')
    .description('生成自评报告（Word / PDF / HTML）或自评表（Excel）')
    .argument('<file>', '自评报告文件')
    .requiredOption('--format <format>', `输出格式：${FORMATS.join(' | ')}`)
    .option('--out <dir>', '输出目录', '.')
    .option('--rules <id>', '评分规则集', DEFAULT_RULE_SET_ID)
    .option('--review', '在 HTML / PDF 后附复核结果')
    .action(async (file: string, options: RenderOptions) => {
      if (!isFormat(options.format))
        throw new AppError('VALIDATION_FAILED', `不支持的输出格式“${options.format}”，可选：${FORMATS.join('、')}`);
      const ruleSet = requireRuleSet(options.rules);
      const imported = await readReport({ bytes: await readFile(file), fileName: file });
      if (!imported.ok) {
        process.stderr.write(`${file}：无法读取：${imported.error.message}\n`);
        setExitCode(1);
        return;
      }
      const { form } = imported.report;
      const result = evaluate(form, ruleSet);
      const html = () => renderHtml(form, result, { includeReview: options.review === true });
      let bytes: Uint8Array;
      switch (options.format) {
        case 'docx':
          bytes = await renderDocx(form, result);
          break;
        case 'xlsx':
          bytes = await renderXlsx(form, result);
          break;
        case 'html':
          bytes = new TextEncoder().encode(html());
          break;
        case 'pdf': {
          const renderer = new PdfRenderer();
          try {
            bytes = await renderer.render(html());
          } finally {
            await renderer.close();
          }
          break;
        }
      }
      await mkdir(options.out, { recursive: true });
      const path = join(
        options.out,
        documentFileName(form, options.format === 'xlsx' ? 'table' : 'report', options.format),
      );
      await writeFile(path, bytes);
      process.stdout.write(`${path}\n`);
    });
};
