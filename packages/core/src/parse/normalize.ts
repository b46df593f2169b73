/** PARSE-1 and PARSE-2: normalising cell text and recognising null markers and placeholder names. */

const LOOKALIKES: Record<string, string> = { '≧': '≥', '≦': '≤', '═': '=', '﹦': '=', '＝': '=', '〜': '~', '～': '~' };

/** NFKC (full-width digits, ％, U+3000 → ASCII), lookalike signs mapped, spaces inside numbers and before units removed. */
export const normalizeCell = (raw: string): string => {
  // NFKC turns ㎡ and m² into "m2", which would read as a number; name the unit before it does.
  let text = raw.replace(/㎡|m²/gu, '平方米').normalize('NFKC');
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
  '-',
  '/',
  '\\',
  '无',
  '暂无',
  '没有',
  '空',
  'N/A',
  'n/a',
  'NA',
  'na',
  'null',
  'NULL',
  '-/-',
  // Clerks type the character 一 for a dash; a lone 一 is never a value.
  '一',
]);

/** Runs of dashes, rules or dots: "—", "——", "–", "―", "……", "...", "。。。". */
const DASHES_OR_DOTS = /^(?:[-–—―─━‐‑‒]+|[.·…]{2,}|…|。{2,})$/u;

/** A cell that says nothing (PARSE-2). "-" and "/" count only when they are the whole cell. */
export const isNullCell = (raw: string): boolean => {
  const text = normalizeCell(raw).replace(/(?<=.)[。.]$/u, '');
  return NULL_MARKERS.has(text) || DASHES_OR_DOTS.test(text) || DASHES_OR_DOTS.test(normalizeCell(raw));
};

const PLACEHOLDER_NAMES =
  /^(?:[.·…。\-—–]+|(?:[一二三]级)?指标(?:名称)?[\d一二三四五六七八九十]*|[xX×*＊]{2,}.{0,8}|[xX×*]|某某.*|请填写.*|自定义指标\d*)$/u;

/** A template row: "……", a template label (指标1, 三级指标, XX, ×××) or an empty name. */
export const isPlaceholderName = (name: string): boolean => {
  const text = normalizeCell(name);
  return text === '' || PLACEHOLDER_NAMES.test(text);
};

/** The raw text with only whitespace trimmed, for display. */
export const displayCell = (raw: string): string => raw.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '');
