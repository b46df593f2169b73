import {
  type BulkEntry,
  bulkFormName,
  bulkRowOf,
  evaluate,
  findRuleSet,
  summarizeEvaluation,
  unknownRuleSetMessage,
} from '@jixiao/core';
import { notASelfEvaluation, readReport } from '@jixiao/ingest';

const fileFailure = (file: string, code: string, reason: string): BulkEntry[] => [
  { ok: false, failure: { file, formIndex: null, code, reason } },
];

/**
 * Reads, scores and audits every form of one report file for a bulk run (a department's 决算 disclosure holds
 * one 自评表 per project): one entry per form, a form that is not a self-evaluation refused with
 * NOT_A_SELF_EVALUATION naming what it is. Never throws: a file that cannot be read (or a reader that fails
 * unexpectedly) becomes one failure of the whole file, so one bad file never stops the run.
 */
export const auditReportBytes = async (file: string, bytes: Uint8Array, ruleSetId: string): Promise<BulkEntry[]> => {
  const ruleSet = findRuleSet(ruleSetId);
  // A bulk run never throws for one file: the unknown rule set becomes this file's failure, worded as requireRuleSet words it.
  if (!ruleSet) return fileFailure(file, 'UNKNOWN_RULE_SET', unknownRuleSetMessage(ruleSetId));
  try {
    const imported = await readReport({ bytes, fileName: file });
    if (!imported.ok) return fileFailure(file, imported.error.code, imported.error.message);
    return imported.reports.map((report, position): BulkEntry => {
      const formIndex = position + 1;
      const name = bulkFormName(file, formIndex);
      const refusal = notASelfEvaluation(report, name);
      if (refusal) return { ok: false, failure: { file, formIndex, code: refusal.code, reason: refusal.message } };
      const { form, format } = report;
      return {
        ok: true,
        row: bulkRowOf(summarizeEvaluation(form, evaluate(form, ruleSet), name), file, formIndex, format, form),
      };
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fileFailure(file, 'INTERNAL', `${file}：处理失败（${reason.slice(0, 200)}）`);
  }
};
