import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, readDocument, splitLines } from '../src/ingest/index.js';
import { buildReport } from '../src/model/index.js';
import { FIXTURES, brief, fixtureText, lintText, reportOf } from './helpers.js';

describe('text ingest', () => {
  it('decodes GB18030 text to the same model as its UTF-8 original', () => {
    const gbBytes = readFileSync(path.join(FIXTURES, 'text/final-wanyuan.gb18030.txt'));
    const utf8Bytes = readFileSync(path.join(FIXTURES, 'text/final-wanyuan.txt'));
    expect(gbBytes.equals(utf8Bytes)).toBe(false);
    const gb = decodeText(gbBytes);
    const utf8 = decodeText(utf8Bytes);
    expect([gb.encoding, utf8.encoding]).toEqual(['gb18030', 'utf-8']);
    expect(gb.text).toBe(utf8.text);
    expect(buildReport(splitLines('x.txt', gb.text))).toEqual(buildReport(splitLines('x.txt', utf8.text)));
  });

  it('counts pages at form feeds (as pdftotext writes them) and keeps line numbers', () => {
    const src = splitLines('x.txt', 'a\nb\n\fc\nd');
    expect(src.lines.map((l) => [l.line, l.text, l.page])).toEqual([
      [1, 'a', 1],
      [2, 'b', 1],
      [3, 'c', 2],
      [4, 'd', 2],
    ]);
  });

  it('ends a line at a form feed that follows text on it (pages joined with \\f alone), as a line end before it would', () => {
    const src = splitLines('x.txt', 'a\nb 1.00\fc\nd');
    expect(src.lines.map((l) => [l.line, l.text, l.page])).toEqual([
      [1, 'a', 1],
      [2, 'b 1.00', 1],
      [3, 'c', 2],
      [4, 'd', 2],
    ]);
  });

  it("reads tabs as a sheet's cells where the sheet says so, else as an extractor's gaps", () => {
    const texts = (text: string) => splitLines('x.txt', text).lines.map((l) => [l.text, l.gapSpaced ?? false]);
    // a sheet saved as text: a blank cell is an empty field
    expect(texts('项目\t\t合计\n201\t一般公共服务支出\t3,296,600')).toEqual([['项目\t\t合计', false], ['201\t一般公共服务支出\t3,296,600', false]]);
    // a few tabbed lines without an empty field: a sheet's small grid (三公) all the same
    expect(texts('合计\t因公出国（境）费\n22.00\t0.00')).toEqual([['合计\t因公出国（境）费', false], ['22.00\t0.00', false]]);
    // …unless a field holds two amounts, which no cell does (pdf-parse: the total's figures, then its label)
    expect(texts('购房补贴 11,800,000\n171,915,169 171,915,169\t合计')).toEqual([['购房补贴 11,800,000', false], ['171,915,169 171,915,169 合计', true]]);
    // twenty tabbed lines without one empty field: gaps, each tab one space, so columns stay
    const rows = Array.from({ length: 20 }, (_, i) => `201 \t${String(i).padStart(2, '0')} \t统计信息事务 \t438,300 \t0 \t438,300`).join('\n');
    expect(texts(rows)[0]).toEqual(['201  00  统计信息事务  438,300  0  438,300', true]);
  });

  it.each(['text/layout-continued.calc.layout.txt', 'text/shanghai-unit-budget.txt'])(
    '%s: its pages joined with a form feed alone give the findings of its pages as pdftotext joins them',
    async (name) => {
      const printed = fixtureText(name);
      const joined = printed.replace(/\n\f/g, '\f');
      expect(joined).not.toBe(printed);
      const expected = (await lintText(printed)).map((d) => ({ ...brief(d), page: d.page, message: d.message }));
      expect(expected.filter((d) => !d.ruleId.startsWith('读取/')).length).toBeGreaterThanOrEqual(4);
      expect((await lintText(joined)).map((d) => ({ ...brief(d), page: d.page, message: d.message }))).toEqual(expected);
    },
  );

  it('folds the radicals a tool kept from a font (⼀般, 部⻔) one character for one, so columns stay', () => {
    const src = splitLines('x.txt', '⼀般公共预算    部⻔公开表\n⺇ 1.00');
    // ⺇'s ideograph lies beyond the BMP: it stays, and 1.00 stays in its column
    expect(src.lines.map((l) => l.text)).toEqual(['一般公共预算    部门公开表', '⺇ 1.00']);
  });

  it('takes the kind the cover names where a text laid out as on the page pads the cover with spaces (pdfplumber layout=True)', () => {
    const pad = ' '.repeat(150);
    const cover = [...Array(20).fill(pad), `${' '.repeat(60)}江苏省某办公厅${pad}`, pad, pad, `${' '.repeat(58)}2019年度部门预算公开${pad}`, ...Array(20).fill(pad)];
    const body = ['第三部分 2019年度部门预算情况说明', '开展执法检查4次，审议工作报告、预决算、审计报告。'];
    expect(reportOf([...cover, ...body].join('\n')).kind).toBe('预算');
    // 预决算 (budgets and final accounts, a kind of report) states no year's 决算
    expect(reportOf(body.join('\n')).kind).toBe('预算');
  });

  it('handles CRLF line ends', () => {
    expect(splitLines('x.txt', '公开01表\r\n合计 1.00\r\n').lines.map((l) => l.text)).toEqual(['公开01表', '合计 1.00', '']);
  });
});

