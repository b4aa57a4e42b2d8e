/**
 * The two PDF engines: the same model and the same diagnostics, at the same places, from every
 * fixture PDF; and what per-character positions give that runs of text cannot.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFile } from '../src/cli/lint.js';
import { readDocument, readPdfBytes, readPdfFile } from '../src/ingest/index.js';
import { buildReport } from '../src/model/index.js';
import { builtinRules, FIXTURES, ROOT } from './helpers.js';
import { content, formContent, placeless } from './model-content.js';

const FIXTURE_PDFS = [
  ...readdirSync(path.join(FIXTURES, 'pdf')).filter((f) => f.endsWith('.pdf')).map((f) => path.join(FIXTURES, 'pdf', f)),
  path.join(FIXTURES, 'sample/budget-2025.pdf'),
];

/**
 * Files that draw text and clip it out of view: Calc's merged cells, a header cell's wrapped last
 * character. PDFium leaves that text out. Under unpdf, only text outside every box that text is
 * clipped to is known not printed (pdf.js's text content does not say which text is clipped to
 * which box): text clipped by its own cell but standing in another's is read. Each names a line
 * only unpdf reads. (A row on a page cut, drawn on both pages and each copy clipped to its page,
 * as wkhtmltopdf and WPS do, reads the same under both.)
 */
const CLIPPED: Record<string, string> = {
  'corpus-haidong-city-2025-budget.all.calc.pdf': '业务操作经办培训及',
  'corpus-weihai-huancui-2023-final.all.calc.pdf': '效益指标（20分）',
  'corpus-haidong-city-2025-budget.all-other.calc.pdf': '产出指标',
  'corpus-haidong-city-2025-budget.structural.calc.pdf': '产出指标',
  'corpus-weihai-huancui-2023-final.all-other.calc.pdf': '效益指标（20分）',
  'corpus-weihai-huancui-2023-final.shrink.calc.pdf': '质量指标',
  '江苏省委办公厅2019年度部门预算公开表格.pdf': '式',
};

/**
 * Files whose next page shows the end of a cell cut by the paper's left edge (a sheet printed
 * across pages: layout/pages-across.ts drops it): how much of its first character counts as on
 * the page differs by engine. Each names the lines as PDFium reads them and as unpdf does.
 */
const EDGE_CUT: Record<string, Array<[string, string]>> = {
  'layout-codes.gnumeric.pdf': [['5:政拨款收支总表', '5:拨款收支总表']],
  'layout-spanning.gnumeric.pdf': [['5:车购置及运行维护费', '5:购置及运行维护费']],
  'layout-halves.gnumeric.pdf': [['3:算财政拨款基本支出决算明细表', '3:财政拨款基本支出决算明细表']],
  'corpus-haidong-city-2025-budget.target.gnumeric.pdf': [['4:025年部门预算项目支出绩效目标表', '4:25年部门预算项目支出绩效目标表']],
  'corpus-weihai-huancui-2023-final.cut.gnumeric.pdf': [['7:3年度中央对地方转移支付项目绩效自评表', '7:年度中央对地方转移支付项目绩效自评表']],
  // the title's rest at the next page's left edge, beside its row's number in the gutter
  'layout-headings-wide.calc.pdf': [['4:2', '4:2025年部门支出总表2']],
  // a title parted between two characters: Calc clips each page's part to the page, which pdf.js reads whole
  'layout-parted.calc.pdf': [
    ['3:河西县农业农村局2025年部门', '3:河西县农业农村局2025年部门支出总表'],
    ['4:支出总表', '4:西县农业农村局2025年部门支出总表'],
    ['6:河西县农业农村局2025年一般公共', '6:河西县农业农村局2025年一般公共预算支出表'],
    ['7:预算支出表', '7:农业农村局2025年一般公共预算支出表'],
  ],
};

/**
 * Files the two engines read differently, each with how: a case that comes to read the same makes
 * its it.fails fail, and its line here goes.
 */
