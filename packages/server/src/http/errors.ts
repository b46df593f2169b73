import { AppError, ERROR_CODES, type ErrorCode, isAppError } from '@jixiao/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

export type ErrorBody = {
  error: {
    code: ErrorCode;
    message: string;
    fields?: Record<string, string>;
    /** What a client needs to offer a way forward (the existing record of a duplicate, the names that differ). */
    context?: Record<string, unknown>;
    requestId?: string;
  };
};

const fieldPath = (instancePath: string, params: unknown): string => {
  const base = instancePath.replace(/^\//, '').replaceAll('/', '.');
  const missing = (params as { issue?: { keys?: string[] } } | undefined)?.issue?.keys;
  return missing && missing.length > 0 ? [base, ...missing].filter(Boolean).join('.') : base;
};

/** Fastify's own 4xx errors (bad JSON, oversize body, wrong content type) in our vocabulary. */
const frameworkError = (error: FastifyError): AppError | undefined => {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('INVALID_JSON', '请求体不是有效的 JSON');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('FILE_TOO_LARGE', '请求体过大');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_FORMAT', '不支持的请求内容类型');
    default:
      if (error instanceof SyntaxError && error.statusCode === 400)
        return new AppError('INVALID_JSON', '请求体不是有效的 JSON');
      return undefined;
  }
};

/**
 * A 5xx is our fault, and whatever text came with it (a reader's exception, a query, a path) is for us: the body
 * carries only the code's fixed Chinese message and the request id, the log carries the detail under that id.
 */
const serverFault = (
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  status: number,
  error: unknown,
): FastifyReply => {
  // BUSY sheds load on purpose (the caller is told when to come back); other 5xx are faults.
  if (code === 'BUSY') request.log.warn({ code, url: request.url }, error instanceof Error ? error.message : code);
  else request.log.error({ err: error, code }, 'request failed');
  return reply
    .status(status)
    .send({ error: { code, message: ERROR_CODES[code].message, requestId: request.id } } satisfies ErrorBody);
};

/** The one error handler: AppError codes → status; validation → 400 per field; any 5xx → no internals. */
export const errorHandler = (error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply => {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields: Record<string, string> = {};
    for (const issue of error.validation) {
      const where = [error.validationContext, fieldPath(issue.instancePath, issue.params)].filter(Boolean).join('.');
      fields[where || '(root)'] ??= issue.message ?? '格式不正确';
    }
    const body: ErrorBody = {
      error: {
        code: 'VALIDATION_FAILED',
        message: `${ERROR_CODES.VALIDATION_FAILED.message}：${Object.entries(fields)
          .map(([key, text]) => `${key} ${text}`)
          .join('；')}`,
        fields,
      },
    };
    return reply.status(400).send(body);
  }
  const appError = isAppError(error) ? error : frameworkError(error);
  if (appError) {
    const retryAfter = appError.details['retryAfterSeconds'];
    if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
    if (appError.status >= 500) return serverFault(request, reply, appError.code, appError.status, error);
    const fields = appError.details['fields'];
    const context = appError.details['context'];
    const body: ErrorBody = {
      error: {
        code: appError.code,
        message: appError.message,
        ...(fields && typeof fields === 'object' ? { fields: fields as Record<string, string> } : {}),
        ...(context && typeof context === 'object' ? { context: context as Record<string, unknown> } : {}),
      },
    };
    return reply.status(appError.status).send(body);
  }
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    const code: ErrorCode = error.statusCode === 429 ? 'RATE_LIMITED' : 'VALIDATION_FAILED';
    return reply
      .status(error.statusCode)
      .send({ error: { code, message: ERROR_CODES[code].message } } satisfies ErrorBody);
  }
  return serverFault(request, reply, 'INTERNAL', 500, error);
};

export const notFoundHandler = (_request: FastifyRequest, reply: FastifyReply): FastifyReply =>
  reply.status(404).send({ error: { code: 'NOT_FOUND', message: '接口不存在' } } satisfies ErrorBody);
