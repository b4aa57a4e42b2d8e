/** Where things stand on a page: the centres of pieces, and how far a column reaches. */

/** the middle of a piece or token on the page (PDF) */
export function centreOf(p: { x0?: number; x1?: number }): number {
  return (p.x0! + p.x1!) / 2;
}

/**
 * How far from its column's centre (columns' centres in order) a figure may stand and still be
 * that column's: three quarters of the narrowest gap between columns; any distance for one column.
 */
export function columnReach(xs: number[]): number {
  return xs.length > 1 ? 0.75 * Math.min(...xs.slice(1).map((x, i) => x - xs[i])) : Infinity;
}
