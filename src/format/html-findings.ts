/**
 * The HTML report's findings: each with what it is shown as (error, warning, suppressed) and
 * where in the drawn tables it belongs: the cell it is about, else its table, else nowhere.
 */
import type { Report, Table } from '../model/types.js';
import type { Diagnostic } from '../rules/types.js';
import type { FileResult } from './types.js';

export type Shown = 'error' | 'warning' | 'suppressed';

export interface Finding {
  d: Diagnostic;
  shown: Shown;
  justification?: string;
  /** the id of the cell or table it points at in the page, when it is drawn */
  anchor?: string;
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** the more serious first, when a cell has findings of several kinds */
export const SHOWN_ORDER: Shown[] = ['error', 'warning', 'suppressed'];

export function findingsOf(r: FileResult): Finding[] {
  const found: Finding[] = [];
  for (const m of r.messages) if (!('fatal' in m)) found.push({ d: m, shown: m.severity === 2 ? 'error' : 'warning' });
  for (const m of r.suppressedMessages ?? []) {
    found.push({ d: m, shown: 'suppressed', justification: m.suppressions.map((s) => s.justification).join('；') });
  }
  return found;
}

export function cellId(file: number, table: number, row: number, column: number): string {
  return `c${file}-${table}-${row}-${column}`;
}

export function tableId(file: number, table: number): string {
  return `t${file}-${table}`;
}

function locKey(page: number | undefined, line: number, column: number): string {
  return `${page ?? 0}:${line}:${column}`;
}

/**
 * Which findings belong to which cell: by the table, row and column a finding names (a claim's
 * finding names the cell it was compared with), else by the printed figure it points at.
 */
export class Placement {
  readonly byCell = new Map<string, Finding[]>();
  readonly byTable = new Map<number, Finding[]>();
  readonly loose: Finding[] = [];

  constructor(report: Report, findings: Finding[], file: number) {
    const atLoc = new Map<string, string>();
    report.tables.forEach((t, ti) =>
      t.rows.forEach((r, ri) =>
        t.columns.forEach((c, ci) => {
          const cell = r.cells[c.key];
          if (cell && !cell.blank) atLoc.set(locKey(cell.loc.page, cell.loc.line, cell.loc.column), cellId(file, ti, ri, ci));
        }),
      ),
    );
    for (const f of findings) {
      const id = this.named(report.tables, f.d, file) ?? atLoc.get(locKey(f.d.page, f.d.line, f.d.column));
      const ti = report.tables.findIndex((t) => t.id === f.d.table);
      if (id) this.add(this.byCell, id, f);
      else if (ti >= 0) this.add(this.byTable, ti, f);
      else this.loose.push(f);
      f.anchor = id ?? (ti >= 0 ? tableId(file, ti) : undefined);
    }
  }

  private named(tables: Table[], d: Diagnostic, file: number): string | undefined {
    if (!d.table || !d.row || !d.tableColumn) return undefined;
    for (const [ti, t] of tables.entries()) {
      if (t.id !== d.table) continue;
      const ri = t.rows.findIndex((r) => r.key === d.row);
      const ci = t.columns.findIndex((c) => c.key === d.tableColumn);
      if (ri >= 0 && ci >= 0) return cellId(file, ti, ri, ci);
    }
    return undefined;
  }

  private add<K>(map: Map<K, Finding[]>, key: K, f: Finding): void {
    const list = map.get(key);
    if (list) list.push(f);
    else map.set(key, [f]);
  }
}
