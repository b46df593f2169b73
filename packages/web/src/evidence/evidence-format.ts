/** A file's size as people read it: 812 B, 35.2 KB, 4.1 MB. */
export const formatSize = (bytes: number): string => {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
};

/** The evidence of one indicator row: files are kept under the row's 三级指标 name as saved (trimmed). */
export const evidenceOfRow = <T extends { indicatorName: string | null }>(files: readonly T[], rowName: string): T[] =>
  files.filter((file) => file.indicatorName === rowName.trim());

/** The evidence types the server accepts, for the file picker (the server decides by content, not by this). */
export const EVIDENCE_ACCEPT = '.pdf,.png,.jpg,.jpeg,.doc,.docx,.xls,.xlsx,.txt';
export const MAX_EVIDENCE_MB = 20;
