/**
 * The table selectors: each read table, its rows, its rows by group, a parent row with its
 * children, each cell, a row's columns that add up to another. They share a table's, a row's and
 * a column's records for the run (memo.of): every table rule binds the same ones, and rebuilding
 * them per rule and row was most of the garbage.
 */
import type { Cell, Column, Report, Row, Table } from '../model/types.js';
import { rowColumnParts } from './queries.js';
import type { RunData, Visit } from './selectors.js';
import type { Rule } from './types.js';

function tableData(t: Table) {
  return { id: t.id, kindName: t.kindName, printedId: t.printedId, title: t.title, unit: t.unit, layout: t.layout, empty: t.empty, hasEmptyNote: t.emptyNote !== null, saysEmpty: t.saidEmpty !== null, saysEmptyText: t.saidEmpty?.text ?? null, nilInNarrative: t.nilInNarrative !== null, noteOfOther: t.noteOfOther?.subject ?? null, noteOfOtherText: t.noteOfOther?.text ?? null, rowCount: t.rows.length, years: t.years, decimals: usualDecimals(t), ...printedFigures(t) };
}

/**
 * The figures not 0 a table prints: how many, the first (in row order) and where it stands, so a
 * message about a table said to be empty can point at one
 */
function printedFigures(t: Table): { figureCount: number; firstFigure: Cell | null; firstFigureAt: string | null } {
  let figureCount = 0;
  let first: { cell: Cell; at: string } | null = null;
  for (const r of t.rows) {
    const row = r.code && r.kind !== 'total' ? `${r.code} ${r.name}` : r.name;
    const cells: [string | null, Cell][] = [...Object.entries(r.cells), ...r.unplaced.map((c): [null, Cell] => [null, c])];
    for (const [key, c] of cells) {
      if (c.blank || c.value === 0) continue;
      figureCount++;
      if (first) continue;
      const column = key === null ? undefined : t.columns.find((col) => col.key === key);
      const name = column ? [column.group, column.name].filter(Boolean).join(' ') : null;
      first = { cell: c, at: name ? `「${row}」行「${name}」栏` : `「${row}」行` };
    }
  }
  return { figureCount, firstFigure: first?.cell ?? null, firstFigureAt: first?.at ?? null };
}

