import { AppError } from '@jixiao/core';
import type { ImportWarning } from '../types.ts';
import { applyMerges, type Merge, setCell } from '../xlsx/grid.ts';
import type { Sheet } from '../xlsx/workbook.ts';
import { displayNumber } from '../xlsx/workbook.ts';

/**
 * A minimal BIFF8 reader for the Workbook stream of a legacy .xls (Excel 97–2003, as WPS still saves): sheet
 * names, shared strings (with CONTINUE records), label, number, RK, MULRK, formula results and merged ranges.
 * Enough to read a 自评表; charts, styles beyond percent formats and pivot caches are ignored.
 */
const RECORD = {
  BOF: 0x0809,
  EOF: 0x000a,
  FILEPASS: 0x002f,
  BOUNDSHEET: 0x0085,
  SST: 0x00fc,
  CONTINUE: 0x003c,
  LABELSST: 0x00fd,
  LABEL: 0x0204,
  NUMBER: 0x0203,
  RK: 0x027e,
  MULRK: 0x00bd,
  FORMULA: 0x0006,
  STRING: 0x0207,
  BOOLERR: 0x0205,
  MERGEDCELLS: 0x00e5,
  FORMAT: 0x041e,
  XF: 0x00e0,
} as const;

type BiffRecord = { type: number; offset: number; data: Uint8Array };

const records = (stream: Uint8Array): BiffRecord[] => {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const out: BiffRecord[] = [];
  for (let offset = 0; offset + 4 <= stream.length; ) {
    const type = view.getUint16(offset, true);
    const length = view.getUint16(offset + 2, true);
    if (offset + 4 + length > stream.length) break;
    out.push({ type, offset, data: stream.subarray(offset + 4, offset + 4 + length) });
    offset += 4 + length;
  }
  return out;
};

const u16 = (data: Uint8Array, at: number): number => (data[at] ?? 0) | ((data[at + 1] ?? 0) << 8);
const u32 = (data: Uint8Array, at: number): number => (u16(data, at) | (u16(data, at + 2) << 16)) >>> 0;
const f64 = (data: Uint8Array, at: number): number =>
  new DataView(data.buffer, data.byteOffset + at, 8).getFloat64(0, true);

/** An RK number: 30 bits of an integer or of a double's high bits, optionally divided by 100. */
const rkValue = (rk: number): number => {
  const divide = (rk & 1) === 1;
  let value: number;
  if ((rk & 2) === 2) value = rk >> 2;
  else {
    const buffer = new DataView(new ArrayBuffer(8));
    buffer.setUint32(4, rk & 0xfffffffc, true);
    value = buffer.getFloat64(0, true);
  }
  return divide ? value / 100 : value;
};

const decodeChars = (bytes: Uint8Array, wide: boolean): string =>
  wide ? new TextDecoder('utf-16le').decode(bytes) : String.fromCharCode(...bytes);

/** An XLUnicodeString inside one record: 16-bit length, option flags, then the characters. */
const unicodeString = (data: Uint8Array, at: number): string => {
  const length = u16(data, at);
  const wide = ((data[at + 2] ?? 0) & 1) === 1;
  return decodeChars(data.subarray(at + 3, at + 3 + length * (wide ? 2 : 1)), wide);
};

/** The SST: strings may cross CONTINUE records, where the encoding flag is repeated. */
const sharedStrings = (sst: BiffRecord, continues: readonly Uint8Array[]): string[] => {
  const parts = [sst.data, ...continues];
  let part = 0;
  let at = 8;
  const count = u32(sst.data, 4);
  const strings: string[] = [];
  const current = () => parts[part] ?? new Uint8Array();
  const advance = () => {
    part++;
    at = 0;
  };
  for (let i = 0; i < count && part < parts.length; i++) {
    if (at >= current().length) advance();
    let remaining = u16(current(), at);
    let flags = current()[at + 2] ?? 0;
    at += 3;
    const richRuns = flags & 0x08 ? u16(current(), at) : 0;
    if (flags & 0x08) at += 2;
    const extended = flags & 0x04 ? u32(current(), at) : 0;
    if (flags & 0x04) at += 4;
    let text = '';
    while (remaining > 0 && part < parts.length) {
      const wide = (flags & 1) === 1;
      const available = Math.floor((current().length - at) / (wide ? 2 : 1));
      const take = Math.min(remaining, available);
      text += decodeChars(current().subarray(at, at + take * (wide ? 2 : 1)), wide);
      at += take * (wide ? 2 : 1);
      remaining -= take;
      if (remaining > 0) {
        advance();
        flags = current()[0] ?? 0;
        at = 1;
      }
    }
    let skip = richRuns * 4 + extended;
    while (skip > 0 && part < parts.length) {
      const step = Math.min(skip, current().length - at);
      at += step;
      skip -= step;
      if (skip > 0) advance();
    }
    strings.push(text);
  }
  return strings;
};

