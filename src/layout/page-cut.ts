/**
 * Where the paper cut a sheet printed across pages. A cell wider than what is left of the paper (a
 * title merged across the sheet, a header over columns on both sides) is drawn on both pages, each
 * drawing its text, or the text's end, clipped by the paper. Its copy on the right page starts left
 * of that page's margin (the paper's edge cut it), stands level with it, and ends where it ends on
 * the left page, in the sheet: the difference of the two ends is how far the right page's columns
 * stand from where they would be printed on a paper wide enough.
 */
import type { PositionedPiece, SourceLine } from '../ingest/text.js';
import { DASH_RE, parseNumber } from './tokenize.js';

/** how far apart (points) two baselines may be and still be level */
export const LEVEL = 0.75;
/** how far (points) two measures of the shift, or a cell and the cut, may disagree: engines measure text differently */
const TOLERANCE = 6;

export const isFigure = (p: PositionedPiece) => parseNumber(p.text) !== null || DASH_RE.test(p.text);

/**
 * How far (points) from a line's baseline a row's other cells may stand: a line gathers glyphs a
 * third of their size apart (ingest/pdf-common.ts) and takes its first cell's baseline, which in a
 * form is often a label centred over several rows.
 */
export const gathered = (l: SourceLine) => Math.max(2, 0.35 * (l.size ?? 0));

export function levelWith(lines: SourceLine[], y: number, within = LEVEL): SourceLine | undefined {
  let best: SourceLine | undefined;
  for (const l of lines) if (l.y !== undefined && Math.abs(l.y - y) <= within && (!best || Math.abs(l.y - y) < Math.abs(best.y! - y))) best = l;
  return best;
}

/** a cut found: the shift (points) that puts the right page's pieces where they stand in the left page's frame, and the right page's copies of cells drawn on both */
export interface Cut {
  shift: number;
  copies: Set<PositionedPiece>;
  /** where the paper cut, in the left page's frame */
  at: number;
}

interface Pair {
  left: PositionedPiece;
  right: PositionedPiece;
  shift: number;
}

/** words of the right page that end a piece level with them on the left page, further right there */
function pairs(left: SourceLine[], right: SourceLine[]): Pair[] {
  const found: Pair[] = [];
  for (const line of right) {
    const beside = levelWith(left, line.y!, gathered(line));
    if (!beside) continue;
    for (const r of line.pieces!) {
      if (r.text.length < 2 || isFigure(r)) continue;
      for (const l of beside.pieces!) if (l.text.endsWith(r.text) && l.x1 > r.x1) found.push({ left: l, right: r, shift: l.x1 - r.x1 });
    }
  }
  return found;
}

/** the cut a shift puts at the right page's margin, if the left page bears it out */
function cutAt(left: SourceLine[], right: SourceLine[], found: Pair[], shift: number): Cut | undefined {
  const agreeing = found.filter((p) => Math.abs(p.shift - shift) <= TOLERANCE);
  const copies = new Set(agreeing.map((p) => p.right));
  const own = right.flatMap((l) => l.pieces!).filter((p) => !copies.has(p));
  if (!own.length) return undefined;
  const cut = Math.min(...own.map((p) => p.x0)) + shift;
  const drawnTwice = new Set(agreeing.map((p) => p.left));
  for (const l of left) for (const p of l.pieces!) if (p.x1 > cut + TOLERANCE && !drawnTwice.has(p)) return undefined;
  return { shift, copies, at: cut };
}

/**
 * The cut between `left` (a page's lines, or a sheet's joined so far) and `right` (the next page's),
 * when the paper's edge shows: cells drawn on both pages agreeing on a shift that puts the right
 * page's margin past everything the left page prints of its own (what stands further right there
 * is drawn again on the right page). Undefined when no shift does.
 */
export function findCut(left: SourceLine[], right: SourceLine[]): Cut | undefined {
  const found = pairs(left, right);
  for (const shift of new Set(found.map((p) => p.shift))) {
    const cut = cutAt(left, right, found, shift);
    if (cut) return cut;
  }
  return undefined;
}

/**
 * The same cut between the pages below (a sheet printed down, then across: its next column of
 * pages cut where the first was), where no cell drawn on both shows it: taken when nothing of
 * `left` stands past it and nothing of `right` before it.
 */
export function sameCut(left: SourceLine[], right: SourceLine[], { shift, at }: Cut): Cut | undefined {
  if (left.some((l) => l.pieces!.some((p) => p.x1 > at + TOLERANCE))) return undefined;
  if (right.some((l) => l.pieces!.some((p) => p.x0 + shift < at - TOLERANCE))) return undefined;
  return { shift, copies: new Set(), at };
}
