// node scripts/typst/ir-to-typ.mjs DOC.ir > DOC.typ (see render.mjs)
// The line-based layout scripts/itext/to-ir.mjs makes of a fixture source, written as Typst markup:
// each grid one table() whose header rows repeat on every page, merged cells as table.cell
// colspan / rowspan, wide tables on flipped (landscape) pages. Latin and figures are set in Typst's
// own Libertinus Serif and Chinese in Noto Sans CJK, as Word sets Times New Roman beside 宋体: each
// figure's font differs from its cell's words.
import { readIr } from '../itext/read-ir.mjs';

const commands = readIr(process.argv[2]);

/** a Typst string literal: JSON's escapes are Typst's for the characters text holds here */
const str = (s) => JSON.stringify(s);
/** text as content: a string literal in a code expression, so no markup character is read as markup */
const content = (s) => `[#${str(s)}]`;
// STYLE=open: no vertical rules, a rule under each row, cells set close (a finance system's export);
// STYLE=bare: no rules at all, cells set close (a sheet printed without borders)
const STYLE = process.env.STYLE ?? '';
const OPEN = STYLE === 'open' || STYLE === 'bare' || STYLE === 'sheet';
// STYLE=sheet: as open, and header cells flush left too (a spreadsheet's default for text)
const FLUSH_HEAD = STYLE === 'sheet';
const ALIGN = { C: 'center + horizon', R: 'right + horizon', L: 'left + horizon' };

const out = [
  '#set page(paper: "a4", margin: 15mm, numbering: "1")',
  '#set text(font: ("Libertinus Serif", "Noto Sans CJK SC"), lang: "zh", region: "cn", size: 10.5pt)',
  '#set par(first-line-indent: (amount: 2em, all: true), justify: true)',
];

/** a grid: its rows of IR cells (colspan, rowspan, align, H|B, text) set as one table */
function grid(kind, headerRows, widths, rows, wide) {
  const total = widths.reduce((a, b) => a + b, 0);
  const columns = widths.map((w) => `${((w / total) * 100).toFixed(2)}%`).join(', ');
  const cell = (c) => {
    const args = [];
    if (c.colspan > 1) args.push(`colspan: ${c.colspan}`);
    if (c.rowspan > 1) args.push(`rowspan: ${c.rowspan}`);
    args.push(`align: ${ALIGN[c.head && FLUSH_HEAD ? 'L' : c.align]}`);
    const text = c.head ? `[#strong(${str(c.text)})]` : content(c.text);
    return `table.cell(${args.join(', ')})${text}`;
  };
  const head = rows.slice(0, headerRows).flat().map(cell);
  const body = rows.slice(headerRows).flat().map(cell);
  // a form in small type, so that its merged cells (绩效指标 over every indicator) fit one page
  const size = kind === 'form' ? '6pt' : wide || OPEN ? '7pt' : '8pt';
  const stroke = OPEN ? `stroke: ${STYLE === 'bare' ? 'none' : '(x: none, y: 0.4pt)'}, inset: (x: 1.5pt, y: 1.2pt)` : 'stroke: 0.5pt, inset: (x: 3pt, y: 2.5pt)';
  return [
    `#block(width: 100%)[#set text(size: ${size})`,
    '#set par(first-line-indent: 0pt, justify: false)',
    `#table(columns: (${columns}), ${stroke},`,
    ...(head.length ? [`  table.header(repeat: true, ${head.join(', ')}),`] : []),
    ...body.map((c) => `  ${c},`),
    ')]',
  ];
}

let page = 'P';
for (const [cmd, ...f] of commands) {
  if (cmd === 'H1') out.push(`#align(center, text(size: 16pt, weight: "bold", ${str(f[0])}))`);
  else if (cmd === 'PARA' || cmd === 'NARR') out.push(`#par(${str(f[0])})`);
  else if (cmd === 'SECTION') out.push(`#heading(level: 1, numbering: none, ${str(f[0])})`);
  else if (cmd === 'NEWPAGE') {
    // a set rule on the page starts a new page; flipped turns it landscape (its text upright)
    page = f[0];
    out.push(`#set page(flipped: ${page === 'L'})`, '#pagebreak(weak: true)');
  } else if (cmd === 'ANCHOR') out.push(`#align(center, ${str(f[0])})`);
  else if (cmd === 'TITLE') out.push(`#align(center, text(size: 14pt, weight: "bold", ${str(f[0])}))`);
  else if (cmd === 'META') {
    out.push(f[1] ? `#block(width: 100%, text(size: 9pt)[#${str(f[0])} #h(1fr) #${str(f[1])}])` : `#block(text(size: 9pt, ${str(f[0])}))`);
  } else if (cmd === 'NOTE') out.push(`#block(text(size: 9pt, ${str(f[0])}))`);
  else if (cmd === 'TABLE') {
    const t = f[0];
    out.push(...grid(t.kind, t.headerRows, t.widths, t.rows, t.landscape));
  }
}
process.stdout.write(out.join('\n') + '\n');
