import { DOCUMENT_KINDS } from '@jixiao/services';
import { z } from 'zod';

export const documentParams = z.strictObject({
  id: z.string().uuid('自评编号格式不正确'),
  kind: z.enum(DOCUMENT_KINDS, { message: `文件类型应为 ${DOCUMENT_KINDS.join('、')} 之一` }),
});
