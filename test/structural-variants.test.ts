/**
 * Structural variants: each corpus document with tables laid out as other provinces lay them out
 * (scripts/structural-variants.mjs: the 三公 grid turned into a row per item, or printed with one
 * group only; 基本支出 split into 人员经费 | 公用经费 columns; the 收支总表 with 上年预算数 | 本年预算数
 * | 增减) gives the diagnostics of the original, tables named by kind, and reads the table changed
 * into the cells the original's holds. Text versions are made here from the sources: as
 * make-fixtures prints a source (a header's merged cells not spread: so a table is copied from a
 * web page) and as Calc saves a sheet (merged cells spread over empty fields). The three at once
 * (`structural`) are committed as PDFs by Calc and by Chromium for two documents, read as Calc's
 * text version.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PDF_ENGINES, readDocument, splitLines } from '../src/ingest/index.js';
import { buildReport, type Report, type Table } from '../src/model/index.js';
import { runRules, type Diagnostic, type Rule } from '../src/rules/index.js';
// @ts-expect-error plain JavaScript, shared with scripts/make-fixtures.mjs
import { text } from '../scripts/render-source.mjs';
// @ts-expect-error plain JavaScript: the structural variants of a corpus source
import { RENDERED, STRUCTURAL, structuralOf } from '../scripts/structural-variants.mjs';
// @ts-expect-error plain JavaScript, shared with scripts/make-layout-fixtures.mjs
import { text as calcText } from '../scripts/make-layout-fixtures.mjs';
// @ts-expect-error plain JavaScript, shared with scripts/variants.mjs
import { calcSource } from '../scripts/variants.mjs';
import { builtinRules, FIXTURES } from './helpers.js';
import { DOCUMENTS, fromText, originalsOf, sourceOf } from './corpus-sources.js';
import { content, namedPlaceless, placeless } from './model-content.js';

const NAMES = Object.keys(STRUCTURAL);
/** the variants a document has the table for: a 收支总表 printing 预算数 is a budget's */
const appliesTo = (variant: string, name: string) => variant !== 'yoy-summary' || name.endsWith('budget');
/** the variants read whole from either text version; basic-split only from Calc's (see below) */
const METAMORPHIC = ['sangong-turned', 'sangong-one-group', 'yoy-summary'];
/** the rules that check the columns basic-split adds: a row whose 基本支出 is wrong is wrong in its parts too */
const PARTS_RULES = new Set(['科目/上下级合计', '科目/行内分列合计']);
const SPLIT_TABLES = new Set(['部门公开表3', '部门公开表5', '部门公开表8', '部门公开表9', '公开03', '公开05', '公开07', '公开08']);


/** a table's cells as printed, row by row */
const cellsOf = (t: Table | undefined) => t && Object.fromEntries(t.rows.map((r) => [r.key, Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, c.raw]))]));
const sangong = (r: Report) => r.tables.find((t) => t.layout === 'grid');

