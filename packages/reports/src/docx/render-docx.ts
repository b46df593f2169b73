import {
  type EvaluationForm,
  type EvaluationResult,
  type NarrativeTableRow,
  narrativeBlocks,
  sectionLabel,
} from '@jixiao/core';
import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { FORM_COLUMNS, layoutFormTable } from '../layout/form-table.ts';
import { type EvidenceListing, evidenceListSection } from './evidence-list.ts';

/**
 * 党政机关公文格式 (GB/T 9704-2012) as far as a generated document can follow it: A4, top 37 mm, bottom 35 mm,
 * left 28 mm, right 26 mm; title 二号 方正小标宋简体; body 三号 仿宋_GB2312 at a fixed 28.9 pt line (22 lines a page);
 * 一、 in 黑体, （一） in 楷体; page numbers "— 1 —" in 四号 宋体. Word and WPS substitute an installed face when
 * one is missing (Windows: 仿宋/黑体/楷体; WPS ships 方正小标宋), keeping the East-Asian font slot.
 */
const MM = 56.7; // twips per millimetre
const PT = 2; // half-points per point, the unit of font sizes in OOXML
const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  table: '仿宋_GB2312',
} as const;
const LINE = { line: 578, lineRule: LineRuleType.EXACT } as const; // 28.9 pt

const run = (text: string, font: string, sizePt: number, bold = false) =>
  new TextRun({ text, font: { eastAsia: font, ascii: font, hAnsi: font }, size: sizePt * PT, bold });

const bodyParagraph = (text: string) =>
  new Paragraph({
    children: [run(text, FONTS.body, 16)],
    indent: { firstLine: 640 },
    spacing: LINE,
    alignment: AlignmentType.JUSTIFIED,
  });

const narrativeTable = (rows: NarrativeTableRow[]): Table =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (row) =>
        new TableRow({
          children: row.cells.map(
            (cell) =>
              new TableCell({
                columnSpan: cell.colSpan,
                children: [
                  new Paragraph({ children: [run(cell.text, FONTS.table, 10.5)], alignment: AlignmentType.CENTER }),
                ],
              }),
          ),
        }),
    ),
  });

const sectionContent = (body: string): (Paragraph | Table)[] =>
  narrativeBlocks(body).map((block) => {
    switch (block.kind) {
      case 'subheading':
        return new Paragraph({
          children: [run(block.text, FONTS.heading2, 16)],
          indent: { firstLine: 640 },
          spacing: LINE,
        });
      case 'paragraph':
        return bodyParagraph(block.text);
      case 'table':
        return narrativeTable(block.rows);
      default:
        return block satisfies never;
    }
  });

const COLUMN_MM = [16, 20, 22, 46, 20, 20, 12, 12, 34];

const formTable = (form: EvaluationForm): Table => {
  const layout = layoutFormTable(form);
  const rows = Array.from({ length: layout.rows }, (): TableCell[] => []);
  for (const cell of layout.cells) {
    rows[cell.row]?.push(
      new TableCell({
        children: cell.text.split('\n').map(
          (line) =>
            new Paragraph({
              children: [run(line, FONTS.table, 10.5, cell.role === 'header')],
              alignment: cell.role === 'text' && cell.col >= 3 ? AlignmentType.LEFT : AlignmentType.CENTER,
            }),
        ),
        verticalAlign: VerticalAlign.CENTER,
        ...(cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
        ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
      }),
    );
  }
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: COLUMN_MM.slice(0, FORM_COLUMNS).map((mm) => Math.round(mm * MM)),
    rows: rows.map((children) => new TableRow({ children, cantSplit: true })),
  });
};

const pageNumberFooter = () =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: { eastAsia: '宋体', ascii: '宋体', hAnsi: '宋体' },
            size: 14 * PT,
          }),
        ],
      }),
    ],
  });

const PAGE = { width: Math.round(210 * MM), height: Math.round(297 * MM) };
const MARGIN = {
  top: Math.round(37 * MM),
  bottom: Math.round(35 * MM),
  left: Math.round(28 * MM),
  right: Math.round(26 * MM),
};

/** The 自评报告 (.docx): the narrative in 公文 layout, then the attachment 自评表 as a real table with merged cells. */
export const renderDocx = async (
  form: EvaluationForm,
  _result: EvaluationResult,
  { evidence = [] }: { evidence?: readonly EvidenceListing[] } = {},
): Promise<Uint8Array> => {
  const title = form.narrative.title || `${form.fiscalYear ?? ''}年度${form.projectName}项目支出绩效自评报告`;
  const narrative: (Paragraph | Table)[] = [
    new Paragraph({
      children: [run(title, FONTS.title, 22)],
      alignment: AlignmentType.CENTER,
      spacing: { ...LINE, after: 578 },
    }),
  ];
  for (const section of form.narrative.sections) {
    narrative.push(
      new Paragraph({
        children: [run(sectionLabel(section), FONTS.heading1, 16)],
        indent: { firstLine: 640 },
        spacing: LINE,
      }),
      ...sectionContent(section.body),
    );
  }
  const attachment: (Paragraph | Table)[] = [
    new Paragraph({ children: [run('附件：', FONTS.heading1, 16)], spacing: LINE }),
    new Paragraph({ children: [run('项目支出绩效自评表', FONTS.title, 18)], alignment: AlignmentType.CENTER }),
    new Paragraph({
      children: [run(`（${form.fiscalYear ?? '　　'}年度）`, FONTS.body, 12)],
      alignment: AlignmentType.CENTER,
    }),
    formTable(form),
    ...evidenceListSection(evidence),
  ];
  const footers = { default: pageNumberFooter() };
  const document = new Document({
    creator: 'Jixiao 绩效',
    title,
    sections: [
      { properties: { page: { size: PAGE, margin: MARGIN } }, footers, children: narrative },
      {
        properties: {
          page: {
            size: { ...PAGE, orientation: PageOrientation.PORTRAIT },
            margin: { ...MARGIN, left: Math.round(20 * MM), right: Math.round(20 * MM) },
          },
        },
        footers,
        children: attachment,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
};
