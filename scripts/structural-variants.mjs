#!/usr/bin/env node
// Structural variants of a corpus source (fixtures/pdf-src/corpus-NAME.json): the same tables laid
// out as other provinces lay them out, with columns or rows the original does not have. Each keeps
// every figure the kind's columns hold, so budget-lint must give the original's diagnostics
// (test/structural-variants.test.ts); the columns added carry figures consistent with the rest.
//   sangong-turned     the 三公 grid turned: a row per item (合计, 1.因公出国（境）费, （1）公务用车
//                      购置费 …), a column per group (预算数 | 决算数, 上年预算数 | 本年预算数)
//   sangong-one-group  the 三公 grid with its last group only (本年预算数 / 决算数), under no group word
//   basic-split        the coded tables' 基本支出 split into 小计 | 人员经费 | 公用经费 under it: 人员经费
//                      80% of each row's 基本支出 (rounded to the cent), 公用经费 the rest
//   yoy-summary        the 收支总表 with 上年预算数 | 本年预算数 | 增减 on each side: 上年 5% less
//                      (whole 万元), 增减 the difference
//   structural         the three reshapings (turned 三公, split 基本支出, 上年 | 本年 | 增减) at once
// Run by hand to render the structural variant of two corpus documents, and the disclosures written
// in other provinces' layouts (fixtures/province-src/*.json), by Calc and by Chromium (CI uses
// the committed files):
//   node scripts/structural-variants.mjs [NAME...]   → fixtures/pdf/NAME.structural.{calc,chromium}.pdf,
//                                                      fixtures/pdf/province-*.{calc,chromium,large.chromium}.pdf
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderPdf } from './make-layout-fixtures.mjs';
import { chromium, CORPUS_PLAN, html } from './render-source.mjs';
import { calcSource } from './variants.mjs';

/** the 三公 items, top to bottom, as the source's grid holds them in each group, left to right */
const SANGONG_ITEMS = ['合计', '1.因公出国（境）费', '2.公务用车购置及运行维护费', '（1）公务用车购置费', '（2）公务用车运行维护费', '3.公务接待费'];

/** a one-row 三公 grid under its group words: how many groups, and how many columns each */
function sangongGroups(t) {
  if (t.layout !== 'grid' || t.rows.length !== 1) return null;
  const groups = t.header[0].map((c) => c.text);
  const per = t.rows[0].length / groups.length;
  return per === SANGONG_ITEMS.length ? { groups, per } : null;
}

function sangongTurned(t) {
  const g = sangongGroups(t);
  if (!g) return t;
  const header = [[{ text: '项目' }, ...g.groups.map((text) => ({ text }))]];
  return { ...t, header, rows: SANGONG_ITEMS.map((name, k) => [name, ...g.groups.map((_, i) => t.rows[0][i * g.per + k])]) };
}

function sangongOneGroup(t) {
  const g = sangongGroups(t);
  if (!g) return t;
  // the header under the group words, the last group's cells: a row that spans all groups is cut
  // to the last group's share; the 栏次 numbers start again at 1
  const lastOf = (row) => {
    const cells = row.slice(row.length - row.length / g.groups.length);
    return cells.map((c, i) => (/^\d+$/.test(c.text) ? { text: String(i + 1) } : c));
  };
  return { ...t, header: t.header.slice(1).map(lastOf), rows: t.rows.map((r) => r.slice(r.length - g.per)) };
}

const amount = (v) => Number(v.replace(/,/g, ''));
const printed = (x) => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** a coded table's 基本支出 printed over 小计 | 人员经费 | 公用经费 (the 栏次 numbers run on) */
function basicSplit(t) {
  if (t.layout !== 'code') return t;
  const [names, ...more] = t.header;
  const b = names.findIndex((c) => c.text === '基本支出');
  if (b < 0) return t;
  const rows = t.rows.map((r) => {
    if (r[b] === '') return [...r.slice(0, b + 1), '', '', ...r.slice(b + 1)];
    const staff = Math.round(amount(r[b]) * 80) / 100;
    return [...r.slice(0, b + 1), printed(staff), printed(Math.round((amount(r[b]) - staff) * 100) / 100), ...r.slice(b + 1)];
  });
  const head = names.flatMap((c, i) => (i === b ? [{ text: '基本支出', colspan: 3 }] : [{ ...c, rowspan: 2 }]));
  // 栏次: the code and name cells, then every value column numbered in turn
  const lineNos = more.map(([first, second]) => [first, second, ...Array.from({ length: rows[0].length - 2 }, (_, i) => ({ text: String(i + 1) }))]);
  return { ...t, header: [head, [{ text: '小计' }, { text: '人员经费' }, { text: '公用经费' }], ...lineNos], rows };
}

