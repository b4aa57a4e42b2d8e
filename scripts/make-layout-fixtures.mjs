#!/usr/bin/env node
// Renders the spreadsheet fixture sources (fixtures/calc-src/*.yaml) with LibreOffice Calc, a
// producer the readers were not fitted to: each table is a sheet of cells with borders, figures
// are number cells (right-aligned, formatted as the source prints them), header cells are
// merged across columns and rows, and a long table runs onto the next page with or without its
// header rows repeated (Calc's "rows to repeat"). For each source it writes
//   fixtures/pdf/NAME.calc.pdf   the PDF, as Calc exports it (calc_pdf_Export)
//   fixtures/pdf/NAME.txt        the text version: each sheet's rows, cells separated by tabs, a
//                                merged cell's text in its first cell (as Calc saves a sheet as text)
//   fixtures/pdf/NAME.gnumeric.pdf  for the sources GNUMERIC names: printed by Gnumeric instead,
//                                a wide sheet's last columns on the next page
// The .fods (flat ODS) it renders from is kept in the temporary folder it prints.
// Run by hand (CI uses the committed files):
//   apt-get install libreoffice-calc-nogui fonts-noto-cjk gnumeric
//   node scripts/make-layout-fixtures.mjs              every source
//   node scripts/make-layout-fixtures.mjs layout-codes only the sources named
//
// A source (YAML) holds: department, kind (预算/决算), year, unit, cover (lines of the cover
// sheet), page ({ landscape, fontSize, titleSize (pt, default 14), footer: a page number at each page's foot,
// shrink: every body cell's text shrunk to fit its width, as Excel's and Calc's option sets it,
// headings: the sheet printed with its row numbers and column letters, and its grid }) and tables,
// each with: sheet (its name), landscape (this sheet's pages turned; else as the document's),
// number (a printed table number above the title), title, meta (the line under the title:
// [left, right]), columns (one per column: { width: mm, kind: code | name | amount }), header
// (rows of cells), rows (rows of cells), repeatHeader (true: the header rows are printed again on
// every page; 'all': every row from the top, the title included, as Excel's print titles $1:$n),
// repeatColumns (how many first columns are printed again on every page, as Excel's and Calc's columns to
// repeat), breaks (indexes of body rows that start a new page), notes (lines under the table), autoHeight
// (body rows as high as their wrapped cells need, for prose and forms), figures (currency or
// accounting: its number cells signed ¥, see MONEY_FORMATS).
// A column of kind text wraps its cells (a paragraph, a form's cell).
// A cell is a string or { text, colspan, rowspan }. In an amount column a figure becomes a number
// cell printed as written: `1,234.50` (grouped, two decimals), `1234.50`, `0.00`, `0`; `-` and
// anything else stays text, set right as the figures are; an empty string is an empty cell.
// { text, general: true }: a number cell of the General format, printed as its column's width
// allows (fewer decimals, then 1.1E+07, as Excel and Calc print a number that does not fit).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = path.join(root, 'fixtures/calc-src');

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const cellOf = (c) => (typeof c === 'string' || typeof c === 'number' ? { text: String(c) } : { ...c, text: String(c.text ?? '') });

/** number formats by how a figure is printed */
const FORMATS = {
  grouped2: '<number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/>',
  plain2: '<number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1"/>',
  integer: '<number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1"/>',
};

/**
 * Figures signed as money, for a table whose source says `figures: currency | accounting`:
 * currency ¥1,234.50 and -¥1,234.50; accounting (as a finance sheet is often formatted) the ¥ at
 * the cell's left edge and the figure at its right, a negative in brackets, a zero as -.
 */
const NUMBER = '<number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/>';
const YUAN_SIGN = '<number:currency-symbol number:language="zh" number:country="CN">¥</number:currency-symbol>';
const FILL = '<number:fill-character> </number:fill-character>';
const MONEY_FORMATS = `<number:currency-style style:name="currency-neg" style:volatile="true"><number:text>-</number:text>${YUAN_SIGN}${NUMBER}</number:currency-style>
<number:currency-style style:name="currency">${YUAN_SIGN}${NUMBER}<style:map style:condition="value()&lt;0" style:apply-style-name="currency-neg"/></number:currency-style>
<number:currency-style style:name="accounting-pos" style:volatile="true">${YUAN_SIGN}${FILL}${NUMBER}<number:text> </number:text></number:currency-style>
<number:currency-style style:name="accounting-neg" style:volatile="true">${YUAN_SIGN}${FILL}<number:text>(</number:text>${NUMBER}<number:text>)</number:text></number:currency-style>
<number:currency-style style:name="accounting">${YUAN_SIGN}${FILL}<number:text>- </number:text><style:map style:condition="value()&gt;0" style:apply-style-name="accounting-pos"/><style:map style:condition="value()&lt;0" style:apply-style-name="accounting-neg"/></number:currency-style>`;

