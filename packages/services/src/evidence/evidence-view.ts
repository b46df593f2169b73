import type { EvidenceFileView } from '@jixiao/core';
import type { EvidenceFileSummary } from '@jixiao/db';

export const toEvidenceFileView = (file: EvidenceFileSummary): EvidenceFileView => ({
  id: file.id,
  fileName: file.file_name,
  mediaType: file.media_type,
  sizeBytes: file.size_bytes,
  sha256: file.sha256,
  indicatorName: file.indicator_name,
  createdAt: file.created_at.toISOString(),
});
