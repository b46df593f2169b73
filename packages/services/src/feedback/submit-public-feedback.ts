import { randomUUID } from 'node:crypto';
import type { PublicFeedbackReceipt } from '@jixiao/core';
import { AppError } from '@jixiao/core';
import {
  countFeedbackFromSource,
  findActivePublication,
  findEvaluationById,
  insertPublicFeedback,
  sql,
} from '@jixiao/db';
import { recordAudit } from '../audit/record-audit.ts';
import type { ServiceContext } from '../context.ts';
import { NOT_PUBLISHED } from '../public/get-published-evaluation.ts';
import { feedbackSourceHash } from './feedback-source.ts';
import { checkFeedbackBody, checkFeedbackContact } from './feedback-text.ts';

/** Messages one address may send in an hour over all reports, and in a day on one report. */
export const FEEDBACK_PER_HOUR = 5;
export const FEEDBACK_PER_REPORT_PER_DAY = 3;

const HOUR_MS = 60 * 60 * 1000;

export type PublicFeedbackInput = {
  evaluationId: string;
  body: string;
  contact?: string | undefined;
  /** The honeypot: a field people never see and bots fill in. */
  website?: string | undefined;
  /** The sender's address (request.ip) and the key its stored hash is made with. */
  address: string;
  sourceKey: Uint8Array;
};

/** What the sender is told: the same whether the message was kept or silently dropped as a bot's. */
export type { PublicFeedbackReceipt } from '@jixiao/core';

const RECEIPT: PublicFeedbackReceipt = { accepted: true, message: '反馈已收到，经审核后将在本页公开，感谢您的关注' };

/**
 * A member of the public comments on a published report. The text is checked (length, no control characters)
 * and stored exactly as written, held for moderation; the address is kept only as a keyed hash, to refuse
 * floods from one address (RATE_LIMITED). Messages from one source are counted under a transaction-scoped lock
 * on its hash, so a burst of parallel requests cannot all pass the count.
 */
export const submitPublicFeedback = async (
  ctx: ServiceContext,
  input: PublicFeedbackInput,
): Promise<PublicFeedbackReceipt> => {
  const body = checkFeedbackBody(input.body);
  const contact = checkFeedbackContact(input.contact ?? '');
  return ctx.db.transaction().execute(async (trx) => {
    const evaluation = await findEvaluationById(trx, input.evaluationId);
    const publication =
      evaluation?.status === 'published' ? await findActivePublication(trx, evaluation.id) : undefined;
    if (!evaluation || !publication) throw new AppError('NOT_FOUND', NOT_PUBLISHED);
    if ((input.website ?? '') !== '') return RECEIPT;
    const sourceHash = feedbackSourceHash(input.sourceKey, input.address);
    await sql`SELECT pg_advisory_xact_lock(hashtext(${sourceHash}))`.execute(trx);
    const now = ctx.now();
    const lastHour = await countFeedbackFromSource(trx, { sourceHash, since: new Date(now.getTime() - HOUR_MS) });
    const onReportToday = await countFeedbackFromSource(trx, {
      sourceHash,
      since: new Date(now.getTime() - 24 * HOUR_MS),
      evaluationId: evaluation.id,
    });
    if (lastHour >= FEEDBACK_PER_HOUR || onReportToday >= FEEDBACK_PER_REPORT_PER_DAY) {
      throw new AppError(
        'RATE_LIMITED',
        `提交过于频繁：同一网络每小时最多提交 ${FEEDBACK_PER_HOUR} 条反馈，对同一报告每天最多 ${FEEDBACK_PER_REPORT_PER_DAY} 条，请稍后再试`,
      );
    }
    const id = randomUUID();
    await insertPublicFeedback(trx, {
      id,
      organization_id: evaluation.organization_id,
      evaluation_id: evaluation.id,
      publication_id: publication.id,
      body,
      contact,
      source_hash: sourceHash,
      status: 'pending',
      created_at: now,
    });
    await recordAudit(ctx, trx, {
      organizationId: evaluation.organization_id,
      actorId: null,
      action: 'public_feedback.submit',
      entityType: 'public_feedback',
      entityId: id,
      toStatus: 'pending',
      details: { evaluationId: evaluation.id, publicationId: publication.id, length: body.length },
    });
    return RECEIPT;
  });
};
