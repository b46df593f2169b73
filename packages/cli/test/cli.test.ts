import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'packages/cli/bin/jixiao.mjs');
const seed = join(root, 'fixtures/seed/kaifu-2022.txt');

type Outcome = { code: number; stdout: string; stderr: string };

const jixiao = async (...args: string[]): Promise<Outcome> => {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
};

describe('jixiao audit / score', () => {
  it('audits the seed report as rules.md §9 works it through (--json)', async () => {
    const { code, stdout } = await jixiao('audit', seed, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({
      file: seed,
      projectName: '征收工作经费',
      department: '开福区城市房屋征收和补偿管理办公室',
      year: 2022,
      ruleSet: 'national-2020@1.0.0',
      funds: { initialBudget: 38, adjustedBudget: null, executed: 27.75, unit: '万元' },
      executionRate: 73.03,
      executionScore: 7.3,
      statedTotal: 100,
      recomputedTotal: 97.3,
      totalScore: 97.3,
      grade: '优',
    });
    const codes = report.findings.map((finding: { code: string }) => finding.code);
    for (const expected of [
      'TOTAL_MISMATCH',
      'TARGET_MISSING',
      'LOW_EXECUTION',
      'ADJUSTED_BUDGET_BLANK',
      'IMPLEMENTING_UNIT_BLANK',
      'PLACEHOLDER_ROWS',
      'STAFF_OVER_ESTABLISHMENT',
      'QUALITATIVE_ONLY_OUTCOME',
      'TYPO_SUSPECT',
    ]) {
      expect(codes).toContain(expected);
    }
    for (const forbidden of [
      'SCORE_ABOVE_WEIGHT',
      'WEIGHTS_NOT_100',
      'LEVEL_WEIGHT_MISMATCH',
      'EXEC_SCORE_MISMATCH',
      'EXEC_RATE_MISMATCH',
      'NARRATIVE_TABLE_MISMATCH',
      'OVER_ACHIEVEMENT',
      'COST_INDICATOR_MISSING',
    ]) {
      expect(codes).not.toContain(forbidden);
    }
    expect(report.indicators).toHaveLength(13);
    for (const indicator of report.indicators) {
      expect(Object.keys(indicator)).toEqual(
        expect.arrayContaining([
          'level1',
          'level2',
          'name',
          'target',
          'actual',
          'weight',
          'statedScore',
          'score',
          'explanation',
        ]),
      );
    }
    for (const finding of report.findings)
      expect(Object.keys(finding)).toEqual(expect.arrayContaining(['code', 'severity', 'message', 'where']));
  });

  it('applies the execution cap under yitihua-2022 and says why', async () => {
    const { code, stdout } = await jixiao('score', seed, '--rules', 'yitihua-2022', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.totalScore).toBe(89);
    expect(report.grade).toBe('良');
    const cap = report.findings.find((finding: { code: string }) => finding.code === 'EXECUTION_CAP_APPLIED');
    expect(cap.message).toContain('73.03%');
  });

  it('prints a readable Chinese report', async () => {
    const { code, stdout } = await jixiao('score', seed);
    expect(code).toBe(0);
    expect(stdout).toContain('征收工作经费');
    expect(stdout).toContain('预算执行率 73.03%');
    expect(stdout).toContain('复核总分：97.30');
    expect(stdout).toContain('等级：优');
    expect(stdout).toContain('TOTAL_MISMATCH');
    expect(stdout).toContain('[QUANT-COMPOUND-1]');
  });

  it('gives an array for several files and exit 1 with the reason when one cannot be read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jixiao-cli-'));
    const empty = join(dir, 'empty.txt');
    await writeFile(empty, '');
    const { code, stdout, stderr } = await jixiao('audit', seed, empty, join(dir, 'missing.txt'), '--json');
    expect(code).toBe(1);
    const reports = JSON.parse(stdout);
    expect(Array.isArray(reports)).toBe(true);
    expect(reports).toHaveLength(1);
    expect(stderr).toContain('empty.txt');
    expect(stderr).toContain('文件为空');
    expect(stderr).toContain('missing.txt');
    expect(stderr).toContain('文件不存在');
  });

  it('rejects an unknown rule set with a clear message', async () => {
    const { code, stderr } = await jixiao('audit', seed, '--rules', 'mars-2099');
    expect(code).toBe(1);
    expect(stderr).toContain('未知的评分规则集“mars-2099”');
  });
});
