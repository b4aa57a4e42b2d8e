/**
 * Text copied in the order a page was drawn, not read (PDFium's page text of a spreadsheet's PDF:
 * Chrome's or Foxit's copy-all) can give a page's table before its own title and number: the
 * page opens with the table's unit line and rows, and the title stands below them, where it would
 * otherwise open the next page's table and hand that table this one's rows.
 *
 * Only when the document's first title does so is the order taken to be the drawing's: that title
 * stands under its page's unit line and figures, with no table before it to own them (the first
 * title on a page of figures: a 目录 naming the tables holds none). Then on
 * every page that opens with a table's unit or department line and holds one title block (title
 * and number lines together) below it, the block is put back at the top of its page (an empty
 * table's page too, which prints no figure). Lines keep their numbers: every location still
 * points where the text prints it.
 */
import type { SourceLine } from '../ingest/text.js';

/** what opens a table's page when the title is drawn after it: the unit or department line */
const OPENS_TABLE_RE = /单位\s*[:：]|^\s*(部门|编制(部门|单位))\s*[:：]/;
/** an amount (1,234.56, 12.50, or in 元 171,915,169): a row's figure, never a year or a table number */
const FIGURE_RE = /\d\.\d{2}(?!\d)|\d,\d{3}(?![\d.])/;
/** a table's note (注：本表无数据), which ends its rows */
const NOTE_RE = /^\s*(注|备注|说明)\s*[:：0-9]/;
/** a row's name that counts its place: 1.因公出国（境）费, （1）公务用车购置费, 一、 */
const ENUMERATED_RE = /^\s*([（(]?\d+[）).．、]|[一二三四五六七八九十]+、)/;

export interface TitleLineTest {
  /** a line naming a table (its title or number) */
  names(text: string): boolean;
  /** a line only numbering a table (公开05表, 表3), which names no kind by itself */
  numbers(text: string): boolean;
}

/** the lines, each page's title block first where the text was taken in drawing order; the same array otherwise */
export function titlesFirst(lines: SourceLine[], test: TitleLineTest): SourceLine[] {
  if (lines.some((l) => l.pieces)) return lines; // a PDF's lines are built by position
  const pages = byPage(lines);
  const blocks = pages.map((p) => titleBlock(p, test));
  // the first table's page: a 目录 names tables too, on a page with no figures
  const first = blocks.find((b, i) => b !== null && pages[i].some((l) => FIGURE_RE.test(l.text)));
  if (!first?.below || !first.figuresAbove) return lines;
  return pages.flatMap((page, i) => {
    const b = blocks[i];
    if (!b?.below) return page;
    // the title before a number that names no kind (预算05表), which would otherwise end the table above
    const block = page.slice(b.start, b.end);
    const named = block.filter((l) => test.names(l.text));
    const rest = block.filter((l) => !test.names(l.text));
    // the header's words drawn after the title (2025年预算数, a wrapped 公用经 / 费) go back over the
    // first row; a row, a row's name (1.因公出国（境）费) or a note drawn after it stays where it is
    const after = page.slice(b.end);
    const header = after.filter((l) => !FIGURE_RE.test(l.text) && !NOTE_RE.test(l.text) && !ENUMERATED_RE.test(l.text));
    const below = after.filter((l) => !header.includes(l));
    const above = page.slice(0, b.start);
    const firstRow = above.findIndex((l) => FIGURE_RE.test(l.text));
    const rows = firstRow < 0 ? above.length : firstRow;
    return [named[0], ...rest, ...named.slice(1), ...above.slice(0, rows), ...header, ...above.slice(rows), ...below];
  });
}

/** a page's lines, pages in order (text without form feeds is one page) */
function byPage(lines: SourceLine[]): SourceLine[][] {
  const pages: SourceLine[][] = [];
  for (const l of lines) {
    const last = pages[pages.length - 1];
    if (last && last[0].page === l.page) last.push(l);
    else pages.push([l]);
  }
  return pages;
}

interface Block {
  start: number;
  end: number;
  /** the block names a table, is the page's only one, and stands below the lines its table's furniture opens the page with */
  below: boolean;
  /** figures stand above the block on its page */
  figuresAbove: boolean;
}

/** the page's title block (its title and number lines, blank lines between them allowed), or null when the page names no table */
function titleBlock(page: SourceLine[], test: TitleLineTest): Block | null {
  const naming = page.map((l) => test.names(l.text) || test.numbers(l.text));
  // a number alone atop the page (表十, 公开01表, as Excel's PDFs of Jiangsu draw it) before the unit
  // line, its title drawn under the rows: the number stays where it is, the title is the block
  const top = page.findIndex((l) => l.text.trim());
  const from = top >= 0 && test.numbers(page[top].text) ? top + 1 : 0;
  const start = naming.indexOf(true, from);
  if (start < 0) return null;
  let end = start + 1;
  while (end < page.length && (naming[end] || !page[end].text.trim())) end++;
  while (end > start + 1 && !page[end - 1].text.trim()) end--;
  const named = page.slice(start, end).some((l) => test.names(l.text));
  const alone = !naming.slice(end).some(Boolean);
  const opener = page.slice(from).find((l) => l.text.trim());
  const below = named && alone && start > from && !!opener && OPENS_TABLE_RE.test(opener.text);
  return { start, end, below, figuresAbove: page.slice(from, start).some((l) => FIGURE_RE.test(l.text)) };
}
