/**
 * Text that omits blank cells (words one space apart) leaves a row's figures after its total
 * unplaced: they add up to the total, but which column each stands in is unknown, so a parent's
 * columns are not summed from its children (科目/上下级合计 passes them by). Where no placing of
 * the loose figures of a parent and its children lets every column add up, that check would fail
 * whichever way they stand: the reader says it was not done, never silent about a discrepancy it
 * cannot place.
 */
import type { Column, Row } from '../types.js';

/** sums kept per family at most (placings that give the same sums are one): past it, not known to fail */
const MAX_STATES = 20000;

type Span = [lo: number, hi: number];

/**
 * The parents (合计 or a code with lower codes) for which no placing of the loose figures adds
 * up. `columns`: the table's value columns; only a total with flat parts (合计 = 基本支出 +
 * 项目支出, no part of a part among them) is tried.
 */
export function looseConflicts(rows: Row[], columns: Column[]): Row[] {
  const total = columns.find((c) => c.total);
  const parts = columns.filter((c) => c !== total);
  if (!total || !parts.length || parts.some((c) => c.group !== total.group || (c.partOf && parts.some((p) => p.key === c.partOf)))) return [];
  const childrenOf = new Map<string, Row[]>();
  for (const r of rows) if (r.parent !== undefined) childrenOf.set(r.parent, [...(childrenOf.get(r.parent) ?? []), r]);
  return rows.filter((parent) => {
    const children = childrenOf.get(parent.key);
    if (!children || ![parent, ...children].some((r) => r.unplaced.length)) return false;
    // a row whose total was not read (a 合计 line without figures) says nothing of its parts
    if ([parent, ...children].some((r) => !r.cells[total.key])) return false;
    const own = placings(parent, parts);
    const sums = childSums(children, parts);
    if (!own || !sums) return false;
    return !own.some((p) => sums.some((s) => p.every((v, i) => v[0] <= s[i][1] && s[i][0] <= v[1])));
  });
}

/**
 * A row's possible values in each part column: its placed cells, and its loose figures set in
 * the columns left free in their printed order (blank cells omitted), the other free columns 0.
 * Null when it cannot be said (more loose figures than free columns).
 */
function placings(row: Row, parts: Column[]): Span[][] | null {
  const fixed: Array<Span | null> = parts.map((c) => {
    const cell = row.cells[c.key];
    return cell ? [cell.lo, cell.hi] : null;
  });
  const free = fixed.flatMap((v, i) => (v ? [] : [i]));
  const loose = row.unplaced.map((u): Span => [u.lo, u.hi]);
  if (loose.length > free.length) return null;
  const out: Span[][] = [];
  for (const chosen of inOrder(free, loose.length)) {
    const values = fixed.map((v): Span => v ?? [0, 0]);
    chosen.forEach((col, k) => (values[col] = loose[k]));
    out.push(values);
  }
  return out;
}

/** every choice of k of the items, in their order */
function inOrder(items: number[], k: number): number[][] {
  if (k === 0) return [[]];
  const out: number[][] = [];
  for (let i = 0; i + k <= items.length; i++) for (const rest of inOrder(items.slice(i + 1), k - 1)) out.push([items[i], ...rest]);
  return out;
}

/** the children's column sums over every placing of their loose figures; null past MAX_STATES or where a child's cannot be said */
function childSums(children: Row[], parts: Column[]): Span[][] | null {
  let states = new Map<string, Span[]>([['', parts.map((): Span => [0, 0])]]);
  for (const child of children) {
    const options = placings(child, parts);
    if (!options) return null;
    const next = new Map<string, Span[]>();
    for (const s of states.values()) {
      for (const o of options) {
        const sum = s.map((v, i): Span => [v[0] + o[i][0], v[1] + o[i][1]]);
        const key = sum.map((v) => Math.round((v[0] + v[1]) * 50)).join(',');
        // the same sums to the cent: one state, wide enough for both
        const had = next.get(key);
        next.set(key, had ? had.map((v, i): Span => [Math.min(v[0], sum[i][0]), Math.max(v[1], sum[i][1])]) : sum);
      }
    }
    if (next.size > MAX_STATES) return null;
    states = next;
  }
  return [...states.values()];
}
