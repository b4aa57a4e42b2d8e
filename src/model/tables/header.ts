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
