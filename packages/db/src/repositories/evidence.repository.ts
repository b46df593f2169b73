import type { Db } from '../connect.ts';
import type { Attachment, AttachmentPurpose } from '../schema.ts';

/** What an evidence file supports: one indicator row of an evaluation, one 整改 item or one appeal. */
export type EvidenceSubject =
  | { kind: 'indicator'; indicatorName: string }
  | { kind: 'rectification'; rectificationItemId: string }
  | { kind: 'appeal'; appealId: string };

export type NewEvidenceFile = {
  id: string;
  organizationId: string;
  evaluationId: string | null;
  subject: EvidenceSubject;
  fileName: string;
  mediaType: string;
  sha256: string;
  bytes: Uint8Array;
  createdBy: string;
  createdAt: Date;
};

/** The purpose column and the one subject column it requires (the attachments_purpose_subject CHECK). */
const subjectColumns = (
  subject: EvidenceSubject,
): {
  purpose: AttachmentPurpose;
  indicator_name: string | null;
  rectification_item_id: string | null;
  appeal_id: string | null;
} => {
  switch (subject.kind) {
    case 'indicator':
      return {
        purpose: 'indicator_evidence',
        indicator_name: subject.indicatorName,
        rectification_item_id: null,
        appeal_id: null,
      };
    case 'rectification':
      return {
        purpose: 'rectification_evidence',
        indicator_name: null,
        rectification_item_id: subject.rectificationItemId,
        appeal_id: null,
      };
    case 'appeal':
      return {
        purpose: 'appeal_evidence',
        indicator_name: null,
        rectification_item_id: null,
        appeal_id: subject.appealId,
      };
  }
};

export const insertEvidenceFile = async (db: Db, file: NewEvidenceFile): Promise<Attachment> =>
  db
    .insertInto('attachments')
    .values({
      id: file.id,
      organization_id: file.organizationId,
      evaluation_id: file.evaluationId,
      file_name: file.fileName,
      media_type: file.mediaType,
      size_bytes: file.bytes.byteLength,
      sha256: file.sha256,
      bytes: file.bytes,
      created_by: file.createdBy,
      created_at: file.createdAt,
      ...subjectColumns(file.subject),
    })
    .returningAll()
    .executeTakeFirstOrThrow();

/** An evidence file as listed: everything but its bytes. */
export type EvidenceFileSummary = Omit<Attachment, 'bytes'>;

const SUMMARY_COLUMNS = [
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
] as const;

/** An evaluation's indicator evidence, in indicator then upload order. */
export const listIndicatorEvidence = async (db: Db, evaluationId: string): Promise<EvidenceFileSummary[]> =>
  db
    .selectFrom('attachments')
    .select(SUMMARY_COLUMNS)
    .where('evaluation_id', '=', evaluationId)
    .where('purpose', '=', 'indicator_evidence')
    .orderBy('indicator_name')
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export const listAppealEvidence = async (db: Db, appealIds: readonly string[]): Promise<EvidenceFileSummary[]> =>
  appealIds.length === 0
    ? []
    : db
        .selectFrom('attachments')
        .select(SUMMARY_COLUMNS)
        .where('appeal_id', 'in', appealIds)
        .orderBy('created_at')
        .orderBy('id')
        .execute();

export const deleteEvidenceFile = async (db: Db, id: string): Promise<void> => {
  await db.deleteFrom('attachments').where('id', '=', id).where('purpose', '<>', 'import').execute();
};
