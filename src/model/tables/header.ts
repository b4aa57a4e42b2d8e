/**
 * A printed header as cells: which header pieces name a column and which stand over several
 * columns (预算数 over 合计 | 基本支出 | 项目支出; 基本支出 over 人员经费 | 公用经费).
 */
import type { PositionedPiece } from '../../ingest/text.js';
import { centreOf } from './builder.js';

/**
 * The header pieces that name one column each (the leaves), top to bottom, left to right.
 * A piece spans columns when some lower header line has a piece on each side of its centre,
 * each nearer to it than its own line's neighbour on that side: the cells under it. A merged
 * cell's text is centred over what it spans, so its centre falls between its columns' centres.
 */
export function headerLeaves(rows: PositionedPiece[][]): PositionedPiece[] {
  const leaves: PositionedPiece[] = [];
  rows.forEach((row, r) => {
    const xs = row.map(centreOf).sort((a, b) => a - b);
    for (const p of row) {
      const x = centreOf(p);
      const left = xs.filter((v) => v < x).pop();
      const right = xs.find((v) => v > x);
      // the nearer three quarters of the gap to a neighbour on the line (all of it without one)
      const leftBound = left === undefined ? -Infinity : left + (x - left) / 4;
      const rightBound = right === undefined ? Infinity : right - (right - x) / 4;
      const spans = rows.slice(r + 1).some((lower) => {
        const below = lower.map(centreOf);
        return below.some((v) => v < x && v > leftBound) && below.some((v) => v > x && v < rightBound);
      });
      if (!spans) leaves.push(p);
    }
  });
  return leaves;
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