const ENGINES_DIFFER: Record<string, string> = {
  // pdf.js reads the title merged over the repeated columns unclipped, each page's copy over the
  // other's (河西县农业农村局202河5年西部县门…): the pages repeating the first columns differ from the
  // page before, are not joined, and their rows are said unread (no false finding)
  'layout-parted-columns.calc.pdf': 'unpdf: the repeated columns\' pages not joined',
  // Typst spaces Chinese and Latin a quarter em apart (0 起, 2025年12月31日), as wide as a space
  // typed between words; pdf.js gives both as a space of its own making, filling the gap, while
  // PDFium sees a typed space's glyph and no glyph in the spacing. Taking every such narrow space
  // for the spacing joined typed words under unpdf (威海's grades list 2 医疗救助 … 97.6 优, set by
  // LibreOffice, Ghostscript and Typst): so under unpdf the spacing parts words. In the borderless
  // renderings, forms read as words then differ (时效指标 2025年12月31日 one cell or two), and
  // lines' text by a space (a reading notice's column)
  'corpus-guizhou-office-2023-final.bare.typst.pdf': 'unpdf: Typst\'s quarter-em spacing parts a form\'s words',
  'corpus-haidong-city-2025-budget.bare.typst.pdf': 'unpdf: Typst\'s quarter-em spacing, a space in the line\'s text',
  'corpus-linxia-city-2023-final.bare.typst.pdf': 'unpdf: Typst\'s quarter-em spacing, a space in the line\'s text',
  'corpus-weihai-huancui-2023-final.bare.typst.pdf': 'unpdf: Typst\'s quarter-em spacing parts a form\'s words',
  'target.sheet.typst.pdf': 'unpdf: Typst\'s quarter-em spacing parts 2025 年底前完成; the 绩效目标表 is said unread',
};

/** PDFium's lines are unpdf's without some: the clipped ones, `clippedLine` among them */
function withoutClipped(pdfium: Array<[number | undefined, string]>, unpdf: Array<[number | undefined, string]>, clippedLine: string) {
  const key = ([p, t]: [number | undefined, string]) => `${p}:${t}`;
  const extra: string[] = [];
  let k = 0;
  for (const line of unpdf) {
    if (k < pdfium.length && key(pdfium[k]) === key(line)) k++;
    else extra.push(line[1]);
  }
  expect(k).toBe(pdfium.length);
  expect(extra).toContain(clippedLine.replace(/ /g, ''));
}

describe('PDFium and unpdf give the same model', () => {
  for (const file of FIXTURE_PDFS.filter((f) => !CLIPPED[path.basename(f)])) {
    (ENGINES_DIFFER[path.basename(file)] ? it.fails : it)(path.basename(file), async () => {
      const [a, b] = await Promise.all(['pdfium', 'unpdf'].map((e) => readDocument(file, { pdfEngine: e as 'pdfium' | 'unpdf' })));
      // the text may differ in spaces (pdf.js puts one where fonts switch: 公开 01 表), not in lines
      const cuts = EDGE_CUT[path.basename(file)] ?? [];
      const lines = (t: typeof a, k: 0 | 1) => t.lines.map((l) => `${l.page}:${l.text.replace(/ /g, '')}`).map((l) => (cuts.some((c) => c[k] === l) ? '(cut by the edge)' : l));
      expect(lines(a, 0)).toEqual(lines(b, 1));
      const [ra, rb] = [buildReport(a), buildReport(b)];
      expect([ra.kind, ra.year, ra.unit, ra.notes]).toEqual([rb.kind, rb.year, rb.unit, rb.notes]);
      expect(content(ra)).toEqual(content(rb));
      expect(formContent(ra)).toEqual(formContent(rb));
      const rules = await builtinRules();
      const [la, lb] = await Promise.all(['pdfium', 'unpdf'].map((e) => lintFile(file, rules, { pdfEngine: e as 'pdfium' | 'unpdf' })));
      expect(placeless(la.diagnostics)).toEqual(placeless(lb.diagnostics));
      expect(la.diagnostics.map((d) => [d.ruleId, d.page, d.line])).toEqual(lb.diagnostics.map((d) => [d.ruleId, d.page, d.line]));
    }, 30000);
  }
  for (const file of FIXTURE_PDFS.filter((f) => CLIPPED[path.basename(f)])) {
    it(`${path.basename(file)}: the same lines but those PDFium finds clipped out of view`, async () => {
      const [a, b] = await Promise.all(['pdfium', 'unpdf'].map((e) => readDocument(file, { pdfEngine: e as 'pdfium' | 'unpdf' })));
      const lines = (t: typeof a) => t.lines.map((l) => [l.page, l.text.replace(/ /g, '')] as [number | undefined, string]);
      withoutClipped(lines(a), lines(b), CLIPPED[path.basename(file)]);
    }, 30000);
  }
});

const REAL = path.resolve(ROOT, '../shared/real-pdf');
const REAL_PDFS = existsSync(REAL) ? readdirSync(REAL).filter((f) => f.endsWith('.pdf')) : [];

