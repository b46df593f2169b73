import { type BulkEntry, bulkRowOf, evaluate, findRuleSet, summarizeEvaluation } from '@jixiao/core';
import { readReport } from '@jixiao/ingest';

/**
 * Reads, scores and audits one report file for a bulk run. Never throws: a file that cannot be read (or a
 * reader that fails unexpectedly) becomes a failure with its reason, so one bad file never stops the run.
 */
export const auditReportBytes = async (file: string, bytes: Uint8Array, ruleSetId: string): Promise<BulkEntry> => {
  const ruleSet = findRuleSet(ruleSetId);
  if (!ruleSet)
    return { ok: false, failure: { file, code: 'UNKNOWN_RULE_SET', reason: `未知的评分规则集“${ruleSetId}”` } };
  try {
    const imported = await readReport({ bytes, fileName: file });
    if (!imported.ok)
      return { ok: false, failure: { file, code: imported.error.code, reason: imported.error.message } };
    const { form, format } = imported.report;
    return { ok: true, row: bulkRowOf(summarizeEvaluation(form, evaluate(form, ruleSet), file), file, format) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, failure: { file, code: 'INTERNAL', reason: `${file}：处理失败（${reason.slice(0, 200)}）` } };
  }
};
