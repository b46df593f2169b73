import { safeText } from '@jixiao/core';
import { BULK_SUMMARY_KINDS } from '@jixiao/services';
import { z } from 'zod';

/** The zip travels as base64 inside JSON, like an import: one body format, and the route's body limit covers it. */
export const startBody = z.strictObject({
  fileName: safeText().min(1).max(255),
  contentBase64: safeText()
    .min(1)
    .regex(/^[A-Za-z0-9+/=\r\n]+$/, '必须是 base64 编码'),
  ruleSetId: safeText().min(1).max(64).optional(),
});

export const jobParams = z.strictObject({ id: z.uuid('任务编号格式不正确') });

export const summaryParams = z.strictObject({
  id: z.uuid('任务编号格式不正确'),
  kind: z.enum(BULK_SUMMARY_KINDS, { message: `文件类型应为 ${BULK_SUMMARY_KINDS.join('、')} 之一` }),
});
