// node scripts/itext/to-ir.mjs SOURCE.json > OUT.ir (see render.sh)
// A fixture source (fixtures/pdf-src/*.json) as a line-based layout file for ItextRender.java,
// mirroring scripts/render-source.mjs's HTML: doc title, 第二部分 line, each table on a new page
// (landscape if wide) with above/title/anchor/meta/grid/notes, 第三部分 情况说明 + narrative, forms.
// Each line: COMMAND<TAB>field<TAB>field...; fields escape \\, \t, \n.
import { readFileSync } from 'node:fs';

const doc = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const out = [];
const esc = (s) => String(s ?? '').replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
const emit = (...f) => out.push(f.map(esc).join('\t'));

const NUMERIC = /^-?[\d,]+(\.\d+)?%?$/;
const isAmount = (v) => NUMERIC.test(v) || /^[-－—]$/.test(v);
const width = (s) => [...String(s)].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);

/**
 * A grid's rows (cells {text, colspan, rowspan}) laid out: each row's cells with their column, the
 * columns a rowspan from above covers skipped; with ncols, a row that ends short is padded with
 * empty cells up to it (a report engine's grid is full).
 */
function layout(rows, ncols = Infinity) {
  const covered = []; // column -> rows still covered by a rowspan from above
  return rows.map((r) => {
    const cells = [];
    let col = 0;
    const skip = () => { while (col < ncols && covered[col] > 0) { covered[col]--; col++; } };
    for (const c of r) {
      skip();
      const cs = c.colspan ?? 1, rs = c.rowspan ?? 1;
      cells.push({ ...c, col, colspan: cs, rowspan: rs });
      for (let j = 0; j < cs; j++) if (rs > 1) covered[col + j] = rs - 1;
      col += cs;
    }
    skip();
    while (Number.isFinite(ncols) && col < ncols) {
      cells.push({ text: '', col, colspan: 1, rowspan: 1, pad: true });
      col++;
      skip();
    }
    return { cells, end: col };
  });
}

/** the grid as wide as its widest row (counting columns covered from above), each row padded to it */
function gridCells(rows) {
  const ncols = Math.max(...layout(rows).map((p) => p.end));
  return { ncols, rows: layout(rows, ncols).map((p) => p.cells) };
}

/**
 * relative column widths. WIDTHS=content (the first run's widths, as scripts/render-source.mjs's
 * writerColumns sizes them): money columns as wide as the widest figure, words as wide as they
 * need within limits, an empty column 4. Default (template, as a report template sets them): every
 * money or empty column as wide as the widest figure, code columns as wide as their codes, names
 * as wide as they need within limits.
 */
const MODE = process.env.WIDTHS ?? 'template';
function widths(ncols, rows, isForm) {
  const vals = Array.from({ length: ncols }, () => []);
  for (const r of rows) for (const c of r) if (c.colspan === 1 && c.text !== '') vals[c.col].push(c.text);
  const figure = Math.max(8, ...vals.flat().filter((v) => NUMERIC.test(v)).map(width));
  return vals.map((vs) => {
    const money = !isForm && vs.length && vs.every(isAmount) && vs.some((v) => /\./.test(v));
    if (MODE === 'content') {
      if (money) return figure;
      return Math.max(4, Math.min(isForm ? 18 : 28, Math.max(0, ...vs.map(width))));
    }
    if (isForm) return Math.max(6, Math.min(18, Math.max(0, ...vs.map(width))));
    if (!vs.length || money) return figure + 2;
    if (vs.every((v) => /^\d+$/.test(v))) return Math.max(4, ...vs.map(width)) + 2; // codes, 行次
    return Math.max(6, Math.min(28, Math.max(0, ...vs.map(width))));
  });
}

function grid(kind, header, rows, wide) {
  const asCells = (r) => r.map((v) => (typeof v === 'string' ? { text: v } : v));
  const all = [...header.map(asCells), ...rows.map(asCells)];
  const g = gridCells(all);
  emit('TABLE', kind, g.ncols, header.length, wide ? 'L' : 'P');
  emit('WIDTHS', ...widths(g.ncols, g.rows.slice(header.length), kind === 'form'));
  g.rows.forEach((r, i) => {
    emit('ROW');
    const head = i < header.length;
    for (const c of r) emit('CELL', c.colspan, c.rowspan, head ? 'C' : isAmount(c.text) ? 'R' : 'L', head ? 'H' : 'B', c.text);
  });
  emit('ENDTABLE');
}

const metaOf = (t) => t.meta ?? [[`部门：${doc.department}`, `金额单位：${t.unit ?? doc.unit}`]];

emit('H1', `${doc.department}${doc.title}`);
emit('PARA', `第二部分　${doc.year}年度部门${doc.kind === '预算' ? '预算' : '决算'}表`);
for (const t of doc.tables) {
  emit('NEWPAGE', t.wide ? 'L' : 'P');
  if (t.above) emit('ANCHOR', t.above);
  emit('TITLE', t.title);
  if (t.anchor) emit('ANCHOR', t.anchor);
  for (const l of metaOf(t)) emit('META', ...(Array.isArray(l) ? l : [l]));
  grid('table', t.header, t.rows, t.wide);
  for (const n of t.notes ?? []) emit('NOTE', n);
}
emit('NEWPAGE', 'P');
emit('SECTION', '第三部分　情况说明');
for (const p of doc.narrative) emit('NARR', p);
for (const f of doc.forms ?? []) {
  emit('NEWPAGE', f.wide ? 'L' : 'P');
  emit('TITLE', f.title);
  grid('form', [], f.rows, f.wide);
}
process.stdout.write(out.join('\n') + '\n');
