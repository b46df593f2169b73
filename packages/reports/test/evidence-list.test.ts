import { evaluate, requireRuleSet } from '@jixiao/core';
import { generateForm } from '@jixiao/core/testing';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../src/index.ts';

const form = { ...generateForm(3), fiscalYear: 2023, projectName: '佐证材料清单测试' };
const result = evaluate(form, requireRuleSet('national-2020'));
const documentXml = (bytes: Uint8Array): string => strFromU8(unzipSync(bytes)['word/document.xml'] ?? new Uint8Array());

describe('the Word report lists the evaluation’s evidence files', () => {
  it('adds 附件：佐证材料清单 with the indicator, file name, size and hash prefix of each file', async () => {
    const xml = documentXml(
      await renderDocx(form, result, {
        evidence: [
          {
            indicatorName: '征收完成率',
            fileName: '验收单.pdf',
            sizeBytes: 36_045,
            sha256: `ab12cd34ef56${'0'.repeat(52)}`,
          },
          { indicatorName: '群众满意度', fileName: '问卷<汇总>.xlsx', sizeBytes: 812, sha256: 'f'.repeat(64) },
        ],
      }),
    );
    expect(xml).toContain('附件：佐证材料清单');
    for (const text of ['征收完成率', '验收单.pdf', '35.2 KB', 'ab12cd34ef56', '群众满意度', '812 B', 'ffffffffffff'])
      expect(xml).toContain(text);
    // The name is written as text, escaped, not as markup.
    expect(xml).toContain('问卷&lt;汇总&gt;.xlsx');
    expect(xml).not.toContain('f'.repeat(13));
  });

  it('adds nothing when there is no evidence', async () => {
    expect(documentXml(await renderDocx(form, result))).not.toContain('附件：佐证材料清单');
  });
});
