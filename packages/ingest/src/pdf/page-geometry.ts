/**
 * The ruling lines of a PDF page, from its operator list: table borders are drawn either as thin filled
 * rectangles (Chromium, Word) or as stroked lines and rectangles. Everything is brought into the page's
 * user space by following the current transformation matrix through save / restore / transform and form
 * XObjects, so lines and text positions (pdf.js gives text in user space) can be compared.
 */

/** A horizontal (y fixed, x from–to) or vertical (x fixed, y from–to) border segment in user space. */
export type Segment = { axis: 'h' | 'v'; at: number; from: number; to: number };

/** The op codes this module needs, as pdf.js numbers them (its `OPS` table). */
export type PaintOps = Record<
  | 'save'
  | 'restore'
  | 'transform'
  | 'constructPath'
  | 'paintFormXObjectBegin'
  | 'paintFormXObjectEnd'
  | 'stroke'
  | 'closeStroke'
  | 'fill'
  | 'eoFill'
  | 'fillStroke'
  | 'eoFillStroke'
  | 'closeFillStroke'
  | 'closeEOFillStroke',
  number
>;

type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

const numbersOf = (value: unknown): number[] | null => {
  if (!value || typeof value !== 'object' || !('length' in value)) return null;
  const numbers = Array.from(value as ArrayLike<unknown>, Number);
  return numbers.every(Number.isFinite) ? numbers : null;
};

const matrixOf = (value: unknown): Matrix | null => {
  const numbers = numbersOf(value);
  if (numbers?.length !== 6) return null;
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = numbers;
  return [a, b, c, d, e, f];
};

/** pdf.js encodes a path as one flat buffer: an op (moveTo 0, lineTo 1, curveTo 2, quadratic 3, close 4), then its coordinates. */
const COORDINATES_PER_OP = [2, 2, 6, 4, 0] as const;

type Point = [number, number];

/** The subpaths of a path buffer as point lists (curves keep only their end points: borders are straight). */
const subpathsOf = (buffer: number[]): Point[][] => {
  const subpaths: Point[][] = [];
  let current: Point[] = [];
  let index = 0;
  while (index < buffer.length) {
    const op = buffer[index] ?? -1;
    const count = COORDINATES_PER_OP[op as 0 | 1 | 2 | 3 | 4];
    if (count === undefined) break;
    if (op === 0 && current.length > 0) {
      subpaths.push(current);
      current = [];
    }
    if (count > 0) current.push([buffer[index + count - 1] ?? 0, buffer[index + count] ?? 0]);
    if (op === 4 && current[0]) current.push(current[0]);
    index += count + 1;
  }
  if (current.length > 0) subpaths.push(current);
  return subpaths;
};

/** Borders are at most this thick (user-space units, 1/72 inch); anything thicker is a shaded area. */
const MAX_RULE_THICKNESS = 2.5;
const MIN_RULE_LENGTH = 3;

const segmentOfBox = (x0: number, y0: number, x1: number, y1: number): Segment | null => {
  const width = Math.abs(x1 - x0);
  const height = Math.abs(y1 - y0);
  if (height <= MAX_RULE_THICKNESS && width >= MIN_RULE_LENGTH) {
    return { axis: 'h', at: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) };
  }
  if (width <= MAX_RULE_THICKNESS && height >= MIN_RULE_LENGTH) {
    return { axis: 'v', at: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) };
  }
  return null;
};

const bounds = (points: readonly Point[]): [number, number, number, number] => {
  const xs = points.map((point) => point[0]);
  const ys = points.map((point) => point[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
};

/** The segments one painted subpath contributes: a thin filled box is one rule; stroked edges are rules. */
const segmentsOfSubpath = (points: readonly Point[], stroked: boolean, filled: boolean): Segment[] => {
  if (points.length < 2) return [];
  const found: Segment[] = [];
  if (filled) {
    const [x0, y0, x1, y1] = bounds(points);
    const box = segmentOfBox(x0, y0, x1, y1);
    if (box) found.push(box);
  }
  if (stroked) {
    for (let at = 1; at < points.length; at++) {
      const [ax, ay] = points[at - 1] ?? [0, 0];
      const [bx, by] = points[at] ?? [0, 0];
      const edge = segmentOfBox(ax, ay, bx, by);
      if (edge) found.push(edge);
    }
  }
  return found;
};

/** A hostile page can hold millions of paths; a report's tables need a few hundred rules. */
export const MAX_SEGMENTS_PER_PAGE = 20_000;

/** The horizontal and vertical rules painted on a page, in user space. */
export const segmentsOfPage = (fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, ops: PaintOps): Segment[] => {
  const strokes = new Set([
    ops.stroke,
    ops.closeStroke,
    ops.fillStroke,
    ops.eoFillStroke,
    ops.closeFillStroke,
    ops.closeEOFillStroke,
  ]);
  const fills = new Set([
    ops.fill,
    ops.eoFill,
    ops.fillStroke,
    ops.eoFillStroke,
    ops.closeFillStroke,
    ops.closeEOFillStroke,
  ]);
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const segments: Segment[] = [];
  for (let index = 0; index < fnArray.length && segments.length < MAX_SEGMENTS_PER_PAGE; index++) {
    const fn = fnArray[index];
    const args = argsArray[index];
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform) {
      const matrix = matrixOf(args);
      if (matrix) ctm = multiply(matrix, ctm);
    } else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      const matrix = Array.isArray(args) ? matrixOf(args[0]) : null;
      if (matrix) ctm = multiply(matrix, ctm);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === ops.constructPath && Array.isArray(args)) {
      const paint = Number(args[0]);
      const stroked = strokes.has(paint);
      const filled = fills.has(paint);
      if (!stroked && !filled) continue;
      const buffers = Array.isArray(args[1]) ? args[1] : [args[1]];
      for (const buffer of buffers) {
        const flat = numbersOf(buffer);
        if (!flat) continue;
        for (const subpath of subpathsOf(flat)) {
          const placed = subpath.map(([x, y]) => apply(ctm, x, y));
          segments.push(...segmentsOfSubpath(placed, stroked, filled));
        }
      }
    }
  }
  return segments;
};
