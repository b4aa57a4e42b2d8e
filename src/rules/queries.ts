/**
 * Bind queries: the cells a rule's `bind` names for one binding (a row of another table by the
 * same code or line, a column of the binding's own row, a row's parts), and the owner of a
 * printed cell (its table, row and column) for the place a diagnostic names.
 */
import type { Cell, Column, Location, Report, Row, Table } from '../model/types.js';
import type { Binding } from './selectors.js';
import type { CellQuery, RowFilter } from './types.js';

/** a row's columns that add up to another with the cells they hold there: its total's first */
export function* rowColumnParts(t: Table, r: Row): Generator<{ whole: Column; value: Cell; parts: Cell[] }> {
  const sideColumns = t.columns.filter((c) => (c.side ?? null) === (r.side ?? null));
  const total = sideColumns.find((c) => c.total);
  if (!total) return;
  for (const [whole, parts] of columnParts(sideColumns, total)) {
    const value = r.cells[whole.key];
    if (!value) continue;
    const placed = parts.map((c) => r.cells[c.key]).filter((c): c is Cell => c !== undefined);
    // blank cells that were omitted from the text are zeros; unplaced figures are the total's parts
    const loose = whole === total ? r.unplaced : [];
    if (!placed.length && !loose.length) continue;
    yield { whole, value, parts: [...placed, ...loose] };
  }
}

/**
 * Each column that others add up to, with those parts: the total's are the columns not part of
 * another printed column (人员经费 and 公用经费 when 基本支出 is only a header over them), and a
 * printed column's are the columns that say they are its parts.
 */
function columnParts(columns: Column[], total: Column): Array<[Column, Column[]]> {
  const printed = new Set(columns.map((c) => c.key));
  const out: Array<[Column, Column[]]> = [[total, columns.filter((c) => c !== total && c.group === total.group && !(c.partOf && printed.has(c.partOf)))]];
  for (const c of columns) {
    const parts = columns.filter((p) => p.partOf === c.key);
    if (c !== total && parts.length) out.push([c, parts]);
  }
  return out;
}

export interface CellOwner {
  table: Table;
  row: Row;
  column?: Column;
}

/**
 * The table, row and column a printed cell stands in, found by its location: a diagnostic
 * points at a cell, and names where that cell is even when the rule ran on a whole table.
 * The index is built on the first question, in table and row order (the first owner wins, a
 * row's cells before its unplaced figures), so that each diagnostic costs a look-up, not a scan.
 */
export function cellOwners(report: Report): (loc: Location) => CellOwner | null {
  let placed: Map<string, { order: number; owner: CellOwner }> | null = null;
  let unplaced: Map<string, { order: number; owner: CellOwner }> | null = null;
  // a PDF's line numbers count from each page's top: the page is part of the place
  const place = (loc: Location) => `${loc.file}\n${loc.page ?? ''}:${loc.line}:${loc.column}`;
  const build = () => {
    placed = new Map();
    unplaced = new Map();
    let order = 0;
    for (const table of report.tables) {
      for (const row of table.rows) {
        for (const [key, cell] of Object.entries(row.cells)) {
          const k = place(cell.loc);
          // a cell with text of its own stands where it is printed: a figure, or a `0` placeholder
          if ((!cell.blank || cell.raw !== '') && !placed.has(k)) placed.set(k, { order, owner: { table, row, column: table.columns.find((c) => c.key === key) } });
        }
        order++;
        for (const c of row.unplaced) {
          const k = place(c.loc);
          if (!unplaced.has(k)) unplaced.set(k, { order, owner: { table, row } });
        }
        order++;
      }
    }
    return { placed, unplaced };
  };
  return (loc) => {
    const index = placed && unplaced ? { placed, unplaced } : build();
    const a = index.placed.get(place(loc));
    const b = index.unplaced.get(place(loc));
    if (a && b) return a.order < b.order ? a.owner : b.owner;
    return (a ?? b)?.owner ?? null;
  };
}

function matchesFilter(r: Row, f: RowFilter): boolean {
  if (f.side !== undefined && r.side !== f.side) return false;
  if (f.kind !== undefined && !(Array.isArray(f.kind) ? f.kind : [f.kind]).includes(r.kind)) return false;
  if (f.level !== undefined && r.level !== f.level) return false;
  if (f.code !== undefined && !(Array.isArray(f.code) ? f.code : [f.code]).includes(r.code ?? '')) return false;
  if (f.keys !== undefined && !f.keys.includes(r.key)) return false;
  if (f.lineNo !== undefined && (r.lineNo === undefined || r.lineNo < f.lineNo[0] || r.lineNo > f.lineNo[1])) return false;
  return true;
}

/** the column a query reads in a row: its own, the binding's ($column, $group), else the row side's first */
export function columnFor(t: Table, row: Row, query: CellQuery, b: Binding): Column | undefined {
  let key = query.column;
  if (key === '$column') {
    key = b.column?.key;
    // the same figure under another key in the queried table (本年支出合计 of 公开03 is 小计 of 公开05)
    if (key !== undefined && query.columnMap && Object.hasOwn(query.columnMap, key)) key = query.columnMap[key];
  }
  else if (key && b.group) key = key.replace('$group', b.group);
  if (key) return t.columns.find((c) => c.key === key);
  return t.columns.find((c) => (c.side ?? null) === (row.side ?? null)) ?? t.columns[0];
}

/**
 * Resolve a bind query: a cell, a list of cells, or null where the table, row or cell is not
 * in the document (a rule then has nothing to check).
 */
export function resolveQuery(report: Report, query: CellQuery, b: Binding): Cell | Array<Cell | null> | null {
  if (query.link) {
    const l = query.link === 'whole' ? b.claim?.whole : query.link === 'all-funds' ? b.claim?.allFunds : b.claim?.link;
    // a table left unread is checked by nothing, its cells named by a sentence included
    const row = l ? report.tables.find((x) => x.id === l.table && x.unread === null)?.rows.find((r) => r.key === l.row) : undefined;
    return (l && row?.cells[l.column]) ?? null;
  }
  const t = query.table ? report.tables.find((x) => x.id === query.table) : b.table;
  if (!t || t.unread !== null) return null;
  if (query.rows) {
    const rows = t.rows.filter((r) => matchesFilter(r, query.rows!));
    if (!rows.length) return null;
    return rows.map((r) => {
      const c = columnFor(t, r, query, b);
      return (c && r.cells[c.key]) ?? null;
    });
  }
  let row: Row | undefined;
  if (query.row) row = t.rows.find((r) => r.key === query.row);
  else if (query.sameCode) row = b.row?.code ? t.rows.find((r) => r.code === b.row!.code && r.kind !== 'detail') : undefined;
  else if (query.sameLineNo) row = b.row?.lineNo !== undefined ? t.rows.find((r) => r.lineNo === b.row!.lineNo) : undefined;
  else row = b.row && t === b.table ? b.row : undefined;
  if (!row) return null;
  // the parts of the row's total column (none printed: nothing to check)
  if (query.parts) {
    const first = rowColumnParts(t, row).next().value;
    return first?.whole.total ? first.parts : null;
  }
  const c = columnFor(t, row, query, b);
  return (c && row.cells[c.key]) ?? null;
}
