import { describe, expect, it } from 'vitest';
import { escapeHtml, guardChartOption, html } from './chart-html.ts';

const PAYLOAD = '<img src=x onerror="top.__xss=1">';
const ESCAPED = '&lt;img src=x onerror=&quot;top.__xss=1&quot;&gt;';

type TooltipFormatter = (
  params: unknown,
  ticket: string,
  callback: (ticket: string, content: unknown) => void,
) => unknown;

/** The tooltip formatter ECharts would call, after the guard. */
const guardedFormatter = (formatter: unknown): TooltipFormatter => {
  const option = guardChartOption({ tooltip: { formatter } });
  const guarded = option.tooltip.formatter;
  if (typeof guarded !== 'function') throw new Error('no formatter');
  return (params, ticket, callback) => Reflect.apply(guarded, undefined, [params, ticket, callback]);
};

describe('html', () => {
  it('escapes every value and keeps the template’s own markup', () => {
    expect(html`${PAYLOAD}<br/>${`a & 'b'`}`.markup).toBe(`${ESCAPED}<br/>a &amp; &#39;b&#39;`);
    expect(html`<b>${html`<i>${PAYLOAD}</i>`}</b>`.markup).toBe(`<b><i>${ESCAPED}</i></b>`);
    expect(html`${[PAYLOAD, html`<br/>`]}${12.5}${null}`.markup).toBe(`${ESCAPED}<br/>12.5`);
    expect(escapeHtml(PAYLOAD)).toBe(ESCAPED);
  });
});

describe('guardChartOption', () => {
  it('shows a tooltip formatter’s plain string as text: the dashboard’s old template literal cannot inject', () => {
    const old = (params: { data: { name: string; unit: string } }) => `${params.data.name}<br/>${params.data.unit}`;
    const answer = guardedFormatter(old)({ data: { name: PAYLOAD, unit: '单位' } }, 't', () => {});
    expect(answer).toBe(`${ESCAPED}&lt;br/&gt;单位`);
  });

  it('keeps markup built with html, with its values escaped', () => {
    const built = (params: { data: { name: string } }) => html`${params.data.name}<br/>执行率`;
    expect(guardedFormatter(built)({ data: { name: PAYLOAD } }, 't', () => {})).toBe(`${ESCAPED}<br/>执行率`);
  });

  it('escapes what an asynchronous formatter hands to ECharts’ callback', () => {
    const handed: unknown[] = [];
    const later = (_params: unknown, ticket: string, callback: (ticket: string, content: string) => void) => {
      callback(ticket, PAYLOAD);
      return undefined;
    };
    expect(guardedFormatter(later)({}, 'ticket', (ticket, content) => handed.push(ticket, content))).toBe('');
    expect(handed).toEqual(['ticket', ESCAPED]);
  });

  it('guards tooltips wherever ECharts takes them and leaves canvas formatters and string templates alone', () => {
    const label = (params: { name: string }) => `<${params.name}>`;
    const option = guardChartOption({
      tooltip: [{ formatter: '{b}<br/>{c}' }],
      series: [
        {
          type: 'scatter',
          label: { formatter: label },
          tooltip: { formatter: () => PAYLOAD },
          data: [{ name: 'a', tooltip: { formatter: () => PAYLOAD } }],
        },
      ],
    });
    expect(option.tooltip[0]?.formatter).toBe('{b}<br/>{c}');
    const [series] = option.series;
    expect(series?.label.formatter).toBe(label);
    expect(Reflect.apply(series?.tooltip.formatter ?? label, undefined, [{}, 't', () => {}])).toBe(ESCAPED);
    expect(Reflect.apply(series?.data[0]?.tooltip.formatter ?? label, undefined, [{}, 't', () => {}])).toBe(ESCAPED);
  });
});
