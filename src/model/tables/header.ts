/**
 * A printed header as cells: which header pieces name a column and which stand over several
 * columns (预算数 over 合计 | 基本支出 | 项目支出; 基本支出 over 人员经费 | 公用经费).
 */
import type { PositionedPiece } from '../../ingest/text.js';
import { columnLabel, normalizeLabel } from '../../layout/tokenize.js';
import type { Column } from '../types.js';
import { columnNames } from './kind-columns.js';
import { centreOf, columnReach, overlap } from './geometry.js';

/** a header cell over one column: its piece, and the words from the top of the header down to it */
export interface HeaderColumn {
  x: number;
  piece: PositionedPiece;
  /** the cells spanning it, top to bottom, then its own text */
  path: string[];
}

/**
 * The header's columns: the pieces that name one column each (the leaves), top to bottom, left
 * to right, each with the pieces spanning it. A piece spans columns when the lower header lines
 * have a piece on each side of its centre, each nearer to it than its own line's neighbour on
 * that side: the cells under it (on one line, or on several where cells of other heights are
 * centred). A merged cell's text is centred over what it spans, so its centre falls between its
 * columns' centres; a column is under it when it stands within those same bounds.
 */
export function headerColumns(printed: PositionedPiece[][], names?: Set<string>): HeaderColumn[] {
  // each cell on the line of its first piece; a cell under another is below that one's last line
  // (合计 in a cell two lines high, centred between 因公出国（境） / 费 wrapped beside it, is no cell it spans)
  const cells = stacks(printed, names).map((s) => ({ p: s.pieces > 1 ? { text: s.text, x0: s.x0, x1: s.x1 } : s.last, top: s.top, bottom: s.row }));
  const leaves: Array<{ p: PositionedPiece; top: number }> = [];
  const spans: Array<{ p: PositionedPiece; bottom: number }> = [];
  printed.forEach((_, r) => {
    const row = cells.filter((c) => c.top === r);
    const xs = row.map((c) => centreOf(c.p)).sort((a, b) => a - b);
    for (const { p, bottom } of row) {
      const x = centreOf(p);
      const left = xs.filter((v) => v < x).pop();
      const right = xs.find((v) => v > x);
      // the nearer three quarters of the gap to a neighbour on the line (all of it without one)
      const from = left === undefined ? -Infinity : left + (x - left) / 4;
      const to = right === undefined ? Infinity : right - (right - x) / 4;
      const lower = cells.filter((c) => c.top > bottom).map((c) => c.p);
      const below = lower.map(centreOf);
      const brackets = below.some((v) => v < x && v > from) && below.some((v) => v > x && v < to);
      // alone on its line, a cell is bounded by nothing: it spans only when a cell under it
      // stands within its own width (因公出国（境）费 between two columns' cells is a column itself)
      const alone = left === undefined && right === undefined;
      if (brackets && (!alone || lower.some((q) => q.x0 < p.x1 && q.x1 > p.x0))) spans.push({ p, bottom });
      else leaves.push({ p, top: r });
    }
  });
  // a cell spanning a column stands over it within the reach of that column's neighbours (a
  // spanning cell's centre is between its columns, never as far as a column outside it)
  const xs = leaves.map(({ p }) => centreOf(p)).sort((a, b) => a - b);
  return leaves.map(({ p, top }) => {
    const x = centreOf(p);
    const i = xs.indexOf(x);
    const reach = columnReach([xs[i - 1], x, xs[i + 1]].filter((v) => v !== undefined));
    const over = spans.filter((s) => s.bottom < top && Math.abs(centreOf(s.p) - x) <= reach).sort((a, b) => a.bottom - b.bottom);
    return { x, piece: p, path: [...over.map((s) => s.p.text), p.text] };
  });
}

/** the header pieces that name one column each */
export function headerLeaves(rows: PositionedPiece[][]): PositionedPiece[] {
  return headerColumns(rows).map((c) => c.piece);
}

/** a header cell's name as printed, in one piece or wrapped over lines */
interface Stack {
  text: string;
  x0: number;
  x1: number;
  /** the header line of its last piece, and of its first */
  row: number;
  top: number;
  last: PositionedPiece;
  pieces: number;
}

/** how far apart two lines of one cell's name may be aligned (centred, left or right): points, and characters */
const ALIGN_TOLERANCE = 3;
const ALIGN_EMS = 1.25;

/**
 * Header cells whose name wraps over several lines (基 / 本支出, 单位 / 预留机动 / 经费, 公务用车购置
 * / 费), joined top to bottom: a piece continues the cell above it when it overlaps that cell and
 * no other, is aligned with its line above (centred, left or right), and stands near it. Given the
 * names of columns, two whole names stay two cells.
 */
