import type { Insertable } from 'kysely';
import type { Db } from '../connect.ts';
import type { Attachment, AttachmentsTable } from '../schema.ts';

export const insertAttachment = async (db: Db, values: Insertable<AttachmentsTable>): Promise<Attachment> =>
  db.insertInto('attachments').values(values).returningAll().executeTakeFirstOrThrow();

export const findAttachment = async (db: Db, id: string): Promise<Attachment | undefined> =>
  db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();

export type AttachmentSummary = Omit<Attachment, 'bytes'>;

export const listAttachments = async (db: Db, evaluationId: string): Promise<AttachmentSummary[]> =>
  db
    .selectFrom('attachments')
    .select([
      'id',
      'organization_id',
      'evaluation_id',
      'file_name',
      'media_type',
      'size_bytes',
      'sha256',
      'created_by',
      'created_at',
      'purpose',
      'indicator_name',
      'rectification_item_id',
      'appeal_id',
    ])
    .where('evaluation_id', '=', evaluationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
