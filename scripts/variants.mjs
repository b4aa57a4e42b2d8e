#!/usr/bin/env node
// Metamorphic variants of a fixture source (fixtures/pdf-src/corpus-NAME.json): the same document
// printed as other provinces print it. Each variant changes the printing only, never what is
// stated, so budget-lint must give it the diagnostics of the original (test/variants.test.ts):
//   title-only     no table number; the title names the department and year (海东市医疗保障局2025年收支总表)
//   renumbered     a table number the catalogue does not know, printed four ways by the table's
//                  place: 表一 under the title, 附表2 over it, 表3：… before it on its line, 预算表4 under it
//   split-codes    codes in cells of their own: 类 | 款 | 项 (208 | 05 | 05), economic 类 | 款 (301 | 02),
//                  under a 科目编码 header cell spanning them and a second header row 类 款 项
//   class-columns  the same cells under one header row that names them 类 款 项, no 科目编码 over them
//   own-part-codes each row prints only its own part of the code (208 | | , then | 05 | , then | | 05),
//                  as a sheet whose 类 and 款 cells are merged down over their rows
//   numbered-other numbers no province here prints, by the table's place: 表1-1 over the title,
//                  预算05表 / 决算05表 and 部门决算05表 under it, 表2-1 before it on its line, 表 5
//                  under it, 附表5-5 over it
//   numbered-inline the number before the title on its line: 预算01表 …, 部门决算02表：…, 公开表3 …
//   wrapped-titles title-only, each title broken over two lines (国有资本经营预算财政 / 拨款支出决算表, whose
//                  second line alone names another table)
//   unit-lines     the lines under the title as others print them: 编制单位 left and 金额单位 right
//                  on one line, （单位：万元） alone, 单位：万元 over the title, the department
//                  without 部门： and 单位：万元 on its right
//   unit-in-header no 金额单位 line: the unit in the amount columns' header cells (决算数（万元）)
//   zeros          an amount printed 0.00 printed 0, a blank amount printed -: a zero stays a zero
//                  and nothing stays nothing (the readers take 0 and - as the same placeholder)
//   plain-figures  amounts without thousands separators (12308.79)
//   all            title-only, renumbered, split-codes, zeros and plain-figures at once
//   all-other      numbered-other, unit-in-header and own-part-codes at once
// and renderings of the documents as printed:
//   spread         each cell of words spread over its width (分散对齐: 贵州) or letter-spaced (海东) by
//                  Chromium, its characters standing apart as cells do
//   uming          by LibreOffice Writer through ODT in AR PL UMing CN, a TrueType font (海东): pdf.js
//                  sets a figure a space apart from the words before it (权重 10%)
//   droid          …in Droid Sans Fallback: a wrapped project name's lines stand farther apart than a line
//   shrink         by Calc at 10 pt (威海) or 11 pt (贵州) in columns made for 7 pt, every cell shrunk to
//                  fit: names, figures and the forms' labels wrapped or set smaller (项目资金（万元 / ）),
//                  贵州's forms run over pages, their merged cells cut at the break
//   webpage        by Chromium as a browser saves a portal's web page as PDF: the site's chrome around
//                  the document, the date and the page's title over each page, its address and the
//                  page of pages (2/21) under it (海东)
//   vertical       by Chromium, each merged cell's short label set down the cell, upright (竖排: 项目资金
//                  （元）, 绩效指标, 数量指标), the rows grown to hold it (贵州)
// Forms and the narrative are left as they are: the variants are about the tables.
// Run by hand to render the `all` variant of each corpus source (CI uses the committed files):
//   node scripts/variants.mjs [VARIANT...] [NAME...]   → fixtures/pdf/NAME.all.libreoffice.pdf and
//     NAME.all.calc.pdf (and for 青海 NAME.all.calc.stamped.pdf: stamped as a portal publishes it), NAME.all-other.calc.pdf, NAME.all-other.chromium.pdf and
//     NAME.all-other.weasyprint.pdf, NAME.spread.chromium.pdf, NAME.uming.libreoffice.pdf,
//     NAME.droid.libreoffice.pdf, NAME.shrink.calc.pdf, NAME.vertical.chromium.pdf,
//     NAME.webpage.chromium.pdf (VARIANT: all, all-other, spread, uming, droid, shrink, vertical, webpage)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderPdf } from './make-layout-fixtures.mjs';
import { chromium, CORPUS_PLAN, html, libreoffice } from './render-source.mjs';

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