function stacks(rows: PositionedPiece[][], names?: Set<string>): Stack[] {
  // two whole names of columns, one over the other, are two cells (基本支出 over 人员经费), not one name wrapped
  const twoNames = (a: string, b: string) => names !== undefined && names.has(columnLabel(a)) && names.has(columnLabel(b)) && !names.has(columnLabel(a + b));
  const out: Stack[] = [];
  rows.forEach((row, r) => {
    const opened: Stack[] = [];
    for (const p of [...row].sort((a, b) => a.x0 - b.x0)) {
      const above = out.filter((s) => s.row < r && near(s.last, p, r - s.row) && overlap(s, p) > 0.5 * Math.min(s.x1 - s.x0, p.x1 - p.x0));
      // …and nothing else on its line stands under that cell (two would be cells it spans), and
      // it spans nothing itself (公务用车购置及运行维护费 under “三公”经费 is a cell of its own)
      const alone = above.length === 1 && row.filter((q) => overlap(above[0], q) > 0).length === 1 && !spansBelow(rows, r, p);
      const s = alone && !opened.includes(above[0]) && aligned(above[0].last, p) && !twoNames(above[0].text, p.text) ? above[0] : null;
      if (s) {
        s.text += p.text;
        s.x0 = Math.min(s.x0, p.x0);
        s.x1 = Math.max(s.x1, p.x1);
        s.row = r;
        s.last = p;
        s.pieces++;
        opened.push(s);
      } else {
        const fresh = { text: p.text, x0: p.x0, x1: p.x1, row: r, top: r, last: p, pieces: 1 };
        out.push(fresh);
        opened.push(fresh);
      }
    }
  });
  return out;
}

/** the header cells whose names wrap, each joined into one piece */
export function stackedCells(rows: PositionedPiece[][]): PositionedPiece[] {
  return stacks(rows)
    .filter((s) => s.pieces > 1)
    .map((s) => ({ text: s.text, x0: s.x0, x1: s.x1 }));
}

/** the header's lines with each wrapped name joined, on the line of its first piece (its cell's top) */
export function joinWrappedNames(rows: PositionedPiece[][], names?: Set<string>): PositionedPiece[][] {
  const out: PositionedPiece[][] = rows.map(() => []);
  for (const s of stacks(rows, names)) out[s.top].push(s.pieces > 1 ? { text: s.text, x0: s.x0, x1: s.x1 } : s.last);
  return out.map((row) => row.sort((a, b) => a.x0 - b.x0));
}

/**
 * Two lines of one wrapped name stand a line apart: within two font sizes where baselines are
 * known, else within two header lines (other cells' lines, centred vertically, may stand between).
 */
function near(a: PositionedPiece, b: PositionedPiece, lines: number): boolean {
  if (a.y === undefined || b.y === undefined) return lines <= 2;
  return Math.abs(b.y - a.y) <= 2 * (b.size ?? a.size ?? 10);
}

/** two or more pieces below line r within the piece's width: the piece is a cell spanning them */
function spansBelow(rows: PositionedPiece[][], r: number, p: PositionedPiece): boolean {
  const under = rows.slice(r + 1).map((row) => row.filter((q) => overlap(p, q) > 0));
  // two side by side under it are cells it spans; a stack of pieces each aligned with it is the
  // rest of a name wrapped over many lines in a narrow column (政府 / 性基 / 金预 / 算财 / 政拨 / 款)
  return under.some((row) => row.length >= 2) || (under.flat().length >= 2 && under.flat().some((q) => !aligned(p, q)));
}

function aligned(a: PositionedPiece, b: PositionedPiece): boolean {
  // a character's width, from the pieces themselves: lines of one cell differ by less
  const em = Math.min((a.x1 - a.x0) / Math.max(1, a.text.length), (b.x1 - b.x0) / Math.max(1, b.text.length));
  const tolerance = Math.max(ALIGN_TOLERANCE, ALIGN_EMS * em);
  return Math.abs(centreOf(a) - centreOf(b)) <= tolerance || Math.abs(a.x0 - b.x0) <= tolerance || Math.abs(a.x1 - b.x1) <= tolerance;
}


/**
 * The header cells that name the given columns, by the column's name, key or a synonym; where
 * none names it exactly, a cell whose text starts the name (a name wrapped: 一般公共预算财…).
 * `rows`: the header's pieces line by line (wrapped names are matched whole as well as each
 * line); `printed`: all its pieces.
 */
export function namedColumns(columns: Column[], rows: PositionedPiece[][], printed: PositionedPiece[], exactOnly = false): Map<string, PositionedPiece> {
  const found = new Map<string, PositionedPiece>();
  const used = new Set<PositionedPiece>();
  const pieces = [...printed, ...stackedCells(rows)].map((p) => ({ p, text: columnLabel(p.text) }));
  for (const exact of exactOnly ? [true] : [true, false]) {
    for (const c of columns) {
      if (found.has(c.key)) continue;
      const names = columnNames(c).map(normalizeLabel);
      for (const n of names) {
        const hit = pieces.find(({ p, text }) => !used.has(p) && (exact ? text === n : text.length >= 3 && n.startsWith(text)));
        if (!hit) continue;
        used.add(hit.p);
        found.set(c.key, hit.p);
        break;
      }
    }
  }
  return found;
}

/** a header word as printed, its spaces taken out (cleanLabel would also drop its 其中) */
export const squeezed = (text: string) => text.replace(/[\s\u3000]/g, '');

/** the items' column heading (项目, 经费项目, 科目名称): no group's, no fund's */
export const ITEMS_HEADING = /^(经费)?(项目|科目)(名称)?/;
