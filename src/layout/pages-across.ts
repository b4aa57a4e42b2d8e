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
 * page that starts a table prints its title; both are left as they are. A sheet whose first
 * columns are printed on every page (columns to repeat) is such a page once they are left out.
 */
import type { PositionedPiece, SourceLine } from '../ingest/text.js';
import { type Cut, findCut, gathered, isFigure, LEVEL, levelWith, sameCut } from './page-cut.js';
import { titleText } from './regions.js';
import { withPieces } from './ruled-rows.js';

/** the share of a right part's lines that must stand level with a line of the page before */
const LEVEL_SHARE = 0.8;
/** the gap (points) left between the page's own text and the columns joined to its right */
const GAP = 12;

/** a cell cut by the paper's left edge (a title centred over both pages) is the page before's text */
const shown = (p: PositionedPiece) => p.x0 >= -1;

/**
 * A piece of words of a right part that prints again the end of the line it stands level with: a
 * cell merged across both pages (a title) is drawn on each, and the next page shows its end (how much
 * of its first character, cut by the paper's edge, still counts as printed differs by engine).
 */
function repeats(beside: SourceLine | undefined, p: PositionedPiece, margin: number): boolean {
  // a figure equal to the one beside it is a column of its own (合计 and 一般公共预算 alike); one
  // character may be a word's end by chance, unless it stands left of everything else the page prints
  return Boolean(beside && (p.text.length >= 2 || p.x0 < margin - 2) && !isFigure(p) && beside.text.replace(/\s/g, '').endsWith(p.text));
}

/** where what a page (or a sheet joined so far) prints ends on the right */
const rightEdge = (page: SourceLine[]) => Math.max(...page.flatMap((l) => l.pieces!.map((p) => p.x1)));

/**
 * Where a page's own text starts: its leftmost figure or piece of words longer than a character
 * (one character further left is the end of a cell the page before prints, drawn in the margin).
 */
const marginOf = (page: SourceLine[]) => Math.min(...page.flatMap((l) => l.pieces!.filter((p) => p.text.length >= 2 || isFigure(p)).map((p) => p.x0)));

/**
 * A table of its own starts on `right` (a title that is not the rest of one the page before
 * prints: its end again, or the characters past the paper's edge where the title parts between
 * two of them, 河西县农业农村局2025年部门 | 支出总表, the first part the last thing the page before prints)
 */
function ownTitle(left: SourceLine[], right: SourceLine[]): boolean {
  const margin = marginOf(right);
  const leftEnd = rightEdge(left);
  return right.some((l) => {
    const beside = levelWith(left, l.y!);
    const text = l.pieces!.filter(shown).map((p) => p.text).join('');
    if (!titleText(text)) return false;
    const parted = beside && beside.pieces!.at(-1)!.x1 >= leftEnd - 1 && titleText(beside.text.replace(/\s/g, '') + text);
    return !parted && l.pieces!.some((p) => shown(p) && !repeats(beside, p, margin));
  });
}

/** its lines with figures hold bare figures, each level with a line of the page before, and (header) its columns' header is level with one too */
function bareFigures(left: SourceLine[], right: SourceLine[], within: (l: SourceLine) => number, header = true): boolean {
  const level = (l: SourceLine) => levelWith(left, l.y!, within(l));
  const rows = right.filter((l) => l.pieces!.some(isFigure));
  if (header && !right.some((l) => !l.pieces!.some(isFigure) && level(l))) return false;
  return rows.length > 0 && rows.every((row) => row.pieces!.every(isFigure) && level(row));
}

/** whether `right` (a page's positioned lines) is the right part of the page whose lines are `left` */
function isRightPart(left: SourceLine[], right: SourceLine[]): boolean {
  if (ownTitle(left, right) || !bareFigures(left, right, () => LEVEL)) return false;
  return right.filter((l) => levelWith(left, l.y!)).length >= LEVEL_SHARE * right.length;
}

/**
 * The further right part of a sheet whose cut showed: bare figures as above, and its other lines
 * words that stand between the sheet's first and last lines (a last column's cells wrapped, as a
 * form's 未完成原因分析 is, or its header's), printed where they stand among the sheet's rows.
 */
