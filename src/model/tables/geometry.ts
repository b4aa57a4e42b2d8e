/** Where things stand on a page: the centres of pieces, and how far a column reaches. */
import type { Token } from '../../layout/tokenize.js';

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

type Placed = { x0?: number; x1?: number };

/** whether a 栏次 number starts where a header cell starts (within a point), not centred with it */
const flushWith = (mark: Placed, label: Placed) => Math.abs(mark.x0! - label.x0!) <= 1 && Math.abs(centreOf(mark) - centreOf(label)) > 3;

/**
 * Where each column starts, when its cells are set flush left: every column's 栏次 number and
 * header name start at the same x (within a point) though their widths differ. Null where a
 * column lacks either, or they are set otherwise (centred: the nearest centre decides).
 */
export function flushLeftEdges(columns: Array<{ key: string; mark?: Placed; label?: Placed }>): Map<string, number> | null {
  if (columns.length < 2 || columns.some((c) => c.mark?.x0 === undefined || c.label?.x0 === undefined)) return null;
  const flush = columns.every(({ mark, label }) => flushWith(mark!, label!));
  return flush ? new Map(columns.map((c) => [c.key, c.mark!.x0!])) : null;
}

/**
 * Whether a grid's 栏次 numbers are set flush left: each starts where a header cell over it starts
 * (within a point) and is not centred with it (WeasyPrint sets a table's header cells so). Its
 * figures, set right, then stand nearer the next number than their own.
 */
export function marksFlushLeft(marks: Placed[], header: Placed[][]): boolean {
  const cells = header.flat();
  return marks.length > 1 && marks.every((m) => cells.some((c) => flushWith(m, c)));
}

/** words one under the other: overlapping across, on different lines */
const stacked = (a: Placed & { y?: number }, b: Placed & { y?: number }) => a.y !== b.y && a.x0! < b.x1! && b.x0! < a.x1!;

/** a figure or code: where it starts says nothing of how its cell is set (set right, its width decides) */
const FIGURE = /^[-\d,.%]+$/;

/**
 * Whether a header without 栏次 numbers is set flush left (a sheet's text, as Excel and WPS
 * default to): a header word and words under it (a wrapped name's next line, 一般公共预算 /
 * 财政拨款, or a row's name under its column's, 科目名称 / 卫生健康支出; not a figure or code)
 * start at one x though their widths differ, twice at least, and no word under a header word
 * shares its middle instead (a centred header's). `below`: the rows' lines under the header,
 * each word with its baseline.
 */
export function headerSetFlushLeft(header: Array<Array<Placed & { y?: number; text?: string }>>, below: Array<Array<Placed & { y?: number; text?: string }>> = []): boolean {
  const placed = (p: Placed) => p.x0 !== undefined && p.x1 !== undefined;
  const heads = header.flat().filter(placed);
  const under = [...heads, ...below.flat().filter(placed)];
  let flush = 0;
  for (const a of heads) {
    for (const b of under) {
      if (b === a || (b.y ?? 0) <= (a.y ?? 0) || !stacked(a, b) || Math.abs(a.x1! - a.x0! - (b.x1! - b.x0!)) <= 2) continue;
      if (Math.abs(centreOf(a) - centreOf(b)) <= 1) return false;
      if (Math.abs(a.x0! - b.x0!) <= 1 && !FIGURE.test((b.text ?? '').trim())) flush++;
    }
  }
  return flush >= 2;
}

/** flush-left columns: each figure in the column whose left edge is the last at or before it (null where that is not one figure a column) */
export function placeByLeftEdges<T extends Placed>(printed: T[], columns: Array<{ key: string; x: number }>): Map<string, T> | null {
  const cols = [...columns].sort((a, b) => a.x - b.x);
  const widest = Math.max(...cols.slice(1).map((c, i) => c.x - cols[i].x));
  const placed = new Map<string, T>();
  for (const t of printed) {
    const x = centreOf(t);
    const col = [...cols].reverse().find((c) => c.x - 1 <= x);
    if (!col || x > cols[cols.length - 1].x + widest || placed.has(col.key)) return null;
    placed.set(col.key, t);
  }
  return placed;
}

/**
 * Figures set flush right, each in the column whose name starts last before the figure ends: a
 * cell's name, centred or set left or right, starts before the cell's right edge, and the next
 * cell's name after it. Only figures the page shows set right: ending within a point of one of
 * `ends`, where figures of the table end alike (rightSetEnds). Null where two such ends fall under
 * one name (a column between them whose name was not found), where a figure is not so shown or
 * ends before every name, and where two go to one column.
 */
