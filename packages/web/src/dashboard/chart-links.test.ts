import { describe, expect, it } from 'vitest';
import { linkOf } from './chart-links.ts';

describe('linkOf', () => {
  it("follows a chart item's own page and nothing else", () => {
    expect(linkOf({ value: 3, link: '/app/evaluations?year=2022&status=draft' })).toBe(
      '/app/evaluations?year=2022&status=draft',
    );
    expect(linkOf({ xAxis: 90, name: '执行率 90%' })).toBeNull();
    expect(linkOf(3)).toBeNull();
    expect(linkOf(null)).toBeNull();
    expect(linkOf(undefined)).toBeNull();
    // Only the app's own pages: a link never leaves the site.
    expect(linkOf({ link: 'https://example.com/' })).toBeNull();
    expect(linkOf({ link: '//example.com/app/' })).toBeNull();
  });
});