function isWrappedRightPart(left: SourceLine[], right: SourceLine[]): boolean {
  const ys = left.map((l) => l.y!);
  const [top, bottom] = [Math.min(...ys), Math.max(...ys)];
  return !ownTitle(left, right) && bareFigures(left, right, gathered, false) && right.every((l) => l.y! >= top - gathered(l) && l.y! <= bottom + gathered(l));
}

/**
 * A right part whose lines hold words too (a sheet's right half with its own names, a form's
 * indicator values): taken only where the paper's cut shows (page-cut.ts), none of its own words
 * is a table title and a line of its own stands level with a line of the page before. Its other
 * lines (a cell centred in a row whose cells on the page before wrap, a row whose cells there are
 * blank) are printed among the rows where they stand.
 */
function isCutRightPart(left: SourceLine[], right: SourceLine[], cut: Cut): boolean {
  for (const l of right) if (titleText(l.pieces!.filter((p) => !cut.copies.has(p)).map((p) => p.text).join(''))) return false;
  return right.some((l) => l.pieces!.some((p) => !cut.copies.has(p)) && levelWith(left, l.y!, gathered(l)));
}

/** where a piece of the right part goes on the line it joins (undefined: it is not joined, being drawn there already) */
type Place = (p: PositionedPiece, target: SourceLine) => PositionedPiece | undefined;

/** how a right part joins: how far from a line's baseline its row stands, and where its pieces go */
interface Joining {
  within: (l: SourceLine) => number;
  place: Place;
  /** a line level with none of the sheet's is printed among them, where it stands (else it follows the sheet) */
  interleave?: boolean;
  /** the paper's cut showed */
  cut?: boolean;
  /** how far right its pieces moved (a right part whose cut does not show) */
  shift?: number;
}

/**
 * After everything the page before prints, a gap apart (a right part of bare figures, whose cut
 * does not show); or as far right as `shift` says: the pages below a sheet's first print their
 * columns where it does, however far their own rows' words reach.
 */
function besideAll(left: SourceLine[], right: SourceLine[], shift?: number): Joining {
  const dx = shift ?? rightEdge(left) + GAP - Math.min(...right.flatMap((l) => l.pieces!.filter(shown).map((p) => p.x0)));
  const margin = marginOf(right);
  return { within: () => LEVEL, shift: dx, place: (p, target) => (shown(p) && !repeats(target, p, margin) ? { ...p, x0: p.x0 + dx, x1: p.x1 + dx } : undefined) };
}

/** where the sheet prints it, past the cut */
const pastCut = (cut: Cut): Joining => ({
  within: gathered,
  interleave: true,
  cut: true,
  place: (p) => (cut.copies.has(p) ? undefined : { ...p, x0: p.x0 + cut.shift, x1: p.x1 + cut.shift }),
});

/** the right part's lines joined to the lines they stand level with; a line level with none stays as printed */
function joinRight(left: SourceLine[], right: SourceLine[], { within, place, interleave }: Joining): { left: SourceLine[]; rest: SourceLine[] } {
  const joined = new Map<SourceLine, PositionedPiece[]>();
  const rest: SourceLine[] = [];
  const among: SourceLine[] = [];
  const moved = (line: SourceLine, target: SourceLine | undefined) => {
    const out: PositionedPiece[] = [];
    for (const p of line.pieces!) {
      const at = place(p, target ?? line);
      if (at) out.push({ ...at, printed: { page: line.page!, line: line.pageLine ?? line.line, column: p.column ?? 1 } });
    }
    return out;
  };
  for (const line of right) {
    const target = levelWith(left, line.y!, within(line));
    if (target) joined.set(target, [...(joined.get(target) ?? []), ...moved(line, target)]);
    else if (!interleave) rest.push(line);
    else {
      const pieces = moved(line, undefined);
      if (pieces.length) among.push(withPieces({ ...line, page: left[0].page }, pieces));
    }
  }
  const lines = left.map((l) => (joined.has(l) ? withPieces(l, [...l.pieces!, ...joined.get(l)!]) : l));
  // stable: a line joins after the sheet's lines at or above it
  for (const line of among) {
    const at = lines.findIndex((l) => l.y! > line.y!);
    lines.splice(at < 0 ? lines.length : at, 0, line);
  }
  return { left: lines, rest };
}

