// A fixture source (fixtures/pdf-src/*.json) laid out by pdfmake, the table layout most Node report
// services use (over a fork of PDFKit): a producer of its own. Each line of a cell is one text
// object whose glyphs are placed by a TJ array of the font's advances, in a CFF CID font subset
// (Noto Serif CJK, as SimSun-like as the machine has); borders are strokes of their own at each
// cell's edge, the header rows are printed again at the top of every page a table runs onto, a
// cell's text stands at its top. Used by make-fixtures.mjs (producer 'pdfmake'); pdfmake is no
// dependency of the project: `npm install --no-save pdfmake@0.2.23` (or PDFMAKE=/dir/node_modules/pdfmake).
import { createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { isAmount } from './render-source.mjs';

const require = createRequire(import.meta.url);
const PdfPrinter = require(process.env.PDFMAKE ?? 'pdfmake');
const FONT_FILE = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';
const FONTS = { Serif: { normal: [FONT_FILE, 'NotoSerifCJKsc-Regular'], bold: [FONT_FILE, 'NotoSerifCJKsc-Regular'] } };
/** usable width in points of an A4 page with 40 pt margins */
const WIDTH = { portrait: 595.28 - 80, landscape: 841.89 - 80 };

const textOf = (c) => (typeof c === 'string' ? c : c.text);

/**
 * rows of cells as HTML gives them (a merged cell once, rows below it one cell shorter) as the full
 * grid pdfmake wants: every position a cell, the merged ones' others empty placeholders
 */
function grid(rows, header, size) {
  const taken = new Set();
  const out = [];
  rows.forEach((r, y) => {
    const line = [];
    let x = 0;
    const skipTaken = () => {
      while (taken.has(`${y},${x}`)) (line[x] = {}), x++;
    };
    for (const c of r) {
      skipTaken();
      const text = textOf(c);
      const colSpan = (typeof c === 'object' && c.colspan) || 1;
      const rowSpan = (typeof c === 'object' && c.rowspan) || 1;
      for (let dy = 0; dy < rowSpan; dy++) for (let dx = 0; dx < colSpan; dx++) if (dy || dx) taken.add(`${y + dy},${x + dx}`);
      const alignment = header ? 'center' : isAmount(text) ? 'right' : 'left';
      line[x] = { text, fontSize: size, alignment, ...(colSpan > 1 ? { colSpan } : {}), ...(rowSpan > 1 ? { rowSpan } : {}) };
      for (let dx = 1; dx < colSpan; dx++) line[x + dx] = {};
      x += colSpan;
    }
    skipTaken();
    out.push(line);
  });
  const n = Math.max(...out.map((l) => l.length));
  return out.map((l) => Array.from({ length: n }, (_, i) => l[i] ?? ''));
}

/**
 * a table: its header rows repeated on each page, no row broken over two (where it can), the first
 * column three times as wide; `narrow`: the names' column barely wider than the others, so that
 * names wrap in their cells, and rows let break over pages (as Word lets them by default)
 */
function table(rows, header, size, orientation, narrow = false) {
  const body = [...grid(header, true, size), ...grid(rows, false, size)];
  const n = body[0].length;
  const unit = WIDTH[orientation] / (n + 2) - 8;
  const first = narrow ? 1.2 * unit : 3 * unit;
  return {
    table: { headerRows: header.length, dontBreakRows: !narrow && !spans(body), widths: Array.from({ length: n }, (_, i) => (i === 0 ? first : unit)), body: padded(body, n) },
    layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, paddingLeft: () => 2, paddingRight: () => 2, paddingTop: () => 1, paddingBottom: () => 1 },
  };
}

/** whether any cell of the body spans rows: pdfmake drops the rest of such a table at the first page break unless rows may break */
const spans = (body) => body.some((l) => l.some((c) => c.rowSpan > 1));

/** a body whose header and rows differ in width (a form's rows) filled to the widest */
const padded = (body, n) => body.map((l) => (l.length < n ? [...l, ...Array(n - l.length).fill('')] : l));

/** the document: cover, each table on a page of its own (landscape for a wide one), the narrative, the forms */
export function definition(doc, opts = {}) {
  const size = parseFloat(opts.tableFontSize ?? '7');
  const page = (wide, content) => ({ stack: content, pageBreak: 'before', pageOrientation: wide ? 'landscape' : 'portrait' });
  const meta = (t) => (t.meta ?? [[`部门：${doc.department}`, `金额单位：${t.unit ?? doc.unit}`]]).map((l) => ({ text: Array.isArray(l) ? l.join('　　') : l, fontSize: size }));
  const tables = doc.tables.map((t) =>
    page(t.wide, [
      ...(t.above ? [{ text: t.above }] : []),
      { text: t.title, alignment: 'center', fontSize: 12, bold: true, margin: [0, 0, 0, 4] },
      ...(t.anchor ? [{ text: t.anchor }] : []),
      ...meta(t),
      table(t.rows, t.header, size, t.wide ? 'landscape' : 'portrait', opts.narrow),
      ...t.notes.map((n) => ({ text: n, fontSize: size })),
    ]),
  );
  const forms = (doc.forms ?? []).map((f) =>
    page(f.wide, [{ text: f.title, alignment: 'center', fontSize: 12, bold: true }, table(f.rows, [], size, f.wide ? 'landscape' : 'portrait', opts.narrow)]),
  );
  return {
    pageSize: 'A4',
    pageMargins: 40,
    defaultStyle: { font: 'Serif', fontSize: parseFloat(opts.fontSize ?? '9') },
    info: { title: `${doc.department}${doc.title}`, creator: 'pdfmake' },
    content: [
      { text: `${doc.department}${doc.title}`, fontSize: 16, bold: true },
      { text: `第二部分　${doc.year}年度部门${doc.kind === '预算' ? '预算' : '决算'}表` },
      ...tables,
      page(false, [{ text: '第三部分　情况说明' }, ...doc.narrative.map((p) => ({ text: p, margin: [0, 0, 0, 3] }))]),
      ...forms,
    ],
  };
}

export function pdfmake(doc, pdfFile, opts = {}) {
  const pdf = new PdfPrinter(FONTS).createPdfKitDocument(definition(doc, opts));
  return new Promise((resolve, reject) => {
    const out = createWriteStream(pdfFile);
    out.on('finish', resolve).on('error', reject);
    pdf.pipe(out);
    pdf.end();
  });
}
