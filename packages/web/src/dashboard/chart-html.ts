/**
 * The one way a chart is given HTML. ECharts puts a tooltip formatter's answer into the page as markup, and
 * what the charts show — project, unit and department names, finding titles — is typed by people outside
 * this office: a name is text, never markup.
 */

const SAFE_HTML: unique symbol = Symbol('SafeHtml');

/** Markup built by `html`, every interpolated value escaped. */
export type SafeHtml = { readonly [SAFE_HTML]: true; readonly markup: string };

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe inside HTML elements and quoted attributes. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/gu, (char) => ENTITIES[char] ?? char);

const isSafeHtml = (value: unknown): value is SafeHtml =>
  typeof value === 'object' && value !== null && SAFE_HTML in value;

/** A template whose literal parts are markup and whose values are text, escaped (or `html` already built). */
export const html = (strings: TemplateStringsArray, ...values: unknown[]): SafeHtml => ({
  [SAFE_HTML]: true,
  markup: strings.reduce(
    (out, part, index) => (index === 0 ? part : `${out}${markupOf(values[index - 1])}${part}`),
    '',
  ),
});

/** What reaches ECharts: built markup as it is, anything else as escaped text (nothing as nothing). */
const markupOf = (value: unknown): string => {
  if (isSafeHtml(value)) return value.markup;
  if (Array.isArray(value)) return value.map(markupOf).join('');
  return value === undefined || value === null ? '' : escapeHtml(String(value));
};

type Callback = (ticket: string, content: unknown) => void;
type AnyFunction = (...args: never) => unknown;

const isFunction = (value: unknown): value is AnyFunction => typeof value === 'function';

/** A formatter whose answer, and whatever it later hands ECharts' callback, goes through `markupOf`. */
const guardFormatter =
  (formatter: AnyFunction) =>
  (params: unknown, ticket: string, callback: Callback): string =>
    markupOf(
      Reflect.apply(formatter, undefined, [
        params,
        ticket,
        (again: string, content: unknown) => callback(again, markupOf(content)),
      ]),
    );

const guardValue = (value: unknown, insideTooltip: boolean): unknown => {
  if (Array.isArray(value)) return value.map((item) => guardValue(item, insideTooltip));
  // Only plain option objects are walked: ECharts' own objects (gradients, graphics) carry no formatters.
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      const tooltip = insideTooltip || key === 'tooltip';
      return [
        key,
        tooltip && key === 'formatter' && isFunction(item) ? guardFormatter(item) : guardValue(item, tooltip),
      ];
    }),
  );
};

/**
 * The option with every function `formatter` under a `tooltip` made to answer escaped text unless it built
 * its markup with `html`: a formatter that returns a plain string (the template literal that let a project
 * name run script in a reviewer's session) shows its tags as text instead. String templates ('{b}') are
 * left alone: ECharts escapes what it substitutes into them. Other formatters (labels, axes) draw on the
 * canvas and are not HTML.
 */
export const guardChartOption = <Option extends object>(option: Option): Option =>
  // The same shape with some functions replaced by functions of the same signature.
  guardValue(option, false) as Option;
