import type { RuleSet } from '@jixiao/core';
import { evaluateFile } from '../../src/evaluate-file.ts';
import type { EngineOutcome } from './check-case.ts';

/** The engine's outcome for a file, in the shape the checks read: the CLI's own pipeline, nothing re-done here. */
export const engineOutcome = async (file: string, ruleSet: RuleSet): Promise<EngineOutcome> => {
  const outcome = await evaluateFile(file, ruleSet);
  return outcome.ok
    ? { ok: true, summaries: [{ ...outcome.summary, warnings: [] }] }
    : { ok: false, code: '', message: outcome.message };
};