describe('corpus documents with tables laid out otherwise read as the originals', () => {
  let rules: Rule[];
  let originals: Map<string, { report: Report; diagnostics: Diagnostic[] }>;
  beforeAll(async () => {
    rules = await builtinRules();
    originals = originalsOf(rules);
  });

  for (const name of DOCUMENTS) {
    it(`${name}: every variant changes the document (a variant printed as the original would prove nothing)`, () => {
      const printed = text(sourceOf(name));
      expect(NAMES.filter((v) => appliesTo(v, name) && text(structuralOf(sourceOf(name), v)) === printed)).toEqual([]);
    });
    for (const variant of METAMORPHIC.filter((v) => appliesTo(v, name))) {
      for (const [form, print] of [['text', text], ['calc.txt', (doc: unknown) => calcText(calcSource(doc))]] as const) {
        it(`${name} ${variant} (${form}): diagnostics`, () => {
          const r = fromText(`${name}.${variant}.${form}`, print(structuralOf(sourceOf(name), variant)));
          const { report, diagnostics } = originals.get(name)!;
          expect(namedPlaceless(r, runRules(r, rules))).toEqual(namedPlaceless(report, diagnostics));
        });
      }
    }

    // as Calc saves it, the split is read: the kind's columns hold the original's cells, 人员经费
    // and 公用经费 what is printed; the diagnostics are the original's but for the rules that check
    // the parts (the original's wrong 基本支出 rows are wrong in their parts too)
    it(`${name} basic-split (calc.txt): the split tables read whole, the original's diagnostics`, () => {
      const doc = structuralOf(sourceOf(name), 'basic-split');
      const r = fromText(`${name}.basic-split.calc.txt`, calcText(calcSource(doc)));
      const { report, diagnostics } = originals.get(name)!;
      const split = r.tables.filter((t) => SPLIT_TABLES.has(t.id));
      expect(split.map((t) => [t.id, t.unread, t.columns.map((c) => c.key).includes('人员经费')])).toEqual(split.map((t) => [t.id, null, true]));
      for (const t of split) {
        const original = report.tables.find((x) => x.id === t.id)!;
        const kept = (x: Table) => Object.fromEntries(Object.entries(cellsOf(x)!).map(([k, cells]) => [k, Object.fromEntries(Object.entries(cells).filter(([c]) => c !== '人员经费' && c !== '公用经费'))]));
        expect(kept(t)).toEqual(cellsOf(original));
      }
      const others = (rep: Report, ds: Diagnostic[]) => namedPlaceless(rep, ds.filter((d) => !PARTS_RULES.has(d.ruleId)));
      expect(others(r, runRules(r, rules))).toEqual(others(report, diagnostics));
    });

    // printed with the header's merged cells not spread (小计 人员经费 公用经费 in the first cells
    // of their line), the cells do not say which figure is whose: the split tables are said unread
    it(`${name} basic-split (text): the split tables said unread, nothing checked on them`, () => {
      const r = fromText(`${name}.basic-split.txt`, text(structuralOf(sourceOf(name), 'basic-split')));
      const split = r.tables.filter((t) => SPLIT_TABLES.has(t.id) && !t.empty);
      expect(split.length).toBeGreaterThan(0);
      for (const t of split) expect(t.unread).toMatch(/表头印有「人员经费」一列|行的数字多于读出的/);
      const onSplit = runRules(r, rules).filter((d) => d.table && split.some((t) => d.message.includes(t.printedId ?? t.title)) && !d.ruleId.startsWith('读取/'));
      expect(onSplit.map((d) => d.message)).toEqual([]);
    });

    it(`${name} sangong-turned: the 三公 table's cells, every group's, as the original's`, () => {
      const r = fromText(`${name}.sangong-turned.txt`, text(structuralOf(sourceOf(name), 'sangong-turned')));
      const t = sangong(r)!;
      expect([t.unread, t.reading]).toEqual([null, { unplaced: 0, dropped: 0 }]);
      expect(cellsOf(t)).toEqual(cellsOf(sangong(originals.get(name)!.report)));
    });

    it(`${name} sangong-one-group: the 三公 table's cells are the original's last group's (本年预算数 / 决算数)`, () => {
      const r = fromText(`${name}.sangong-one-group.txt`, text(structuralOf(sourceOf(name), 'sangong-one-group')));
      const original = sangong(originals.get(name)!.report)!;
      const last = original.columns.at(-1)!.group!;
      const lastCells = Object.fromEntries(Object.entries(cellsOf(original)!.合计).filter(([k]) => k.startsWith(`${last}.`)));
      expect(Object.keys(lastCells)).toHaveLength(6);
      expect(cellsOf(sangong(r))).toEqual({ 合计: lastCells });
    });
  }
});

/** the forms' rules: Calc's forms read by pdf.js lose the 绩效目标表 (as the `all` variant's do): these PDFs are about the tables */
const FORM_RULES = /^(绩效目标表|自评表|整体自评表)\//;
describe('the structural variants rendered by Calc and by Chromium read as their text versions', () => {
  let rules: Rule[];
  beforeAll(async () => (rules = await builtinRules()));
  const diagnostics = (r: Report) => placeless(runRules(r, rules).filter((d) => !FORM_RULES.test(d.ruleId)));

  for (const name of RENDERED as string[]) {
    for (const producer of ['calc', 'chromium']) {
      for (const engine of PDF_ENGINES) {
        const file = `${name}.structural.${producer}.pdf`;
        it(`${file} (${engine})`, async () => {
          const fromText = buildReport(splitLines(`${name}.structural.calc.txt`, calcText(calcSource(structuralOf(sourceOf(name.replace(/^corpus-/, '')), 'structural')))));
          const fromPdf = buildReport(await readDocument(path.join(FIXTURES, 'pdf', file), { pdfEngine: engine }));
          // every table read: Calc sets the empty 公开07, split, in columns so narrow that its names wrap
          // (年初结转和 / 结余, 本年支出小 / 计, 人员经 / 费), and its header is read still
          expect(fromPdf.tables.filter((t) => t.unread).map((t) => t.id)).toEqual([]);
          // the printed cells (an empty split table's blank 人员经费 is a column to the text's
          // spread header, and none to a page's, which places columns by their figures)
          const printedCells = (cells: Record<string, unknown[]>) => Object.fromEntries(Object.entries(cells).filter(([, c]) => !c[3]));
          const kept = (r: Report) =>
            content(r).map((t) => ({
              ...t,
              rows: Object.fromEntries(Object.entries(t.rows).map(([k, x]) => [k, { ...x, cells: printedCells(x.cells as Record<string, unknown[]>) }])),
            }));
          expect(kept(fromPdf)).toEqual(kept(fromText));
          expect(diagnostics(fromPdf)).toEqual(diagnostics(fromText));
        }, 60000);
      }
    }
  }
});