/** how an amount cell is stored: a number with its format, or text */
function amount(text) {
  if (/^-?\d{1,3}(,\d{3})+\.\d{2}$/.test(text) || /^-?\d{1,3}\.\d{2}$/.test(text)) return { format: 'grouped2', value: Number(text.replace(/,/g, '')) };
  if (/^-?\d{4,}\.\d{2}$/.test(text)) return { format: 'plain2', value: Number(text) };
  if (/^-?\d+$/.test(text)) return { format: 'integer', value: Number(text) };
  return null;
}

/** a page: A4 upright or turned, no header, the footer (page number) when the source asks for it */
function pageLayout(name, landscape, headings = false) {
  // with headings, the sheet's row numbers and column letters are printed, and its grid (打印行号列标)
  const print = `${headings ? 'headers grid ' : ''}objects charts drawings zero-values`;
  return `<style:page-layout style:name="${name}"><style:page-layout-properties fo:page-width="${landscape ? 297 : 210}mm" fo:page-height="${landscape ? 210 : 297}mm" style:print-orientation="${name}" fo:margin-top="15mm" fo:margin-bottom="12mm" fo:margin-left="15mm" fo:margin-right="15mm" style:print="${print}" style:print-page-order="ttb" style:table-centering="horizontal"/>
<style:header-style/><style:footer-style><style:header-footer-properties fo:min-height="6mm" fo:margin-top="2mm"/></style:footer-style></style:page-layout>`;
}

function styles(doc) {
  const size = `${doc.page?.fontSize ?? 9}pt`;
  // Excel's and Calc's “shrink to fit”: a cell's words or figure set smaller where they do not fit its width
  const shrink = doc.page?.shrink === true;
  const font = (px, bold) =>
    `<style:text-properties style:font-name="Noto Serif CJK SC" style:font-name-asian="Noto Serif CJK SC" fo:font-size="${px}" style:font-size-asian="${px}"${bold ? ' fo:font-weight="bold" style:font-weight-asian="bold"' : ''}/>`;
  const border = 'fo:border="0.5pt solid #000000" fo:padding="0.4mm"';
  const cell = (name, { align = 'start', borderOn = true, px = size, bold = false, data = null, wrap = false } = {}) =>
    `<style:style style:name="${name}" style:family="table-cell" style:parent-style-name="Default"${data ? ` style:data-style-name="${data}"` : ''}>` +
    `<style:table-cell-properties ${borderOn ? border : ''} style:vertical-align="middle"${wrap ? ' fo:wrap-option="wrap"' : ''}${shrink && borderOn && !wrap ? ' style:shrink-to-fit="true"' : ''}/>` +
    `<style:paragraph-properties fo:text-align="${align}"/>${font(px, bold)}</style:style>`;
  const footer = doc.page?.footer
    ? '<style:footer><text:p>第<text:page-number>1</text:page-number>页</text:p></style:footer>'
    : '<style:footer style:display="false"/>';
  return {
    common: `<office:styles>
${Object.entries(FORMATS).map(([k, v]) => `<number:number-style style:name="${k}">${v}</number:number-style>`).join('\n')}
${MONEY_FORMATS}
<style:style style:name="Default" style:family="table-cell">${font(size)}</style:style>
</office:styles>`,
    automatic: `<office:automatic-styles>
${cell('title', { align: 'center', borderOn: false, px: `${doc.page?.titleSize ?? 14}pt`, bold: true })}
${cell('cover', { align: 'center', borderOn: false, px: '20pt', bold: true })}
${cell('left', { borderOn: false })}
${cell('right', { align: 'end', borderOn: false })}
${cell('head', { align: 'center', wrap: true })}
${cell('code', { align: 'center' })}
${cell('name', {})}
${cell('wrapped', { wrap: true })}
${cell('text-amount', { align: 'end' })}
${cell('amount-general', { align: 'end' })}
${['currency', 'accounting'].map((k) => cell(`amount-${k}`, { align: 'end', data: k })).join('\n')}
${Object.keys(FORMATS).map((k) => cell(`amount-${k}`, { align: 'end', data: k })).join('\n')}
${['portrait', 'landscape'].map((o) => `<style:style style:name="sheet-${o}" style:family="table" style:master-page-name="${o}"><style:table-properties table:display="true"/></style:style>`).join('\n')}
<style:style style:name="row" style:family="table-row"><style:table-row-properties style:row-height="6.2mm" style:use-optimal-row-height="false"/></style:style>
<style:style style:name="row-break" style:family="table-row"><style:table-row-properties style:row-height="6.2mm" style:use-optimal-row-height="false" fo:break-before="page"/></style:style>
<style:style style:name="row-head" style:family="table-row"><style:table-row-properties style:row-height="6.2mm" style:use-optimal-row-height="true"/></style:style>
<style:style style:name="row-title" style:family="table-row"><style:table-row-properties style:row-height="11mm" style:use-optimal-row-height="false"/></style:style>
<style:style style:name="row-cover" style:family="table-row"><style:table-row-properties style:row-height="16mm" style:use-optimal-row-height="false"/></style:style>
${pageLayout('portrait', false, doc.page?.headings)}
${pageLayout('landscape', true, doc.page?.headings)}
</office:automatic-styles>
<office:master-styles>${['portrait', 'landscape'].map((o) => `<style:master-page style:name="${o}" style:page-layout-name="${o}"><style:header style:display="false"/>${footer}</style:master-page>`).join('')}</office:master-styles>`,
  };
}

