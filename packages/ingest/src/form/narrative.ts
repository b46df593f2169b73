import type { Narrative, NarrativeSection } from '@jixiao/core';
import type { Block } from '../document.ts';
import { cellText } from './chinese.ts';

const NUMERALS = '一二三四五六七八九十';
const HEADING = /^[\s\u3000#]*([一二三四五六七八九十]{1,2})[、.．]\s*(.+)$/u;
const ATTACHMENT = /^[\s\u3000#]*附[\s\u3000]*件/u;

const numeralValue = (numeral: string): number => {
  if (numeral === '十') return 10;
  if (numeral.startsWith('十')) return 10 + NUMERALS.indexOf(numeral.slice(1)) + 1;
  return NUMERALS.indexOf(numeral) + 1;
};

const tableText = (rows: string[][]): string => rows.map((row) => row.map(cellText).join('\t')).join('\n');

/**
 * The narrative: the title (the paragraphs before the first "一、"), then sections 一 … 九 up to the 附件. A
 * heading's text stays as written (typos included: the audit reads them); tables inside a section become
 * tab-separated lines of its body, so figures in them can be checked.
 */
export const narrativeFromBlocks = (blocks: readonly Block[]): Narrative => {
  const titleParts: string[] = [];
  const sections: NarrativeSection[] = [];
  let current: { section: NarrativeSection; lines: string[] } | null = null;
  const close = (): void => {
    if (current) sections.push({ ...current.section, body: current.lines.join('\n').trim() });
  };
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      if (ATTACHMENT.test(block.text)) break;
      const heading = block.text.match(HEADING);
      if (heading?.[1] && heading[2] && heading[2].length <= 40) {
        const number = numeralValue(heading[1]);
        // Sections may be skipped ("二" then "七"), but numbers only go up; a lower one is a list inside a section.
        const last: number = current?.section.number ?? sections.at(-1)?.number ?? 0;
        if (number > last) {
          close();
          current = { section: { number, heading: cellText(heading[2]), body: '' }, lines: [] };
          continue;
        }
      }
      if (current) current.lines.push(block.text);
      else if (block.text.trim()) titleParts.push(block.text.trim());
    } else if (current) {
      current.lines.push(tableText(block.rows));
    }
  }
  close();
  return { title: titleParts.join(''), sections };
};

/** 2022 from "（2022年度）", the title or the first 预算年度 mention. */
export const fiscalYearFrom = (texts: readonly string[]): number | null => {
  for (const text of texts) {
    const match =
      text.normalize('NFKC').match(/(20\d{2})\s*年度/u) ?? text.normalize('NFKC').match(/预算年度[:：]?\s*(20\d{2})/u);
    if (match?.[1]) return Number(match[1]);
  }
  return null;
};
