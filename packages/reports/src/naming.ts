import type { EvaluationForm } from '@jixiao/core';

export type DocumentKind = 'report' | 'table';

const clean = (text: string): string => text.replace(/[\\/:*?"<>|\r\n\t]+/gu, '').trim();

/**
 * The names people give these files, led by the unit so that downloads of several units do not collide:
 * 开福区城市房屋征收和补偿管理办公室_2022年度征收工作经费项目支出绩效自评报告.docx / …自评表.xlsx. The unit is the
 * system's (`unitName`) where the caller knows it, else the one the form states.
 */
export const documentFileName = (
  form: EvaluationForm,
  kind: DocumentKind,
  extension: 'docx' | 'xlsx' | 'pdf' | 'html',
  unitName?: string,
): string => {
  const unit = clean(unitName ?? '') || clean(form.implementingUnit) || clean(form.department);
  const year = form.fiscalYear ? `${form.fiscalYear}年度` : '';
  const project = clean(form.projectName) || '未命名项目';
  return `${unit ? `${unit}_` : ''}${year}${project}项目支出绩效${kind === 'report' ? '自评报告' : '自评表'}.${extension}`;
};

/** RFC 6266 / 5987: an ASCII fallback for old clients and the UTF-8 name for everyone else. */
export const contentDisposition = (fileName: string): string => {
  const extension = fileName.match(/\.[a-z0-9]+$/iu)?.[0] ?? '';
  const ascii = fileName
    .replace(/[^\x20-\x7e]/gu, '')
    .replace(/["\\]/gu, '')
    .replace(/^[\s_-]+/u, '')
    .trim();
  const fallback = ascii.length > extension.length ? ascii : `report${extension}`;
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/gu,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
};