/**
 * Rows of cells → the grid they cover (merged cells placed as a spreadsheet places them): per
 * row, per column, the cell that starts there, or 'covered'.
 */
function grid(rows, width) {
  const covered = [];
  return rows.map((r, ri) => {
    const out = new Array(width).fill(null);
    let col = 0;
    const skip = () => {
      while (col < width && (covered[ri]?.[col] || out[col])) col++;
    };
    for (const raw of r) {
      skip();
      const c = cellOf(raw);
      const cs = c.colspan ?? 1;
      const rs = c.rowspan ?? 1;
      if (col >= width) throw new Error(`row ${ri} has more cells than ${width} columns: ${JSON.stringify(r)}`);
      out[col] = c;
      for (let dr = 0; dr < rs; dr++)
        for (let dc = 0; dc < cs; dc++) {
          if (dr === 0 && dc === 0) continue;
          if (dr === 0) out[col + dc] = 'covered';
          else ((covered[ri + dr] ??= [])[col + dc] = true);
        }
      col += cs;
    }
    for (let k = 0; k < width; k++) if (covered[ri]?.[k]) out[k] = 'covered';
    return out;
  });
}

function cellXml(c, style) {
  if (c === 'covered') return '<table:covered-table-cell/>';
  if (c === null) return `<table:table-cell table:style-name="${style}"/>`;
  const span = (c.colspan > 1 ? ` table:number-columns-spanned="${c.colspan}"` : '') + (c.rowspan > 1 ? ` table:number-rows-spanned="${c.rowspan}"` : '');
  if (c.text === '') return `<table:table-cell table:style-name="${style}"${span}/>`;
  return `<table:table-cell table:style-name="${style}" office:value-type="string"${span}><text:p>${esc(c.text)}</text:p></table:table-cell>`;
}

function bodyCellXml(c, kind, figures) {
  if (kind === 'text') return cellXml(c, 'wrapped');
  if (c === 'covered' || c === null || kind !== 'amount' || c.colspan > 1) return cellXml(c, kind === 'code' ? 'code' : kind === 'amount' ? 'text-amount' : 'name');
  if (c.general) return `<table:table-cell table:style-name="amount-general" office:value-type="float" office:value="${Number(c.text.replace(/,/g, ''))}"><text:p>${esc(c.text)}</text:p></table:table-cell>`;
  const n = amount(c.text);
  if (!n) return cellXml(c, 'text-amount');
  return `<table:table-cell table:style-name="amount-${figures ?? n.format}" office:value-type="${figures ? 'currency" office:currency="CNY' : 'float'}" office:value="${n.value}"><text:p>${esc(c.text)}</text:p></table:table-cell>`;
}

