import { safeText } from '@jixiao/core';
import { z } from 'zod';

/**
 * Bounds here are loose transport limits (characters as UTF-16 units, twice the service's); the use cases count
 * characters as readers do and answer with the Chinese message naming the field.
 */
export const publicFeedbackBody = z.strictObject({
  body: safeText().max(1000),
  contact: safeText().max(200).optional(),
  /** The honeypot, named like a field bots fill; people never see it. */
  website: safeText().max(500).optional(),
});

export const publicFeedbackReceipt = z.object({ accepted: z.literal(true), message: z.string() });

export const publishedFeedbackList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      body: z.string(),
      reply: z.string().nullable(),
      createdAt: z.string(),
      repliedAt: z.string().nullable(),
    }),
  ),
});

export const feedbackListQuery = z.strictObject({
  status: z.enum(['pending', 'published', 'hidden']).optional(),
});

export const draftReplyBody = z.strictObject({ draft: safeText().max(4000) });
export const publishFeedbackBody = z.strictObject({ reply: safeText().max(4000) });
export const hideFeedbackBody = z.strictObject({ reason: safeText().max(4000) });
export const convertFeedbackBody = z.strictObject({
  description: safeText().max(2000),
  measure: safeText().max(2000).optional(),
  deadline: z.iso.date(),
});