export function placeByRightEdges<T extends Placed>(printed: T[], ends: number[], labels: Array<{ key: string; x0: number }>): Map<string, T> | null {
  const cols = [...labels].sort((a, b) => a.x0 - b.x0);
  const under = (x1: number) => {
    let at = -1;
    cols.forEach((c, i) => c.x0 < x1 && (at = i));
    return at;
  };
  const named = ends.map(under);
  if (new Set(named).size < named.length) return null;
  const placed = new Map<string, T>();
  let last = -1;
  for (const t of printed) {
    const end = ends.findIndex((x) => Math.abs(x - t.x1!) <= 1);
    const at = end < 0 ? -1 : named[end];
    if (at <= last) return null;
    last = at;
    placed.set(cols[at].key, t);
  }
  return placed;
}

/**
 * where figures set right end: each x at which two figures or more end (within half a point of each
 * other), starting apart (figures of different widths set left or centred do not end alike)
 */
export function rightSetEnds(figures: Placed[]): number[] {
  const byEnd = [...figures].sort((a, b) => a.x1! - b.x1!);
  const ends: number[] = [];
  for (let i = 0; i < byEnd.length; ) {
    let j = i + 1;
    while (j < byEnd.length && byEnd[j].x1! - byEnd[j - 1].x1! <= 0.5) j++;
    const run = byEnd.slice(i, j);
    const starts = run.map((f) => f.x0!);
    if (run.length > 1 && Math.max(...starts) - Math.min(...starts) > 1) ends.push(run[0].x1!);
    i = j;
  }
  return ends;
}

/**
 * Figures to the header's columns, both left to right, one column a figure at most: the
 * assignment in order whose distances add up least (blank cells print no figure, so columns may
 * be skipped). Null when there are fewer columns than figures.
 */
export function matchInOrder<T extends { x: number }>(xs: number[], columns: T[]): T[] | null {
  const cols = [...columns].sort((a, b) => a.x - b.x);
  const n = xs.length;
  const m = cols.length;
  if (n === 0 || m < n) return null;
  // cost[i][j]: the least total distance placing the first i figures among the first j columns
  const cost = Array.from({ length: n + 1 }, (_, i) => new Array<number>(m + 1).fill(i === 0 ? 0 : Infinity));
  for (let i = 1; i <= n; i++) {
    for (let j = i; j <= m; j++) cost[i][j] = Math.min(cost[i][j - 1], cost[i - 1][j - 1] + Math.abs(xs[i - 1] - cols[j - 1].x));
  }
  const out: T[] = new Array(n);
  for (let i = n, j = m; i > 0; j--) {
    if (cost[i][j] === cost[i][j - 1] && j > i) continue;
    out[i - 1] = cols[j - 1];
    i--;
  }
  return out;
}

/** how far two spans along a line share (0 where they do not meet) */
export function overlap(a: { x0: number; x1: number }, b: { x0: number; x1: number }): number {
  return Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0));
}

/**
 * Which group (or column) each figure of a row that prints fewer figures than groups stands in. Rows printing
 * every group show where each group's figures stand (their right edges, their centres); without
 * such rows, the header's group words do. A figure goes to the group it stands clearly nearest,
 * and null where any is about as near two groups, or two go to one.
 */
export function groupPlacer(rows: Token[][], spans: Array<{ x: number }>): (numbers: Token[]) => Array<Token | undefined> | null {
  const full = rows.map((v) => v.filter((t) => t.kind === 'number')).filter((v) => v.length === spans.length && v.every((t) => t.x0 !== undefined));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const marks = spans.map((s, i) => (full.length ? [mean(full.map((v) => v[i].x1!)), mean(full.map((v) => centreOf(v[i])))] : [s.x]));
  return (numbers) => {
    if (numbers.some((t) => t.x0 === undefined)) return null;
    const slots: Array<Token | undefined> = new Array(spans.length).fill(undefined);
    for (const t of numbers) {
      const at = full.length ? [t.x1!, centreOf(t)] : [centreOf(t)];
      const far = marks.map((m) => Math.min(...m.map((x, k) => Math.abs(x - at[k]))));
      const order = far.map((d, i) => ({ d, i })).sort((a, b) => a.d - b.d);
      if (slots[order[0].i] || (order.length > 1 && order[0].d * 2 > order[1].d)) return null;
      slots[order[0].i] = t;
    }
    return slots;
  };
}

/**
 * Where a column starting at `start` begins: halfway from the right edge of the header words
 * before it (a word's end estimated past the start, as pdftotext's CJK columns may give it, taken
 * as the start), or the start itself where nothing stands before it
 */
export function halfwayFrom(start: number, before: Array<{ x1: number }>): number {
  return before.length ? (Math.min(start, Math.max(...before.map((p) => p.x1))) + start) / 2 : start;
}
