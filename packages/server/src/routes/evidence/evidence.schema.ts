import { safeText } from '@jixiao/core';
import { z } from 'zod';

/** A file in a JSON body, as imports send it: base64, covered by the route's body limit. */
export const uploadedFile = z.strictObject({
  fileName: safeText().min(1).max(255),
  contentBase64: safeText()
    .min(1)
    .regex(/^[A-Za-z0-9+/=\r\n]+$/, '必须是 base64 编码'),
});

export const attachEvidenceBody = z.strictObject({
  indicatorName: safeText().min(1).max(500),
  ...uploadedFile.shape,
});

export const evidenceParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });

export const bytesOf = (contentBase64: string): Uint8Array => new Uint8Array(Buffer.from(contentBase64, 'base64'));
