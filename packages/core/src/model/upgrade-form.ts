import { AppError } from '../errors.ts';
import type { EvaluationForm } from './form.ts';
import { evaluationFormSchema } from './schema.ts';

/** The format version this code writes; stored forms of any version up to it can be read. */
export const CURRENT_FORM_VERSION: EvaluationForm['formVersion'] = 1;

const pathOf = (path: readonly PropertyKey[]): string =>
  path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('') || '（根）';

const refuse = (message: string, details: Record<string, unknown> = {}): AppError =>
  new AppError('STORED_FORM_INVALID', `已保存的自评表数据无法读取：${message}`, details);

/**
 * A form as some version of Jixiao stored or exported it, brought to the current shape and checked against the
 * schema — never trusted by a cast. Each step takes one format version to the next, so an old revision, backup or
 * export reads under a newer release; a version newer than this code, or data the schema refuses, is
 * STORED_FORM_INVALID (the details name the version and the first fields at fault).
 *
 * Version 1 is the only format so far. Its forms stored before `formKind` and `complete` existed are read as
 * complete self-evaluations (the schema's defaults), which is what they were. A version 2 adds its step here:
 * `if (version === 1) raw = upgradeV1(raw)`, and the type's `formVersion` becomes 2.
 */
export const upgradeForm = (raw: unknown): EvaluationForm => {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw refuse('不是自评表对象');
  const version: unknown = (raw as { formVersion?: unknown }).formVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw refuse(`版本号（formVersion）无效：${JSON.stringify(version) ?? '缺失'}`, { formVersion: version ?? null });
  if (version > CURRENT_FORM_VERSION)
    throw refuse(`版本 ${version} 比本系统支持的版本 ${CURRENT_FORM_VERSION} 新，请升级系统`, { formVersion: version });
  const parsed = evaluationFormSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((issue) => `${pathOf(issue.path)}：${issue.message}`);
    throw refuse(issues.join('；'), { formVersion: version, issues });
  }
  return parsed.data;
};