/** a two-sided 收支总表 printing 预算数 each side: 上年预算数 | 本年预算数 | 增减 instead */
function yoySummary(t) {
  const leaves = t.header[t.header.length - 1].map((c) => c.text);
  if (t.layout !== 'two-sided' || leaves.join(' ') !== '项目 预算数 项目 预算数') return t;
  const prior = (v) => (v === '' ? '' : printed(Math.round(amount(v) * 0.95)));
  const change = (v) => (v === '' ? '' : printed(Math.round((amount(v) - amount(prior(v))) * 100) / 100));
  const side = [{ text: '项目' }, { text: '上年预算数' }, { text: '本年预算数' }, { text: '增减' }];
  return {
    ...t,
    header: [[{ text: '收入', colspan: 4 }, { text: '支出', colspan: 4 }], [...side, ...side]],
    rows: t.rows.map(([a, x, b, y]) => [a, prior(x), x, change(x), b, prior(y), y, change(y)]),
  };
}

const eachTable = (f) => (doc) => ({ ...doc, tables: doc.tables.map(f) });

export const STRUCTURAL = {
  'sangong-turned': eachTable(sangongTurned),
  'sangong-one-group': eachTable(sangongOneGroup),
  'basic-split': eachTable(basicSplit),
  'yoy-summary': eachTable(yoySummary),
};

/** the source of one structural variant of a document */
export const structuralOf = (doc, name) => STRUCTURAL[name](structuredClone(doc));

/** the three reshapings at once, as one province might print them all */
STRUCTURAL.structural = (doc) => STRUCTURAL['yoy-summary'](STRUCTURAL['basic-split'](STRUCTURAL['sangong-turned'](doc)));

/** the documents whose `structural` variant is committed as PDFs, and the disclosures written in other provinces' layouts (fixtures/province-src) */
export const RENDERED = ['corpus-guizhou-office-2023-final', 'corpus-haidong-city-2025-budget'];
export const PROVINCE_SOURCES = ['province-budget'];

/** a source as PDFs by Calc (sheets, merged header cells) and by Chromium set as a 三线表, into out as NAME.calc.pdf and NAME.chromium.pdf */
function render(name, doc, work, out) {
  renderPdf(name, calcSource(doc), out);
  const opts = { ...CORPUS_PLAN.find((p) => p.producer === 'chromium'), threeLine: true };
  const htmlFile = path.join(work, `${name}.html`);
  const pdf = path.join(out, `${name}.chromium.pdf`);
  writeFileSync(htmlFile, html(doc, opts));
  chromium(htmlFile, pdf, work);
  // Skia writes Noto CJK as Type 3 fonts, thousands of small objects: qpdf packs them into object streams
  execFileSync('qpdf', ['--object-streams=generate', '--recompress-flate', '--compression-level=9', '--replace-input', pdf]);
}

if (fileURLToPath(import.meta.url) === path.resolve(process.argv[1] ?? '')) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const only = process.argv.slice(2);
  const work = mkdtempSync(path.join(tmpdir(), 'budget-lint-structural-'));
  const out = path.join(root, 'fixtures/pdf');
  const source = (dir, name) => JSON.parse(readFileSync(path.join(root, 'fixtures', dir, `${name}.json`), 'utf8'));
  for (const name of RENDERED.filter((n) => !only.length || only.includes(n))) {
    render(`${name}.structural`, structuralOf(source('pdf-src', name), 'structural'), work, out);
    console.log(`wrote fixtures/pdf/${name}.structural.calc.pdf, fixtures/pdf/${name}.structural.chromium.pdf`);
  }
  for (const name of PROVINCE_SOURCES.filter((n) => !only.length || only.includes(n))) {
    const doc = source('province-src', name);
    render(name, doc, work, out);
    // and set large (11 pt, cell borders) so that header names wrap in their cells (本年预 / 算数)
    const htmlFile = path.join(work, `${name}.large.html`);
    writeFileSync(htmlFile, html(doc, { fontSize: '11pt', tableFontSize: '11pt' }));
    chromium(htmlFile, path.join(out, `${name}.large.chromium.pdf`), work);
    execFileSync('qpdf', ['--object-streams=generate', '--recompress-flate', '--compression-level=9', '--replace-input', path.join(out, `${name}.large.chromium.pdf`)]);
    console.log(`wrote fixtures/pdf/${name}.calc.pdf, fixtures/pdf/${name}.chromium.pdf, fixtures/pdf/${name}.large.chromium.pdf`);
  }
}