/** the decimals most of a table's printed amounts have (the fewer of equals; null for a table without one) */
function usualDecimals(t: Table): number | null {
  const counts = new Map<number, number>();
  for (const r of t.rows) {
    for (const c of Object.values(r.cells)) if (!c.blank && !c.percent) counts.set(c.decimals, (counts.get(c.decimals) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [d, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && d < best)) best = d;
  return best;
}

function rowData(r: Row) {
  // cellCount: the cells placed in a column, blank ones included (a row that prints its total alone has 1)
  return { key: r.key, name: r.name, code: r.code ?? null, level: r.level ?? null, side: r.side ?? null, lineNo: r.lineNo ?? null, printedCode: r.printedCode ?? null, kind: r.kind, cellCount: Object.keys(r.cells).length, unplacedCount: r.unplaced.length, nameCode: r.nameCode ?? null, codeName: r.codeName ?? null, classNamed: r.classNamed?.name ?? null, classNamedTable: r.classNamed?.table ?? null };
}

function selectedTables(report: Report, rule: Rule): Table[] {
  // a table that could not be read is said once (读取/表格未能读取), and checked by no rule
  const read = report.tables.filter((t) => t.unread === null);
  const ids = rule.select.tables;
  return ids ? read.filter((t) => ids.includes(t.id)) : read;
}

function columnData(c: Column) {
  return { key: c.key, name: c.name };
}

export function tableBindings(report: Report, rule: Rule, run: RunData, visit: Visit): void {
  for (const t of selectedTables(report, rule)) visit({ data: { document: run.doc, table: run.memo.of(tableData, t) }, table: t });
}

export function rowBindings(report: Report, rule: Rule, run: RunData, visit: Visit): void {
  const { doc, memo } = run;
  for (const t of selectedTables(report, rule)) {
    const table = memo.of(tableData, t);
    for (const r of t.rows) visit({ data: { document: doc, table, row: memo.of(rowData, r) }, table: t, row: r });
  }
}

export function groupBindings(report: Report, rule: Rule, run: RunData, visit: Visit): void {
  const { doc, memo } = run;
  for (const t of selectedTables(report, rule)) {
    const r = t.rows[0];
    if (!r) continue;
    for (const g of rule.select.groups ?? []) {
      visit({ data: { document: doc, table: memo.of(tableData, t), row: memo.of(rowData, r), group: g }, table: t, row: r, group: g });
    }
  }
}

/** a table's rows by parent key, in row order, gathered once (a filter per parent was quadratic) */
function childrenByParent(t: Table): Map<string, Row[]> {
  const childrenOf = new Map<string, Row[]>();
  for (const r of t.rows) {
    if (r.parent === undefined) continue;
    const list = childrenOf.get(r.parent);
    if (list) list.push(r);
    else childrenOf.set(r.parent, [r]);
  }
  return childrenOf;
}

/** the columns of a table a rule's `select.columns` names, or all of them */
function selectedColumns(t: Table, rule: Rule): Column[] {
  const keys = rule.select.columns;
  return keys ? t.columns.filter((c) => keys.includes(c.key)) : t.columns;
}

/**
 * A table cut short (its last rows not printed), or with rows the reader left out, may have lost
 * any parent's lower rows: none is summed.
 */
export const rowsMayBeLost = (t: Table): boolean => Boolean(t.cutShort) || t.reading.dropped > 0;

export function codeParentBindings(report: Report, rule: Rule, run: RunData, visit: Visit): void {
  const { doc, memo } = run;
  for (const t of selectedTables(report, rule).filter((x) => !rowsMayBeLost(x))) {
    const columns = selectedColumns(t, rule);
    const childrenOf = memo.of(childrenByParent, t);
    for (const parent of t.rows) {
      const children = childrenOf.get(parent.key) ?? [];
      if (!children.length) continue;
      // the children's records are the same for each column and rule
      const partRows = memo.get(codeParentBindings, parent, () => children.map((ch) => memo.of(rowData, ch)));
      for (const c of columns) {
        visit({
          data: {
            document: doc,
            table: memo.of(tableData, t),
            row: memo.of(rowData, parent),
            column: memo.of(columnData, c),
            value: parent.cells[c.key] ?? null,
            parts: children.map((ch) => ch.cells[c.key] ?? null),
            partRows,
          },
          table: t,
          row: parent,
          column: c,
        });
      }
    }
  }
}

export function cellBindings(report: Report, rule: Rule, run: RunData, visit: Visit): void {
  const { doc, memo } = run;
  for (const t of selectedTables(report, rule)) {
    const columns = selectedColumns(t, rule);
    const table = memo.of(tableData, t);
    const records = columns.map((c) => memo.of(columnData, c));
    for (const r of t.rows) {
      const row = memo.of(rowData, r);
      for (let i = 0; i < columns.length; i++) {
        const c = columns[i];
        visit({ data: { document: doc, table, row, column: records[i], value: r.cells[c.key] ?? null }, table: t, row: r, column: c });
      }
    }
  }
}

/**
 * Each change a row prints (增减额.合计, 增减率.公务接待费 …), blank cells included: the two cells it
 * compares (from: 上年, to: 本年) and whether it is a rate
 */
export function changeBindings(report: Report, rule: Rule, run: RunData, visit: Visit): void {
  const { doc, memo } = run;
  for (const t of selectedTables(report, rule)) {
    const changes = t.columns.filter((c) => c.change);
    if (!changes.length) continue;
    const table = memo.of(tableData, t);
    for (const r of t.rows) {
      const row = memo.of(rowData, r);
      for (const c of changes) {
        const value = r.cells[c.key];
        if (!value) continue;
        const { from, to, rate } = c.change!;
        visit({ data: { document: doc, table, row, column: memo.of(columnData, c), value, from: r.cells[from] ?? null, to: r.cells[to] ?? null, rate }, table: t, row: r, column: c });
      }
    }
  }
}

export function rowPartsBindings(report: Report, rule: Rule, run: RunData, visit: Visit): void {
  const { doc, memo } = run;
  for (const t of selectedTables(report, rule)) {
    const table = memo.of(tableData, t);
    for (const r of t.rows) {
      for (const { whole, value, parts } of rowColumnParts(t, r, memo)) {
        visit({ data: { document: doc, table, row: memo.of(rowData, r), column: memo.of(columnData, whole), value, parts }, table: t, row: r, column: whole });
      }
    }
  }
}
