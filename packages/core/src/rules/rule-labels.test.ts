import { describe, expect, it } from 'vitest';
import { generateForm } from '../../testing/generate-form.ts';
import { scoreForm } from '../score/evaluate.ts';
import { RULE_NAMES, ruleNameOf, ruleSetNameOf } from './rule-labels.ts';
import { listRuleSets } from './rule-sets.ts';

describe('ruleNameOf', () => {
  it('names a rule, a combined rule and an unknown one in words', () => {
    expect(ruleNameOf('QUANT-POS-1')).toBe('正向定量指标计分');
    expect(ruleNameOf('QUANT-NEG-1+QUANT-DEV-1')).toBe('反向定量指标计分，超额完成扣分');
    expect(ruleNameOf('QUANT-FUTURE-9')).toBe('评分规则');
  });

  it('has a name for every rule the engine explains with, under every rule set', () => {
    const emitted = new Set<string>();
    for (const ruleSet of listRuleSets()) {
      for (let seed = 0; seed < 150; seed += 1) {
        const scored = scoreForm(generateForm(seed), ruleSet);
        const explanations = [
          scored.execution.explanation,
          ...scored.indicators.map((indicator) => indicator.explanation),
          ...(scored.cap ? [scored.cap.explanation] : []),
        ];
        for (const explanation of explanations) emitted.add(explanation.rule);
      }
    }
    expect(emitted.size).toBeGreaterThan(5);
    const unnamed = [...emitted].filter((rule) => !rule.split('+').every((part) => Object.hasOwn(RULE_NAMES, part)));
    expect(unnamed).toEqual([]);
  });
});

describe('ruleSetNameOf', () => {
  it('names the rule set and the version in words', () => {
    expect(ruleSetNameOf('national-2020@1.0.0')).toBe('财政部《项目支出绩效评价管理办法》（财预〔2020〕10号）1.0.0 版');
    expect(ruleSetNameOf('retired-2019@2.1.0')).toBe('评分规则集2.1.0 版');
  });

  it('never shows an internal id in any rule set’s name', () => {
    for (const ruleSet of listRuleSets()) {
      expect(ruleSetNameOf(`${ruleSet.id}@${ruleSet.version}`)).not.toMatch(/[a-z]+-\d{4}|@/u);
    }
  });
});