/**
 * Published PDFs where part of a line is clipped out of view inside a form XObject: Word's charts
 * draw each label in the chart's box, and a label running past the box is cut (项目支出 prints as
 * 支出). PDFium leaves the part out; under unpdf it is read (no one box clips all the page's text).
 * Each: the line as PDFium reads it, as unpdf does (spaces aside).
 */
const CLIPPED_IN_LINE: Record<string, [string, string]> = {
  '江苏省高级人民法院2017年度部门预算公开.pdf': ['支出,40.01%', '项目支出,40.01%'],
  '江苏省高级人民法院2018年度部门预算公开.pdf': ['支出,34.20%基本支出,55.98%', '项目支出,34.20%基本支出,55.98%'],
};

describe.skipIf(REAL_PDFS.length === 0)('published PDFs (../shared/real-pdf): the same lines from both engines', () => {
  for (const name of REAL_PDFS) {
    it(name, async () => {
      const [a, b] = await Promise.all(['pdfium', 'unpdf'].map((e) => readPdfFile(path.join(REAL, name), { engine: e as 'pdfium' | 'unpdf' })));
      // spaces aside: pdf.js puts one where fonts switch or text is justified; a line clipped in part, as each engine reads it, is one line
      const cut = CLIPPED_IN_LINE[name] ?? [];
      const lines = (t: typeof a, k: number) => t.lines.map((l) => [l.page, l.text.replace(/ /g, '')] as [number | undefined, string]).map(([p, x]): [number | undefined, string] => [p, x === cut[k] ? '(clipped in part)' : x]);
      if (cut.length) expect(lines(a, 0).filter(([, x]) => x === '(clipped in part)')).toHaveLength(1);
      if (CLIPPED[name]) withoutClipped(lines(a, 0), lines(b, 1), CLIPPED[name]);
      else expect(lines(a, 0)).toEqual(lines(b, 1));
    }, 60000);
  }
});

/** a one-page PDF drawing `ops` with Helvetica as /F1 and /F2 (a standard font: no file needed) */
function pdfWith(ops: string): Uint8Array {
  const font = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>',
    font,
    font,
    `<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

describe('positions', () => {
  it('a run that straddles two cells is cut at the gap, and PDFium places the second cell exactly', async () => {
    // one TJ: "12.5", half an em of kerning (pdf.js makes that one item with a space), "ABC"
    const bytes = pdfWith('BT /F1 10 Tf 100 700 Td [(12.5) -500 (ABC)] TJ ET');
    for (const engine of ['pdfium', 'unpdf'] as const) {
      const { lines } = await readPdfBytes('straddle.pdf', bytes, { engine });
      expect(lines.map((l) => l.pieces!.map((p) => p.text))).toEqual([['12.5', 'ABC']]);
    }
    const { lines } = await readPdfBytes('straddle.pdf', bytes, { engine: 'pdfium' });
    // Helvetica: 1 2 5 are 556/1000 em, the point 278: 19.46pt; then 5pt of gap
    const [num, label] = lines[0].pieces!;
    expect(num.x0).toBeCloseTo(100, 1);
    expect(num.x1).toBeCloseTo(119.46, 1);
    expect(label.x0).toBeCloseTo(124.46, 1);
  });

  it('text clipped out of view is not read, and a page whose text is all so is not said unreadable', async () => {
    // the page's text clipped to its upper half: the copy of a row drawn below it is not printed
    const inHalf = pdfWith('q 0 421 595 421 re W n BT /F1 10 Tf 100 700 Td (kept 12.50) Tj ET BT /F1 10 Tf 100 300 Td (cut 12.50) Tj ET Q');
    const allCut = pdfWith('q 0 421 595 421 re W n BT /F1 10 Tf 100 300 Td (cut 12.50) Tj ET Q');
    for (const engine of ['pdfium', 'unpdf'] as const) {
      const { lines } = await readPdfBytes('clipped.pdf', inHalf, { engine });
      expect(lines.map((l) => l.text)).toEqual(['kept 12.50']);
      await expect(readPdfBytes('all-clipped.pdf', allCut, { engine })).rejects.toThrow(/没有可提取的文字：页面上既没有文本，也没有图片/);
    }
  });

  it('fragments of one number drawn in two fonts are one piece', async () => {
    const bytes = pdfWith('BT /F1 10 Tf 100 700 Td (0.) Tj /F2 10 Tf (14) Tj /F1 10 Tf 40 0 Td (x) Tj ET');
    for (const engine of ['pdfium', 'unpdf'] as const) {
      const { lines } = await readPdfBytes('fragments.pdf', bytes, { engine });
      expect(lines.map((l) => l.pieces!.map((p) => p.text))).toEqual([['0.14', 'x']]);
    }
  });
});
