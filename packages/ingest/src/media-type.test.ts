import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectMediaType, MEDIA_TYPES } from './media-type.ts';

const fixture = (path: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url)));

const text = (value: string): Uint8Array => new TextEncoder().encode(value);

describe('detectMediaType', () => {
  it('names Office files by the parts inside the zip, not by their name', () => {
    expect(detectMediaType(fixture('docx/kaifu-2022.docx'))).toBe(MEDIA_TYPES.docx);
    expect(detectMediaType(fixture('xlsx/budget-system-export.xlsx'))).toBe(MEDIA_TYPES.xlsx);
    expect(detectMediaType(zipSync({ 'notes.txt': text('hello') }))).toBe(MEDIA_TYPES.zip);
  });

  it('names legacy Excel, PDF and binary files by their magic numbers', () => {
    expect(detectMediaType(fixture('xls/budget-system-export.xls'))).toBe(MEDIA_TYPES.xls);
    expect(detectMediaType(fixture('pdf/kaifu-2022.pdf'))).toBe(MEDIA_TYPES.pdf);
    expect(detectMediaType(fixture('bad/binary.bin'))).toBe(MEDIA_TYPES.binary);
    expect(detectMediaType(new Uint8Array())).toBe(MEDIA_TYPES.binary);
  });

  it('names PNG and JPEG images by their signatures', () => {
    expect(detectMediaType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe(
      MEDIA_TYPES.png,
    );
    expect(detectMediaType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe(MEDIA_TYPES.jpeg);
    expect(detectMediaType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00]))).toBe(MEDIA_TYPES.binary);
  });

  it('serves every text as plain text in its encoding, whatever it says it is', () => {
    expect(detectMediaType(fixture('seed/kaifu-2022.txt'))).toBe(MEDIA_TYPES.utf8);
    expect(detectMediaType(text('<!doctype html><script>alert(1)</script>'))).toBe(MEDIA_TYPES.utf8);
    expect(detectMediaType(text('top.__xss = 1; /* a report follows */'))).toBe(MEDIA_TYPES.utf8);
    expect(detectMediaType(text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'))).toBe(MEDIA_TYPES.utf8);
    expect(detectMediaType(new Uint8Array([0xff, 0xfe, 0x31, 0x00, 0x32, 0x00]))).toBe(MEDIA_TYPES.utf16le);
    expect(detectMediaType(new Uint8Array([0xfe, 0xff, 0x00, 0x31, 0x00, 0x32]))).toBe(MEDIA_TYPES.utf16be);
    // 项目 in GBK: not UTF-8.
    expect(detectMediaType(new Uint8Array([0xcf, 0xee, 0xc4, 0xbf]))).toBe(MEDIA_TYPES.gb18030);
  });

  it('never answers a type a browser runs or renders as a page', () => {
    for (const type of Object.values(MEDIA_TYPES)) expect(type).not.toMatch(/javascript|ecmascript|html|svg|[/+]xml/iu);
  });
});