/**
 * a code's parts: 2080505 → 208 05 05 (k = 3), 30102 → 301 02 (k = 2); anything else in the first
 * cell. With `own`, only the row's own part: 2080505 → '' '' 05, 20805 → '' 05 ''.
 */
function splitCode(v, k, own = false) {
  if (!FUNCTION_CODE.test(v) && !ECONOMIC_CODE.test(v)) return [v, ...Array(k - 1).fill('')];
  const parts = [v.slice(0, 3), v.slice(3, 5), v.slice(5, 7)].slice(0, k);
  const last = parts.findLastIndex((p) => p);
  return own ? parts.map((p, i) => (i === last ? p : '')) : parts;
}

const SUB_HEADS = ['类', '款', '项'];

/** the header of one [code, name, …] group split into k code cells: 科目编码 over 类 款 项, or 类 款 项 alone */
function splitHeader(cells, k, plain) {
  const [, ...rest] = cells;
  if (plain) return [...SUB_HEADS.slice(0, k).map((text) => ({ text })), ...rest];
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

/** a table with its codes in k cells: `plain`, under one header row 类 款 项; `own`, each row its own part */
function splitTable(t, { plain = false, own = false } = {}) {
  const k = codeWidth(t);
  if (!k) return t;
  const subHeads = SUB_HEADS.slice(0, k).map((text) => ({ text }));
  if (t.layout === 'code') {
    const [names, ...more] = t.header; // 科目代码 科目名称 …, then 栏次 1 2 …
    const lineNos = more.map(([first, ...rest]) => [{ ...first, colspan: k }, ...rest]);
    const header = plain ? [splitHeader(names, k, true), ...lineNos] : [splitHeader(names, k), subHeads, ...lineNos];
    return { ...t, header, rows: t.rows.map(([code, ...rest]) => [...splitCode(code, k, own), ...rest]) };
  }
  // economic: groups of [code, name, value] side by side under 人员经费 | 公用经费
  const [groups, names] = t.header;
  const perGroup = (row, f) => Array.from({ length: row.length / 3 }, (_, g) => f(row.slice(3 * g, 3 * g + 3))).flat();
  const top = groups.map((c) => ({ ...c, colspan: ((c.colspan ?? 1) / 3) * (k + 2) }));
  const header = plain ? [top, perGroup(names, (cells) => splitHeader(cells, k, true))] : [top, perGroup(names, (cells) => splitHeader(cells, k)), perGroup(names, () => subHeads)];
  return { ...t, header, rows: t.rows.map((r) => perGroup(r, ([code, ...rest]) => [...splitCode(code, k, own), ...rest])) };
}

const splitCodes = (doc) => ({ ...doc, tables: doc.tables.map((t) => splitTable(t)) });
const classColumns = (doc) => ({ ...doc, tables: doc.tables.map((t) => splitTable(t, { plain: true })) });
const ownPartCodes = (doc) => ({ ...doc, tables: doc.tables.map((t) => splitTable(t, { plain: true, own: true })) });

const kindWord = (doc) => (doc.kind === '预算' ? '预算' : '决算');
/** table n as 表a-b: three to a group, as 四川 numbers sub-tables */
const subNumber = (n) => `${Math.ceil(n / 3)}-${((n - 1) % 3) + 1}`;
/** how the numbered-other variant prints table n (1-based), by its place in the document */
const OTHER_NUMBERINGS = [
  (t, n) => ({ ...t, anchor: undefined, above: `表${subNumber(n)}` }),
  (t, n, doc) => ({ ...t, anchor: `${kindWord(doc)}${String(n).padStart(2, '0')}表` }),
  (t, n, doc) => ({ ...t, anchor: `部门${kindWord(doc)}${String(n).padStart(2, '0')}表` }),
  (t, n) => ({ ...t, anchor: undefined, title: `表${subNumber(n)}　${t.title}` }),
  (t, n) => ({ ...t, anchor: `表 ${n}` }),
  (t, n) => ({ ...t, anchor: undefined, above: `附表${n}-${n}` }),
];
const numberedOther = (doc) => ({ ...doc, tables: doc.tables.map((t, i) => OTHER_NUMBERINGS[i % OTHER_NUMBERINGS.length](t, i + 1, doc)) });

/** how the numbered-inline variant prints table n (1-based): the number before the title, on its line */
const INLINE_NUMBERINGS = [
  (t, n, doc) => ({ ...t, anchor: undefined, title: `${kindWord(doc)}${String(n).padStart(2, '0')}表 ${t.title}` }),
  (t, n, doc) => ({ ...t, anchor: undefined, title: `部门${kindWord(doc)}${String(n).padStart(2, '0')}表：${t.title}` }),
  (t, n) => ({ ...t, anchor: undefined, title: `公开表${n}　${t.title}` }),
];
/** a long title wrapped onto a second line, where a narrow page breaks it: at 60% of it, or at 40% */
const wrapTitle = (title, at) => (title.length > 10 ? `${title.slice(0, Math.ceil(title.length * at))}\n${title.slice(Math.ceil(title.length * at))}` : title);
const wrappedTitles = (doc) => ({ ...doc, tables: doc.tables.map((t, i) => ({ ...t, title: wrapTitle(t.title, i % 2 ? 0.4 : 0.6) })) });
const numberedInline = (doc) => ({ ...doc, tables: doc.tables.map((t, i) => INLINE_NUMBERINGS[i % INLINE_NUMBERINGS.length](t, i + 1, doc)) });

const unitOf = (t, doc) => t.unit ?? doc.unit;
/** the lines under a title as the unit-lines variant prints them, by the table's place */
const UNIT_LINES = [
  (t, doc) => ({ ...t, meta: [[`编制单位：${doc.department}`, `金额单位：${unitOf(t, doc)}`]] }),
  (t, doc) => ({ ...t, meta: [`（单位：${unitOf(t, doc)}）`] }),
  (t, doc) => ({ ...t, above: `单位：${unitOf(t, doc)}`, meta: [`编制单位：${doc.department}`] }),
  (t, doc) => ({ ...t, meta: [[doc.department, `单位：${unitOf(t, doc)}`]] }),
];
const unitLines = (doc) => ({ ...doc, tables: doc.tables.map((t, i) => UNIT_LINES[i % UNIT_LINES.length](t, doc)) });

/** the header cells of amount columns, which the unit-in-header variant prints with the unit */
const AMOUNT_HEAD = /^(决算数|预算数|金额|合计|小计|本年收入合计|本年支出合计)$/;
const unitInHeader = (doc) => ({
  ...doc,
  tables: doc.tables.map((t) => ({
    ...t,
    meta: [`编制单位：${doc.department}`],
    header: t.header.map((r) => r.map((c) => (AMOUNT_HEAD.test(c.text) ? { ...c, text: `${c.text}（${unitOf(t, doc)}）` } : c))),
  })),
});

export const VARIANTS = {
  'title-only': titleOnly,
  renumbered,
  'split-codes': splitCodes,
  zeros,
  'plain-figures': plainFigures,
  'class-columns': classColumns,
  'own-part-codes': ownPartCodes,
  'numbered-other': numberedOther,
  'numbered-inline': numberedInline,
  'wrapped-titles': (doc) => wrappedTitles(titleOnly(doc)),
  'unit-lines': unitLines,
  'unit-in-header': unitInHeader,
  // amounts are reprinted before their columns move; the title before it is numbered
  all: (doc) => splitCodes(plainFigures(zeros(renumbered(titleOnly(doc))))),
  'all-other': (doc) => ownPartCodes(unitInHeader(numberedOther(doc))),
};

/**
 * Every cell of words (no figure in it) spread over its width, as Excel's and WPS's 分散对齐 set
 * it (`justify`: 行    政    单    位), or its letters spaced out (`letters`: 0.6 em between them);
 * cells with figures keep their alignment, as a sheet sets them
 */
export function spreadWords(page, mode) {
  const css = mode === 'letters' ? '.s { letter-spacing: 0.6em; }' : '.s { text-align: justify; text-align-last: justify; text-justify: inter-character; }';
  return page
    .replace('</style>', `${css}\n</style>`)
    .replace(/<(td|th)((?: (?:colspan|rowspan)="\d+")*)>([^<\d]*)<\/\1>/g, (all, tag, attrs, words) => `<${tag}${attrs} class="s">${words}</${tag}>`);
}

/** the source of one variant of a document */
export const variantOf = (doc, name) => VARIANTS[name](structuredClone(doc));

/** a column's width in mm at 7 pt: as wide as its widest body cell, within limits */
function calcWidth(values) {
  const mm = (s) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2.6 : 1.4), 0);
  return Math.round(Math.min(62, Math.max(9, ...values.map((v) => mm(v) + 3))));
}

