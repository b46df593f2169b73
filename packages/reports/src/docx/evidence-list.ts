import { AlignmentType, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

/** One evidence file as the report's 佐证材料清单 lists it. */
export type EvidenceListing = { indicatorName: string; fileName: string; sizeBytes: number; sha256: string };

const FONT = '仿宋_GB2312';
const HEADING_FONT = '黑体';
const run = (text: string, font: string, sizePt: number, bold = false) =>
  new TextRun({ text, font: { eastAsia: font, ascii: font, hAnsi: font }, size: sizePt * 2, bold });

const size = (bytes: number): string =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const HEADER = ['序号', '指标', '文件名', '大小', 'SHA-256（前 12 位）'];

const cell = (text: string, bold = false) =>
  new TableCell({
    children: [new Paragraph({ children: [run(text, FONT, 10.5, bold)], alignment: AlignmentType.CENTER })],
  });

/**
 * 附件：佐证材料清单 — the evidence files behind the indicators, each with the start of its content hash so that
 * a reader can tell the file they hold is the one submitted. Nothing when there are none.
 */
export const evidenceListSection = (evidence: readonly EvidenceListing[]): (Paragraph | Table)[] =>
  evidence.length === 0
    ? []
    : [
        new Paragraph({ children: [run('附件：佐证材料清单', HEADING_FONT, 16)], spacing: { before: 400 } }),
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ children: HEADER.map((text) => cell(text, true)), tableHeader: true }),
            ...evidence.map(
              (file, index) =>
                new TableRow({
                  children: [
                    cell(String(index + 1)),
                    cell(file.indicatorName),
                    cell(file.fileName),
                    cell(size(file.sizeBytes)),
                    cell(file.sha256.slice(0, 12)),
                  ],
                  cantSplit: true,
                }),
            ),
          ],
        }),
      ];
