/**
 * Page numbers printed at the top or bottom of a page (`17`, `- 17 -`, `第 17 页`, `17/30`) are
 * not part of what the page says: left in, a bare 17 under a table's last row reads as one of
 * its figures, and a 3 at the foot of a page glues onto a rate continued overleaf (增长 3|17.31%).
 */
import type { SourceLine } from '../ingest/text.js';
import { isFigure } from './page-cut.js';

/** the dashes a page number stands between: hyphen, en and em dash, and as Word and WPS set them, box-drawing lines (─ 7 ─), bars, fullwidth hyphens */
const DASH = '[-—–─━―‒－﹣]';
const PAGE_NUMBER_RE = new RegExp(String.raw`^\s*(?:${DASH}\s*)?\d{1,4}(?:\s*${DASH})?\s*$|` + String.raw`^\s*第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?\s*$|^\s*\d{1,4}\s*\/\s*\d{1,4}\s*$`);

/** how far apart (points) two figures' edges may stand and still be one column's */
const SAME_EDGE = 1;

/**
 * Whether a bare number at a page's top or foot is one of a column of figures: the line next to
 * it on the page holds nothing but figures, one of them aligned with it. A sheet's last column
 * printed on a page of its own (Gnumeric, Excel: across, then down) is such a page; a page number
 * stands apart from a table's rows, whose lines hold their names.
 */
function inColumn(line: SourceLine, next: SourceLine | undefined): boolean {
  const [own] = line.pieces ?? [];
  if (!own || line.pieces!.length !== 1 || !next?.pieces?.length || next.page !== line.page) return false;
  return next.pieces.every(isFigure) && next.pieces.some((p) => Math.abs(p.x0 - own.x0) <= SAME_EDGE || Math.abs(p.x1 - own.x1) <= SAME_EDGE);
}

/**
 * Whether a bare number stands as close to the line beside it as one row's lines do: a piece of
 * that row wrapped in its cell (a code broken 3990 / 9 in a narrow column at the page's foot), not
 * a page number, which stands apart from the text above or below it.
 */
function wrappedWith(line: SourceLine, beside: SourceLine | undefined): boolean {
  if (line.y === undefined || beside?.y === undefined || beside.page !== line.page) return false;
  return Math.abs(line.y - beside.y) < WRAPPED_EMS * (line.size ?? beside.size ?? 10);
}
const WRAPPED_EMS = 1.2;

export function withoutPageNumbers(lines: SourceLine[]): SourceLine[] {
  if (!lines.some((l) => l.page !== undefined)) return lines;
  // each page's first and last lines that print anything: text pages (form feeds) keep blank lines around the number
  const first = new Map<number | undefined, number>();
  const last = new Map<number | undefined, number>();
  lines.forEach((l, i) => {
    if (!l.text.trim()) return;
    if (!first.has(l.page)) first.set(l.page, i);
    last.set(l.page, i);
  });
  return lines.filter((l, i) => {
    if (!PAGE_NUMBER_RE.test(l.text)) return true;
    const top = first.get(l.page) === i;
    const foot = last.get(l.page) === i;
    if (!(top || foot)) return true;
    return (top && (inColumn(l, lines[i + 1]) || wrappedWith(l, lines[i + 1]))) || (foot && (inColumn(l, lines[i - 1]) || wrappedWith(l, lines[i - 1])));
  });
}