/** the tables' titles in Calc, pt */
const TITLE_PT = 11;

/** a table as a sheet: the number over the title (Calc has no line under it), amounts as number cells; `size` the sheet's type, pt */
function calcTable(t, doc, size = 7) {
  const amounts = amountColumns(t);
  const columns = t.rows[0].map((_, i) => {
    const values = t.rows.map((r) => r[i]);
    const kind = amounts.has(i) ? 'amount' : values.every((v) => /^\d*$/.test(v)) ? 'code' : 'name';
    return { width: calcWidth(values), kind };
  });
  // a sheet as wide as its title and its unit line: Calc clips a merged cell's text at the print range
  columns[columns.length - 1].width = Math.max(columns[columns.length - 1].width, Math.ceil((22 * size) / 7));
  // …and as its notes, which Calc clips at the print range too
  const longest = Math.max(t.title.length * TITLE_PT * 0.36 + 12, ...(t.notes ?? []).map((n) => n.length * size * 0.36 + 8));
  const short = longest - columns.reduce((n, c) => n + c.width, 0);
  if (short > 0) columns.forEach((c) => (c.width += Math.ceil(short / columns.length)));
  const landscape = columns.reduce((n, c) => n + c.width, 0) > 180;
  // the source's line under the title as the sheet's [left, right] line
  const meta = t.meta ? [t.meta[0]].flat().concat('').slice(0, 2) : [`部门：${doc.department}`, `金额单位：${t.unit ?? doc.unit}`];
  return { sheet: t.id, number: t.above ?? t.anchor, title: t.title, meta, landscape, columns, header: t.header, rows: t.rows, notes: t.notes, repeatHeader: true };
}

