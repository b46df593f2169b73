/**
 * The neutral document every reader produces: paragraphs and tables in reading order. Tables are grids of
 * cell texts as the table prints them; a vertically merged cell appears once and then as empty cells (or
 * repeated — both are accepted). `formFromBlocks` turns a document into an EvaluationForm, so each format's
 * reader only has to find paragraphs and cells.
 */
export type Block = { kind: 'paragraph'; text: string } | { kind: 'table'; rows: string[][] };

export type ReportDocument = { blocks: Block[] };
