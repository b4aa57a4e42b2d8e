/**
 * One cause, reported at the most specific row. A parent row adds up its children in the same
 * table, so a 项 printed wrong puts its 款, its 类 and the 合计 out by the same amount, and each
 * of them fails its own comparison with another table. Where rules say so (`reportAtDeepest`),
 * a finding is dropped when a finding at one of its row's descendants, in the same table and
 * column, is off by the same amount (the two signed differences overlap within rounding); the
 * descendant's message says where else the difference shows.
 */
import { convert, difference, type Comparison, type Interval } from '../interval/interval.js';
import type { Row, Table } from '../model/types.js';
import type { Diagnostic } from './types.js';

/** a finding that says a row's own figure is off: where, and by how much (actual − expected, signed) */
export interface Deviation {
  table: Table;
  row: Row;
  column: string;
  gap: Interval;
}

export function deviationOf(table: Table | undefined, row: Row | undefined, column: string | undefined, finding: Comparison | undefined): Deviation | null {
  if (!table || !row || !column || !finding) return null;
  return { table, row, column, gap: difference(finding.actual, finding.expected) };
}

/** how far below `ancestor` the row lies (1 = a child), or 0 when it is not below it */
function depthBelow(table: Table, row: Row, ancestor: Row): number {
  const byKey = new Map(table.rows.map((r) => [r.key, r]));
  let depth = 0;
  const seen = new Set<string>();
  for (let r: Row | undefined = row; r?.parent !== undefined && !seen.has(r.key); r = byKey.get(r.parent)) {
    seen.add(r.key);
    depth++;
    if (r.parent === ancestor.key) return depth;
  }
  return 0;
}

function sameAmount(a: Interval, b: Interval): boolean {
  const unit = a.unit && b.unit && a.unit !== b.unit ? '元' : (a.unit ?? b.unit);
  const x = convert(a, unit);
  const y = convert(b, unit);
  return x.lo <= y.hi && y.lo <= x.hi;
}

/** a row as messages name it: code and name for a subject row, its name for a total */
function rowName(r: Row): string {
  return r.code && r.kind !== 'total' && !r.side ? `${r.code} ${r.name}`.trim() : r.name;
}

/** the findings, less those that echo a deeper one; `deviations` holds what each reportAtDeepest finding says is off */
export function reportAtDeepest(ds: Diagnostic[], deviations: WeakMap<Diagnostic, Deviation>): Diagnostic[] {
  const found = ds.flatMap((d) => {
    const dev = deviations.get(d);
    return dev ? [[d, dev] as const] : [];
  });
  if (found.length < 2) return ds;
  // each finding's deepest descendant off by the same amount: the one it is the echo of
  const echoOf = new Map<Diagnostic, Diagnostic>();
  for (const [d, dev] of found) {
    let best: { at: Diagnostic; depth: number } | null = null;
    for (const [other, o] of found) {
      if (other === d || o.table !== dev.table || o.column !== dev.column) continue;
      const depth = depthBelow(dev.table, o.row, dev.row);
      if (depth > (best?.depth ?? 0) && sameAmount(dev.gap, o.gap)) best = { at: other, depth };
    }
    if (best) echoOf.set(d, best.at);
  }
  if (!echoOf.size) return ds;
  const root = (d: Diagnostic): Diagnostic => {
    let r = d;
    while (echoOf.has(r)) r = echoOf.get(r)!;
    return r;
  };
  const echoes = new Map<Diagnostic, Diagnostic[]>();
  for (const d of echoOf.keys()) {
    const r = root(d);
    echoes.set(r, [...(echoes.get(r) ?? []), d]);
  }
  for (const [kept, dropped] of echoes) {
    // the nearest ancestor first: 款, then 类, then 合计
    const { table, row } = deviations.get(kept)!;
    const rows = dropped.map((d) => deviations.get(d)!.row).sort((a, b) => depthBelow(table, row, a) - depthBelow(table, row, b));
    const names = [...new Set(rows.map(rowName))];
    kept.message += `（上级 ${names.join('、')} 也因此相差同一数额，不再另报）`;
    kept.severity = Math.max(kept.severity, ...dropped.map((d) => d.severity)) as 1 | 2;
  }
  return ds.filter((d) => !echoOf.has(d));
}