/** a form as a sheet of wrapped cells, merged where the form merges them */
function calcForm(f, i) {
  const width = Math.max(...f.rows.map((r) => r.reduce((n, c) => n + (c.colspan ?? 1), 0)));
  const columns = Array.from({ length: width }, () => ({ width: Math.floor(267 / width), kind: 'text' }));
  return { sheet: `表${i + 1}`, title: f.title, landscape: true, columns, header: [], rows: f.rows, autoHeight: true };
}

/**
 * The source as make-layout-fixtures.mjs renders it with Calc: the cover, each table a sheet, the
 * narrative a sheet of paragraphs, each form a sheet, set in `size` pt.
 */
export function calcSource(doc, size = 7) {
  const narrative = { sheet: '说明', title: '第三部分 情况说明', columns: [{ width: 180, kind: 'text' }], header: [], rows: doc.narrative.map((p) => [p]), autoHeight: true };
  return {
    department: doc.department,
    kind: doc.kind,
    year: doc.year,
    unit: doc.unit,
    cover: [doc.department, doc.title],
    page: { fontSize: size, titleSize: TITLE_PT },
    tables: [...doc.tables.map((t) => calcTable(t, doc, size)), narrative, ...(doc.forms ?? []).map(calcForm)],
  };
}

/** how each rendered variant is printed: its producers, each writing fixtures/pdf/NAME.VARIANT.PRODUCER.pdf */
const RENDERINGS = {
  all: (name, doc, work, out) => {
    // 6.5 pt: 公开06 with its codes in 类 | 款 cells has three more columns, and a figure in 元 would wrap
    const writer = { ...CORPUS_PLAN.find((p) => p.producer === 'libreoffice'), tableFontSize: '6.5pt' };
    const htmlFile = path.join(work, `${name}.all.html`);
    writeFileSync(htmlFile, html(doc, writer));
    libreoffice(htmlFile, path.join(out, `${name}.all.libreoffice.pdf`), writer);
    renderPdf(`${name}.all`, calcSource(doc), out);
    if (!STAMPED.includes(name)) return ['libreoffice', 'calc'];
    // as a portal publishes it: every page stamped with the date it was made public, in its top
    // right corner, and a faint mark across the middle (qpdf --overlay of a page Chromium prints)
    execFileSync('qpdf', [path.join(out, `${name}.all.calc.pdf`), '--overlay', stampPage(work), '--repeat=1', '--', path.join(out, `${name}.all.calc.stamped.pdf`)]);
    return ['libreoffice', 'calc', 'calc.stamped'];
  },
  // Calc with its sheets' lines as the source prints them, and Chromium set as a 三线表 (no cell
  // borders: rules over and under the table and under its header) with figures centred
  'all-other': (name, doc, work, out) => {
    renderPdf(`${name}.all-other`, calcSource(doc), out);
    const opts = { ...CORPUS_PLAN.find((p) => p.producer === 'chromium'), threeLine: true, figureAlign: 'center' };
    const htmlFile = path.join(work, `${name}.all-other.html`);
    const pdf = path.join(out, `${name}.all-other.chromium.pdf`);
    writeFileSync(htmlFile, html(doc, opts));
    chromium(htmlFile, pdf, work);
    // Skia writes Noto CJK as Type 3 fonts, thousands of small objects: qpdf packs them into object streams
    execFileSync('qpdf', ['--object-streams=generate', '--recompress-flate', '--compression-level=9', '--replace-input', pdf]);
    // WeasyPrint (its own layout engine): header cells and 栏次 numbers set flush left over figures
    // and codes set right, in cells bordered as Chromium's corpus renderings are
    const weasy = path.join(work, `${name}.all-other.weasyprint.html`);
    writeFileSync(weasy, html(doc, { ...CORPUS_PLAN.find((p) => p.producer === 'chromium'), tableFontSize: '6.5pt' }));
    execFileSync('weasyprint', ['-q', weasy, path.join(out, `${name}.all-other.weasyprint.pdf`)], { stdio: 'ignore', timeout: 900000 });
    if (!CAIRO_REWRITTEN.includes(name)) return ['calc', 'chromium', 'weasyprint'];
    // rewritten by cairo (pdftocairo), which draws the spaces inside a cell's text as moves, not
    // glyphs: the project codes (630200 25T000 000000) come out without a space glyph between their parts
    const cairo = path.join(out, `${name}.all-other.chromium.cairo.pdf`);
    execFileSync('pdftocairo', ['-pdf', pdf, cairo]);
    execFileSync('qpdf', ['--object-streams=generate', '--recompress-flate', '--compression-level=9', '--replace-input', cairo]);
    return ['calc', 'chromium', 'weasyprint', 'chromium.cairo'];
  },
  // the document as a portal's web page that a reader saves as PDF from the browser: the site's
  // chrome around it (where the page stands, the index table, the date, the site's footer) and
  // Chromium's default header (the date and time, the page's title) and footer (its address, the
  // page of pages) on every page
  webpage: (name, doc, work, out) => {
    if (!WEB_PAGES.includes(name)) return [];
    const htmlFile = path.join(work, `${name}.webpage.html`);
    writeFileSync(htmlFile, webPage(doc, html(doc, CORPUS_PLAN.find((p) => p.producer === 'chromium'))));
    const pdf = path.join(out, `${name}.webpage.chromium.pdf`);
    chromium(htmlFile, pdf, work, { headerFooter: true });
    execFileSync('qpdf', ['--object-streams=generate', '--recompress-flate', '--compression-level=9', '--replace-input', pdf]);
    return ['chromium'];
  },
  // Chromium with each cell of words spread over its cell or letter-spaced (spreadWords), as
  // sheets set their labels: the characters of one word stand apart as cells do
  spread: (name, doc, work, out) => {
    const mode = SPREAD[name];
    if (!mode) return [];
    const htmlFile = path.join(work, `${name}.spread.html`);
    const pdf = path.join(out, `${name}.spread.chromium.pdf`);
    writeFileSync(htmlFile, spreadWords(html(doc, CORPUS_PLAN.find((p) => p.producer === 'chromium')), mode));
    chromium(htmlFile, pdf, work);
    execFileSync('qpdf', ['--object-streams=generate', '--recompress-flate', '--compression-level=9', '--replace-input', pdf]);
    return ['chromium'];
  },
  // Chromium with each merged cell's short label set down the cell (竖排: 项目资金（元）, 绩效指标, 数量指标)
  vertical: (name, doc, work, out) => {
    if (!VERTICAL.includes(name)) return [];
    const htmlFile = path.join(work, `${name}.vertical.html`);
    const pdf = path.join(out, `${name}.vertical.chromium.pdf`);
    writeFileSync(htmlFile, verticalCells(html(doc, CORPUS_PLAN.find((p) => p.producer === 'chromium'))));
    chromium(htmlFile, pdf, work);
    execFileSync('qpdf', ['--object-streams=generate', '--recompress-flate', '--compression-level=9', '--replace-input', pdf]);
    return ['chromium'];
  },
  // Calc at 10 or 11 pt in the columns made for 7 pt, every cell shrunk to fit (Excel's and Calc's option):
  // long names and figures set smaller, header names and the forms' labels wrapped in their cells
  // (项目资金（万元 / ）, its ） on the 年度资金总额 row)
  shrink: (name, doc, work, out) => {
    if (!(name in SHRUNK)) return [];
    // the tables' unit lines and notes as wide as they need at that size (Calc clips them at the print range)
    const source = calcSource(doc, SHRUNK[name]);
    renderPdf(`${name}.shrink`, { ...source, page: { ...source.page, shrink: true } }, out);
    return ['calc'];
  },
  // Writer in a TrueType CJK font, not Noto's CFF: its glyphs' widths and pdf.js's spacing differ
  uming: (name, doc, work, out) => writerInFont(name, doc, work, out, 'uming', '"AR PL UMing CN"'),
  // …and in Droid Sans Fallback, whose line height sets a wrapped project name's lines farther apart than a line
  droid: (name, doc, work, out) => writerInFont(name, doc, work, out, 'droid', '"Droid Sans Fallback"'),
};

