import {
  createMonitoringReport,
  createMonitoringRound,
  getMonitoringOverview,
  getMonitoringReport,
  importMonitoringFile,
  listMonitoringReports,
  listMonitoringRounds,
  MONITORING_DOCUMENT_KINDS,
  type RenderedDocument,
  renderMonitoringDocument,
  type ServiceContext,
  submitMonitoringReport,
  updateMonitoringReport,
} from '@jixiao/services';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../http/common.schema.ts';
import { actorOf } from '../../http/session.ts';
import { bytesOf } from '../evidence/evidence.schema.ts';
import {
  createMonitoringReportBody,
  createMonitoringRoundBody,
  importMonitoringBody,
  listMonitoringReportsQuery,
  listMonitoringRoundsQuery,
  monitoringOverviewQuery,
  submitMonitoringReportBody,
  updateMonitoringReportBody,
} from './monitoring.schema.ts';

const send = (reply: FastifyReply, document: RenderedDocument) =>
  reply
    .header('content-type', document.contentType)
    .header('content-disposition', document.contentDisposition)
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(document.bytes));

/** 运行监控: the bureau's monitoring dates, the units' reports on their approved declarations, the dashboard's view. */
export const monitoringRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext; bodyLimit: number }> = async (
  app,
  { ctx, bodyLimit },
) => {
  const tags = ['monitoring'];

  app.get(
    '/api/monitoring-rounds',
    { schema: { tags, summary: '监控时点列表', querystring: listMonitoringRoundsQuery } },
    async (request) => listMonitoringRounds(ctx, actorOf(request), { fiscalYear: request.query.year }),
  );

  app.post(
    '/api/monitoring-rounds',
    { schema: { tags, summary: '设置监控时点（财政局审核人员）', body: createMonitoringRoundBody } },
    async (request, reply) => reply.status(201).send(await createMonitoringRound(ctx, actorOf(request), request.body)),
  );

  app.get(
    '/api/monitoring-reports',
    {
      schema: {
        tags,
        summary: '监控表列表（按权限范围；behind=true 只列执行进度滞后的）',
        querystring: listMonitoringReportsQuery,
      },
    },
    async (request) => {
      const { year, behind, ...rest } = request.query;
      return listMonitoringReports(ctx, actorOf(request), { ...rest, fiscalYear: year, behind: behind === 'true' });
    },
  );

  app.post(
    '/api/monitoring-reports',
    { schema: { tags, summary: '按批复的绩效目标填报运行监控（单位填报人员）', body: createMonitoringReportBody } },
    async (request, reply) => reply.status(201).send(await createMonitoringReport(ctx, actorOf(request), request.body)),
  );

  app.get(
    '/api/monitoring-reports/:id',
    { schema: { tags, summary: '监控表详情', params: idParams } },
    async (request) => getMonitoringReport(ctx, actorOf(request), request.params.id),
  );

  app.put(
    '/api/monitoring-reports/:id',
    { schema: { tags, summary: '保存监控表（填报中）', params: idParams, body: updateMonitoringReportBody } },
    async (request) =>
      updateMonitoringReport(ctx, actorOf(request), {
        reportId: request.params.id,
        report: request.body.report,
        version: request.body.version,
      }),
  );

  app.post(
    '/api/monitoring-reports/:id/submit',
    {
      schema: { tags, summary: '报送监控表', params: idParams, body: submitMonitoringReportBody.optional() },
    },
    async (request) =>
      submitMonitoringReport(ctx, actorOf(request), { reportId: request.params.id, version: request.body?.version }),
  );

  app.post(
    '/api/monitoring-reports/:id/import',
    {
      bodyLimit,
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '从文件导入监控表（.xlsx / .xls / .docx）',
        params: idParams,
        body: importMonitoringBody,
      },
    },
    async (request) =>
      importMonitoringFile(ctx, actorOf(request), {
        reportId: request.params.id,
        fileName: request.body.fileName,
        bytes: bytesOf(request.body.contentBase64),
        version: request.body.version,
      }),
  );

  for (const kind of MONITORING_DOCUMENT_KINDS) {
    app.get(
      `/api/monitoring-reports/:id/document.${kind}`,
      {
        schema: {
          tags,
          summary: `下载项目支出绩效目标执行监控表（${kind === 'xlsx' ? 'Excel' : 'PDF'}）`,
          params: idParams,
        },
      },
      async (request, reply) =>
        send(reply, await renderMonitoringDocument(ctx, actorOf(request), request.params.id, kind)),
    );
  }

  app.get(
    '/api/monitoring/overview',
    { schema: { tags, summary: '运行监控概况：执行进度滞后和目标有风险的项目', querystring: monitoringOverviewQuery } },
    async (request) => getMonitoringOverview(ctx, actorOf(request), { fiscalYear: request.query.year }),
  );
};
