import type { DeclarationDocumentInput } from './declaration-layout.ts';
import type { MonitoringDocumentInput } from './monitoring-layout.ts';

const clean = (text: string): string => text.replace(/[\\/:*?"<>|\r\n\t]+/gu, '').trim();

/**
 * 北京大学_2025年度校园足球项目支出绩效目标申报表（第2版）.xlsx: the unit first, as documentFileName does, so the
 * downloads of many units do not collide; a revision after the first says which.
 */
export const declarationFileName = (
  input: DeclarationDocumentInput,
  extension: 'xlsx' | 'pdf' | 'html' = 'xlsx',
): string => {
  const { form } = input;
  const unit = clean(input.organizationName) || clean(form.implementingUnit) || clean(form.department);
  const year = form.fiscalYear ? `${form.fiscalYear}年度` : '';
  const project = clean(form.projectName) || '未命名项目';
  const revision = input.revisionNo > 1 ? `（第${input.revisionNo}版）` : '';
  return `${unit ? `${unit}_` : ''}${year}${project}项目支出绩效目标申报表${revision}.${extension}`;
};

/** 北京大学_2019年度校园足球项目支出绩效目标执行监控表（截至2019-07-31）.xlsx */
export const monitoringFileName = (
  input: MonitoringDocumentInput,
  extension: 'xlsx' | 'pdf' | 'html' = 'xlsx',
): string => {
  const { report } = input;
  const unit = clean(input.organizationName) || clean(report.implementingUnit) || clean(report.department);
  const year = report.fiscalYear ? `${report.fiscalYear}年度` : '';
  const project = clean(report.projectName) || '未命名项目';
  const asOf = /^\d{4}-\d{2}-\d{2}$/u.test(report.asOf) ? `（截至${report.asOf}）` : '';
  return `${unit ? `${unit}_` : ''}${year}${project}项目支出绩效目标执行监控表${asOf}.${extension}`;
};
