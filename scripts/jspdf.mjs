// A fixture source (fixtures/pdf-src/*.json) laid out by jsPDF with jspdf-autotable: the PDF a web
// page's "export" button makes in the browser (or a Node service), a producer of its own. Its
// table plugin sizes each column by its content (wide name columns, narrow figure columns), pads
// cells by 5 pt and, by default ('striped'), draws no border at all: a filled band behind the
// header and every other row, the header's text light on it. Each line of a cell is a text object
// of its own, in a TrueType CID font with jsPDF's own ToUnicode map. `theme: 'grid'` draws each
// cell's border as a rectangle of its own. Used by make-fixtures.mjs (producer 'jspdf'); jsPDF is
// no dependency of the project: `npm install --no-save jspdf@2 jspdf-autotable@3` (or
// JSPDF=/dir/node_modules), and fontTools' pyftsubset (`pip install fonttools`) to cut the font
// down to the document's characters (jsPDF embeds every glyph slot of the font it is given).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isAmount } from './render-source.mjs';

const require = createRequire(import.meta.url);
const from = (pkg) => (process.env.JSPDF ? path.join(process.env.JSPDF, pkg) : pkg);
const { jsPDF } = require(from('jspdf'));
const autoTable = require(from('jspdf-autotable')).default;

/** WenQuanYi Micro Hei: a TrueType (glyf) CJK font with Latin, which jsPDF can embed (it reads no CFF) */
const FONT_COLLECTION = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
const MARGIN = 40;

const textOf = (c) => (typeof c === 'string' ? c : c.text);

/** the font cut down to the characters the document prints, as a TrueType file's base64 */
function subsetFont(doc, extra) {
  const dir = mkdtempSync(path.join(tmpdir(), 'jspdf-font-'));
  try {
    const chars = new Set(JSON.stringify(doc) + extra + '0123456789.,-%：（）()、 ');
    writeFileSync(path.join(dir, 'text.txt'), [...chars].join(''));
    const out = path.join(dir, 'font.ttf');
    execFileSync('pyftsubset', [FONT_COLLECTION, '--font-number=0', `--text-file=${path.join(dir, 'text.txt')}`, `--output-file=${out}`, '--no-hinting']);
    return readFileSync(out).toString('base64');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** rows of cells as HTML gives them (a merged cell once, rows below it one cell shorter): autotable takes them so */
const rowsOf = (rows, size, header) =>
  rows.map((r) =>
    r.map((c) => {
      const text = textOf(c);
      const span = typeof c === 'object' ? { ...(c.colspan > 1 ? { colSpan: c.colspan } : {}), ...(c.rowspan > 1 ? { rowSpan: c.rowspan } : {}) } : {};
      return { content: text, ...span, styles: { fontSize: size, halign: header ? 'center' : isAmount(text) ? 'right' : 'left' } };
    }),
  );

/** the document: cover, each table on a page of its own (landscape for a wide one), the narrative, the forms */
export async function jspdf(doc, pdfFile, opts = {}) {
  const size = parseFloat(opts.tableFontSize ?? '7');
  const bodySize = parseFloat(opts.fontSize ?? '9');
  const theme = opts.theme ?? 'striped';
  const pdf = new jsPDF({ unit: 'pt', format: 'a4', compress: true });
  const cover = `${doc.department}${doc.title}`;
  const part = `第二部分　${doc.year}年度部门${doc.kind === '预算' ? '预算' : '决算'}表`;
  pdf.addFileToVFS('wqy.ttf', subsetFont(doc, cover + part + '第三部分　情况说明部门：金额单位：'));
  // one weight: the header's bold is the same face, as a machine without a bold CJK font prints it
  pdf.addFont('wqy.ttf', 'WQY', 'normal');
  pdf.addFont('wqy.ttf', 'WQY', 'bold');
  pdf.setFont('WQY', 'normal');
  pdf.setProperties({ title: cover, creator: 'jsPDF' });
  pdf.setFontSize(16);
  pdf.text(cover, MARGIN, 80);
  pdf.setFontSize(bodySize);
  pdf.text(part, MARGIN, 110);

  const width = () => pdf.internal.pageSize.getWidth();
  const styles = { font: 'WQY', fontSize: size, cellPadding: opts.cellPadding ?? 5 };
  const lines = (texts, y, fontSize) => {
    pdf.setFontSize(fontSize);
    for (const t of texts) {
      for (const line of pdf.splitTextToSize(t, width() - 2 * MARGIN)) {
        if (y > pdf.internal.pageSize.getHeight() - MARGIN) {
          pdf.addPage('a4', 'portrait');
          y = MARGIN + fontSize;
        }
        pdf.text(line, MARGIN, y);
        y += fontSize * 1.5;
      }
    }
    return y;
  };

  // `portrait`: every page upright, the wide tables too (their cells wrap the more)
  const orientation = (wide) => (wide && !opts.portrait ? 'landscape' : 'portrait');
  for (const t of doc.tables) {
    pdf.addPage('a4', orientation(t.wide));
    let y = MARGIN + 12;
    if (t.above) y = lines([t.above], y, bodySize);
    pdf.setFontSize(12);
    pdf.text(t.title, width() / 2, y, { align: 'center' });
    y += 18;
    if (t.anchor) y = lines([t.anchor], y, bodySize);
    const meta = (t.meta ?? [[`部门：${doc.department}`, `金额单位：${t.unit ?? doc.unit}`]]).map((l) => (Array.isArray(l) ? l.join('　　') : l));
    y = lines(meta, y, size);
    autoTable(pdf, { startY: y, theme, styles, margin: { left: MARGIN, right: MARGIN }, head: rowsOf(t.header, size, true), body: rowsOf(t.rows, size, false) });
    if (t.notes.length) lines(t.notes, pdf.lastAutoTable.finalY + size * 1.5, size);
  }

  pdf.addPage('a4', 'portrait');
  lines(['第三部分　情况说明', ...doc.narrative], MARGIN + bodySize, bodySize);

  for (const f of doc.forms ?? []) {
    pdf.addPage('a4', orientation(f.wide));
    pdf.setFontSize(12);
    pdf.text(f.title, width() / 2, MARGIN + 12, { align: 'center' });
    // a form has no header rows: its first rows are its own; borders, as a form is always printed with them
    autoTable(pdf, { startY: MARGIN + 24, theme: 'grid', styles, margin: { left: MARGIN, right: MARGIN }, body: rowsOf(f.rows, size, false) });
  }
  writeFileSync(pdfFile, Buffer.from(pdf.output('arraybuffer')));
}
