/**
 * One cause, reported once: where one rule fails on one row of a table in several columns (a
 * 项 mistyped puts its 款 out in the total column and in its own), the row gets one diagnostic,
 * at the first column, listing the others with their figures.
 */
import type { Diagnostic } from './types.js';

function figures(d: Diagnostic): string {
  if (d.actual === undefined) return '';
  return `${d.actual}，应为 ${d.expected}`;
}

export function mergeByRow(ds: Diagnostic[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byRow = new Map<string, Diagnostic[]>();
  for (const d of ds) {
    if (d.table === undefined || d.row === undefined || d.tableColumn === undefined) {
      out.push(d);
      continue;
    }
    const key = `${d.ruleId}\n${d.file}\n${d.table}\n${d.row}`;
    const same = byRow.get(key);
    // the same column twice is two findings (two sentences about one cell), not one row's columns
    if (same && !same.some((x) => x.tableColumn === d.tableColumn)) same.push(d);
    else if (same) out.push(d);
    else {
      byRow.set(key, [d]);
      out.push(d);
    }
  }
  for (const group of byRow.values()) {
    if (group.length < 2) continue;
    const [first, ...rest] = group;
    const others = rest.map((d) => `「${d.tableColumn}」${figures(d)}`.trim());
    first.message += `（同一行另有 ${rest.length} 栏也不符：${others.join('；')}）`;
    first.severity = Math.max(first.severity, ...rest.map((d) => d.severity)) as 1 | 2;
  }
  return out;
}