/** the documents rendered by Writer in other fonts (RENDERINGS.uming, .droid): a budget with its 绩效目标表 */
const OTHER_FONTS = ['corpus-haidong-city-2025-budget'];

function writerInFont(name, doc, work, out, variant, font) {
  if (!OTHER_FONTS.includes(name)) return [];
  const writer = { ...CORPUS_PLAN.find((p) => p.producer === 'libreoffice'), font };
  const htmlFile = path.join(work, `${name}.${variant}.html`);
  writeFileSync(htmlFile, html(doc, writer));
  libreoffice(htmlFile, path.join(out, `${name}.${variant}.libreoffice.pdf`), writer);
  return ['libreoffice'];
}

/**
 * the documents rendered by Calc shrunk to fit (RENDERINGS.shrink), at what size: final accounts
 * with many forms; at 11 pt 贵州's run over pages, a merged cell's text cut at the break
 */
const SHRUNK = { 'corpus-guizhou-office-2023-final': 11, 'corpus-weihai-huancui-2023-final': 10 };

/** the documents rendered with their merged cells' labels set down the cells (RENDERINGS.vertical): a final account with forms */
const VERTICAL = ['corpus-guizhou-office-2023-final'];

/**
 * The page with each merged cell (two rows or more) whose text is a short label (2 to 9 characters)
 * set down the cell, upright, a character under the other: the rows grow to hold it.
 */
