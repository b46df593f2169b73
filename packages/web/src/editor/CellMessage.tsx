/** The id of the message under a numeric cell, for the input's aria-describedby. */
export const cellMessageId = (where: string): string => `cell-message-${where.replace(/[^\w]+/gu, '-')}`;

/**
 * What is wrong with a numeric cell (in red), or how a unit it wrote was read (in green), under the cell.
 * Nothing when the cell is blank or a plain number.
 */
export const CellMessage = ({
  where,
  error,
  note,
  prefix = '',
}: {
  where: string;
  error: string | null;
  note: string | null;
  prefix?: string;
}) => {
  if (error === null && note === null) return null;
  return (
    <div
      id={cellMessageId(where)}
      className={error === null ? 'cell-reading' : 'cell-reading cell-reading-error'}
      data-cell={where}
      aria-live="polite"
    >
      {prefix}
      {error ?? note}
    </div>
  );
};

/** The input props that tie a numeric cell to its message: antd's error status and the description. */
export const cellInputProps = (
  where: string,
  error: string | null,
  note: string | null,
  flag: '' | 'error' | 'warning',
) => ({
  status: error === null ? flag : ('error' as const),
  'aria-invalid': error === null ? undefined : true,
  'aria-describedby': error === null && note === null ? undefined : cellMessageId(where),
});
