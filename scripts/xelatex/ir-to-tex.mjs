// node scripts/xelatex/ir-to-tex.mjs DOC.ir > DOC.tex (see render.sh; the file read by ../itext/read-ir.mjs)
// The line-based layout scripts/itext/to-ir.mjs makes of a fixture source, set as LaTeX for
// XeLaTeX (ctex, Fandol fonts): each grid a longtable whose header repeats on every page, merged
// cells as \multicolumn / \multirow, rules drawn by \hline / \cline and | (TeX draws each rule as
// a filled rectangle, a vertical one in pieces row by row), wide tables on pages turned by
// pdflscape (the page is /Rotate'd, its text runs up the page).
import { readIr } from '../itext/read-ir.mjs';

const commands = readIr(process.argv[2]);

const SPECIAL = { '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', $: '\\$', '&': '\\&', '#': '\\#', '^': '\\^{}', _: '\\_', '%': '\\%', '~': '\\~{}' };
const tex = (s) => s.replace(/[\\{}$&#^_%~]/g, (c) => SPECIAL[c]);
const ALIGN = { C: '\\centering\\arraybackslash', R: '\\raggedleft\\arraybackslash', L: '\\raggedright\\arraybackslash' };

const out = [
  '\\documentclass[UTF8,a4paper,zihao=-4,fontset=none]{ctexart}',
  '\\setCJKmainfont{Noto Serif CJK SC}[BoldFont=* Bold]',
  // ≥ and ≤ from the CJK font: Latin Modern has none, and TeX would leave them out
  '\\xeCJKDeclareCharClass{CJK}{"2264,"2265}',
  '\\usepackage[margin=15mm]{geometry}',
  '\\usepackage{longtable,multirow,array,pdflscape}',
  '\\setlength{\\parindent}{2em}',
  '\\setlength{\\LTpre}{2pt}\\setlength{\\LTpost}{2pt}',
  '\\renewcommand{\\arraystretch}{1.25}',
  '\\pagestyle{plain}',
  '\\begin{document}',
];
let landscape = false;

/** a grid: its rows of IR cells (colspan, rowspan, align, H|B, text) set as one longtable */
function grid(kind, ncols, headerRows, widths, rows, wide) {
  const total = widths.reduce((a, b) => a + b, 0);
  // each column's share of the line, less its padding and rule
  const spec = widths.map((w) => `|>{\\arraybackslash}p{\\dimexpr ${(w / total).toFixed(4)}\\linewidth-2\\tabcolsep-1.2\\arrayrulewidth\\relax}`).join('') + '|';
  const body = [];
  const left = Array(ncols).fill(0); // rows a merged cell still covers, by column
  const owner = Array(ncols).fill(null);
  rows.forEach((cells, r) => {
    const parts = [];
    let col = 0;
    let k = 0;
    while (col < ncols) {
      if (left[col] > 0) {
        // under a cell merged down from above: an empty cell as wide as it
        const o = owner[col];
        parts.push(o.colspan > 1 ? `\\multicolumn{${o.colspan}}{${col === 0 ? '|' : ''}c|}{}` : '');
        for (let j = 0; j < o.colspan; j++) left[col + j]--;
        col += o.colspan;
        continue;
      }
      const c = cells[k++];
      if (!c) {
        parts.push('');
        col++;
        continue;
      }
      const text = tex(c.text);
      const content = c.rowspan > 1 ? `\\multirow{${c.rowspan}}{=}{${ALIGN[c.align]} ${text}}` : `${ALIGN[c.align]} ${text}`;
      const bold = c.head ? `\\bfseries ` : '';
      if (c.colspan > 1) {
        const w = widths.slice(col, col + c.colspan).reduce((a, b) => a + b, 0) / total;
        const inner = c.rowspan > 1 ? `\\multirow{${c.rowspan}}{*}{${bold}${text}}` : `${ALIGN[c.align]} ${bold}${text}`;
        parts.push(`\\multicolumn{${c.colspan}}{${col === 0 ? '|' : ''}>{\\arraybackslash}p{\\dimexpr ${w.toFixed(4)}\\linewidth-2\\tabcolsep\\relax}|}{${inner}}`);
      } else parts.push(`${bold}${content}`);
      for (let j = 0; j < c.colspan; j++) {
        left[col + j] = c.rowspan - 1;
        owner[col + j] = c;
      }
      col += c.colspan;
    }
    // a rule under every column but those a merged cell carries on into the next row
    const ruled = [];
    for (let c = 0; c < ncols; c++) if (left[c] === 0) ruled.push(c + 1);
    let rule = '';
    if (ruled.length === ncols) rule = '\\hline';
    else {
      for (let i = 0; i < ruled.length; ) {
        let j = i;
        while (j + 1 < ruled.length && ruled[j + 1] === ruled[j] + 1) j++;
        rule += `\\cline{${ruled[i]}-${ruled[j]}}`;
        i = j + 1;
      }
    }
    // no page break under a row whose merged cell runs on: \multirow cannot break with the page
    body.push(`${parts.join(' & ')} \\\\${ruled.length === ncols ? '' : '*'} ${rule}`);
    if (r === headerRows - 1) body.push('\\endhead');
  });
  // a form in small type, so that its merged cells (绩效指标 over every indicator) fit one page
  const size = kind === 'form' ? 'tiny' : wide ? 'scriptsize' : 'footnotesize';
  return [`{\\${size}`, `\\begin{longtable}{${spec}}`, '\\hline', ...body, '\\end{longtable}}'];
}

for (const [cmd, ...f] of commands) {
  if (cmd === 'H1') out.push(`\\begin{center}{\\Large\\bfseries ${tex(f[0])}}\\end{center}`);
  // a space the text prints stays one: xeCJK drops a space between Chinese characters and sets
  // one between Chinese and Latin no wider than it spaces them unasked
  else if (cmd === 'PARA' || cmd === 'NARR') out.push(`${tex(f[0]).replace(/ +/g, '\\ \\ ')}\\par`);
  else if (cmd === 'SECTION') out.push(`\\section*{${tex(f[0])}}`);
  else if (cmd === 'NEWPAGE') {
    if (landscape) out.push('\\end{landscape}');
    out.push('\\clearpage');
    landscape = f[0] === 'L';
    if (landscape) out.push('\\begin{landscape}');
  } else if (cmd === 'ANCHOR') out.push(`\\begin{center}${tex(f[0])}\\end{center}`);
  else if (cmd === 'TITLE') out.push(`\\begin{center}{\\large\\bfseries ${tex(f[0])}}\\end{center}`);
  else if (cmd === 'META') out.push(`{\\small\\noindent ${tex(f[0])}${f[1] ? `\\hfill ${tex(f[1])}` : ''}\\par}`);
  else if (cmd === 'NOTE') out.push(`{\\small\\noindent ${tex(f[0])}\\par}`);
  else if (cmd === 'TABLE') {
    const t = f[0];
    out.push(...grid(t.kind, t.ncols, t.headerRows, t.widths, t.rows, t.landscape));
  }
}
if (landscape) out.push('\\end{landscape}');
out.push('\\end{document}');
process.stdout.write(out.join('\n') + '\n');
