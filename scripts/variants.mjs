#!/usr/bin/env node
// Metamorphic variants of a fixture source (fixtures/pdf-src/corpus-NAME.json): the same document
// printed as other provinces print it. Each variant changes the printing only, never what is
// stated, so budget-lint must give it the diagnostics of the original (test/variants.test.ts):
//   title-only     no table number; the title names the department and year (海东市医疗保障局2025年收支总表)
//   renumbered     a table number the catalogue does not know, printed four ways by the table's
//                  place: 表一 under the title, 附表2 over it, 表3：… before it on its line, 预算表4 under it
//   split-codes    codes in cells of their own: 类 | 款 | 项 (208 | 05 | 05), economic 类 | 款 (301 | 02),
//                  under a 科目编码 header cell spanning them and a second header row 类 款 项
//   zeros          an amount printed 0.00 printed 0, a blank amount printed -: a zero stays a zero
//                  and nothing stays nothing (the readers take 0 and - as the same placeholder)
//   plain-figures  amounts without thousands separators (12308.79)
//   all            every one of them at once
// Forms and the narrative are left as they are: the variants are about the tables.
// Run by hand to render the `all` variant of each corpus source (CI uses the committed files):
//   node scripts/variants.mjs [NAME...]   → fixtures/pdf/NAME.all.libreoffice.pdf and NAME.all.calc.pdf
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderPdf } from './make-layout-fixtures.mjs';
import { CORPUS_PLAN, html, libreoffice } from './render-source.mjs';

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
/** how the renumbered variant prints table n (1-based), by its place in the document */
const NUMBERINGS = [
  (t, n) => ({ ...t, anchor: `表${CN[n]}` }),
  (t, n) => ({ ...t, anchor: undefined, above: `附表${n}` }),
  (t, n) => ({ ...t, anchor: undefined, title: `表${n}：${t.title}` }),
  (t, n, doc) => ({ ...t, anchor: `${doc.kind}表${n}` }),
];

const GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;
const ZERO = /^-?0(\.0+)?$/;
const FUNCTION_CODE = /^2\d{2}(\d{2}){0,2}$/;
const ECONOMIC_CODE = /^3\d{2}(\d{2})?$/;

/**
 * A table's amount columns (not codes, names or 行次), each with the columns that name its item:
 * an amount where those are all empty (the income half of a line that has only an expenditure
 * item) is no cell of the table but blank paper, and stays blank.
 */
function amountColumns(t) {
  const width = t.rows[0]?.length ?? 0;
  const all = [...Array(width).keys()];
  const named = (cols, owners) => new Map(cols.map((i) => [i, owners(i)]));
  if (t.layout === 'grid') return named(all, () => []);
  if (t.layout === 'code') return named(all.slice(2), () => [0, 1]);
  // a group's amount is its name's: 公用经费合计 printed over a group's code and name, its figure in the last group's column
  if (t.layout === 'economic') return named(all.filter((i) => i % 3 === 2), (i) => [i - 1]);
  if (t.layout !== 'two-sided') return new Map();
  const names = t.header.find((r) => r.some((c) => c.text === '项目')) ?? [];
  if (names.length !== width) return new Map();
  const isName = (i) => names[i].text === '项目';
  return named(all.filter((i) => !isName(i) && names[i].text !== '行次'), (i) => [all.slice(0, i).findLast(isName)]);
}

/** every amount cell of every table through f(text, stated): stated when its item is named */
const mapAmounts = (doc, f) => ({
  ...doc,
  tables: doc.tables.map((t) => {
    const amounts = amountColumns(t);
    const cell = (r, v, i) => (amounts.has(i) ? f(v, amounts.get(i).length === 0 || amounts.get(i).some((o) => r[o] !== '')) : v);
    return { ...t, rows: t.rows.map((r) => r.map((v, i) => cell(r, v, i))) };
  }),
});

const yearOf = (doc) => `${doc.year}${doc.kind === '预算' ? '年' : '年度'}`;

