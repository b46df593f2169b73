import { AppError } from '@jixiao/core';
import Big from 'big.js';
import {
  attributeOf,
  childrenOf,
  decodeXmlText,
  findChild,
  parseOfficeXml,
  tagOf,
  type XmlNode,
} from '../safety/xml.ts';
import { extractZipEntries } from '../safety/zip.ts';
import type { ImportWarning } from '../types.ts';
import { applyMerges, MAX_COLUMNS, MAX_ROWS, setCell } from './grid.ts';

/**
 * A minimal, guarded .xlsx reader: the workbook's sheets as grids of display text. It reads the parts itself
 * (through the zip and XML guards) rather than through exceljs, whose unzip has no bomb limits. Merged cells
 * follow the grid contract: text repeated across a merge's first row, continuation rows left empty.
 */
export type Sheet = { name: string; rows: string[][] };

const textOf = (nodes: XmlNode[]): string =>
  nodes
    .map((node) => {
      if (typeof node['#text'] === 'string') return decodeXmlText(node['#text']);
      return tagOf(node) === 'rPh' ? '' : textOf(childrenOf(node));
    })
    .join('');

const columnIndex = (reference: string): number => {
  const letters = reference.match(/^[A-Z]+/u)?.[0] ?? 'A';
  return [...letters].reduce((value, letter) => value * 26 + letter.charCodeAt(0) - 64, 0) - 1;
};

const rowIndex = (reference: string): number => Number(reference.match(/\d+$/u)?.[0] ?? '1') - 1;

/** Numbers as Excel would show them to a clerk: float noise trimmed, percent-formatted cells with a %. */
export const displayNumber = (raw: string, percent: boolean): string => {
  const value = Number(raw);
  if (!Number.isFinite(value)) return raw;
  const exact = new Big(value.toPrecision(15));
  return percent
    ? `${exact
        .times(100)
        .toFixed()
        .replace(/(\.\d*?)0+$/u, '$1')
        .replace(/\.$/u, '')}%`
    : exact.toFixed();
};

const BUILTIN_PERCENT_FORMATS = new Set(['9', '10']);

const percentStyles = (styles: XmlNode[] | undefined): Set<number> => {
  const sheet = styles?.find((node) => tagOf(node) === 'styleSheet');
  if (!sheet) return new Set();
  const custom = new Map(
    childrenOf(findChild(sheet, 'numFmts') ?? {}).map((format) => [
      attributeOf(format, 'numFmtId'),
      attributeOf(format, 'formatCode') ?? '',
    ]),
  );
  const percent = new Set<number>();
  childrenOf(findChild(sheet, 'cellXfs') ?? {}).forEach((xf, index) => {
    const id = attributeOf(xf, 'numFmtId') ?? '0';
    if (BUILTIN_PERCENT_FORMATS.has(id) || (custom.get(id) ?? '').includes('%')) percent.add(index);
  });
  return percent;
};

const sheetRows = (
  sheetXml: XmlNode[],
  sharedStrings: string[],
  percent: Set<number>,
  sheetName: string,
  warnings: ImportWarning[],
): string[][] => {
  const worksheet = sheetXml.find((node) => tagOf(node) === 'worksheet');
  if (!worksheet) return [];
  const grid: string[][] = [];
  for (const row of childrenOf(findChild(worksheet, 'sheetData') ?? {})) {
    if (tagOf(row) !== 'row') continue;
    for (const cell of childrenOf(row)) {
      if (tagOf(cell) !== 'c') continue;
      const reference = attributeOf(cell, 'r') ?? '';
      const r = rowIndex(reference);
      const c = columnIndex(reference);
      if (r >= MAX_ROWS || c >= MAX_COLUMNS || r < 0 || c < 0) continue;
      const type = attributeOf(cell, 't') ?? 'n';
      const value = textOf(childrenOf(findChild(cell, 'v') ?? {}));
      let text: string;
      if (type === 's') text = sharedStrings[Number(value)] ?? '';
      else if (type === 'inlineStr') text = textOf(childrenOf(findChild(cell, 'is') ?? {}));
      else if (type === 'e') {
        warnings.push({
          code: 'ERROR_CELL',
          message: `工作表“${sheetName}”的 ${reference} 单元格是错误值 ${value}，已按空白处理`,
          where: `${sheetName}!${reference}`,
        });
        text = '';
      } else if (type === 'b') text = value === '1' ? '是' : '否';
      else if (type === 'str') text = value;
      else text = value === '' ? '' : displayNumber(value, percent.has(Number(attributeOf(cell, 's') ?? '-1')));
      setCell(grid, r, c, text);
    }
  }
  const merges = childrenOf(findChild(worksheet, 'mergeCells') ?? {}).map((merge) => {
    const [from = '', to = from] = (attributeOf(merge, 'ref') ?? '').split(':');
    return { top: rowIndex(from), left: columnIndex(from), bottom: rowIndex(to), right: columnIndex(to) };
  });
  return applyMerges(grid, merges);
};

const resolveTarget = (target: string): string => {
  const path = target.replace(/^\/?xl\//u, '').replace(/^\//u, '');
  return `xl/${path}`;
};

/** Every sheet of an .xlsx as display-text grids, with warnings for error cells. */
export const readWorkbook = (
  bytes: Uint8Array,
  fileName: string,
): { sheets: Sheet[]; warnings: ImportWarning[]; names: string[] } => {
  const names: string[] = [];
  const parts = extractZipEntries(
    bytes,
    (name) => {
      names.push(name);
      return name.startsWith('xl/') && /\.(xml|rels)$/u.test(name) && !name.startsWith('xl/media/');
    },
    fileName,
  );
  const workbookBytes = parts.get('xl/workbook.xml');
  if (!workbookBytes) return { sheets: [], warnings: [], names };
  const xml = (part: string): XmlNode[] | undefined => {
    const found = parts.get(part);
    return found ? parseOfficeXml(found, part, fileName) : undefined;
  };
  const relations = new Map(
    childrenOf((xml('xl/_rels/workbook.xml.rels') ?? []).find((node) => tagOf(node) === 'Relationships') ?? {}).map(
      (relation) => [attributeOf(relation, 'Id'), attributeOf(relation, 'Target') ?? ''],
    ),
  );
  const sharedStrings = childrenOf((xml('xl/sharedStrings.xml') ?? []).find((node) => tagOf(node) === 'sst') ?? {}).map(
    (item) => textOf(childrenOf(item)),
  );
  const percent = percentStyles(xml('xl/styles.xml'));
  const workbook = (xml('xl/workbook.xml') ?? []).find((node) => tagOf(node) === 'workbook');
  const warnings: ImportWarning[] = [];
  const sheets = childrenOf(findChild(workbook ?? {}, 'sheets') ?? {}).flatMap((sheet): Sheet[] => {
    const name = decodeXmlText(attributeOf(sheet, 'name') ?? '');
    const target = relations.get(attributeOf(sheet, 'r:id'));
    const sheetXml = target ? xml(resolveTarget(target)) : undefined;
    return sheetXml ? [{ name, rows: sheetRows(sheetXml, sharedStrings, percent, name, warnings) }] : [];
  });
  if (sheets.length === 0) throw new AppError('UNKNOWN_LAYOUT', `${fileName}：工作簿中没有可读的工作表`);
  return { sheets, warnings, names };
};
