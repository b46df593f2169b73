/** PARSE-1 and PARSE-2: normalising cell text and recognising null markers and placeholder names. */

const LOOKALIKES: Record<string, string> = { '≧': '≥', '≦': '≤', '═': '=', '﹦': '=', '＝': '=', '〜': '~', '～': '~' };

/** NFKC (full-width digits, ％, U+3000 → ASCII), lookalike signs mapped, spaces inside numbers and before units removed. */
export const normalizeCell = (raw: string): string => {
  let text = raw.normalize('NFKC');
  text = text.replace(/[≧≦═﹦＝〜～]/gu, (sign) => LOOKALIKES[sign] ?? sign);
  text = text.replace(/[\s\u00a0\u3000]+/gu, ' ').trim();
  // "1 434" → "1434", "95 %" → "95%", "300 公 里" → "300公里": spaces between digits, and between a number and
  // the CJK or % that follows it, carry no meaning in a cell.
  text = text.replace(/(\d) (?=\d)/gu, '$1');
  text = text.replace(/(\d) (?=[%\p{Script=Han}])/gu, '$1');
  text = text.replace(/([≥≤=<>]) (?=\d)/gu, '$1');
  text = text.replace(/(\p{Script=Han}) (?=\p{Script=Han})/gu, '$1');
  return text;
};

const NULL_MARKERS = new Set([
  '',
  '—',
  '——',
  '–',
  '-',
  '/',
  '无',
  '暂无',
  'N/A',
  'n/a',
  'NA',
  '……',
  '…',
  '...',
  '。。。',
  '/ ',
  '-/-',
]);

const ELLIPSIS = /^(?:\.{2,}|…+|。{3,}|-{2,}|—+)$/u;

/** A cell that says nothing (PARSE-2). "-" and "/" count only when they are the whole cell. */
export const isNullCell = (raw: string): boolean => {
  const text = normalizeCell(raw);
  return NULL_MARKERS.has(text.replace(/[。.]$/u, '')) || ELLIPSIS.test(text);
};

const PLACEHOLDER_NAMES = /^(?:\.{2,}|…+|。{2,}|-{2,}|—+|指标\d+|三级指标\d*|x+|×+|\*+|某某.*)$/iu;

/** A template row: "……", a template label (指标1, XX, ×××) or an empty name. */
export const isPlaceholderName = (name: string): boolean => {
  const text = normalizeCell(name);
  return text === '' || PLACEHOLDER_NAMES.test(text);
};

/** The raw text with only whitespace trimmed, for display. */
export const displayCell = (raw: string): string => raw.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '');
