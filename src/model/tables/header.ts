/**
 * A printed header as cells: which header pieces name a column and which stand over several
 * columns (预算数 over 合计 | 基本支出 | 项目支出; 基本支出 over 人员经费 | 公用经费).
 */
import type { PositionedPiece } from '../../ingest/text.js';
import { centreOf, columnReach } from './builder.js';

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
export function headerColumns(rows: PositionedPiece[][]): HeaderColumn[] {
  const leaves: Array<{ p: PositionedPiece; r: number }> = [];
  const spans: Array<{ p: PositionedPiece; r: number }> = [];
  rows.forEach((row, r) => {
    const xs = row.map(centreOf).sort((a, b) => a - b);
    for (const p of row) {
      const x = centreOf(p);
      const left = xs.filter((v) => v < x).pop();
      const right = xs.find((v) => v > x);
      // the nearer three quarters of the gap to a neighbour on the line (all of it without one)
      const from = left === undefined ? -Infinity : left + (x - left) / 4;
      const to = right === undefined ? Infinity : right - (right - x) / 4;
      const below = rows.slice(r + 1).flatMap((lower) => lower.map(centreOf));
      if (below.some((v) => v < x && v > from) && below.some((v) => v > x && v < to)) spans.push({ p, r });
      else leaves.push({ p, r });
    }
  });
  // a cell spanning a column stands over it within the reach of that column's neighbours (a
  // spanning cell's centre is between its columns, never as far as a column outside it)
  const xs = leaves.map(({ p }) => centreOf(p)).sort((a, b) => a - b);
  return leaves.map(({ p, r }) => {
    const x = centreOf(p);
    const i = xs.indexOf(x);
    const reach = columnReach([xs[i - 1], x, xs[i + 1]].filter((v) => v !== undefined));
    const over = spans.filter((s) => s.r < r && Math.abs(centreOf(s.p) - x) <= reach).sort((a, b) => a.r - b.r);
    return { x, piece: p, path: [...over.map((s) => s.p.text), p.text] };
  });
}

/** the header pieces that name one column each */
export function headerLeaves(rows: PositionedPiece[][]): PositionedPiece[] {
  return headerColumns(rows).map((c) => c.piece);
}

/**
 * Header cells whose name wraps over several lines (基 / 本支出, 单位 / 预留机动 / 经费), joined
 * top to bottom: a piece continues the cell above it when it overlaps that cell, and no other,
 * within two header lines (a neighbouring cell centred vertically may stand between). Only the cells made of two or more pieces are returned.
 */
export function stackedCells(rows: PositionedPiece[][]): PositionedPiece[] {
  interface Stack { text: string; x0: number; x1: number; row: number; pieces: number }
  const stacks: Stack[] = [];
  rows.forEach((row, r) => {
    const opened: Stack[] = [];
    for (const p of [...row].sort((a, b) => a.x0 - b.x0)) {
      // the line right above, or the one above it: cells of other heights are set between
      const above = stacks.filter((s) => s.row >= r - 2 && s.row < r && overlap(s, p) > 0.5 * Math.min(s.x1 - s.x0, p.x1 - p.x0));
      if (above.length === 1 && !opened.includes(above[0])) {
        const s = above[0];
        s.text += p.text;
        s.x0 = Math.min(s.x0, p.x0);
        s.x1 = Math.max(s.x1, p.x1);
        s.row = r;
        s.pieces++;
        opened.push(s);
      } else {
        const s = { text: p.text, x0: p.x0, x1: p.x1, row: r, pieces: 1 };
        stacks.push(s);
        opened.push(s);
      }
    }
  });
  return stacks.filter((s) => s.pieces > 1).map((s) => ({ text: s.text, x0: s.x0, x1: s.x1 }));
}

function overlap(a: { x0: number; x1: number }, b: { x0: number; x1: number }): number {
  return Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0));
}