const ERROR_CODES: Record<number, string> = {
  0: '#NULL!',
  7: '#DIV/0!',
  15: '#VALUE!',
  23: '#REF!',
  29: '#NAME?',
  36: '#NUM!',
  42: '#N/A',
};

export const readBiffWorkbook = (
  stream: Uint8Array,
  fileName: string,
): { sheets: Sheet[]; warnings: ImportWarning[] } => {
  const all = records(stream);
  if (all.some((record) => record.type === RECORD.FILEPASS)) {
    throw new AppError('ENCRYPTED_FILE', `${fileName}：文件已设置打开密码（加密的 .xls），请取消密码后再导入`);
  }
  const sstIndex = all.findIndex((record) => record.type === RECORD.SST);
  const continues: Uint8Array[] = [];
  for (let i = sstIndex + 1; sstIndex >= 0 && all[i]?.type === RECORD.CONTINUE; i++)
    continues.push(all[i]?.data ?? new Uint8Array());
  const sst = sstIndex >= 0 && all[sstIndex] ? sharedStrings(all[sstIndex] as BiffRecord, continues) : [];
  const percentFormats = new Set([9, 10]);
  for (const record of all) {
    if (record.type === RECORD.FORMAT && unicodeString(record.data, 2).includes('%'))
      percentFormats.add(u16(record.data, 0));
  }
  const percentXf = new Set<number>();
  all
    .filter((record) => record.type === RECORD.XF)
    .forEach((record, index) => {
      if (percentFormats.has(u16(record.data, 2))) percentXf.add(index);
    });
  const bounds = all
    .filter((record) => record.type === RECORD.BOUNDSHEET)
    .map((record) => {
      const length = record.data[6] ?? 0;
      const wide = ((record.data[7] ?? 0) & 1) === 1;
      return {
        offset: u32(record.data, 0),
        name: decodeChars(record.data.subarray(8, 8 + length * (wide ? 2 : 1)), wide),
      };
    });
  const warnings: ImportWarning[] = [];
  const sheets = bounds.map(({ offset, name }): Sheet => {
    const start = all.findIndex((record) => record.offset === offset && record.type === RECORD.BOF);
    const grid: string[][] = [];
    const merges: Merge[] = [];
    const number = (value: number, xf: number) => displayNumber(String(value), percentXf.has(xf));
    let pendingFormula: { row: number; col: number } | null = null;
    for (let i = start + 1; start >= 0 && i < all.length; i++) {
      const { type, data } = all[i] as BiffRecord;
      if (type === RECORD.EOF) break;
      const row = u16(data, 0);
      const col = u16(data, 2);
      const xf = u16(data, 4);
      switch (type) {
        case RECORD.LABELSST:
          setCell(grid, row, col, sst[u32(data, 6)] ?? '');
          break;
        case RECORD.LABEL:
          setCell(grid, row, col, unicodeString(data, 6));
          break;
        case RECORD.NUMBER:
          setCell(grid, row, col, number(f64(data, 6), xf));
          break;
        case RECORD.RK:
          setCell(grid, row, col, number(rkValue(u32(data, 6)), xf));
          break;
        case RECORD.MULRK: {
          const last = u16(data, data.length - 2);
          for (let c = col; c <= last; c++) {
            const at = 4 + (c - col) * 6;
            setCell(grid, row, c, number(rkValue(u32(data, at + 2)), u16(data, at)));
          }
          break;
        }
        case RECORD.FORMULA: {
          if (u16(data, 12) !== 0xffff) setCell(grid, row, col, number(f64(data, 6), xf));
          else if (data[6] === 0) pendingFormula = { row, col };
          else if (data[6] === 2)
            warnings.push({
              code: 'ERROR_CELL',
              message: `工作表“${name}”第${row + 1}行第${col + 1}列是错误值 ${ERROR_CODES[data[8] ?? 0] ?? '#ERR'}，已按空白处理`,
              where: `${name}!R${row + 1}C${col + 1}`,
            });
          break;
        }
        case RECORD.STRING:
          if (pendingFormula) setCell(grid, pendingFormula.row, pendingFormula.col, unicodeString(data, 0));
          pendingFormula = null;
          break;
        case RECORD.BOOLERR:
          if (data[7] === 1) {
            warnings.push({
              code: 'ERROR_CELL',
              message: `工作表“${name}”第${row + 1}行第${col + 1}列是错误值 ${ERROR_CODES[data[6] ?? 0] ?? '#ERR'}，已按空白处理`,
              where: `${name}!R${row + 1}C${col + 1}`,
            });
          } else setCell(grid, row, col, data[6] ? '是' : '否');
          break;
        case RECORD.MERGEDCELLS: {
          const count = u16(data, 0);
          for (let m = 0; m < count; m++) {
            const at = 2 + m * 8;
            merges.push({
              top: u16(data, at),
              bottom: u16(data, at + 2),
              left: u16(data, at + 4),
              right: u16(data, at + 6),
            });
          }
          break;
        }
      }
    }
    return { name, rows: applyMerges(grid, merges) };
  });
  return { sheets, warnings };
};
