import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const fixture = (path: string) => readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8');

/** A 绩效目标申报表: 年度指标值 and no 实际完成值, what a disclosure prints beside its 自评表 (cf. corpus a01). */
export const TARGET_DECLARATION_MD = `# 2023年度项目支出绩效目标申报表

| 项目名称 | 农村公路养护 | 主管部门 | 某县交通运输局 | 实施单位 | 某县公路事务中心 |
|---|---|---|---|---|---|

| 一级指标 | 二级指标 | 三级指标 | 年度指标值 |
|---|---|---|---|
| 产出指标 | 数量指标 | 养护农村公路里程（公里） | ≥420 |
| | 质量指标 | 优良路率 | ≥80% |
| | 时效指标 | 养护任务按时完成率 | 100% |
| 效益指标 | 社会效益指标 | 群众出行条件改善 | 明显改善 |
| 满意度指标 | 服务对象满意度指标 | 沿线群众满意度 | ≥90% |
`;

/** What the multi-form files hold, so tests can assert rows, refusals and the file and form counts. */
export const MULTI_FORM_FILES = {
  /** Two 自评表 one after another (a department's disclosure): two rows. */
  twoForms: { file: 'two-forms.md', projects: ['城乡低保资金', '义务教育学校运转经费'] },
  /** A 自评表 followed by a 绩效目标申报表: one row (form 1) and one refusal (form 2). */
  withDeclaration: { file: 'with-declaration.md', project: '城乡低保资金' },
  /** Only a 绩效目标申报表: one refusal (form 1), no row. */
  declarationOnly: { file: 'declaration-only.md' },
} as const;

export const MULTI_FORM_COUNTS = { files: 3, forms: 5, rows: 3, refusals: 2 } as const;

/** The multi-form files as name → bytes (for a zip), built from the markdown fixtures. */
export const multiFormReports = (): { name: string; bytes: Uint8Array }[] => {
  const first = fixture('markdown/weights-not-100.md');
  const second = fixture('markdown/met-target-below-weight.md');
  const text = {
    [MULTI_FORM_FILES.twoForms.file]: `${first}\n\n${second}`,
    [MULTI_FORM_FILES.withDeclaration.file]: `${first}\n\n${TARGET_DECLARATION_MD}`,
    [MULTI_FORM_FILES.declarationOnly.file]: TARGET_DECLARATION_MD,
  };
  return Object.entries(text).map(([name, content]) => ({ name, bytes: new TextEncoder().encode(content) }));
};

/** Writes the multi-form files into `dir` (which must exist). */
export const writeMultiFormReports = (dir: string): void => {
  for (const { name, bytes } of multiFormReports()) writeFileSync(join(dir, name), bytes);
};
