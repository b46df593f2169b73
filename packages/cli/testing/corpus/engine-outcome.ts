import type { RuleSet } from '@jixiao/core';
import { evaluateFile } from '../../src/evaluate-file.ts';
import type { EngineOutcome } from './check-case.ts';

/** The engine's outcome for a file, in the shape the checks read: the CLI's own pipeline, nothing re-done here. */
export const engineOutcome = async (file: string, ruleSet: RuleSet): Promise<EngineOutcome> => {
  const outcome = await evaluateFile(file, ruleSet);
  if (!outcome.ok) return { ok: false, code: outcome.code, message: outcome.message };
  // Refused forms are listed apart from the read ones; the first form was refused when no summary is form 1.
  const [firstRefusal] = outcome.refusals;
  const firstRefused = outcome.summaries[0]?.formIndex !== 1 && firstRefusal ? firstRefusal : null;
  return { ok: true, summaries: outcome.summaries, firstRefused };
};
