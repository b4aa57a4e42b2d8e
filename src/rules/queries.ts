/**
 * Bind queries: the cells a rule's `bind` names for one binding (a row of another table by the
 * same code or line, a column of the binding's own row, a row's parts), and the owner of a
 * printed cell (its table, row and column) for the place a diagnostic names.
 */
import { blankCell } from '../model/cells.js';
import type { Cell, Column, Location, Report, Row, Table } from '../model/types.js';
import type { Binding } from './selectors.js';
import type { CellQuery, RowFilter } from './types.js';
import type { RunMemo } from './run-memo.js';

export interface RowColumnParts {
  whole: Column;
  value: Cell;
  parts: Cell[];
}

/**
 * A row's columns that add up to another with the cells they hold there: its total's first.
 * Kept per row for the run: the row-parts selector and every `parts` query of every rule ask
 * for the same row's parts again.
 */
export function rowColumnParts(t: Table, r: Row, memo: RunMemo): RowColumnParts[] {
  const made = memo.space<Row, RowColumnParts[]>(rowColumnParts);
  let out = made.get(r);
  if (out) return out;
  out = [];
  made.set(r, out);
  const sides = memo.get(columnParts, t, () => new Map<string | null, Array<[Column, Column[]]>>());
  const side = r.side ?? null;
  // which columns add up to which depends on the table and the row's side only: worked out once per side
  let columns = sides.get(side);
  if (!columns) sides.set(side, (columns = sideColumnParts(t, side)));
  for (const [whole, parts] of columns) {
    const value = r.cells[whole.key];
    if (!value) continue;
    const placed = parts.map((c) => r.cells[c.key]).filter((c): c is Cell => c !== undefined);
    // blank cells that were omitted from the text are zeros; unplaced figures are the total's parts
    const loose = whole === columns[0][0] ? r.unplaced : [];
    if (!placed.length && !loose.length) continue;
    // the parts' columns the loose figures do not fill were omitted as blank: zeros, said as such
    const omitted = loose.length ? Math.max(0, parts.length - placed.length - loose.length) : 0;
    const blanks = Array.from({ length: omitted }, () => blankCell(r.loc, value.unit, value.decimals));
    out.push({ whole, value, parts: [...placed, ...loose, ...blanks] });
  }
  return out;
}

/** one side's columns that others add up to, the total first; none where the side has no total column */
function sideColumnParts(t: Table, side: string | null): Array<[Column, Column[]]> {
  const sideColumns = t.columns.filter((c) => (c.side ?? null) === side);
  const total = sideColumns.find((c) => c.total);
  return total ? columnParts(sideColumns, total) : [];
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
  let index: { placed: PlaceMap; unplaced: PlaceMap } | null = null;
  const build = () => {
    const placed = new PlaceMap();
    const unplaced = new PlaceMap();
    let order = 0;
    for (const table of report.tables) {
      for (const row of table.rows) {
        for (const key of Object.keys(row.cells)) {
          const cell = row.cells[key];
          // a cell with text of its own stands where it is printed: a figure, or a `0` placeholder
          if (!cell.blank || cell.raw !== '') placed.add(cell.loc, order, table, row, key);
        }
        order++;
        for (const c of row.unplaced) unplaced.add(c.loc, order, table, row);
        order++;
      }
    }
    return { placed, unplaced };
  };
  return (loc) => {
    index ??= build();
    const a = index.placed.get(loc);
    const b = index.unplaced.get(loc);
    if (a && b) return a.order < b.order ? a.owner : b.owner;
    return (a ?? b)?.owner ?? null;
  };
}

/**
 * Owners by place: file, page, line, column (a PDF's line numbers count from each page's top,
 * so the page is part of the place). Nested maps rather than one string key per cell: building
 * `file\npage:line:column` for every cell of a report was most of the index's cost.
 */
class PlaceMap {
  private readonly files = new Map<string, Map<number | undefined, Map<number, Map<number, { order: number; owner: CellOwner }>>>>();

