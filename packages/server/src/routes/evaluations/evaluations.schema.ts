import { EVALUATION_STATUSES, evaluationFormSchema, GRADES, safeText } from '@jixiao/core';
import { z } from 'zod';
import { pagingQuery } from '../../http/common.schema.ts';
import { findingCode } from '../findings/findings.schema.ts';

export const listQuery = z.strictObject({
  status: z.enum(EVALUATION_STATUSES).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  organizationId: z.uuid().optional(),
  /** The units under this 主管部门 (their parent organisation). */
  departmentId: z.uuid().optional(),
  /** Submitted evaluations of this reviewed grade (a draft's grade is work in progress). */
  grade: z.enum(GRADES).optional(),
  /** `1`: submitted evaluations with a low-execution finding (the dashboard's 执行率偏低). */
  lowExecution: z.literal('1').optional(),
  /** Submitted evaluations with a finding of this code (a bar of the dashboard's 审核发现（按类型）). */
  finding: findingCode.optional(),
  search: safeText().min(1).max(200).optional(),
  ...pagingQuery,
});

export const createBody = z.strictObject({
  organizationId: z.uuid(),
  ruleSetId: safeText().min(1).max(64).optional(),
  form: evaluationFormSchema,
});

export const updateBody = z.strictObject({
  expectedVersion: z.number().int().min(1),
  form: evaluationFormSchema,
});

/** Files travel as base64 inside JSON: one body format, one validator, and the body limit covers it. */
export const importBody = z.strictObject({
  organizationId: z.uuid(),
  fileName: safeText().min(1).max(255),
  contentBase64: safeText()
    .min(1)
    .regex(/^[A-Za-z0-9+/=\r\n]+$/, '必须是 base64 编码'),
  /** Ignored (accepted so that old clients keep working): the file is typed by its content. */
  mediaType: safeText().max(200).optional(),
  ruleSetId: safeText().min(1).max(64).optional(),
  /** The unit has been shown that the file names another unit and files it here all the same. */
  confirmUnitMismatch: z.boolean().optional(),
  /** Import as the next version of this existing draft (a duplicate project-year) instead of a new draft. */
  into: z.strictObject({ evaluationId: z.uuid(), expectedVersion: z.number().int().min(1) }).optional(),
});

export const diffQuery = z.strictObject({ from: z.uuid(), to: z.uuid() });

export const revisionParams = z.strictObject({ id: z.uuid(), revisionId: z.uuid() });
