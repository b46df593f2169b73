import type { Basis, Explanation } from '../model/result.ts';

/** Builds the explanation every number carries (GEN-4). */
export const explain = (
  ruleSet: string,
  rule: string,
  points: number,
  basis: Basis,
  formula: string,
  text: string,
  inputs: Explanation['inputs'] = {},
): Explanation => ({ rule, ruleSet, formula, inputs, points, basis, text });
