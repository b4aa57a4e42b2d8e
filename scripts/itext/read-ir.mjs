// The layout file scripts/itext/to-ir.mjs writes, read back for a typesetter's writer
// (scripts/xelatex/ir-to-tex.mjs, scripts/typst/ir-to-typ.mjs): its commands in order, each
// TABLE with its widths and rows of cells gathered from the lines up to ENDTABLE.
import { readFileSync } from 'node:fs';

const unesc = (s) => s.replace(/\\(\\|t|n)/g, (_, c) => (c === 't' ? '\t' : c === 'n' ? '\n' : '\\'));

/**
 * [cmd, ...fields] for each command; a table as ['TABLE', { kind, ncols, headerRows, landscape,
 * widths, rows }], rows being arrays of cells { colspan, rowspan, align (C|R|L), head, text }
 */
export function readIr(file) {
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t').map(unesc));
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const [cmd, ...f] = lines[i];
    if (cmd !== 'TABLE') {
      out.push([cmd, ...f]);
      continue;
    }
    const [kind, ncols, headerRows, orient] = f;
    const widths = lines[++i].slice(1).map(Number);
    const rows = [];
    while (lines[++i][0] !== 'ENDTABLE') {
      if (lines[i][0] === 'ROW') rows.push([]);
      else {
        const [, colspan, rowspan, align, part, text] = lines[i];
        rows[rows.length - 1].push({ colspan: +colspan, rowspan: +rowspan, align, head: part === 'H', text });
      }
    }
    out.push(['TABLE', { kind, ncols: +ncols, headerRows: +headerRows, landscape: orient === 'L', widths, rows }]);
  }
  return out;
}
