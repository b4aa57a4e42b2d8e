/** Every page is read or said: a page turned by /Rotate, a broken page, a page that is a picture. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFile } from '../src/cli/lint.js';
import { readPdfFile, type PdfEngine } from '../src/ingest/index.js';
import { buildReport } from '../src/model/index.js';
import { mismappedSamples, readPages, type Glyph, type PageGlyphs } from '../src/ingest/pdf-common.js';
import type { Diagnostic } from '../src/rules/index.js';
import { builtinRules, FIXTURES } from './helpers.js';

const PDF = (name: string) => path.join(FIXTURES, 'pdf', name);
const unreadable = (ds: Diagnostic[]) => ds.filter((d) => d.ruleId === 'pdf/unreadable-page').map((d) => [d.page, d.severity, d.message]);

for (const engine of ['pdfium', 'unpdf'] as PdfEngine[]) {
  describe(`pages (${engine})`, () => {
    it('a page turned by /Rotate 90 (qpdf --rotate=+90:2) gives the model of the unturned file', async () => {
      const model = async (name: string) => {
        const { file, ...rest } = buildReport(await readPdfFile(PDF(name), { engine }));
        return JSON.parse(JSON.stringify(rest).replaceAll(file, ''));
      };
      const turned = await readPdfFile(PDF('final-full.rotated.pdf'), { engine });
      expect(turned.problems).toEqual([]);
      expect(await model('final-full.rotated.pdf')).toEqual(await model('final-full.libreoffice.pdf'));
      const outcome = await lintFile(PDF('final-full.rotated.pdf'), await builtinRules(), { pdfEngine: engine });
      expect(outcome.diagnostics.filter((d) => d.ruleId === 'pdf/unreadable-page')).toEqual([]);
    }, 30000);

    it('a page whose content stream does not inflate is said and left out; the other pages are checked', async () => {
      const outcome = await lintFile(PDF('final-full.damaged.pdf'), await builtinRules(), { pdfEngine: engine });
      expect(outcome.fatal).toBeNull();
      expect(unreadable(outcome.diagnostics)).toEqual([[2, 2, '第 2 页的内容数据已损坏（解压失败），本页未检查']]);
      const pages = new Set(outcome.report!.tables.map((t) => t.loc.page));
      expect(pages.has(2)).toBe(false);
      expect([...pages].filter((p) => p! > 2).length).toBeGreaterThan(0);
      // the damaged page held 公开03: a table not found where a page was not read is not said missing
      expect(outcome.report!.unreadPages).toEqual([2]);
      expect(outcome.diagnostics.filter((d) => d.ruleId === '形式/必备表')).toEqual([]);
    }, 30000);

    it('pages whose font maps glyphs to the wrong characters (a PDF rewritten by Ghostscript) are said and left out', async () => {
      const outcome = await lintFile(PDF('target.chromium.gs.pdf'), await builtinRules(), { pdfEngine: engine });
      expect(outcome.fatal).toBeNull();
      expect(unreadable(outcome.diagnostics)).toEqual([
        [2, 2, '第 2 页的文字提取有误（字体的 Unicode 映射不对：「管理事ó 2」、「管理事ó支出」等处出现了中文里不该有的字母），本页未检查'],
        [4, 2, '第 4 页的文字提取有误（字体的 Unicode 映射不对：「ÿ万元Ā」、「ÿ万元Ā 标」、「度 服ó对象」等处出现了中文里不该有的字母），本页未检查'],
      ]);
      // nothing read from those pages: no table, no target table, and no table said missing
      expect(outcome.report!.tables).toEqual([]);
      expect(outcome.report!.targetTable).toBeNull();
      expect(outcome.diagnostics.map((d) => d.ruleId)).toEqual(['读取/未含公开表', 'pdf/unreadable-page', 'pdf/unreadable-page']);
      expect(outcome.diagnostics[0].message).toBe('有 2 页未能读取（见各页的 pdf/unreadable-page），其余页面里没有公开表，只核对了文字说明中的 2 处数字之间的关系');
    }, 30000);

    it('a file whose only readable page is no disclosure, the rest wrongly mapped, is refused for those pages, not as a letter', async () => {
      const file = path.join(FIXTURES, 'bad/mismapped-pages.pdf');
      const outcome = await lintFile(file, await builtinRules(), { pdfEngine: engine });
      expect(outcome.fatal).toBe(`${file}: 有 2 页未能读取（如第 2 页的文字提取有误（字体的 Unicode 映射不对：「管理事ó 2」、「管理事ó支出」等处出现了中文里不该有的字母）），其余页面里没有公开表，也没有预决算情况说明，未检查`);
    }, 30000);

    it('a scanned page among text pages is said; the other pages are read as before', async () => {
      const outcome = await lintFile(PDF('final-full.scan-page.pdf'), await builtinRules(), { pdfEngine: engine });
      expect(unreadable(outcome.diagnostics)).toEqual([[3, 2, '第 3 页没有文本层（图片），未检查']]);
      const whole = buildReport(await readPdfFile(PDF('final-full.libreoffice.pdf'), { engine }));
      expect(outcome.report!.tables.map((t) => t.id)).toEqual(whole.tables.map((t) => t.id));
    }, 30000);
  });
}

describe('text through a wrong Unicode map', () => {
  const lines = (...texts: string[]) => texts.map((text, k) => ({ line: k + 1, text, page: 1 }));
  it('two accented letters beside Chinese make a page unreadable, with the places shown', () => {
    expect(mismappedSamples(lines('部门ÿ海东市医疗保障局', '一般公共服ó支出 25.39'))).toEqual(['部门ÿ海东', '公共服ó支出']);
  });
  it('a foreign name, a product name in Latin letters, or one stray letter is Chinese text as printed', () => {
    expect(mismappedSamples(lines('升级完善“苏检e访通”', '聘请 Müller 教授讲课', 'DIP支付方式改革', '咖啡ó'))).toBeNull();
  });
  it('every page of a file read through a wrong map: the file is refused with the reason', async () => {
    const glyphs = (text: string): Glyph[] => [...text].map((ch, k) => ({ text: ch, x0: 50 + 10 * k, x1: 59 + 10 * k, y: 100, size: 10 }));
    const page: PageGlyphs = { glyphs: glyphs('部门ÿ海东市医疗保障局 公共服ó支出'), width: 595, height: 842, unreadable: 0 };
    await expect(readPages('x.pdf', { pages: 1, page: async () => page, close() {} })).rejects.toThrow('x.pdf 的文字提取有误（字体的 Unicode 映射不对，提取出的文字与印出的不同），请用原始文件重新导出 PDF');
  });
});

describe('what a page that gives no text is', () => {
  const glyph: Glyph = { text: '表', x0: 10, x1: 20, y: 50, size: 10 };
  const page = (glyphs: Glyph[], drawn: { text: boolean; image: boolean }, objectNumber?: number): PageGlyphs => ({ glyphs, width: 600, height: 800, unreadable: 0, drawn: () => drawn, objectNumber });
  const doc = (pages: PageGlyphs[]) => ({ pages: pages.length, page: async (p: number) => pages[p - 1], close() {} });
  const none = { text: false, image: false };

  it('a blank page is fine; a picture is said; a damaged page is said and its text left out', async () => {
    const read = await readPages('a.pdf', doc([page([glyph], none), page([], none), page([], { text: false, image: true }), page([glyph], none, 40)]), undefined, new Set([40]));
    expect(read.problems).toEqual([
      { page: 3, message: '第 3 页没有文本层（图片），未检查' },
      { page: 4, message: '第 4 页的内容数据已损坏（解压失败），本页未检查' },
    ]);
    expect(read.lines.map((l) => l.page)).toEqual([1]);
  });

  it('a file of pictures only is not read at all (OCR first)', async () => {
    await expect(readPages('a.pdf', doc([page([], { text: false, image: true })]))).rejects.toThrow('a.pdf 没有文本层（图片或扫描件），请先做文字识别（OCR）再检查');
  });
});
