/**
 * Columns named through the header's spanning cells: a header that prints a column's parts under
 * it (基本支出 over 小计 | 人员经费 | 公用经费) or columns the kind does not know beside its own
 * (上年预算数 | 本年预算数 | 增减). Each value column is named by the words stacked over it, the
 * lowest first; a 小计 or 合计 under a cell that names a column is that column; a column named by
 * none of the kind's names is known to be there, and its figures are left out.
 */
import type { PositionedPiece } from '../../ingest/text.js';
import { columnLabel, type Token, type TokenLine } from '../../layout/tokenize.js';
import type { Column } from '../types.js';
import { columnNames } from './kind-columns.js';
import { matchInOrder } from './geometry.js';
import { headerColumns } from './header.js';
import { isColumnNumbering } from './lines.js';

/** a value column as the header prints it: the kind's column, or null for one the kind does not know */
export interface PrintedColumn {
  column: Column | null;
  /** tab-separated text: its cell; on a page: its centre */
  at: number;
  /** its lowest header word */
  text: string;
}

/**
 * columns printed beside the kind's own that compare them with another year: 上年预算数, 增减,
 * 增长率 (on a page also with a spanning cell's word joined before it: 支出 / 上年预算数)
 */
export const COMPARISON_RE = /上年|去年|以前年度|增减|增长|变动|差额|同比/;

/** the kind's column the words over a value column name (top to bottom), or null */
function named(columns: Column[], path: string[]): Column | null {
  const byName = (w: string) => columns.find((c) => columnNames(c).some((n) => columnLabel(n) === w)) ?? null;
  const words = path.map(columnLabel);
  const lowest = words[words.length - 1];
  // a subtotal under the cell that names its column (基本支出 / 小计)
  if (/^(小计|合计)$/.test(lowest) && words.length > 1) {
    const over = [...words.slice(0, -1)].reverse().map(byName).find((c) => c !== null);
    if (over && columns.some((c) => c.partOf === over.key)) return over;
  }
  return byName(lowest);
}

/**
 * Whether naming by spans finds what the kind's own order would not: a column of the kind's that
 * is printed only on some documents, or one that compares with another year, which the kind does
 * not hold; and no other column it cannot name. Else the readers' own ways stand.
 */
function tellsMore(printed: PrintedColumn[]): boolean {
  const unknown = printed.filter((p) => p.column === null);
  if (!unknown.every((p) => COMPARISON_RE.test(p.text))) return false;
  return unknown.length > 0 || printed.some((p) => p.column!.optional);
}

/**
 * Tab-separated text: the column each value cell from `first` on stands under. The words of a
 * merged header cell stand in its first cell: a cell with no word of its own on a line above
 * the lowest is under the nearest word to its left there. `valueCells`: the rows' value cells,
 * each with whether some row prints a figure in it. Null unless every such cell under a word is
 * named so (or is known to be under a column the kind does not know), and every figure is under one.
 */
export function tabbedSpannedColumns(header: TokenLine[], columns: Column[], first: number, valueCells: Map<number, boolean>): PrintedColumn[] | null {
  const lines = header.filter((l) => l.tabbed && !isColumnNumbering(l)).map((l) => l.tokens.filter((t) => t.kind === 'label' && t.cell !== undefined));
  if (lines.length < 1 || !valueCells.size) return null;
  const out: PrintedColumn[] = [];
  for (const [cell, printed] of [...valueCells].sort((a, b) => a[0] - b[0])) {
    if (cell < first) return null;
    const own = lines.map((row) => row.find((t) => t.cell === cell));
    const lowest = own.reduce((last, t, r) => (t ? r : last), -1);
    // a blank cell under no word at all (past the header's last column) holds nothing of the table; a figure there is not placed
    if (lowest < 0 && printed) return null;
    if (lowest < 0) continue;
    const path = lines
      .slice(0, lowest + 1)
      .map((row, r) => own[r] ?? [...row].reverse().find((t) => t.cell! < cell))
      .filter((t): t is Token => t !== undefined)
      .map((t) => t.text);
    out.push({ column: named(columns, path), at: cell, text: columnLabel(path[path.length - 1]) });
  }
  const known = out.filter((p) => p.column);
  if (new Set(known.map((p) => p.column!.key)).size !== known.length || (columns.some((c) => c.total) && !known.some((p) => p.column!.total))) return null;
  return tellsMore(out) ? out : null;
}

/**
 * A page: the header's lowest cells over the figures, each named by the cells stacked over it
 * (header.ts headerColumns, two whole names one over the other kept apart). A 小计 beside the parts
 * of a column whose name is printed over them is that column (a spanning cell's centre may stand
 * further from its 小计 than the column's reach). A cell over no figure counts where it names a
 * column. Null unless every cell over a figure is named so, the total among them.
 */
export function pageSpannedColumns(rows: PositionedPiece[][], columns: Column[], figures: Array<{ x0?: number; x1?: number; line: number }>): PrintedColumn[] | null {
  if (!rows.length || !figures.length) return null;
  const names = new Set(columns.flatMap((c) => columnNames(c).map(columnLabel)));
  const leaves = headerColumns(rows, names).sort((a, b) => a.x - b.x);
  // the cells over some row's figures, matched in order (a figure set right in a wide cell may
  // stand nearer the next cell's centre than its own)
  const byLine = new Map<number, number[]>();
  for (const f of figures) byLine.set(f.line, [...(byLine.get(f.line) ?? []), (f.x0! + f.x1!) / 2]);
  const used = new Set([...byLine.values()].flatMap((xs) => matchInOrder(xs.sort((a, b) => a - b), leaves) ?? []));
  // the cells over figures, and those that name a column of the kind with none printed under it (结转下年资金 left blank)
  const out = leaves
    .map((l) => ({ column: named(columns, l.path), at: l.x, text: columnLabel(l.path[l.path.length - 1]), over: used.has(l) }))
    .filter((p) => p.over || p.column)
    .map(({ column, at, text }) => ({ column, at, text }));
  out.forEach((p, i) => {
    if (p.text !== '小计') return;
    const parts = (j: number, step: number) => {
      const run: typeof out = [];
      for (let k = j + step; out[k]?.column?.partOf !== undefined && (!run.length || out[k].column!.partOf === run[0].column!.partOf); k += step) run.push(out[k]);
      return run;
    };
    const run = [parts(i, 1), parts(i, -1)].find((r) => r.length > 0);
    const whole = run && columns.find((c) => c.key === run[0].column!.partOf);
    const far = run?.[run.length - 1].at;
    const over = whole && rows.flat().some((q) => columnNames(whole).some((n) => columnLabel(n) === columnLabel(q.text)) && (q.x0 + q.x1) / 2 > Math.min(p.at, far!) && (q.x0 + q.x1) / 2 < Math.max(p.at, far!));
    if (over) p.column = whole!;
  });
  const known = out.filter((p) => p.column);
  if (new Set(known.map((p) => p.column!.key)).size !== known.length || (columns.some((c) => c.total) && !known.some((p) => p.column!.total))) return null;
  return tellsMore(out) ? out : null;
}