describe('PDF text', () => {
  it('folds every radical of the CJK Radicals Supplement to its ideograph (Chromium + Noto CJK: ⻣ for 骨)', async () => {
    const { normalizeText } = await import('../src/ingest/radicals.js');
    // ⻣ ⻔ ⻓ ⻨ ⻧ ⻙ ⻐ as Unicode's EquivalentUnifiedIdeograph.txt maps them; Kangxi radicals by NFKC
    expect(normalizeText('⻣科 ⻔诊 ⻓期 ⻨ ⻧ ⻙ ⻐ ⼊库')).toBe('骨科 门诊 长期 麦 卤 韦 钅 入库');
    // only radicals are touched: a 戶 printed as such stays, ⼾ is the simplified 户
    expect(normalizeText('戶 ⼾')).toBe('戶 户');
  });

  it('gives punctuation set down a cell (pdf.js: 项目资金︵元︶) the full-width form it has set across', async () => {
    const { normalizeText, normalizeChar } = await import('../src/ingest/radicals.js');
    expect(normalizeText('项目资金︵元︶ ﹁说明﹂︒ ︻附表︼')).toBe('项目资金（元） 「说明」。 【附表】');
    expect(normalizeChar('︶', 0xfe36)).toBe('）');
  });
});

// a disclosure is also kept as the Word or Excel file it was made from, or as an OFD: said what it
// is and what to give instead, not "binary content" nor "not a disclosure"
describe('a file that is neither PDF nor text', () => {
  const zip = (entry: string) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, ...new TextEncoder().encode(entry), 0, 0]);
  const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
  const message = async (bytes: Uint8Array, file = 'f') => {
    try {
      await readDocument(file, { bytes });
      return null;
    } catch (err) {
      return (err as Error).message;
    }
  };

  it('is named by its first bytes: Word, Excel, OFD, an old Office or WPS file, a ZIP, a picture', async () => {
    expect(await message(zip('word/document.xml'))).toBe('f 是 Word 文档（.docx），本工具检查 PDF 与提取出的文本：请把它导出为 PDF（或另存为文本）再检查');
    expect(await message(zip('xl/workbook.xml'))).toBe('f 是 Excel 工作簿（.xlsx），本工具检查 PDF 与提取出的文本：请把它导出为 PDF（或另存为文本）再检查');
    expect(await message(zip('OFD.xml'))).toBe('f 是 OFD 版式文件，本工具检查 PDF 与提取出的文本：请把它导出为 PDF（或另存为文本）再检查');
    expect(await message(ole)).toBe('f 是 Word、Excel 或 WPS 的文件（.doc、.xls、.wps、.et），本工具检查 PDF 与提取出的文本：请把它导出为 PDF（或另存为文本）再检查');
    expect(await message(zip('报表/公开01.pdf'))).toBe('f 是 ZIP 压缩包，本工具检查 PDF 与提取出的文本：请解压后检查其中的 PDF');
    expect(await message(png)).toBe('f 是图片，本工具检查 PDF 与提取出的文本：请检查公开的 PDF 文件');
    expect(await message(new Uint8Array([0x41, 0, 0x42]))).toBe('f 不是文本文件（含二进制内容）');
  });

  it('named .pdf (a Word file renamed), it is said what it is too', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'budget-lint-kinds-'));
    const file = path.join(dir, 'renamed.pdf');
    writeFileSync(file, zip('word/document.xml'));
    try {
      await expect(readDocument(file)).rejects.toThrow(`${file} 是 Word 文档（.docx），本工具检查 PDF 与提取出的文本：请把它导出为 PDF（或另存为文本）再检查`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