  /** the first owner given a place keeps it (the column is looked up only then) */
  add(loc: Location, order: number, table: Table, row: Row, columnKey?: string): void {
    let pages = this.files.get(loc.file);
    if (!pages) this.files.set(loc.file, (pages = new Map()));
    let lines = pages.get(loc.page);
    if (!lines) pages.set(loc.page, (lines = new Map()));
    let columns = lines.get(loc.line);
    if (!columns) lines.set(loc.line, (columns = new Map()));
    if (columns.has(loc.column)) return;
    const owner: CellOwner = columnKey === undefined ? { table, row } : { table, row, column: table.columns.find((c) => c.key === columnKey) };
    columns.set(loc.column, { order, owner });
  }

  get(loc: Location): { order: number; owner: CellOwner } | undefined {
    return this.files.get(loc.file)?.get(loc.page)?.get(loc.line)?.get(loc.column);
  }
}

/**
 * Whether the rows a filter picks may lack rows the reader left out (a name it could not read,
 * figures with no row): any filter may, but one of a side where every row left out stood on the
 * other. A sum over them would be checked as if whole.
 */
export function missesRows(t: Table, filter: RowFilter): boolean {
  const { dropped, droppedSides } = t.reading;
  return dropped > 0 && (filter.side === undefined || !droppedSides || droppedSides.includes(filter.side));
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
  const key = columnKeyFor(query, b);
  if (key) return t.columns.find((c) => c.key === key);
  return t.columns.find((c) => (c.side ?? null) === (row.side ?? null)) ?? t.columns[0];
}

/** the column key a query names for a binding ('' where it names none: the row side's first column is read) */
function columnKeyFor(query: CellQuery, b: Binding): string {
  let key = query.column;
  if (key === '$column') {
    key = b.column?.key;
    // the same figure under another key in the queried table (本年支出合计 of 公开03 is 小计 of 公开05)
    if (key !== undefined && query.columnMap && Object.hasOwn(query.columnMap, key)) key = query.columnMap[key];
  }
  else if (key && b.group) key = key.replace('$group', b.group);
  return key || '';
}

/**
 * A table's first row by key, by code (detail rows aside) and by 行次, and its first column by
 * key and by side: looked up for every binding (a find, and the closure it takes, per look-up),
 * indexed once per run. The first wins, as a find in order would.
 */
interface TableIndex {
  rowByKey: Map<string, Row>;
  rowByCode: Map<string, Row>;
  rowByLineNo: Map<number, Row>;
  columnByKey: Map<string, Column>;
  columnBySide: Map<string | null, Column>;
}

function tableIndex(t: Table): TableIndex {
  const index: TableIndex = { rowByKey: new Map(), rowByCode: new Map(), rowByLineNo: new Map(), columnByKey: new Map(), columnBySide: new Map() };
  for (const r of t.rows) {
    if (!index.rowByKey.has(r.key)) index.rowByKey.set(r.key, r);
    if (r.code && r.kind !== 'detail' && !index.rowByCode.has(r.code)) index.rowByCode.set(r.code, r);
    if (r.lineNo !== undefined && !index.rowByLineNo.has(r.lineNo)) index.rowByLineNo.set(r.lineNo, r);
  }
  for (const c of t.columns) {
    if (!index.columnByKey.has(c.key)) index.columnByKey.set(c.key, c);
    if (!index.columnBySide.has(c.side ?? null)) index.columnBySide.set(c.side ?? null, c);
  }
  return index;
}

/** columnFor through the table's index */
function columnIn(t: Table, row: Row, key: string, memo: RunMemo): Column | undefined {
  const index = memo.of(tableIndex, t);
  if (key) return index.columnByKey.get(key);
  return index.columnBySide.get(row.side ?? null) ?? t.columns[0];
}

/** a report's first table by id, and its first read one (a table left unread is checked by nothing) */
function reportTables(report: Report): { byId: Map<string, Table>; readById: Map<string, Table> } {
  const byId = new Map<string, Table>();
  const readById = new Map<string, Table>();
  for (const t of report.tables) {
    if (!byId.has(t.id)) byId.set(t.id, t);
    if (t.unread === null && !readById.has(t.id)) readById.set(t.id, t);
  }
  return { byId, readById };
}

/**
 * Resolve a bind query: a cell, a list of cells, or null where the table, row or cell is not
 * in the document (a rule then has nothing to check).
 */
/**
 * The rows by key of a table a claim links to, or undefined where the document has it not or left
 * it unread: a table left unread is checked by nothing, its cells named by a sentence included
 */
