import { AppError, evaluationFormSchema } from '@jixiao/core';
import { decodeText } from '../text/decode.ts';
import type { ReportReader } from '../types.ts';

const MAX_JSON_BYTES = 10 * 1024 * 1024;

const pathOf = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    '',
  );

/** Where JSON.parse stopped, as 第 N 行第 M 列, from the position V8 reports. */
const positionOf = (text: string, message: string): string => {
  const at = Number(message.match(/position (\d+)/u)?.[1]);
  if (!Number.isFinite(at)) return '';
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return `（第 ${line} 行第 ${at - before.lastIndexOf('\n')} 列）`;
};

/** The project's own format: an EvaluationForm, or `{ "form": … }` as the API exports it. */
export const jsonReader: ReportReader = {
  format: 'json',
  sniff: (_bytes, fileName) => /\.json$/iu.test(fileName),
  read: async ({ bytes, fileName }) => {
    if (bytes.byteLength > MAX_JSON_BYTES)
      return { ok: false, error: new AppError('FILE_TOO_LARGE', `${fileName}：JSON 文件超过 10 MB`) };
    const decoded = decodeText(bytes, fileName);
    if (!decoded.ok) return decoded;
    let data: unknown;
    try {
      data = JSON.parse(decoded.text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        error: new AppError('INVALID_JSON', `${fileName}：JSON 格式错误${positionOf(decoded.text, message)}`),
      };
    }
    const candidate =
      data !== null && typeof data === 'object' && 'form' in data ? (data as { form: unknown }).form : data;
    const parsed = evaluationFormSchema.safeParse(candidate);
    if (!parsed.success) {
      const issues = parsed.error.issues
        .slice(0, 10)
        .map((issue) => `${pathOf(issue.path) || '（根）'}：${issue.message}`);
      return {
        ok: false,
        error: new AppError('VALIDATION_FAILED', `${fileName}：不是有效的自评表 JSON：${issues.join('；')}`, {
          issues: parsed.error.issues,
        }),
      };
    }
    const report = { form: parsed.data, format: 'json' as const, warnings: decoded.warnings };
    return { ok: true, report, reports: [report] };
  },
};
