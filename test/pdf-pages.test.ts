/** Every page is read or said: a page turned by /Rotate, a broken page, a page that is a picture. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFile } from '../src/cli/lint.js';
import { readPdfFile, type PdfEngine } from '../src/ingest/index.js';
import { buildReport } from '../src/model/index.js';
import { readPages, type Glyph, type PageGlyphs } from '../src/ingest/pdf-common.js';
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
    }, 30000);

    it('a scanned page among text pages is said; the other pages are read as before', async () => {
      const outcome = await lintFile(PDF('final-full.scan-page.pdf'), await builtinRules(), { pdfEngine: engine });
      expect(unreadable(outcome.diagnostics)).toEqual([[3, 2, '第 3 页没有文本层（图片），未检查']]);
      const whole = buildReport(await readPdfFile(PDF('final-full.libreoffice.pdf'), { engine }));
      expect(outcome.report!.tables.map((t) => t.id)).toEqual(whole.tables.map((t) => t.id));
    }, 30000);
  });
}

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