const rowXml = (style, cells) => `<table:table-row table:style-name="${style}">${cells.join('')}</table:table-row>`;

const orientation = (landscape) => (landscape ? 'landscape' : 'portrait');

function sheetXml(t, doc) {
  const width = t.columns.length;
  const colXml = t.columns.map((c, i) => `<table:table-column table:style-name="col-${t.index}-${i}"/>`);
  // columns to repeat on every page (左端标题列: Excel's print titles $A:$D)
  const cols = t.repeatColumns ? `<table:table-header-columns>${colXml.slice(0, t.repeatColumns).join('')}</table:table-header-columns>${colXml.slice(t.repeatColumns).join('')}` : colXml.join('');
  const top = [];
  const line = (text, style, rowStyle = 'row') => rowXml(rowStyle, [`<table:table-cell table:style-name="${style}" office:value-type="string" table:number-columns-spanned="${width}"><text:p>${esc(text)}</text:p></table:table-cell>`, ...Array(width - 1).fill('<table:covered-table-cell/>')]);
  if (t.number) top.push(rowXml('row', [`<table:table-cell table:style-name="left" office:value-type="string"><text:p>${esc(t.number)}</text:p></table:table-cell>`, ...Array(width - 1).fill('<table:table-cell/>')]));
  top.push(line(t.title, 'title', 'row-title'));
  if (t.meta) {
    const [left, right] = t.meta;
    // the department on the left over all but the last column, the unit in the last
    top.push(
      rowXml('row', [
        `<table:table-cell table:style-name="left" office:value-type="string" table:number-columns-spanned="${width - 1}"><text:p>${esc(left)}</text:p></table:table-cell>`,
        ...Array(width - 2).fill('<table:covered-table-cell/>'),
        `<table:table-cell table:style-name="right" office:value-type="string"><text:p>${esc(right)}</text:p></table:table-cell>`,
      ]),
    );
  }
  // header rows take the height their wrapped cells need, as a spreadsheet's optimal height gives them
  const header = grid(t.header, width).map((r) => rowXml('row-head', r.map((c) => cellXml(c, 'head'))));
  // rows to repeat on every page: none, the header rows, or everything from the top (print titles $1:$n)
  const repeated = (rows) => `<table:table-header-rows>${rows.join('\n')}</table:table-header-rows>`;
  const out =
    t.repeatHeader === 'all' ? [repeated([...top, ...header])] : t.repeatHeader ? [...top, repeated(header)] : [...top, ...header];
  const breaks = new Set(t.breaks ?? []);
  const body = t.autoHeight ? 'row-head' : 'row';
  grid(t.rows, width).forEach((r, i) => out.push(rowXml(breaks.has(i) ? 'row-break' : body, r.map((c, k) => bodyCellXml(c, t.columns[k].kind, t.figures)))));
  for (const n of t.notes ?? []) out.push(line(n, 'left'));
  return `<table:table table:name="${esc(t.sheet)}" table:style-name="sheet-${orientation(t.landscape ?? doc.page?.landscape)}">${cols}\n${out.join('\n')}\n</table:table>`;
}

function coverXml(doc) {
  const rows = doc.cover.map((l) => rowXml('row-cover', [`<table:table-cell table:style-name="cover" office:value-type="string"><text:p>${esc(l)}</text:p></table:table-cell>`]));
  return `<table:table table:name="封面" table:style-name="sheet-${orientation(doc.page?.landscape)}"><table:table-column table:style-name="col-cover"/>\n${rows.join('\n')}\n</table:table>`;
}