function verticalCells(page) {
  return page.replace(/<td((?: colspan="\d+")?) rowspan="(\d+)"((?: colspan="\d+")?)>([^<]{2,9})<\/td>/g, (all, a, n, b, text) =>
    Number(n) >= 2 ? `<td${a} rowspan="${n}"${b} style="writing-mode: vertical-rl; text-orientation: upright">${text}</td>` : all,
  );
}

/** the documents rendered with their words spread (RENDERINGS.spread), and how: a final account with forms, and a budget */
const SPREAD = { 'corpus-guizhou-office-2023-final': 'justify', 'corpus-haidong-city-2025-budget': 'letters' };

/** the documents whose all-other Chromium rendering is also rewritten by cairo (one is enough: 1 MB each) */
const CAIRO_REWRITTEN = ['corpus-haidong-city-2025-budget'];

/** the documents also saved from a portal's web page by the browser (NAME.webpage.chromium.pdf) */
const WEB_PAGES = ['corpus-haidong-city-2025-budget'];

/** the document's HTML as a portal's page holds it: a title, where the page stands, the index table and date over it, the site's footer under it */
function webPage(doc, body) {
  const over = `<div style="font-size:10pt;border-bottom:1px solid #ccc">当前位置：首页 &gt; 政务公开 &gt; 法定主动公开 &gt; 财政预决算 &gt; 部门${doc.kind}</div>
<table style="font-size:9pt;border-collapse:collapse" border="1"><tr><td>[ 索引号 ]</td><td>115002300086863934/${doc.year}-00067</td><td>[ 发文字号 ]</td><td>无</td></tr>
<tr><td>[ 发布机构 ]</td><td>${doc.department}</td><td>[ 成文日期 ]</td><td>${doc.year}-09-12</td></tr></table>
<p style="font-size:9pt">发布时间：${doc.year}-09-12 16:08:34　来源：${doc.department}　浏览次数：1234　【字体：大 中 小】【打印】【关闭】</p>`;
  const under = `<div style="font-size:9pt;border-top:1px solid #ccc;margin-top:20px">主办单位：某某市人民政府办公室　网站标识码：5002300001　ICP备05003300号-1<br>联系电话：023-70712345　建议使用1920×1080分辨率</div>`;
  return body
    .replace('<head>', `<head><title>${doc.department}${doc.title}-某某市人民政府</title>`)
    .replace(/<body([^>]*)>/, `<body$1>${over}`)
    .replace('</body>', `${under}</body>`);
}