/** two pieces the same words at the same place */
const samePiece = (a: PositionedPiece, b: PositionedPiece) => a.text === b.text && Math.abs(a.x0 - b.x0) <= 1;

/**
 * A right part that prints the sheet's first columns again (Excel's and Calc's columns to repeat,
 * 左端标题列: the codes and names on every page): its lines without them, or null where it is no
 * such part. The repeated columns stand left of where any line first differs from the line level
 * with it on the page before; a line whose pieces there are that line's, the same words at the
 * same places, prints them again, and a cell merged across the columns (the title) is drawn again
 * from where it starts, its first characters the same. Most lines must so repeat the page before.
 */
function withoutRepeatedColumns(left: SourceLine[], right: SourceLine[]): { lines: SourceLine[]; repeatedEnd: number } | null {
  const level = right.map((r) => levelWith(left, r.y!));
  // where the page's own columns start: the leftmost piece that differs from the line beside it
  let own = Infinity;
  right.forEach((r, i) => {
    const l = level[i];
    const k = l ? r.pieces!.findIndex((p, j) => !l.pieces![j] || !samePiece(p, l.pieces![j])) : 0;
    if (k >= 0 && r.pieces![k] && !(l && redrawn(r, l))) own = Math.min(own, r.pieces![k].x0);
  });
  if (own === Infinity) return null;
  let repeated = 0;
  let repeatedEnd = -Infinity;
  const lines: SourceLine[] = [];
  right.forEach((r, i) => {
    const l = level[i];
    if (l && redrawn(r, l)) {
      repeated++;
      return;
    }
    const again = r.pieces!.filter((p, j) => p.x1 < own && l?.pieces![j] && samePiece(p, l.pieces![j]));
    if (again.length) repeated++;
    for (const p of again) repeatedEnd = Math.max(repeatedEnd, p.x1);
    const rest = r.pieces!.filter((p) => !again.includes(p));
    if (rest.length) lines.push(withPieces(r, rest));
  });
  return repeated >= LEVEL_SHARE * right.length && lines.length && repeatedEnd > -Infinity ? { lines, repeatedEnd } : null;
}

/** a cell merged across the repeated columns and the rest, drawn again from where it starts (河西县农业农村局… → 河西县农…) */
function redrawn(r: SourceLine, l: SourceLine): boolean {
  const [a, b] = [r.pieces![0], l.pieces![0]];
  return r.pieces!.length === 1 && l.pieces!.length === 1 && a.text !== b.text && Math.abs(a.x0 - b.x0) <= 1 && a.text.slice(0, 2) === b.text.slice(0, 2) && !isFigure(a);
}

/** how `right` joins the sheet whose lines are `left` (cut: the sheet's cut showed before), if it is its right part: the joining, and the page's lines that join */
function placing(left: SourceLine[], right: SourceLine[], cutBefore: boolean): { place: Joining; page: SourceLine[] } | undefined {
  if (isRightPart(left, right)) return { place: besideAll(left, right), page: right };
  const cut = findCut(left, right);
  if (cut) return isCutRightPart(left, right, cut) ? { place: pastCut(cut), page: right } : undefined;
  if (cutBefore && isWrappedRightPart(left, right)) return { place: wrapped(left, right), page: right };
  // its own columns keep their places past the repeated ones: as far past everything the page before prints
  const own = withoutRepeatedColumns(left, right);
  if (!own || !isRightPart(left, own.lines)) return undefined;
  return { place: besideAll(left, own.lines, rightEdge(left) + GAP - own.repeatedEnd), page: own.lines };
}

/** a further right part of wrapped words, printed among the rows where they stand */
const wrapped = (left: SourceLine[], right: SourceLine[], shift?: number): Joining => ({ ...besideAll(left, right, shift), within: gathered, interleave: true });

/** a page's lines, with the right parts joined to it so far (last: the last page joined) */
interface Sheet {
  lines: SourceLine[];
  first: number;
  last: number;
  /** lines of the right parts that stand level with none of its lines */
  rest: SourceLine[];
  /** the paper's cut showed between two of its pages */
  cut: boolean;
}