function fods(doc) {
  const { common, automatic } = styles(doc);
  const columnStyles = [
    `<style:style style:name="col-cover" style:family="table-column"><style:table-column-properties style:column-width="${doc.page?.landscape ? 260 : 175}mm"/></style:style>`,
    ...doc.tables.flatMap((t) => t.columns.map((c, i) => `<style:style style:name="col-${t.index}-${i}" style:family="table-column"><style:table-column-properties style:column-width="${c.width}mm"/></style:style>`)),
  ].join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:font-face-decls><style:font-face style:name="Noto Serif CJK SC" svg:font-family="'Noto Serif CJK SC'"/></office:font-face-decls>
${common}
${automatic.replace('<office:automatic-styles>', `<office:automatic-styles>\n${columnStyles}`)}
<office:body><office:spreadsheet>
${doc.cover ? coverXml(doc) : ''}
${doc.tables.map((t) => sheetXml(t, doc)).join('\n')}
</office:spreadsheet></office:body></office:document>
`;
}

/**
 * The text version: what Calc's text export gives sheet by sheet, tab-separated, every column of
 * a header or body row kept (empty cells as empty fields); a title, number or note line is its text.
 */
export function text(doc) {
  const out = [];
  const emit = (cells) => out.push(cells.map((c) => (c && c !== 'covered' ? c.text : '')).join('\t'));
  // figures signed as money are saved as shown: ¥1,142.78, or ¥ 1,142.78 where the sign stands apart
  const sign = { currency: '¥', accounting: '¥ ' };
  const signed = (t, cells) => cells.map((c, k) => (t.figures && t.columns[k].kind === 'amount' && c && c !== 'covered' && amount(c.text) ? { ...c, text: sign[t.figures] + c.text } : c));
  if (doc.cover) out.push(...doc.cover, '');
  for (const t of doc.tables) {
    const width = t.columns.length;
    if (t.number) out.push(t.number);
    out.push(t.title);
    if (t.meta) emit([{ text: t.meta[0] }, ...Array(width - 2).fill(null), { text: t.meta[1] }]);
    for (const r of grid(t.header, width)) emit(r);
    for (const r of grid(t.rows, width)) emit(signed(t, r));
    out.push(...(t.notes ?? []), '');
  }
  return out.join('\n');
}

/** NAME.calc.pdf (in outDir) from a source; the .fods it is rendered from stays in the folder returned */
export function renderPdf(name, doc, outDir = path.join(root, 'fixtures/pdf')) {
  const work = mkdtempSync(path.join(tmpdir(), 'budget-lint-calc-'));
  mkdirSync(outDir, { recursive: true });
  doc.tables.forEach((t, i) => (t.index = i));
  const fodsFile = path.join(work, `${name}.fods`);
  writeFileSync(fodsFile, fods(doc));
  execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(path.join(work, 'profile')).href}`, '--headless', '--convert-to', 'pdf:calc_pdf_Export', '--outdir', work, fodsFile], { stdio: 'ignore', timeout: 180000 });
  renameSync(path.join(work, `${name}.pdf`), path.join(outDir, `${name}.calc.pdf`));
  if (GNUMERIC.includes(name)) {
    // the same sheet saved as .xlsx and printed by Gnumeric (its own layout, cairo's PDF): it does
    // not fit a wide sheet to the paper, and prints the columns that do not fit on the next page
    execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(path.join(work, 'profile')).href}`, '--headless', '--convert-to', 'xlsx', '--outdir', work, fodsFile], { stdio: 'ignore', timeout: 180000 });
    execFileSync('ssconvert', ['--export-type=Gnumeric_pdf:pdf_assistant', path.join(work, `${name}.xlsx`), path.join(outDir, `${name}.gnumeric.pdf`)], { stdio: 'ignore', timeout: 180000 });
  }
  return work;
}

/** the sources also printed by Gnumeric (NAME.gnumeric.pdf): sheets wider than the paper */
const GNUMERIC = ['layout-codes', 'layout-spanning', 'layout-halves', 'layout-purchases', 'layout-purchases-units'];

if (import.meta.url === `file://${process.argv[1]}`) {
  const outDir = path.join(root, 'fixtures/pdf');
  const only = process.argv.slice(2);
  for (const file of readdirSync(srcDir).filter((f) => f.endsWith('.yaml') && (!only.length || only.includes(path.basename(f, '.yaml'))))) {
    const name = path.basename(file, '.yaml');
    const doc = parse(readFileSync(path.join(srcDir, file), 'utf8'));
    const work = renderPdf(name, doc, outDir);
    writeFileSync(path.join(outDir, `${name}.txt`), text(doc));
    console.log(`wrote fixtures/pdf/${name}.calc.pdf, fixtures/pdf/${name}.txt (rendered from ${work})`);
  }
}