/** the documents whose Calc rendering is also stamped as a portal publishes it (NAME.all.calc.stamped.pdf) */
const STAMPED = ['corpus-qinghai-province-2023-final'];
/** the page a portal stamps over every page (STAMP_HTML, printed by Chromium), made once in `work` */
export function stampPage(work) {
  const stamp = path.join(work, 'stamp.pdf');
  if (existsSync(stamp)) return stamp;
  const html = path.join(work, 'stamp.html');
  writeFileSync(html, STAMP_HTML);
  chromium(html, stamp, work);
  return stamp;
}
const STAMP_HTML = `<html><head><style>@page { size: A4; margin: 0 } body { margin: 0; height: 297mm; position: relative; font-family: 'Noto Sans CJK SC' }
.mark { position: absolute; top: 130mm; width: 100%; text-align: center; font-size: 60pt; color: rgba(160, 160, 160, 0.35) }
.date { position: absolute; top: 8mm; right: 12mm; font-size: 9pt; color: #c00 }</style></head>
<body><div class="mark">政府信息公开</div><div class="date">2025-06-30 已公开</div></body></html>`;

if (fileURLToPath(import.meta.url) === path.resolve(process.argv[1] ?? '')) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const args = process.argv.slice(2);
  const variants = args.filter((a) => a in RENDERINGS);
  const only = args.filter((a) => !(a in RENDERINGS));
  const work = mkdtempSync(path.join(tmpdir(), 'budget-lint-variants-'));
  const out = path.join(root, 'fixtures/pdf');
  const names = readdirSync(path.join(root, 'fixtures/pdf-src')).filter((f) => /^corpus-.*\.json$/.test(f)).map((f) => path.basename(f, '.json'));
  for (const name of names.filter((n) => !only.length || only.includes(n))) {
    for (const variant of variants.length ? variants : Object.keys(RENDERINGS)) {
      const source = JSON.parse(readFileSync(path.join(root, 'fixtures/pdf-src', `${name}.json`), 'utf8'));
      // a rendering of the document as printed (spread) reprints nothing
      const doc = variant in VARIANTS ? variantOf(source, variant) : source;
      const producers = RENDERINGS[variant](name, doc, work, out);
      for (const p of producers) console.log(`wrote fixtures/pdf/${name}.${variant}.${p}.pdf`);
    }
  }
}
