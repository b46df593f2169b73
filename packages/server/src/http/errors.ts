import { AppError, ERROR_CODES, type ErrorCode, isAppError } from '@jixiao/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

export type ErrorBody = { error: { code: ErrorCode; message: string; fields?: Record<string, string> } };

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

/** The one error handler: AppError codes → status; validation → 400 per field; anything else → 500 without internals. */
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
    const fields = appError.details['fields'];
    const body: ErrorBody = {
      error: {
        code: appError.code,
        message: appError.message,
        ...(fields && typeof fields === 'object' ? { fields: fields as Record<string, string> } : {}),
      },
    };
    // BUSY sheds load on purpose (the caller is told when to come back); other 5xx are faults.
    if (appError.code === 'BUSY') request.log.warn({ code: appError.code, url: request.url }, appError.message);
    else if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    const retryAfter = appError.details['retryAfterSeconds'];
    if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
    return reply.status(appError.status).send(body);
  }
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    const code: ErrorCode = error.statusCode === 429 ? 'RATE_LIMITED' : 'VALIDATION_FAILED';
    return reply
      .status(error.statusCode)
      .send({ error: { code, message: ERROR_CODES[code].message } } satisfies ErrorBody);
  }
  request.log.error({ err: error }, 'unexpected error');
  return reply
    .status(500)
    .send({ error: { code: 'INTERNAL', message: ERROR_CODES.INTERNAL.message } } satisfies ErrorBody);
};

export const notFoundHandler = (_request: FastifyRequest, reply: FastifyReply): FastifyReply =>
  reply.status(404).send({ error: { code: 'NOT_FOUND', message: '接口不存在' } } satisfies ErrorBody);
