/**
 * Producers the readers were not built from: the HTML that Chromium is given for two corpus
 * documents and for final-full, rendered by WeasyPrint and by wkhtmltopdf (scripts/make-fixtures.mjs,
 * NEW_PRODUCERS), and LibreOffice's renderings of the same three rewritten by Ghostscript's pdfwrite
 * (fonts re-subset and re-encoded, as print-to-PDF services do) and by cairo (pdftocairo). Each
 * rendering, read by either engine, must give the model and the diagnostics of its text version;
 * only locations differ. Committed fixtures only (CI has none of these producers).
 *
 * What they carry: wkhtmltopdf lays the document out as one long portrait page and cuts it into
 * pages, so a row on a cut is drawn on both pages, clipped away on one of them; WeasyPrint sets
 * header cells and 栏次 numbers at the left of their columns, over right-aligned figures.
 *
 * And every corpus document by AbiWord (the ODT Writer saves, opened in AbiWord and exported;
 * make-fixtures.mjs, abiwordPlan): rows set closer than a line and a half (a 整体支出 form's rows
 * as close as its cells' wrapped lines), a note close under its table's last row, figures and
 * codes wider than a narrow cell broken over two lines (3.3 / 5 for 3.35, 3070 / 2 for 30702).
 *
 * And every corpus document by iText 2.1.7 (scripts/itext/render.sh), the library report engines and
 * finance systems' exports are built on: a stray space glyph under each paragraph, dense rows; and
 * by XeLaTeX (scripts/xelatex/render.sh), a typesetter none of the others is like.
 *
 * And every corpus document by Typst (scripts/typst/render.mjs), its own layout and PDF writer:
 * figures in Libertinus Serif beside their cells' words in Noto Sans CJK; ruled throughout, with
 * rules under rows only (open: no vertical rules, cells set as close as a line's wrapped lines,
 * words flush left over figures flush right), and with no rules at all (bare).
 *
 * And one corpus document with its bold stroked (Writer, as Word and WPS do in fonts of one
 * weight), and that file rewritten by cairo: each stroke a path of short straight edges.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PDF_ENGINES, readDocument } from '../src/ingest/index.js';
import { buildReport, type Report } from '../src/model/index.js';
import { lintFiles, type LintMessage } from '../src/api.js';
import type { Rule } from '../src/rules/index.js';
import { builtinRules, FIXTURES } from './helpers.js';
import { reading } from './model-content.js';

const PDF = (f: string) => path.join(FIXTURES, 'pdf', f);

const DOCUMENTS = ['corpus-guizhou-office-2023-final', 'corpus-haidong-city-2025-budget', 'final-full'];
const CORPUS = ['corpus-guizhou-office-2023-final', 'corpus-haidong-city-2025-budget', 'corpus-linxia-city-2023-final', 'corpus-qinghai-province-2023-final', 'corpus-weihai-huancui-2023-final'];
const PRODUCERS = ['weasyprint', 'wkhtmltopdf', 'ghostscript', 'cairo'] as const;

/**
 * Cases that fail now, by `FILE (engine)`, each with what goes wrong. A case that passes makes
 * its it.fails fail, and its line here goes.
 */
// (weihai by XeLaTeX, \multirow centring its 一级指标 on the rows' nominal height, off the middle
// of rows that wrap, is read by its rules since a merged cell broken over a page is closed where
// the table's rules end: forms/ruled-grid.ts)
const FAILS: Record<string, string> = {};

