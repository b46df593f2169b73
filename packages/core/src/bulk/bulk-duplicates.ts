import { comparableName } from '../validate/unit-identity.ts';

/**
 * Why a report repeats an earlier one of the run: the very same bytes, or another file (often another format,
 * a .docx and its .pdf) stating the same unit, project and year.
 */
export type DuplicateReason = 'same-bytes' | 'same-report';

/** The earlier form of the run a report repeats. */
export type BulkDuplicate = { file: string; formIndex: number; reason: DuplicateReason };

type Comparable = {
  file: string;
  formIndex: number;
  unit: string;
  projectName: string;
  year: number | null;
  duplicateOf: BulkDuplicate | null;
};

/** Unit, project and year compared as names are (spaces, punctuation and width ignored); null when any is blank. */
const identityKey = (row: Comparable): string | null => {
  const unit = comparableName(row.unit);
  const project = comparableName(row.projectName);
  return unit && project && row.year !== null ? `${row.year}\u0000${unit}\u0000${project}` : null;
};

/**
 * Marks each row that repeats an earlier one (rows in file order, so the first of a set is the original): the same
 * form of a file with the same bytes, or else the same unit, project and year. `digests` maps a file to a hash of
 * its bytes. Pure.
 */
export const markDuplicates = <Row extends Comparable>(
  rows: readonly Row[],
  digests: ReadonlyMap<string, string>,
): Row[] => {
  const byBytes = new Map<string, Row>();
  const byIdentity = new Map<string, Row>();
  return rows.map((row) => {
    const digest = digests.get(row.file);
    const bytesKey = digest === undefined ? null : `${digest}#${row.formIndex}`;
    const identity = identityKey(row);
    const sameBytes = bytesKey === null ? undefined : byBytes.get(bytesKey);
    const sameReport = identity === null ? undefined : byIdentity.get(identity);
    if (bytesKey !== null && !sameBytes) byBytes.set(bytesKey, row);
    if (identity !== null && !sameReport) byIdentity.set(identity, row);
    const original = sameBytes ?? sameReport;
    if (!original) return row;
    return {
      ...row,
      duplicateOf: {
        file: original.file,
        formIndex: original.formIndex,
        reason: sameBytes ? 'same-bytes' : 'same-report',
      },
    };
  });
};

const formName = (file: string, formIndex: number): string =>
  formIndex === 1 ? `“${file}”` : `“${file}”第 ${formIndex} 张表`;

/** What a duplicate repeats, in a sentence: 与“a.docx”内容完全相同. */
export const duplicateLabel = (duplicate: BulkDuplicate): string => {
  switch (duplicate.reason) {
    case 'same-bytes':
      return `与${formName(duplicate.file, duplicate.formIndex)}内容完全相同`;
    case 'same-report':
      return `与${formName(duplicate.file, duplicate.formIndex)}是同一单位、同一项目、同一年度的自评表`;
  }
};
