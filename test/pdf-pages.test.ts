/** Every page is read or said: a page turned by /Rotate, a broken page, a page that is a picture. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFile, readingDiagnostics } from '../src/cli/lint.js';
import { readPdfFile, type PdfEngine } from '../src/ingest/index.js';
import { buildReport } from '../src/model/index.js';
import { looksScanned, mismappedSamples, readPages, type Glyph, type PageGlyphs } from '../src/ingest/pdf-common.js';
import { pageDrawing } from '../src/ingest/pdfjs-rulings.js';
import { findTableRegions } from '../src/layout/regions.js';
import { pictureUnder } from '../src/model/tables/pictured.js';
import { tableKinds } from '../src/model/tables/kinds.js';
import { defaultCatalog } from '../src/model/tables/catalog.js';
import type { Diagnostic } from '../src/rules/index.js';
import { builtinRules, FIXTURES } from './helpers.js';

const PDF = (name: string) => path.join(FIXTURES, 'pdf', name);
const unreadable = (ds: Diagnostic[]) => ds.filter((d) => d.ruleId === 'pdf/unreadable-page').map((d) => [d.page, d.severity, d.message]);

/** a fixture's model as JSON, without its file's name (and without what `drop` names) */
async function modelOf(name: string, engine: PdfEngine, drop: string[] = []) {
  const { file, ...rest } = buildReport(await readPdfFile(PDF(name), { engine }));
  return JSON.parse(JSON.stringify(rest, (key, v) => (drop.includes(key) ? undefined : v)).replaceAll(file, ''));
}