const titleOnly = (doc) => ({ ...doc, tables: doc.tables.map((t) => ({ ...t, anchor: undefined, title: `${doc.department}${yearOf(doc)}${t.title}` })) });

const renumbered = (doc) => ({ ...doc, tables: doc.tables.map((t, i) => NUMBERINGS[i % NUMBERINGS.length](t, i + 1, doc)) });

const zeros = (doc) => mapAmounts(doc, (v, stated) => (v === '' && stated ? '-' : ZERO.test(v) ? '0' : v));

const plainFigures = (doc) => mapAmounts(doc, (v) => (GROUPED.test(v) ? v.replace(/,/g, '') : v));

/** a code's parts: 2080505 → 208 05 05 (k = 3), 30102 → 301 02 (k = 2); anything else in the first cell */
function splitCode(v, k) {
  if (!FUNCTION_CODE.test(v) && !ECONOMIC_CODE.test(v)) return [v, ...Array(k - 1).fill('')];
  return [v.slice(0, 3), v.slice(3, 5), v.slice(5, 7)].slice(0, k);
}

const SUB_HEADS = ['类', '款', '项'];

/** the header of one [code, name, …] group split into k code cells: 科目编码 over 类 款 项 */
function splitHeader(cells, k) {
  const [, ...rest] = cells;
  return [{ text: '科目编码', colspan: k }, ...rest.map((c) => ({ ...c, rowspan: 2 }))];
}

/** how many cells a table's codes take when split, or 0 where its codes are neither function nor economic */
function codeWidth(t) {
  const codeCells = t.layout === 'economic' ? t.rows.flatMap((r) => r.filter((_, i) => i % 3 === 0)) : t.rows.map((r) => r[0]);
  const codes = codeCells.filter((v) => /^\d+$/.test(v));
  if (!codes.length || !['code', 'economic'].includes(t.layout)) return 0;
  if (codes.every((c) => FUNCTION_CODE.test(c))) return 3;
  return codes.every((c) => ECONOMIC_CODE.test(c)) ? 2 : 0;
}

function splitTable(t) {
  const k = codeWidth(t);
  if (!k) return t;
  const subHeads = SUB_HEADS.slice(0, k).map((text) => ({ text }));
  if (t.layout === 'code') {
    const [names, ...more] = t.header; // 科目代码 科目名称 …, then 栏次 1 2 …
    const lineNos = more.map(([first, ...rest]) => [{ ...first, colspan: k }, ...rest]);
    return { ...t, header: [splitHeader(names, k), subHeads, ...lineNos], rows: t.rows.map(([code, ...rest]) => [...splitCode(code, k), ...rest]) };
  }
  // economic: groups of [code, name, value] side by side under 人员经费 | 公用经费
  const [groups, names] = t.header;
  const perGroup = (row, f) => Array.from({ length: row.length / 3 }, (_, g) => f(row.slice(3 * g, 3 * g + 3))).flat();
  return {
    ...t,
    header: [groups.map((c) => ({ ...c, colspan: ((c.colspan ?? 1) / 3) * (k + 2) })), perGroup(names, (cells) => splitHeader(cells, k)), perGroup(names, () => subHeads)],
    rows: t.rows.map((r) => perGroup(r, ([code, ...rest]) => [...splitCode(code, k), ...rest])),
  };
}

const splitCodes = (doc) => ({ ...doc, tables: doc.tables.map(splitTable) });

export const VARIANTS = {
  'title-only': titleOnly,
  renumbered,
  'split-codes': splitCodes,
  zeros,
  'plain-figures': plainFigures,
  // amounts are reprinted before their columns move; the title before it is numbered
  all: (doc) => splitCodes(plainFigures(zeros(renumbered(titleOnly(doc))))),
};

/** the source of one variant of a document */
export const variantOf = (doc, name) => VARIANTS[name](structuredClone(doc));

/** a column's width in mm at 7 pt: as wide as its widest body cell, within limits */
function calcWidth(values) {
  const mm = (s) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2.6 : 1.4), 0);
  return Math.round(Math.min(62, Math.max(9, ...values.map((v) => mm(v) + 3))));
}

