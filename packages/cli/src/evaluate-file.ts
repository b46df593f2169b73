import { readFile } from 'node:fs/promises';
import { type EvaluationSummary, evaluate, type FormKind, type RuleSet, summarizeEvaluation } from '@jixiao/core';
import { type ImportWarning, notASelfEvaluation, readReport } from '@jixiao/ingest';

/** One form of a file as the CLI reports it: the engine's summary and what the reader found and noticed. */
export type FormSummary = EvaluationSummary & {
  /** 1-based; a file of several forms (a department's disclosure) has one summary each. */
  formIndex: number;
  formCount: number;
  formKind: FormKind;
  complete: boolean;
  warnings: ImportWarning[];
};

/** A form of the file that is not a self-evaluation (a 绩效目标申报表, a funds-only page). */
export type FormRefusal = { file: string; code: string; message: string };

export type FileOutcome =
  | { ok: true; file: string; summaries: FormSummary[]; refusals: FormRefusal[] }
  | { ok: false; file: string; code: string; message: string };

/** The name a form is reported under: the file, and after the first form the file with its index. */
export const formFileName = (file: string, index: number): string => (index === 1 ? file : `${file}#${index}`);

/**
 * Reads, scores and audits every form of one file; a file that cannot be read becomes a reason, never a crash,
 * and a form that is not a self-evaluation is refused with NOT_A_SELF_EVALUATION naming what it is.
 */
export const evaluateFile = async (file: string, ruleSet: RuleSet): Promise<FileOutcome> => {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录' : `无法读取（${code ?? '未知错误'}）`;
    return { ok: false, file, code: 'FILE_NOT_READ', message: reason };
  }
  const imported = await readReport({ bytes, fileName: file });
  if (!imported.ok) return { ok: false, file, code: imported.error.code, message: imported.error.message };
  const summaries: FormSummary[] = [];
  const refusals: FormRefusal[] = [];
  imported.reports.forEach((report, position) => {
    const name = formFileName(file, position + 1);
    const refusal = notASelfEvaluation(report, name);
    if (refusal) {
      refusals.push({ file: name, code: refusal.code, message: refusal.message });
      return;
    }
    const { form, warnings } = report;
    summaries.push({
      ...summarizeEvaluation(form, evaluate(form, ruleSet), name),
      formIndex: position + 1,
      formCount: imported.reports.length,
      formKind: form.formKind,
      complete: form.complete,
      warnings,
    });
  });
  const [first] = refusals;
  if (summaries.length === 0 && first) return { ok: false, file, code: first.code, message: first.message };
  return { ok: true, file, summaries, refusals };
};