for (const engine of ['pdfium', 'unpdf'] as PdfEngine[]) {
  describe(`pages (${engine})`, () => {
    const model = (name: string) => modelOf(name, engine);
    it('a page turned by /Rotate 90 (qpdf --rotate=+90:2) gives the model of the unturned file', async () => {
      const turned = await readPdfFile(PDF('final-full.rotated.pdf'), { engine });
      expect(turned.problems).toEqual([]);
      expect(await model('final-full.rotated.pdf')).toEqual(await model('final-full.libreoffice.pdf'));
      const outcome = await lintFile(PDF('final-full.rotated.pdf'), await builtinRules(), { pdfEngine: engine });
      expect(outcome.diagnostics.filter((d) => d.ruleId === 'pdf/unreadable-page')).toEqual([]);
    }, 30000);

    it('pages drawn whole into A3 pages as form XObjects (qpdf --overlay) give the model and findings of the file drawn: text clipped inside a form stays unread', async () => {
      // wkhtmltopdf draws a row its page cut leaves half on each page twice, each time clipped to its page;
      // inside the form, the clip is in the form's space: read in the page's, the clipped copies came back
      const [drawn, original] = [await model('final-full.wkhtmltopdf.overlay.pdf'), await model('final-full.wkhtmltopdf.pdf')];
      expect(drawn.tables.map((t: { id: string }) => t.id)).toEqual(original.tables.map((t: { id: string }) => t.id));
      expect(drawn.notes).toEqual(original.notes);
      const said = async (file: string) => (await lintFile(PDF(file), await builtinRules(), { pdfEngine: engine })).diagnostics.map((d) => [d.ruleId, d.page, d.line, d.message]);
      expect(await said('final-full.wkhtmltopdf.overlay.pdf')).toEqual(await said('final-full.wkhtmltopdf.pdf'));
    }, 30000);

    // an owner password that forbids copying and printing, none to open (qpdf --encrypt '' owner):
    // how many disclosures are published; the text is read as the unrestricted file's
    it.each(['final-full.restricted-aes.pdf', 'final-full.restricted-rc4.pdf'])('%s, restricted without a password to open, gives the model and findings of the unrestricted file', async (name) => {
      const read = await model(name);
      expect(read.tables.map((t: { id: string }) => t.id)).toEqual(['公开01', '公开02', '公开03', '公开04', '公开05', '公开06', '公开07', '公开08', '公开09']);
      expect(read).toEqual(await model('final-full.libreoffice.pdf'));
      const said = async (file: string) => (await lintFile(PDF(file), await builtinRules(), { pdfEngine: engine })).diagnostics.map((d) => [d.ruleId, d.page, d.message]);
      expect(await said(name)).toEqual(await said('final-full.libreoffice.pdf'));
    }, 30000);

    // scripts/sideways.py: each page drawn a quarter turn counter-clockwise in a portrait box, with
    // /Rotate 90 (as a PDF printer saves landscape pages); PDFium's own line-finding, made for upright
    // text, then infers a line end after most characters, and those said the page was upright
    it('pages saved sideways with /Rotate 90 give the model of the upright file', async () => {
      const sideways = await model('corpus-haidong-city-2025-budget.chromium.sideways.pdf');
      expect(sideways.tables.length).toBeGreaterThanOrEqual(9);
      expect(sideways).toEqual(await model('corpus-haidong-city-2025-budget.chromium.pdf'));
    }, 60000);

    // scripts/xelatex/render.sh: a note set up the page's margin, a quarter turn from its text, is
    // left out and said; pdflscape's turned pages keep their page number upright, a quarter turn
    // from the table: it read as a line of one figure amid the rows (a row of 16 figures, a 上下级
    // finding of 2,101,101.00) until it was left out
    it('text turned a quarter turn from the page\'s own is left out: a page number unsaid, a note said', async () => {
      const noted = await readPdfFile(PDF('sideways-note.xelatex.pdf'), { engine });
      expect(noted.lines.map((l) => l.text.replace(/ /g, ''))).toEqual(['1', '第三部分情况说明', '一、收入支出决算总体情况说明', '2023年度收入总计120.00万元，支出总计120.00万元。']);
      expect(noted.problems).toEqual([{ page: 1, reason: 'sideways', message: '第 1 页有 15 个字与本页正文的方向不同（转了 90° 或 180°），这些文字未检查' }]);
      const turned = await readPdfFile(PDF('corpus-linxia-city-2023-final.xelatex.pdf'), { engine });
      expect(turned.lines.filter((l) => l.page === 3).map((l) => l.text)).not.toContain('3');
      expect(turned.problems).toEqual([]);
    }, 30000);

    // scripts/watermark.py: 政府信息公开 set at 45° across every page, over the content; its
    // characters, read by where they stand, landed amid rows and sentences (信 in 减信少)
    it('a watermark set at a slant or level is no text of the page: the model is the unmarked file\'s', async () => {
      const marked = await model('corpus-haidong-city-2025-budget.reportlab.watermark.pdf');
      expect(marked.tables.length).toBeGreaterThanOrEqual(9);
      expect(marked).toEqual(await model('corpus-haidong-city-2025-budget.reportlab.pdf'));
      // set level (scripts/watermark.py … over 0): crossing a page's text, or its blank half the same on every page
      expect(await model('corpus-haidong-city-2025-budget.reportlab.watermark-level.pdf')).toEqual(await model('corpus-haidong-city-2025-budget.reportlab.pdf'));
    }, 60000);

    // scripts/running-header.py: 海东市医疗保障局2025年部门预算 over every page, as a 页眉 (the cover's
    // title under it says the same); the model is the plain file's but for the lines it counts
    it('a running header is no part of what its pages say', async () => {
      const lines = ['line', 'endLine'];
      const headed = await modelOf('corpus-haidong-city-2025-budget.reportlab.running.pdf', engine, lines);
      expect(headed.tables.length).toBeGreaterThanOrEqual(9);
      expect(headed).toEqual(await modelOf('corpus-haidong-city-2025-budget.reportlab.pdf', engine, lines));
    }, 60000);

    it('a page that holds only a slanted watermark is a page without text, not text unread', async () => {
      const glyph: Glyph = { text: '合', x0: 10, x1: 20, y: 50, size: 10 };
      const page = (glyphs: Glyph[], slanted: number): PageGlyphs => ({ glyphs, width: 595, height: 842, unreadable: 0, slanted, drawn: () => ({ text: true, image: false }) });
      const doc = (pages: PageGlyphs[]) => ({ pages: pages.length, page: async (p: number) => pages[p - 1], close() {} });
      expect((await readPages('a.pdf', doc([page([glyph], 0), page([], 6)]))).problems).toEqual([]);
      // text drawn that gives no characters at all is still said
      expect((await readPages('a.pdf', doc([page([glyph], 0), page([], 0)]))).problems.map((q) => q.reason)).toEqual(['no-extractable-text']);
    });

    it.each(['pdf/final-full.damaged.pdf', 'pdf-structure/final-full.damaged.objstm.pdf'])('a page whose content stream does not inflate is said and left out; the other pages are checked (%s)', async (file) => {
      const outcome = await lintFile(path.join(FIXTURES, file), await builtinRules(), { pdfEngine: engine });
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
      expect(outcome.diagnostics[0].message).toBe('有 2 页未能完整读取（见各页的 pdf/unreadable-page），读出的文字里没有公开表，只核对了文字说明中的 2 处数字之间的关系');
    }, 30000);

    it('a file whose only readable page is no disclosure, the rest wrongly mapped, is refused for those pages, not as a letter', async () => {
      const file = path.join(FIXTURES, 'bad/mismapped-pages.pdf');
      const outcome = await lintFile(file, await builtinRules(), { pdfEngine: engine });
      expect(outcome.fatal).toBe(`${file}: 有 2 页未能完整读取（如第 2 页的文字提取有误（字体的 Unicode 映射不对：「管理事ó 2」、「管理事ó支出」等处出现了中文里不该有的字母）），读出的文字里没有公开表，也没有预决算情况说明，未检查`);
    }, 30000);

    it('a scanned page among text pages is said; the table running onto it is said cut; the other pages are read as before', async () => {
      const outcome = await lintFile(PDF('final-full.scan-page.pdf'), await builtinRules(), { pdfEngine: engine });
      expect(unreadable(outcome.diagnostics)).toEqual([[3, 2, '第 3 页没有文本层（图片），未检查']]);
      const whole = buildReport(await readPdfFile(PDF('final-full.libreoffice.pdf'), { engine }));
      expect(outcome.report!.tables.map((t) => t.id)).toEqual(whole.tables.map((t) => t.id));
      // its title ends page 2, its rows follow the picture: whether the picture held some of them is not known
      expect(outcome.diagnostics.filter((d) => d.ruleId === '读取/表格未能读取').map((d) => [d.page, d.line, d.table, d.message])).toEqual([
        [2, 51, '公开04', '「财政拨款收入支出决算总表」（第 2 页）未能读取：表的后续印在第 3 页，该页未能读取，读到的不全；这张表的核对都已跳过'],
      ]);
      expect(outcome.report!.tables.filter((t) => t.unread !== null).map((t) => t.id)).toEqual(['公开04']);
    }, 30000);

    it('a table pasted as a picture under its title is said unread, not empty; the other tables read as before', async () => {
      const outcome = await lintFile(PDF('final-full.pictured.chromium.pdf'), await builtinRules(), { pdfEngine: engine });
      expect(outcome.diagnostics.map((d) => [d.ruleId, d.page, d.line, d.table, d.message])).toEqual([
        ['读取/表格未能读取', 12, 2, '公开09', '「财政拨款“三公”经费支出决算表」（第 12 页）未能读取：表格印成了图片（第 12 页），其中的数字无法读取；这张表的核对都已跳过'],
      ]);
      const tables = (r: { tables: Array<{ id: string; rows: unknown[] }> }) => r.tables.filter((t) => t.id !== '公开09').map((t) => [t.id, t.rows.length]);
      const printed = buildReport(await readPdfFile(PDF('final-full.chromium.pdf'), { engine }));
      expect(tables(outcome.report!)).toEqual(tables(printed));
    }, 30000);

    it('a page scanned and made searchable by OCR among text pages is said and not read; the table it held part of is said cut', async () => {
      const outcome = await lintFile(PDF('final-full.ocr-page.pdf'), await builtinRules(), { pdfEngine: engine });
      expect(outcome.fatal).toBeNull();
      expect(outcome.diagnostics.map((d) => [d.ruleId, d.page, d.line, d.message])).toEqual([
        ['读取/表格未能读取', 2, 51, '「财政拨款收入支出决算总表」（第 2 页）未能读取：表的后续印在第 3 页，该页未能读取，读到的不全；这张表的核对都已跳过'],
        ['pdf/unreadable-page', 3, 1, '第 3 页是扫描的图片，上面的文字是文字识别（OCR）得出的隐形文字层，识别出的数字可能有误，本页未检查'],
      ]);
      // nothing of the OCR layer is read: no line of page 3
      expect(outcome.report!.unreadPages).toEqual([3]);
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
  // as PDFium reads 江苏省委办公厅2019年度部门预算公开表格 once `mutool convert` has dropped its SimSun's
  // ToUnicode: the glyph numbers are taken for code points (Thaana, NKo, Balinese, CJK strokes)
  it('a page of characters from scripts no disclosure prints is unreadable, with three places from three lines', () => {
    const garbage = lines('᭦ޕ亴㇇ᙫ㺘', '䜘䰘˖ѝ⊏ޡ㣿ⴱင࣎ޜ঵ অս˖зݳ', '亩ⴞ਽〠 䠁仍', '᭦ޕᙫ䇑');
    expect(mismappedSamples(garbage)).toEqual(['᭦ޕ亴㇇', '䜘䰘˖ѝ', '亩ⴞ਽〠 ']);
  });
  it('a few Greek letters or a rare character on a page of Chinese, or a cover in an autonomous region\'s script, are text as printed', () => {
    const chinese = '一般公共预算财政拨款支出决算表 单位：万元 项目 本年支出合计 基本支出 项目支出 '.repeat(3);
    expect(mismappedSamples(lines('系数α取 0.8，β取 1.2，单位 μg', chinese, '㐀', chinese))).toBeNull();
    expect(mismappedSamples(lines('བོད་ལྗོངས་རང་སྐྱོང་ལྗོངས་', '西藏自治区财政厅', 'شىنجاڭ ئۇيغۇر ئاپتونوم رايونى', 'ᠦᠪᠦᠷ ᠮᠣᠩᠭᠣᠯ', '연변조선족자치주', 'ꆈꌠꁱꂷ'))).toBeNull();
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
      { page: 3, reason: 'picture', message: '第 3 页没有文本层（图片），未检查' },
      { page: 4, reason: 'damaged', message: '第 4 页的内容数据已损坏（解压失败），本页未检查' },
    ]);
    expect(read.lines.map((l) => l.page)).toEqual([1]);
  });

  it('a file drawing neither text nor pictures (text turned into shapes, or blank) is not called a scan', async () => {
    await expect(readPages('a.pdf', doc([page([], { text: false, image: false })]))).rejects.toThrow('a.pdf 没有可提取的文字：页面上既没有文本，也没有图片（文字可能已转成曲线，或页面是空白的），未检查；请用原始电子文件导出的 PDF 检查');
  });

  it('a file of pictures only is not read at all (an export from the original, not OCR, is asked for)', async () => {
    await expect(readPages('a.pdf', doc([page([], { text: false, image: true })]))).rejects.toThrow('a.pdf 没有文本层（图片或扫描件），未检查；请用原始电子文件导出的 PDF 检查（扫描件做文字识别得出的数字可能有误，本工具不据此检查）');
  });
});

describe('a scan made searchable by OCR', () => {
  it('is a page that paints a picture and draws (nearly) all its text invisibly', () => {
    expect(looksScanned(480, 500, true)).toBe(true);
    expect(looksScanned(500, 500, false)).toBe(false); // hidden text without a picture: read as before
    expect(looksScanned(400, 500, true)).toBe(false); // a page of print with some invisible text over a logo
    expect(looksScanned(0, 0, true)).toBe(false);
  });

  it("pdf.js: the render mode is followed through save/restore and forms; show-text operators' glyphs are counted", async () => {
    const glyph = { unicode: '表' };
    // q 3 Tr [glyphs] Q [glyph] form{ 7 Tr [glyphs] } [glyph] paintImageXObject
    const fnArray = [10, 38, 44, 11, 44, 74, 38, 45, 75, 44, 85];
    const argsArray = [null, [3], [[glyph, glyph, glyph]], null, [[glyph]], [null, null], [7], [[glyph, -120, glyph]], null, [[glyph]], ['img']];
    const viewport = { transform: [1, 0, 0, 1, 0, 0], width: 600, height: 800 };
    const drawing = async (list: { fnArray: number[]; argsArray: unknown[] }) => {
      const { text, pictures } = await pageDrawing({ getOperatorList: async () => list }, viewport);
      return { ...text, paintsImage: pictures.length > 0 };
    };
    expect(await drawing({ fnArray, argsArray })).toEqual({ glyphs: 7, invisible: 5, paintsImage: true });
    expect(await drawing({ fnArray: [44], argsArray: [[[glyph]]] })).toEqual({ glyphs: 1, invisible: 0, paintsImage: false });
  });

  it('a page so made is said and not read; a file of such pages is refused in one line', async () => {
    const glyph: Glyph = { text: '表', x0: 10, x1: 20, y: 50, size: 10 };
    const text: PageGlyphs = { glyphs: [glyph], width: 600, height: 800, unreadable: 0 };
    const scanned: PageGlyphs = { glyphs: [], width: 600, height: 800, unreadable: 0, scanned: true };
    const doc = (pages: PageGlyphs[]) => ({ pages: pages.length, page: async (p: number) => pages[p - 1], close() {} });
    const read = await readPages('a.pdf', doc([text, scanned]));
    expect(read.problems).toEqual([{ page: 2, reason: 'scanned', message: '第 2 页是扫描的图片，上面的文字是文字识别（OCR）得出的隐形文字层，识别出的数字可能有误，本页未检查' }]);
    expect(read.lines.map((l) => l.page)).toEqual([1]);
    await expect(readPages('a.pdf', doc([scanned, scanned]))).rejects.toThrow('a.pdf 是扫描件，文字来自文字识别（OCR），识别出的数字可能有误，未检查；请用原始电子文件导出的 PDF 检查');
  });
});

describe('a table running onto a page that was not read', () => {
  const line = (line: number, page: number, text: string) => ({ line, page, text });
  const lines = [
    line(1, 1, '收入支出决算总表'),
    line(2, 1, '单位：万元'),
    line(3, 1, '项目 决算数 项目 决算数'),
    line(4, 1, '一、一般公共预算财政拨款收入 10.00 一、一般公共服务支出 10.00'),
    line(5, 3, '二、政府性基金预算财政拨款收入 0.00 二、外交支出 0.00'),
  ];
  const kinds = tableKinds(defaultCatalog());
  it('is known to be cut at that page, and lines after it are none of its rows', () => {
    const [region] = findTableRegions({ file: 'a.pdf', encoding: 'utf-8', lines, problems: [{ page: 2, reason: 'picture', message: '' }] } as never, kinds);
    expect(region.cutAt).toBe(2);
    expect(region.lines.map((l) => l.source.line)).toEqual([2, 3, 4]);
  });
  it('goes on across a page that is only blank', () => {
    const [region] = findTableRegions({ file: 'a.pdf', encoding: 'utf-8', lines, problems: [] } as never, kinds);
    expect(region.cutAt).toBeUndefined();
    expect(region.lines.map((l) => l.source.line)).toEqual([2, 3, 4, 5]);
  });
});

describe('the picture a table is pasted as', () => {
  const region = (page: number, y: number) => ({ anchor: { line: 1, page, y, text: '' }, titleSource: null }) as never;
  const text = [1, 2].map((page) => ({ line: page, page, y: 80, text: '正文', pieces: [{ text: '正文', x0: 50, x1: 550 }] }));
  it('is a wide picture under the title, above the next title; on the next page for a title at the foot of a page', () => {
    const [a, b, c] = [region(1, 100), region(1, 500), region(1, 780)];
    const pictures = [
      { page: 1, x0: 60, x1: 540, y0: 130, y1: 300 },
      { page: 1, x0: 400, x1: 500, y0: 520, y1: 620 }, // a seal under the second title: not a grid
      { page: 2, x0: 50, x1: 545, y0: 40, y1: 200 },
    ];
    const of = pictureUnder([a, b, c], { lines: text as never, pictures });
    expect(of(a)).toEqual(pictures[0]);
    expect(of(b)).toBeNull();
    expect(of(c)).toEqual(pictures[2]);
  });
});

describe('a table not read on a page that lost text', () => {
  // AbiWord (through cairo, in Noto CJK) maps some digit glyphs to U+FFFD: a 绩效目标表's project
  // codes come out as nothing, and the table is not read; its reason then names the page's lost
  // text. Here the same table as AbiWord sets it in a font it maps whole, without the page's rules
  // (its rows, set closer than a line and a half, are then not told apart), with that loss added.
  it('says the page lost text, pointing at pdf/unreadable-page; on another page it says the reason alone', async () => {
    const read = await readPdfFile(PDF('corpus-haidong-city-2025-budget.abiword.pdf'), { engine: 'pdfium' });
    const reading = { ...read, rulings: read.rulings?.filter((r) => r.page !== 13 && r.page !== 14) };
    const said = (page?: number) => {
      const problems = page === undefined ? [] : [{ page, message: `第 ${page} 页有 3 处文字提取不出（字体缺少可用的 Unicode 映射），这些文字未检查` }];
      return readingDiagnostics(buildReport({ ...reading, problems })).filter((d) => d.ruleId === '读取/表格未能读取').map((d) => [d.page, d.message]);
    };
    const title = '「2025年部门预算项目支出绩效目标表」（第 13 页）未能读取：表格按行排版，未能确定各项目跨哪几行，未逐项目读取';
    expect(said()).toEqual([[13, `${title}；这张表的核对都已跳过`]]);
    expect(said(13)).toEqual([[13, `${title}（该页有文字未能提取，见 pdf/unreadable-page）；这张表的核对都已跳过`]]);
    expect(said(12)).toEqual(said());
  }, 30000);
});
