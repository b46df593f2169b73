import { monitoringReportSchema, safeText } from '@jixiao/core';
import { z } from 'zod';
import { uploadedFile } from '../evidence/evidence.schema.ts';

const year = z.coerce.number().int().min(2000).max(2100);
const isoDay = safeText().regex(/^\d{4}-\d{2}-\d{2}$/u, '日期格式应为 YYYY-MM-DD');

export const listMonitoringRoundsQuery = z.strictObject({ year: year.optional() });

export const createMonitoringRoundBody = z.strictObject({
  fiscalYear: z.number().int().min(2000).max(2100),
  asOf: isoDay,
  dueDate: isoDay,
  title: safeText().max(200).optional(),
});

export const listMonitoringReportsQuery = z.strictObject({
  year: year.optional(),
  roundId: z.uuid().optional(),
  organizationId: z.uuid().optional(),
  /** "true": only reports submitted as behind schedule. */
  behind: z.enum(['true', 'false']).optional(),
});

export const createMonitoringReportBody = z.strictObject({ roundId: z.uuid(), declarationId: z.uuid() });

export const updateMonitoringReportBody = z.strictObject({
  report: monitoringReportSchema,
  version: z.number().int().min(1),
});

export const submitMonitoringReportBody = z.strictObject({ version: z.number().int().min(1).optional() });

export const importMonitoringBody = z.strictObject({
  ...uploadedFile.shape,
  version: z.number().int().min(1).optional(),
});

export const monitoringOverviewQuery = z.strictObject({ year });
