/**
 * A sheet wider than its paper, printed "across, then down" (Excel or Gnumeric without fit to
 * width): the columns that do not fit come out on the next page, row for row at the same heights,
 * without the rows' names. Such a page is the right part of the page before it: each of its lines
 * joins the line it stands level with, to the right of everything printed there, and each piece
 * moved remembers where it is printed (its page, line and column), which is where a finding about
 * it points.
 *
 * A page is taken for a right part only when every line of it with figures holds nothing but
 * figures (or dashes) and stands level with a line of the page before, a line
 * of words (its columns' header) stands level with one too, nearly all of its lines do, and no
 * table title stands on it: a table continued down the next page prints its rows' names, and a
 * page that starts a table prints its title; both are left as they are.
 */
import type { PositionedPiece, SourceLine } from '../ingest/text.js';
import { titleText } from './regions.js';
import { withPieces } from './ruled-rows.js';
import { DASH_RE, parseNumber } from './tokenize.js';

/** how far apart (points) two baselines may be and still be level */
const LEVEL = 0.75;
/** the share of a right part's lines that must stand level with a line of the page before */
const LEVEL_SHARE = 0.8;
/** the gap (points) left between the page's own text and the columns joined to its right */
const GAP = 12;

const isFigure = (p: PositionedPiece) => parseNumber(p.text) !== null || DASH_RE.test(p.text);
/** a cell cut by the paper's left edge (a title centred over both pages) is the page before's text */
const shown = (p: PositionedPiece) => p.x0 >= -1;

/**
 * A piece of words of a right part that prints again the end of the line it stands level with: a
 * cell merged across both pages (a title) is drawn on each, and the next page shows its end (how much
 * of its first character, cut by the paper's edge, still counts as printed differs by engine).
 */
function repeats(beside: SourceLine | undefined, p: PositionedPiece): boolean {
  // a figure equal to the one beside it is a column of its own (合计 and 一般公共预算 alike)
  return Boolean(beside && p.text.length >= 2 && !isFigure(p) && beside.text.replace(/\s/g, '').endsWith(p.text));
}

function levelWith(lines: SourceLine[], y: number): SourceLine | undefined {
  let best: SourceLine | undefined;
  for (const l of lines) if (l.y !== undefined && Math.abs(l.y - y) <= LEVEL && (!best || Math.abs(l.y - y) < Math.abs(best.y! - y))) best = l;
  return best;
}

/** whether `right` (a page's positioned lines) is the right part of the page whose lines are `left` */
function isRightPart(left: SourceLine[], right: SourceLine[]): boolean {
  // a table of its own starts there (a title that is not the rest of one the page before prints)
  for (const l of right) {
    const beside = levelWith(left, l.y!);
    if (titleText(l.pieces!.filter(shown).map((p) => p.text).join('')) && l.pieces!.some((p) => shown(p) && !repeats(beside, p))) return false;
  }
  const rows = right.filter((l) => l.pieces!.some(isFigure));
  // its columns' header, level with the header of the page before
  const header = right.filter((l) => !l.pieces!.some(isFigure) && levelWith(left, l.y!));
  if (!rows.length || !header.length) return false;
  for (const row of rows) if (!row.pieces!.every(isFigure) || !levelWith(left, row.y!)) return false;
  return right.filter((l) => levelWith(left, l.y!)).length >= LEVEL_SHARE * right.length;
}

/** the right part's lines joined to the lines they stand level with; a line level with none stays as printed */
function joinRight(left: SourceLine[], right: SourceLine[]): { left: SourceLine[]; rest: SourceLine[] } {
  const leftEnd = Math.max(...left.flatMap((l) => l.pieces!.map((p) => p.x1)));
  const rightStart = Math.min(...right.flatMap((l) => l.pieces!.filter(shown).map((p) => p.x0)));
  const dx = leftEnd + GAP - rightStart;
  const joined = new Map<SourceLine, PositionedPiece[]>();
  const rest: SourceLine[] = [];
  for (const line of right) {
    const target = levelWith(left, line.y!);
    if (!target) {
      rest.push(line);
      continue;
    }
    const moved = line.pieces!.filter((p) => shown(p) && !repeats(target, p)).map((p) => ({ ...p, x0: p.x0 + dx, x1: p.x1 + dx, printed: { page: line.page!, line: line.pageLine ?? line.line, column: p.column ?? 1 } }));
    joined.set(target, [...(joined.get(target) ?? []), ...moved]);
  }
  return { left: left.map((l) => (joined.has(l) ? withPieces(l, [...l.pieces!, ...joined.get(l)!]) : l)), rest };
}

/** a page's lines, with the right parts joined to it so far (last: the last page joined) */
interface Sheet {
  lines: SourceLine[];
  last: number;
  /** lines of the right parts that stand level with none of its lines */
  rest: SourceLine[];
}

const positioned = (page: SourceLine[]) => page.every((l) => l.pieces?.length && l.y !== undefined && l.page !== undefined);

export function joinPagesAcross(lines: SourceLine[]): SourceLine[] {
  if (!lines.some((l) => l.pieces)) return lines;
  const pages: SourceLine[][] = [];
  for (const l of lines) {
    const last = pages[pages.length - 1];
    if (last && last[0].page === l.page) last.push(l);
    else pages.push([l]);
  }
  const sheets: Sheet[] = [];
  for (const page of pages) {
    const sheet = sheets[sheets.length - 1];
    // a sheet three pages wide joins both right parts to its first page
    if (sheet && positioned(sheet.lines) && positioned(page) && page[0].page === sheet.last + 1 && isRightPart(sheet.lines, page)) {
      const { left, rest } = joinRight(sheet.lines, page);
      sheet.lines = left;
      sheet.last = page[0].page!;
      sheet.rest.push(...rest);
      continue;
    }
    sheets.push({ lines: page, last: page[0].page ?? 0, rest: [] });
  }
  return sheets.flatMap((s) => [...s.lines, ...s.rest]);
}
