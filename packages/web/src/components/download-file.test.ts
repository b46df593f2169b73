import { describe, expect, it } from 'vitest';
import { downloadErrorMessage, fileNameFromDisposition } from './download-file.ts';

describe('fileNameFromDisposition', () => {
  const chinese = '开福区城市房屋征收和补偿管理办公室_2022年度征收工作经费项目支出绩效自评报告.pdf';
  it.each([
    [`attachment; filename="2022.pdf"; filename*=UTF-8''${encodeURIComponent(chinese)}`, chinese],
    [`attachment; filename*=utf-8''${encodeURIComponent('自评表.xlsx')}`, '自评表.xlsx'],
    ['attachment; filename="report.pdf"', 'report.pdf'],
    ['attachment; filename=report.docx', 'report.docx'],
    [`attachment; filename="a.pdf"; filename*=UTF-8''%E0%A4%A`, 'a.pdf'],
    ['attachment', null],
    [null, null],
  ])('%j → %j', (header, expected) => {
    expect(fileNameFromDisposition(header)).toBe(expected);
  });
});

describe('downloadErrorMessage', () => {
  it('uses the API’s message, and says the status when the body has none', async () => {
    const api = new Response(JSON.stringify({ error: { code: 'BUSY', message: '正在生成的 PDF 较多，请稍后再试' } }), {
      status: 503,
    });
    expect(await downloadErrorMessage(api)).toBe('正在生成的 PDF 较多，请稍后再试');
    expect(await downloadErrorMessage(new Response('<html>', { status: 502 }))).toBe(
      '下载失败（HTTP 502），请稍后重试',
    );
  });
});
