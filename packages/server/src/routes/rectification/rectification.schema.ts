import { RECTIFICATION_SOURCE_KINDS, RECTIFICATION_STATUSES, safeText } from '@jixiao/core';
import { z } from 'zod';
import { pagingQuery } from '../../http/common.schema.ts';
import { uploadedFile } from '../evidence/evidence.schema.ts';

export const listRectificationQuery = z.strictObject({
  organizationId: z.uuid().optional(),
  status: z.enum(RECTIFICATION_STATUSES).optional(),
  /** "true": only items past their deadline and not closed. */
  overdue: z.enum(['true', 'false']).optional(),
  evaluationId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  ...pagingQuery,
});

export const createRectificationBody = z.strictObject({
  evaluationId: z.uuid(),
  sourceKind: z.enum(RECTIFICATION_SOURCE_KINDS),
  sourceText: safeText().max(4000).optional(),
  sourceRef: safeText().max(200).optional(),
  description: safeText().min(1).max(2000),
  measure: safeText().max(4000).optional(),
  deadline: safeText().regex(/^\d{4}-\d{2}-\d{2}$/u, '日期格式应为 YYYY-MM-DD'),
});

export const stepRectificationBody = z.strictObject({
  reason: safeText().max(2000).optional(),
  progressNote: safeText().max(4000).optional(),
  expectedVersion: z.number().int().min(1).optional(),
});

/** A reviewer rewords an item or moves its deadline, saying why. */
export const reviseRectificationBody = z.strictObject({
  reason: safeText().min(1).max(2000),
  description: safeText().min(1).max(2000).optional(),
  measure: safeText().max(4000).optional(),
  deadline: safeText()
    .regex(/^\d{4}-\d{2}-\d{2}$/u, '日期格式应为 YYYY-MM-DD')
    .optional(),
  expectedVersion: z.number().int().min(1).optional(),
});

/** 撤销 of an item registered by mistake: the reason is required. */
export const cancelRectificationBody = z.strictObject({
  reason: safeText().min(1).max(2000),
  expectedVersion: z.number().int().min(1).optional(),
});

export const RECTIFICATION_STEP_ACTIONS = ['start', 'update', 'submit', 'return', 'close'] as const;

export const rectificationEvidenceBody = uploadedFile;