const positioned = (page: SourceLine[]) => page.every((l) => l.pieces?.length && l.y !== undefined && l.page !== undefined);

/** how many pages a sheet printed down, then across may run down before its next column of pages */
const MAX_DOWN = 4;

/** the page's right part as a sheet's below another: the pages between are its rows further down (cut: where the paper cut the pages above, if it showed) */
interface Below {
  sheet: Sheet;
  cut?: Cut;
  /** where no cut showed, how far right the page above's pieces moved */
  shift?: number;
}

/**
 * A sheet printed down, then across (Excel's and Gnumeric's default order): its first column of
 * pages, then the next. `page` is the right part of the sheet `down` pages back when the sheets
 * after it are its rows further down (each as many pages across, of no title) and the cut shows
 * between them, or showed before and `page` is a further right part of bare figures and wrapped
 * words; each page after `page` is then the right part of the sheet below, as far back.
 */
function acrossAfterDown(sheets: Sheet[], page: SourceLine[], below: Map<number, Below>): boolean {
  const at = page[0].page!;
  for (let down = 1; down <= MAX_DOWN && down < sheets.length; down++) {
    const top = sheets[sheets.length - 1 - down];
    const under = sheets.slice(sheets.length - down);
    if (top.last + down + 1 !== at || !positioned(top.lines)) continue;
    if (under.some((s, i) => s.first !== top.first + 1 + i || s.last !== top.last + 1 + i || s.lines.some((l) => titleText(l.text.replace(/\s/g, ''))))) continue;
    const cut = findCut(top.lines, page);
    const place = cut ? (isCutRightPart(top.lines, page, cut) ? pastCut(cut) : undefined) : top.cut && isWrappedRightPart(top.lines, page) ? wrapped(top.lines, page) : undefined;
    if (!place) continue;
    join(top, page, place);
    under.forEach((s, i) => below.set(at + 1 + i, { sheet: s, cut, shift: place.shift }));
    return true;
  }
  return false;
}

/** how `page` joins the sheet below the one its page before joined, if it does */
function placingBelow({ sheet, cut, shift }: Below, page: SourceLine[]): Joining | undefined {
  if (!positioned(sheet.lines)) return undefined;
  if (!cut) return sheet.cut && isWrappedRightPart(sheet.lines, page) ? wrapped(sheet.lines, page, shift) : undefined;
  const same = sameCut(sheet.lines, page, cut);
  return same && isCutRightPart(sheet.lines, page, same) ? pastCut(same) : undefined;
}

function join(sheet: Sheet, page: SourceLine[], place: Joining): void {
  const { left, rest } = joinRight(sheet.lines, page, place);
  sheet.cut ||= Boolean(place.cut);
  sheet.lines = left;
  sheet.last = page[0].page!;
  sheet.rest.push(...rest);
}

export function joinPagesAcross(lines: SourceLine[]): SourceLine[] {
  if (!lines.some((l) => l.pieces)) return lines;
  const pages: SourceLine[][] = [];
  for (const l of lines) {
    const last = pages[pages.length - 1];
    if (last && last[0].page === l.page) last.push(l);
    else pages.push([l]);
  }
  const sheets: Sheet[] = [];
  const below = new Map<number, Below>();
  for (const page of pages) {
    const sheet = sheets[sheets.length - 1];
    // a sheet three pages wide joins both right parts to its first page
    const joining = sheet && positioned(sheet.lines) && positioned(page) && page[0].page === sheet.last + 1 ? placing(sheet.lines, page, sheet.cut) : undefined;
    if (joining) {
      join(sheet, joining.page, joining.place);
      continue;
    }
    const under = positioned(page) ? below.get(page[0].page!) : undefined;
    const placed = under && placingBelow(under, page);
    if (placed) {
      join(under.sheet, page, placed);
      continue;
    }
    if (positioned(page) && acrossAfterDown(sheets, page, below)) continue;
    sheets.push({ lines: page, first: page[0].page ?? 0, last: page[0].page ?? 0, rest: [], cut: false });
  }
  return sheets.flatMap((s) => [...s.lines, ...s.rest]);
}