describe('documents rendered by WeasyPrint, wkhtmltopdf and AbiWord, or rewritten by Ghostscript and cairo, read as their text versions', () => {
  const texts = new Map<string, Report>();
  let rules: Rule[];
  beforeAll(async () => {
    rules = await builtinRules();
    for (const name of new Set([...DOCUMENTS, ...CORPUS])) texts.set(name, buildReport(await readDocument(PDF(`${name}.txt`))));
  }, 60000);

  it('the text versions hold what is compared (a round trip of an empty reading would prove nothing)', () => {
    for (const name of DOCUMENTS) {
      const r = texts.get(name)!;
      expect(r.tables.length).toBeGreaterThanOrEqual(9);
      expect(r.forms.length).toBeGreaterThan(0);
      expect(r.claims.length).toBeGreaterThan(0);
    }
  });

  for (const name of DOCUMENTS) {
    for (const producer of PRODUCERS) {
      for (const engine of PDF_ENGINES) {
        const file = `${name}.${producer}.pdf`;
        (FAILS[`${file} (${engine})`] ? it.fails : it)(`${file} (${engine})`, async () => {
          const fromText = texts.get(name)!;
          const fromPdf = buildReport(await readDocument(PDF(file), { pdfEngine: engine }));
          expect(reading(fromPdf, rules)).toEqual(reading(fromText, rules));
        }, 60000);
      }
    }
  }

  for (const name of CORPUS) {
    for (const engine of PDF_ENGINES) {
      const file = `${name}.abiword.pdf`;
      (FAILS[`${file} (${engine})`] ? it.fails : it)(`${file} (${engine})`, async () => {
        const fromPdf = buildReport(await readDocument(PDF(file), { pdfEngine: engine }));
        expect(reading(fromPdf, rules)).toEqual(reading(texts.get(name)!, rules));
      }, 60000);
    }
  }

  // …and by XeLaTeX (scripts/xelatex/render.sh): each glyph placed by TeX, Chinese and Latin set
  // apart by a third of an em (≥ 98%, 预算数 (万元), 部门 (单位) 名称), every rule a filled
  // rectangle, wide tables on pages pdflscape turns whose page number stays upright
  // every corpus document by iText 2.1.7, as report engines export (scripts/itext/render.sh): each
  // paragraph ends with a space glyph under its last line at the page's middle (项目支出绩效 目标自评表
  // would lose its forms), rows set 1.4 line heights apart (a 绩效目标表's rows are parted by its
  // rules), and 分值权重 wrapped around its header line
  for (const name of CORPUS) {
    for (const [producer, engine] of ['itext', 'itext-fitted', 'reportlab', 'reportlab-narrow', 'xelatex', 'typst', 'open.typst', 'sheet.typst'].flatMap((p) => PDF_ENGINES.map((e) => [p, e] as const))) {
      const file = `${name}.${producer}.pdf`;
      (FAILS[`${file} (${engine}): the diagnostics`] ? it.fails : it)(`${file} (${engine}): the diagnostics`, async () => {
        const fromPdf = buildReport(await readDocument(PDF(file), { pdfEngine: engine }));
        expect(reading(fromPdf, rules).diagnostics).toEqual(reading(texts.get(name)!, rules).diagnostics);
      }, 60000);
      (FAILS[`${file} (${engine})`] ? it.fails : it)(`${file} (${engine}): the whole reading`, async () => {
        const fromPdf = buildReport(await readDocument(PDF(file), { pdfEngine: engine }));
        expect(reading(fromPdf, rules)).toEqual(reading(texts.get(name)!, rules));
      }, 60000);
    }
  }

  // a 一般公共预算支出表 whose rows print 合计 and 项目支出 only, set as a sheet: 25.39 set right under
  // 合计 stands nearer 基本支出's middle than 合计's; the header wraps no name, so only the rows' names
  // starting where 科目名称 starts show it set flush left (a false 科目/行内分列合计 of 50.78 before)
  // (PDFium: under unpdf Typst's quarter-em spacing parts 2025 年底前完成 and the 绩效目标表 is said unread; pdf-engines.test.ts)
  for (const engine of ['pdfium'] as const) {
    it(`target.sheet.typst.pdf (${engine}) reads as its text version`, async () => {
      const fromPdf = buildReport(await readDocument(PDF('target.sheet.typst.pdf'), { pdfEngine: engine }));
      const fromText = buildReport(await readDocument(PDF('target.txt')));
      expect(reading(fromPdf, rules)).toEqual(reading(fromText, rules));
      expect(fromPdf.tables.find((t) => t.id === '部门公开表5')!.rows.map((r) => [r.key, r.cells['合计']?.raw, r.cells['基本支出']?.blank, r.cells['项目支出']?.raw])).toEqual([
        ['合计', '25.39', true, '25.39'],
        ['210', '25.39', true, '25.39'],
        ['21015', '25.39', true, '25.39'],
        ['2101599', '25.39', true, '25.39'],
      ]);
    }, 60000);
  }

  // a turned 三公 table whose header wraps in narrow columns: 2016年执行 / 项目 2017年预算数 / 数, each
  // year on a line of its own; the lines of one row of cells are one header, its latest year the
  // table's (a false 形式/年度一致 of 2016 before)
  for (const engine of PDF_ENGINES) {
    it(`sangong-turned-budget.narrow.typst.pdf (${engine}) reads as its text version`, async () => {
      const fromPdf = buildReport(await readDocument(PDF('sangong-turned-budget.narrow.typst.pdf'), { pdfEngine: engine }));
      const fromText = buildReport(await readDocument(PDF('sangong-turned-budget.txt')));
      expect(reading(fromPdf, rules)).toEqual(reading(fromText, rules));
      expect(fromPdf.tables.map((t) => t.years.map((c) => c.raw))).toEqual([['2017', '2017']]);
    }, 60000);
  }

  // Typst with no rules at all and rows as close as a cell's wrapped lines: what the rules parted
  // in the open rendering only the words can part. A form's rows cannot be told from its cells'
  // wrapped lines, nor a 绩效目标表's projects apart: those are said unread, and no finding comes
  // that the text version does not give. Each finding of the text version left out is one such
  // form's or table's, named by a 读取 notice.
  const BARE: Record<string, { notices: string[]; lost: string[] }> = {
    'corpus-guizhou-office-2023-final': { notices: ['读取/表格未能读取 19'], lost: ['自评表/结论执行率'] },
    'corpus-haidong-city-2025-budget': { notices: ['读取/表格未能读取 13'], lost: ['绩效目标表/叙述预算金额'] },
    'corpus-linxia-city-2023-final': {
      notices: ['读取/表格未能读取 16', '读取/表格未能读取 17', '读取/表格未能读取 18', '读取/表格未能读取 19'],
      lost: ['自评表/分值不是数字', '自评表/分值不是数字', '自评表/实际值填了得分', '自评表/实际值填了得分', '自评表/资金得分缺失'],
    },
    'corpus-qinghai-province-2023-final': { notices: [], lost: [] },
    'corpus-weihai-huancui-2023-final': { notices: [], lost: [] },
    // its header set as close over the 合计 row as a wrapped name: not joined to it (a false
    // 科目/行内分列合计 of 50.78 on each coded row before, 合计's name read from the row's label)
    target: { notices: ['读取/表格未能读取 4'], lost: [] },
  };
  for (const [name, expected] of Object.entries(BARE)) {
    for (const engine of PDF_ENGINES) {
      const file = `${name}.bare.typst.pdf`;
      it(`${file} (${engine}): no finding its text version does not give; what is not read is said`, async () => {
        // the whole lint, as the command gives it: reading notices are the lint's, not a rule's
        const [pdfResult, textResult] = await lintFiles([PDF(file), PDF(`${name}.txt`)], { pdfEngine: engine, concurrency: 'off', configLookup: false, suppressions: false });
        const key = (d: LintMessage) => `${d.ruleId} ${d.message}`;
        const pdf = pdfResult.messages, text = textResult.messages;
        const textKeys = new Set(text.map(key)), pdfKeys = new Set(pdf.map(key));
        const notices = pdf.filter((d) => d.ruleId.startsWith('读取/'));
        expect(pdf.filter((d) => !textKeys.has(key(d)) && !d.ruleId.startsWith('读取/')).map(key)).toEqual([]);
        expect(notices.map((d) => `${d.ruleId} ${/第 (\d+) 页/.exec(d.message)?.[1]}`).sort()).toEqual(expected.notices);
        expect(text.filter((d) => !pdfKeys.has(key(d))).map((d) => d.ruleId).sort()).toEqual(expected.lost);
      }, 60000);
    }
  }

  // bold set by stroking the glyphs (Writer, in a font of one weight), and that file rewritten by
  // cairo, which writes each stroke as a path beside the text (make-fixtures.mjs, FAKE_BOLD)
  for (const producer of ['libreoffice', 'cairo']) {
    for (const engine of PDF_ENGINES) {
      const file = `corpus-guizhou-office-2023-final.fakebold.${producer}.pdf`;
      it(`${file} (${engine})`, async () => {
        const fromPdf = buildReport(await readDocument(PDF(file), { pdfEngine: engine }));
        expect(reading(fromPdf, rules)).toEqual(reading(texts.get('corpus-guizhou-office-2023-final')!, rules));
      }, 60000);
    }
  }

  // Chromium's rendering (set as a 三线表) rewritten by cairo, which draws the spaces inside a
  // cell's text as moves: a project code (630200 25T000 000000) must still read as three words,
  // or its project's indicators join the project above (scripts/variants.mjs, CAIRO_REWRITTEN)
  for (const engine of PDF_ENGINES) {
    it(`corpus-haidong-city-2025-budget.all-other.chromium.cairo.pdf (${engine}) reads as the Chromium rendering`, async () => {
      const fromPdf = buildReport(await readDocument(PDF('corpus-haidong-city-2025-budget.all-other.chromium.cairo.pdf'), { pdfEngine: engine }));
      const original = buildReport(await readDocument(PDF('corpus-haidong-city-2025-budget.all-other.chromium.pdf'), { pdfEngine: engine }));
      const read = reading(fromPdf, rules);
      expect(read.forms.length).toBe(11);
      expect(read).toEqual(reading(original, rules));
    }, 60000);
  }

  // the same HTML set densely (6 pt type, cells without padding: rows 1.5 font sizes apart, as
  // close as a wrapped name stands to its row): the header's words must not join the 栏次 line
  // or the first row, and the forms' words go to the cells whose borders enclose them
  for (const engine of PDF_ENGINES) {
    it(`final-full.dense.chromium.pdf (${engine})`, async () => {
      const fromPdf = buildReport(await readDocument(PDF('final-full.dense.chromium.pdf'), { pdfEngine: engine }));
      expect(reading(fromPdf, rules)).toEqual(reading(texts.get('final-full')!, rules));
    }, 60000);
  }

  // the forms source set as densely: the project form's rows stand 1.5 font sizes apart and its
  // header wraps in its cells, so only the cell borders Chromium draws place each word; the
  // 整体支出 form's rows stand as close as its cells' wrapped lines, and only the rules between
  // them part its rows
  for (const engine of PDF_ENGINES) {
    it(`forms.dense.chromium.pdf (${engine}): its project and 整体支出 forms and the diagnostics`, async () => {
      const fromText = buildReport(await readDocument(PDF('forms.txt')));
      const fromPdf = buildReport(await readDocument(PDF('forms.dense.chromium.pdf'), { pdfEngine: engine }));
      const { forms, diagnostics } = reading(fromPdf, rules);
      const expected = reading(fromText, rules);
      expect(forms).toEqual(expected.forms);
      expect(fromPdf.forms.map((f) => [f.kind, f.tasks.length, f.indicators.length])).toEqual([['overall', 4, 4], ['project', 0, 7]]);
      expect(diagnostics).toEqual(expected.diagnostics);
      expect(fromPdf.notes).toEqual([]);
    }, 60000);
  }
});
