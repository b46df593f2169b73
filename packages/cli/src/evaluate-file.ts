import { readFile } from 'node:fs/promises';
import {
  AppError,
  type EvaluationSummary,
  evaluate,
  findRuleSet,
  type RuleSet,
  summarizeEvaluation,
} from '@jixiao/core';
import { readReport } from '@jixiao/ingest';

export type FileOutcome = { ok: true; summary: EvaluationSummary } | { ok: false; file: string; message: string };

export const resolveRuleSetOption = (id: string): RuleSet => {
  const ruleSet = findRuleSet(id);
  if (!ruleSet) throw new AppError('UNKNOWN_RULE_SET', `未知的评分规则集“${id}”`);
  return ruleSet;
};

/** Reads, scores and audits one file; a file that cannot be read becomes a reason, never a crash. */
export const evaluateFile = async (file: string, ruleSet: RuleSet): Promise<FileOutcome> => {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录' : `无法读取（${code ?? '未知错误'}）`;
    return { ok: false, file, message: reason };
  }
  const imported = await readReport({ bytes, fileName: file });
  if (!imported.ok) return { ok: false, file, message: imported.error.message };
  const { form } = imported.report;
  return { ok: true, summary: summarizeEvaluation(form, evaluate(form, ruleSet), file) };
};
