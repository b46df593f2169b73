/**
 * Engine throughput (issue 3): score + audit over N generated evaluations, against JSON.parse of the same forms
 * measured in the same run. Goal: the engine within 5× of JSON.parse's cost.
 *
 *   npx tsx bench/engine.bench.ts [N=100000]
 */
import { writeFileSync } from 'node:fs';
import { type EvaluationForm, evaluate, findRuleSet } from '@jixiao/core';
import { generateForm } from '@jixiao/core/testing';

const count = Number(process.argv[2] ?? 100_000);
const ruleSet = findRuleSet('national-2020');
if (!ruleSet) throw new Error('national-2020 missing');

const texts = Array.from({ length: count }, (_, i) => JSON.stringify(generateForm(i + 1)));
const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);

const time = (run: () => void): number => {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

let sink = 0;
const parseAll = (): EvaluationForm[] => texts.map((text) => JSON.parse(text) as EvaluationForm);
const forms = parseAll();
const evaluateAll = (): void => {
  for (const form of forms) sink += evaluate(form, ruleSet).findings.length;
};

// Warm both paths so the JIT has compiled them before timing.
for (let i = 0; i < 2; i++) {
  parseAll();
  for (const form of forms.slice(0, 5000)) evaluate(form, ruleSet);
}

const rounds = 3;
const parseMs: number[] = [];
const engineMs: number[] = [];
for (let round = 0; round < rounds; round++) {
  parseMs.push(time(() => void parseAll()));
  engineMs.push(time(evaluateAll));
}
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const parse = median(parseMs);
const engine = median(engineMs);
const result = {
  date: new Date().toISOString(),
  node: process.version,
  forms: count,
  averageFormBytes: Math.round(bytes / count),
  jsonParseMs: Math.round(parse),
  engineMs: Math.round(engine),
  jsonParseMicrosPerForm: Number(((parse * 1000) / count).toFixed(2)),
  engineMicrosPerForm: Number(((engine * 1000) / count).toFixed(2)),
  ratio: Number((engine / parse).toFixed(2)),
  findingsSeen: sink,
};
writeFileSync(new URL('./results/engine.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
