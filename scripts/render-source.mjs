/**
 * How make-fixtures.mjs prints a fixture source (fixtures/pdf-src/*.json): as HTML for a producer
 * to lay out, as its text version (tab-separated), and through LibreOffice Writer. Pure functions
 * but for libreoffice(), so that scripts/variants.mjs and the tests print sources the same way.
 *
 * A source's table may carry, besides its title and `anchor` (the printed table number under the
 * title, 公开01表), an `above`: a line printed over the title (附表1); either may be left out. Its
 * `meta` replaces the line under the title (部门：… 金额单位：…): lines, each a string or [left, right]
 * (set apart on one line), none when empty.
 */
import { execFileSync } from 'node:child_process';
import { renameSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// The corpus documents (corpus-NAME.json, made by corpus-to-src.mjs), each whole and by both producers:
// LibreOffice through ODT in Noto Serif CJK at 7 pt in the tables, so that the CJK font is embedded
// as many subsets of 256 glyphs and a line switches between them mid-word and mid-number; Chromium
// with its wide tables and forms on landscape pages among portrait ones.
export const CORPUS_PLAN = [
  { producer: 'libreoffice', viaOdt: true, writerBreaks: true, font: '"Noto Serif CJK SC"', fontSize: '8pt', tableFontSize: '7pt', titleSize: '11pt' },
  // Skia writes Noto CJK as Type 3 fonts, thousands of small objects: qpdf packs them into object streams
  { producer: 'chromium', widePages: true, fontSize: '9pt', tableFontSize: '7.5pt', compact: true },
];
export const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');
const NUMERIC = /^-?[\d,]+(\.\d+)?%?$/;
/** a figure, or a dash printed for nothing: set right in an amount column */
export const isAmount = (v) => NUMERIC.test(v) || /^[-－—]$/.test(v);

function cell(tag, c) {
  const attrs = (c.colspan ? ` colspan="${c.colspan}"` : '') + (c.rowspan ? ` rowspan="${c.rowspan}"` : '');
  return `<${tag}${attrs}>${esc(c.text)}</${tag}>`;
}

/** Writer's HTML import keeps no page break on a section and no CSS border: they go on the title and the table */
const titleAttrs = (opts) => (opts.writerBreaks ? ' style="page-break-before: always"' : '');
const tableAttrs = (opts) => (opts.writerBreaks ? ' border="1" cellspacing="0" cellpadding="2" width="100%"' : '');

/**
 * Writer sizes an imported table's columns by their headers and breaks a figure wider than its
 * column mid-way (12,308.7 / 9): relative widths keep figures whole, every money column as wide
 * as the widest figure (as a template sets them), words as wide as they need up to a limit.
 */
function writerColumns(t) {
  const width = (s) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const columns = Array.from({ length: t.rows[0]?.length ?? 0 }, (_, c) => t.rows.map((r) => r[c]).filter((v) => v !== ''));
  const money = columns.map((vs) => vs.every(isAmount) && (!vs.length || vs.some((v) => /\./.test(v))));
  const figure = Math.max(8, ...columns.flat().filter((v) => NUMERIC.test(v)).map(width));
  const need = columns.map((vs, c) => (money[c] ? figure : Math.max(4, Math.min(24, Math.max(0, ...vs.map(width))))));
  return `<colgroup>${need.map((n) => `<col width="${n}*">`).join('')}</colgroup>`;
}

/** the lines under a table's title: [left, right] pairs or single strings */
const metaOf = (t, doc) => t.meta ?? [[`部门：${doc.department}`, `金额单位：${t.unit ?? doc.unit}`]];
const metaHtml = (line) => `<p class="meta">${Array.isArray(line) ? line.map(esc).join('　　') : esc(line)}</p>`;

/** a table's grid: its header and rows as an HTML table */
function gridHtml(t, opts = {}) {
  const head = t.header.map((r) => `<tr>${r.map((c) => cell('th', c)).join('')}</tr>`).join('\n');
  const body = t.rows
    .map((r) => `<tr>${r.map((v) => (isAmount(v) ? `<td class="n"${opts.writerBreaks ? ' align="right"' : ''}>` : '<td class="t">') + `${esc(v)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table class="${t.layout}"${tableAttrs(opts)}>${opts.writerBreaks ? writerColumns(t) : ''}<thead>${head}</thead><tbody>
${body}
</tbody></table>`;
}

/**
 * A table: its title, number and meta lines, its grid, its notes. opts.pictures (title → image
 * file): the grid printed as that picture instead, as a table pasted into a Word document as a
 * screenshot of a spreadsheet is (gridPage renders one).
 */
function tableHtml(t, doc, opts = {}) {
  const picture = opts.pictures?.[t.title];
  return `<section class="table${t.wide ? ' wide' : ''}">
${t.above ? `<p class="anchor"${titleAttrs(opts)}>${esc(t.above)}</p>\n` : ''}<p class="title"${t.above ? '' : titleAttrs(opts)}>${esc(t.title)}</p>
${t.anchor ? `<p class="anchor">${esc(t.anchor)}</p>\n` : ''}${metaOf(t, doc).map(metaHtml).join('\n')}
${picture ? `<img src="${esc(pathToFileURL(picture).href)}" style="width: 100%">` : gridHtml(t, opts)}
${t.notes.map((n) => `<p class="note">${esc(n)}</p>`).join('\n')}
</section>`;
}

/** a page holding only a table's grid, for a screenshot of it (tableHtml's opts.pictures) */
export function gridPage(t) {
  return `<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 8px; font-family: "Noto Sans CJK SC", sans-serif; font-size: 13px; background: #fff; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #000; padding: 2px 4px; }
td.n { text-align: right; white-space: nowrap; }
</style></head><body>${gridHtml(t)}</body></html>`;
}

/** a form cell: text, or {text, rowspan, colspan} for a merged one */
const cellText = (v) => (typeof v === 'string' ? v : v.text);

/** a form's rows; `bodies` (row counts) groups them into row groups that a page break does not part */
function formHtml(f, opts = {}) {
  const row = (r) => `<tr>${r.map((v) => (typeof v === 'string' ? `<td>${esc(v)}</td>` : cell('td', v))).join('')}</tr>`;
  let rows = f.rows.map(row).join('\n');
  if (f.bodies) {
    let at = 0;
    rows = f.bodies.map((n) => `<tbody style="break-inside: avoid; page-break-inside: avoid">${f.rows.slice(at, (at += n)).map(row).join('\n')}</tbody>`).join('\n');
  }
  return `<section class="table${f.wide ? ' wide' : ''}"><p class="title"${titleAttrs(opts)}>${esc(f.title)}</p><table${tableAttrs(opts)}>${rows}</table></section>`;
}

/**
 * The HTML a producer lays out. opts: landscape, widePages (wide tables on landscape pages), font,
 * fontSize, tableFontSize, titleSize, rowPadding, valign, writerBreaks (for Writer's import),
 * figureAlign (figures set right by default), threeLine (三线表: rules over and under the table and
 * under its header only, no cell borders).
 */
export function html(doc, opts) {
  const size = opts.landscape ? 'A4 landscape' : 'A4';
  const font = opts.font ?? '"Noto Sans CJK SC", "Noto Serif CJK SC", sans-serif';
  return `<!doctype html><html><head><meta charset="utf-8"><style>
@page { size: ${size}; margin: 15mm; }${opts.widePages ? '\n@page wide { size: A4 landscape; margin: 12mm; }\nsection.wide { page: wide; }' : ''}
body { font-family: ${font}; font-size: ${opts.fontSize ?? '9pt'}; }${opts.tableFontSize ? `\ntable, th, td, p.meta, p.note { font-family: ${font}; font-size: ${opts.tableFontSize}; }` : ''}
section.table { page-break-before: always; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.5pt solid #000; padding: ${opts.rowPadding ?? '2px'} 4px; }${opts.valign ? `\ntd { vertical-align: ${opts.valign}; }` : ''}
td.n { text-align: ${opts.figureAlign ?? 'right'}; white-space: nowrap; }${opts.threeLine ? '\nth, td { border: none; }\ntable { border-top: 1.5pt solid #000; border-bottom: 1.5pt solid #000; }\nthead { border-bottom: 0.75pt solid #000; }' : ''}
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
table.two-sided td.t { white-space: nowrap; }
p.title { text-align: center; font-size: ${opts.titleSize ?? '13pt'}; font-weight: bold; }
</style></head><body>
<h1>${esc(doc.department)}${esc(doc.title)}</h1>
<p>第二部分　${esc(doc.year)}年度部门${doc.kind === '预算' ? '预算' : '决算'}表</p>
${doc.tables.map((t) => tableHtml(t, doc, opts)).join('\n')}
<section class="table"><p${titleAttrs(opts)}>第三部分　情况说明</p>
${doc.narrative.map((p) => `<p>${esc(p)}</p>`).join('\n')}</section>
${(doc.forms ?? []).map((f) => formHtml(f, opts)).join('\n')}
</body></html>`;
}

/**
 * the text version: the same rows, one line each, cells separated by tabs; `spread`: as a
 * spreadsheet exports them, a merged cell's text in its first field and empty fields after it
 */
export function text(doc, { spread = false } = {}) {
  const span = (c) => (spread ? '\t'.repeat((c.colspan ?? 1) - 1) : '');
  const out = [`${doc.department}${doc.title}`, '', `第二部分 ${doc.year}年度部门${doc.kind === '预算' ? '预算' : '决算'}表`, ''];
  for (const t of doc.tables) {
    const meta = t.meta ? t.meta.map((l) => (Array.isArray(l) ? l.join('\t\t') : l)) : [`部门：${doc.department}`, `金额单位：${t.unit ?? doc.unit}`];
    out.push(...[t.above, t.title, t.anchor].filter((l) => l), ...meta);
    for (const r of t.header) out.push(r.map((c) => c.text + span(c)).join('\t'));
    for (const r of t.rows) out.push(r.join('\t'));
    out.push(...t.notes, '');
  }
  out.push('第三部分 情况说明', ...doc.narrative, '');
  for (const f of doc.forms ?? []) out.push(f.title, ...spreadsheetRows(f.rows, spread).map((r) => r.join('\t')), '');
  return out.join('\n');
}

/** rows as a spreadsheet exports them: a merged cell's text in its first row, blank cells under it */
export function spreadsheetRows(rows, spread = false) {
  const covered = []; // column → rows still covered by a merged cell above
  return rows.map((r) => {
    const out = [];
    let col = 0;
    const next = () => {
      while (covered[col] > 0) {
        covered[col]--;
        out.push('');
        col++;
      }
    };
    for (const v of r) {
      next();
      const width = spread && typeof v !== 'string' ? v.colspan ?? 1 : 1;
      for (let j = 0; j < width; j++) {
        out.push(j ? '' : cellText(v));
        if (typeof v !== 'string' && v.rowspan > 1) covered[col] = v.rowspan - 1;
        col++;
      }
    }
    next();
    return out;
  });
}

/** htmlFile → pdfFile by headless Chromium, its profile in work */
/**
 * Each page of `from` drawn whole, as a form XObject, onto an A3 page (qpdf --overlay over as many
 * blank pages), as imposition and stamping tools redraw a file: what a page clips is clipped
 * inside the form, in the form's space.
 */
export function drawnOnA3(from, to, work) {
  const blank = path.join(work, 'a3.pdf');
  execFileSync('gs', ['-q', '-sDEVICE=pdfwrite', '-o', blank, '-g8420x11910', '-c', 'showpage']);
  const pages = Number(execFileSync('qpdf', ['--show-npages', from], { encoding: 'utf8' }));
  const blanks = path.join(work, `a3-${pages}.pdf`);
  execFileSync('qpdf', ['--empty', '--pages', blank, Array(pages).fill(1).join(','), '--', blanks]);
  execFileSync('qpdf', [blanks, '--overlay', from, '--', to]);
}

export function chromium(htmlFile, pdfFile, work, { headerFooter = false } = {}) {
  execFileSync(
    'chromium',
    // headerFooter: the date and the page's title over each page, its address and 2/21 under it, as a browser prints by default
    ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${path.join(work, 'chromium')}`, ...(headerFooter ? [] : ['--no-pdf-header-footer']), `--print-to-pdf=${pdfFile}`, pathToFileURL(htmlFile).href],
    { stdio: 'ignore', timeout: 180000 },
  );
}

const soffice = (work, ...args) => execFileSync('soffice', ['--headless', ...args, '--outdir', work], { stdio: 'ignore', timeout: 300000 });

/** htmlFile → the ODT Writer saves from it, beside htmlFile: a department's Writer document */
function writerOdt(htmlFile) {
  const work = path.dirname(htmlFile);
  soffice(work, '--infilter=HTML (StarWriter)', '--convert-to', 'odt:writer8', htmlFile);
  return path.join(work, path.basename(htmlFile, '.html') + '.odt');
}

/** htmlFile → pdfFile by Writer; its intermediate files go beside htmlFile */
export function libreoffice(htmlFile, pdfFile, opts = {}) {
  const work = path.dirname(htmlFile);
  // as a department's Writer document: imported into Writer, saved as ODT, exported from that
  if (opts.viaOdt) soffice(work, '--convert-to', 'pdf:writer_pdf_Export', writerOdt(htmlFile));
  else soffice(work, '--infilter=HTML (StarWriter)', '--convert-to', 'pdf:writer_pdf_Export', htmlFile);
  renameSync(path.join(work, path.basename(htmlFile, '.html') + '.pdf'), pdfFile);
}

/**
 * htmlFile → pdfFile by AbiWord: the document Writer saves (ODT) opened in AbiWord and exported
 * (its own layout; cairo writes the PDF). AbiWord's HTML import does not take this HTML.
 */
export function abiword(htmlFile, pdfFile) {
  execFileSync('abiword', ['--to=pdf', `--to-name=${pdfFile}`, writerOdt(htmlFile)], { stdio: 'ignore', timeout: 300000 });
}