function linkedRows(report: Report, table: string, memo: RunMemo): Map<string, Row> | undefined {
  const t = memo.of(reportTables, report).readById.get(table);
  return t && memo.of(tableIndex, t).rowByKey;
}

export function resolveQuery(report: Report, query: CellQuery, b: Binding, memo: RunMemo): Cell | Array<Cell | null> | string[] | null {
  if (query.sentences) return memo.of(sentencesFound, report).get(query.sentences);
  if (query.link === 'sum-of') {
    const s = b.claim?.sumOf;
    const rows = s && linkedRows(report, s.table, memo);
    return s && rows ? s.rows.map((key) => rows.get(key)?.cells[s.column] ?? null) : null;
  }
  if (query.link) {
    const l = query.link === 'whole' ? b.claim?.whole : query.link === 'all-funds' ? b.claim?.allFunds : query.link === 'budget' ? b.claim?.budgetLink : b.claim?.link;
    const row = l && linkedRows(report, l.table, memo)?.get(l.row);
    return (l && row?.cells[l.column]) ?? null;
  }
  const t = query.table ? memo.of(reportTables, report).byId.get(query.table) : b.table;
  if (!t || t.unread !== null) return null;
  if (query.rows) return rowsCells(t, query, query.rows, b, memo);
  let row: Row | undefined;
  if (query.row) row = memo.of(tableIndex, t).rowByKey.get(query.row);
  else if (query.rowMap) row = rowByColumn(query.rowMap, b, memo.of(tableIndex, t).rowByKey);
  else if (query.sameCode) row = b.row?.code ? memo.of(tableIndex, t).rowByCode.get(b.row.code) : undefined;
  else if (query.sameLineNo) row = b.row?.lineNo !== undefined ? memo.of(tableIndex, t).rowByLineNo.get(b.row.lineNo) : undefined;
  else row = b.row && t === b.table ? b.row : undefined;
  if (!row || (query.asNamed && row.nameCode !== row.code)) return null;
  // the parts of the row's total column (none printed: nothing to check)
  if (query.parts) {
    const first = rowColumnParts(t, row, memo)[0];
    return first?.whole.total ? first.parts : null;
  }
  const c = columnIn(t, row, columnKeyFor(query, b), memo);
  return (c && row.cells[c.key]) ?? null;
}

/** the row a rowMap names for the binding's column (none for a column it does not list) */
export function rowByColumn(rowMap: Record<string, string>, b: Binding, rows: Map<string, Row>): Row | undefined {
  const key = b.column?.key;
  return key !== undefined && Object.hasOwn(rowMap, key) ? rows.get(rowMap[key]) : undefined;
}

/** the sentences each words query finds: the same for every binding of a run, looked for once */
function sentencesFound(report: Report): { get(groups: string[][]): string[] } {
  const found = new Map<string[][], string[]>();
  return {
    get(groups) {
      let texts = found.get(groups);
      if (!texts) found.set(groups, (texts = report.sentences.filter((s) => groups.every((g) => g.some((w) => s.text.includes(w)))).map((s) => s.text)));
      return texts;
    },
  };
}

/**
 * A rows query's cells: the rows a filter picks in a table are the same for every binding, and
 * their cells the same for every binding that reads the same column: picked once per run,
 * listed once per column.
 */
function rowsCells(t: Table, query: CellQuery, filter: RowFilter, b: Binding, memo: RunMemo): Array<Cell | null> | null {
  if (missesRows(t, filter)) return null;
  const picked = memo.space<Table, Row[]>(filter);
  let rows = picked.get(t);
  if (!rows) picked.set(t, (rows = t.rows.filter((r) => matchesFilter(r, filter))));
  if (!rows.length) return null;
  const key = columnKeyFor(query, b);
  const listsOf = memo.space<Table, Map<string, Array<Cell | null>>>(query);
  let lists = listsOf.get(t);
  if (!lists) listsOf.set(t, (lists = new Map()));
  let list = lists.get(key);
  if (!list) {
    list = rows.map((r) => {
      const c = columnIn(t, r, key, memo);
      return (c && r.cells[c.key]) ?? null;
    });
    lists.set(key, list);
  }
  return list;
}
