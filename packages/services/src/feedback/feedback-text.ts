import { AppError, isSafeText, meaningfulText } from '@jixiao/core';

/** A message shorter than this says nothing a reviewer could act on; longer than the maximum is not "short". */
export const FEEDBACK_BODY_MIN = 5;
export const FEEDBACK_BODY_MAX = 500;
export const FEEDBACK_CONTACT_MAX = 100;
/** Replies and reasons are written by staff; bounded so one cannot swamp the portal page. */
export const FEEDBACK_REPLY_MAX = 2000;

/**
 * Control characters other than tab and line breaks (C0, DEL, C1) and the bidirectional overrides that can make
 * a message read differently from what it holds. Stored text is shown as text, never HTML, so markup is harmless
 * and kept verbatim; these are refused because nobody types them.
 */
const isControl = (code: number): boolean =>
  (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
  (code >= 0x7f && code <= 0x9f) ||
  (code >= 0x202a && code <= 0x202e) ||
  (code >= 0x2066 && code <= 0x2069);

const hasControlCharacter = (text: string): boolean => {
  for (let index = 0; index < text.length; index += 1) if (isControl(text.charCodeAt(index))) return true;
  return false;
};

/** Length in characters as a reader counts them (a Han character or an emoji is one). */
export const characterCount = (text: string): number => [...text].length;

const invalid = (message: string): AppError => new AppError('VALIDATION_FAILED', message);

/** Plain text a member of the public may send: safe, no control characters, trimmed; the field named in errors. */
export const checkPublicText = (text: string, field: string, { min, max }: { min: number; max: number }): string => {
  if (!isSafeText(text) || hasControlCharacter(text)) throw invalid(`${field}含有不允许的控制字符`);
  const trimmed = meaningfulText(text);
  const length = characterCount(trimmed);
  if (length < min) throw invalid(min <= 1 ? `请填写${field}` : `${field}至少 ${min} 个字`);
  if (length > max) throw invalid(`${field}不能超过 ${max} 个字（现有 ${length} 个字）`);
  return trimmed;
};

export const checkFeedbackBody = (body: string): string =>
  checkPublicText(body, '反馈内容', { min: FEEDBACK_BODY_MIN, max: FEEDBACK_BODY_MAX });

export const checkFeedbackContact = (contact: string): string =>
  checkPublicText(contact, '联系方式', { min: 0, max: FEEDBACK_CONTACT_MAX });

/** A reply, draft or reason written by staff: required text within the reply bound. */
export const checkStaffText = (text: string, field: string): string =>
  checkPublicText(text, field, { min: 1, max: FEEDBACK_REPLY_MAX });