/** the tables' titles in Calc, pt */
const TITLE_PT = 11;

/** a table as a sheet: the number over the title (Calc has no line under it), amounts as number cells */
function calcTable(t, doc) {
  const amounts = amountColumns(t);
  const columns = t.rows[0].map((_, i) => {
    const values = t.rows.map((r) => r[i]);
    const kind = amounts.has(i) ? 'amount' : values.every((v) => /^\d*$/.test(v)) ? 'code' : 'name';
    return { width: calcWidth(values), kind };
  });
  // a sheet as wide as its title and its unit line: Calc clips a merged cell's text at the print range
  columns[columns.length - 1].width = Math.max(columns[columns.length - 1].width, 22);
  const short = t.title.length * TITLE_PT * 0.36 + 12 - columns.reduce((n, c) => n + c.width, 0);
  if (short > 0) columns.forEach((c) => (c.width += Math.ceil(short / columns.length)));
  const landscape = columns.reduce((n, c) => n + c.width, 0) > 180;
  return { sheet: t.id, number: t.above ?? t.anchor, title: t.title, meta: [`部门：${doc.department}`, `金额单位：${t.unit ?? doc.unit}`], landscape, columns, header: t.header, rows: t.rows, notes: t.notes, repeatHeader: true };
}

/** a form as a sheet of wrapped cells, merged where the form merges them */
function calcForm(f, i) {
  const width = Math.max(...f.rows.map((r) => r.reduce((n, c) => n + (c.colspan ?? 1), 0)));
  const columns = Array.from({ length: width }, () => ({ width: Math.floor(267 / width), kind: 'text' }));
  return { sheet: `表${i + 1}`, title: f.title, landscape: true, columns, header: [], rows: f.rows, autoHeight: true };
}

/**
 * The source as make-layout-fixtures.mjs renders it with Calc: the cover, each table a sheet, the
 * narrative a sheet of paragraphs, each form a sheet.
 */
export function calcSource(doc) {
  const narrative = { sheet: '说明', title: '第三部分 情况说明', columns: [{ width: 180, kind: 'text' }], header: [], rows: doc.narrative.map((p) => [p]), autoHeight: true };
  return {
    department: doc.department,
    kind: doc.kind,
    year: doc.year,
    unit: doc.unit,
    cover: [doc.department, doc.title],
    page: { fontSize: 7, titleSize: TITLE_PT },
    tables: [...doc.tables.map((t) => calcTable(t, doc)), narrative, ...(doc.forms ?? []).map(calcForm)],
  };
}

if (fileURLToPath(import.meta.url) === path.resolve(process.argv[1] ?? '')) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const only = process.argv.slice(2);
  const work = mkdtempSync(path.join(tmpdir(), 'budget-lint-variants-'));
  const names = readdirSync(path.join(root, 'fixtures/pdf-src')).filter((f) => /^corpus-.*\.json$/.test(f)).map((f) => path.basename(f, '.json'));
  for (const name of names.filter((n) => !only.length || only.includes(n))) {
    const doc = variantOf(JSON.parse(readFileSync(path.join(root, 'fixtures/pdf-src', `${name}.json`), 'utf8')), 'all');
    // 6.5 pt: 公开06 with its codes in 类 | 款 cells has three more columns, and a figure in 元 would wrap
    const writer = { ...CORPUS_PLAN.find((p) => p.producer === 'libreoffice'), tableFontSize: '6.5pt' };
    const htmlFile = path.join(work, `${name}.all.html`);
    writeFileSync(htmlFile, html(doc, writer));
    libreoffice(htmlFile, path.join(root, 'fixtures/pdf', `${name}.all.libreoffice.pdf`), writer);
    renderPdf(`${name}.all`, calcSource(doc), path.join(root, 'fixtures/pdf'));
    console.log(`wrote fixtures/pdf/${name}.all.libreoffice.pdf, fixtures/pdf/${name}.all.calc.pdf`);
  }
}
