import { contentDisposition, renderResultApplicationXlsx, resultApplicationFileName } from '@jixiao/reports';
import type { Actor, ServiceContext } from '../context.ts';
import type { RenderedDocument } from '../documents/render-evaluation-document.ts';
import { getResultApplicationYear } from './get-result-application-year.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The year's 结果应用表 for the budget department (2022年度项目支出绩效评价结果应用表.xlsx). */
export const renderResultApplicationTable = async (
  ctx: ServiceContext,
  actor: Actor,
  fiscalYear: number,
): Promise<RenderedDocument> => {
  const year = await getResultApplicationYear(ctx, actor, { fiscalYear });
  const fileName = resultApplicationFileName(year.fiscalYear);
  return {
    fileName,
    contentType: XLSX,
    contentDisposition: contentDisposition(fileName),
    bytes: await renderResultApplicationXlsx(year),
  };
};
