import type { Block } from '../document.ts';
import { attributeOf, childrenOf, decodeXmlText, findChild, tagOf, type XmlNode } from '../safety/xml.ts';

/** Text of a run or paragraph: w:t text, w:tab as a tab, w:br as a line break; deleted text (w:del) skipped. */
const textOf = (node: XmlNode): string => {
  const tag = tagOf(node);
  if (tag === '#text') return '';
  if (tag === 'w:t') {
    return childrenOf(node)
      .map((child) => (typeof child['#text'] === 'string' ? decodeXmlText(child['#text']) : ''))
      .join('');
  }
  if (tag === 'w:tab') return '\t';
  if (tag === 'w:br' || tag === 'w:cr') return '\n';
  if (tag === 'w:del' || tag === 'w:instrText' || tag === 'w:pPr' || tag === 'w:rPr') return '';
  return childrenOf(node).map(textOf).join('');
};

type Cell = { text: string; span: number; continuesMerge: boolean };

const cellOf = (cell: XmlNode): Cell => {
  const properties = findChild(cell, 'w:tcPr');
  const span = Number(attributeOf(properties ? (findChild(properties, 'w:gridSpan') ?? {}) : {}, 'w:val') ?? 1);
  const vMerge = properties ? findChild(properties, 'w:vMerge') : undefined;
  const continuesMerge = vMerge !== undefined && attributeOf(vMerge, 'w:val') !== 'restart';
  // Nested tables are read as text: the 自评表 is never nested, and their cells still carry words.
  const text = childrenOf(cell)
    .filter((child) => tagOf(child) === 'w:p' || tagOf(child) === 'w:tbl' || tagOf(child) === 'w:sdt')
    .map(textOf)
    .join('\n');
  return { text, span: Number.isInteger(span) && span > 0 && span < 64 ? span : 1, continuesMerge };
};

/**
 * A Word table as the grid contract wants it: one entry per grid column, a horizontally merged cell's text
 * repeated over its columns (gridSpan), a vertically merged cell's continuation left empty (vMerge).
 */
const tableRows = (table: XmlNode): string[][] =>
  childrenOf(table)
    .filter((row) => tagOf(row) === 'w:tr')
    .map((row) =>
      childrenOf(row)
        .flatMap((child) => (tagOf(child) === 'w:sdt' ? childrenOf(findChild(child, 'w:sdtContent') ?? {}) : [child]))
        .filter((child) => tagOf(child) === 'w:tc')
        .flatMap((cell) => {
          const { text, span, continuesMerge } = cellOf(cell);
          return Array.from({ length: span }, () => (continuesMerge ? '' : text));
        }),
    );

/** The body of word/document.xml in reading order: paragraphs and tables (content controls unwrapped). */
export const blocksFromDocumentXml = (document: XmlNode[]): Block[] => {
  const root = document.find((node) => tagOf(node) === 'w:document');
  const body = root ? findChild(root, 'w:body') : undefined;
  if (!body) return [];
  const blocks: Block[] = [];
  const visit = (nodes: XmlNode[]): void => {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === 'w:p') blocks.push({ kind: 'paragraph', text: textOf(node).trim() });
      else if (tag === 'w:tbl') blocks.push({ kind: 'table', rows: tableRows(node) });
      else if (tag === 'w:sdt') visit(childrenOf(findChild(node, 'w:sdtContent') ?? {}));
    }
  };
  visit(childrenOf(body));
  return blocks.filter((block) => block.kind === 'table' || block.text !== '');
};
