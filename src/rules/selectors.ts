/**
 * Selectors: what a rule applies to. Each yields bindings: the data its json-logic sees (plain
 * values and cells) plus the model objects behind them, kept out of json-logic's reach.
 */
import { indicatorQuantity } from '../model/forms/target-value.js';
import type { Cell, Claim, Column, Form, Location, Report, Row, Table } from '../model/types.js';
import type { CellQuery, RowFilter, Rule } from './types.js';

export interface Binding {
  /** what json-logic sees */
  data: Record<string, unknown>;
  table?: Table;
  row?: Row;
  column?: Column;
  group?: string;
  claim?: Claim;
  /** the table a claim's linked cell stands in */
  linkedTable?: Table;
  form?: Form;
  /** where the bound thing stands, when it is not a table row */
  loc?: Location;
}

/** each funds column's 年度资金总额 cell over the project forms (null where a form leaves it out): what the forms add up to */
function projectFunds(report: Report): Record<string, Array<Cell | null>> {
  const out: Record<string, Array<Cell | null>> = {};
  const projects = report.forms.filter((f) => f.kind === 'project');
  for (const key of ['年初预算数', '全年预算数', '全年执行数']) out[key] = projects.map((f) => f.funds.find((r) => r.key === '年度资金总额')?.cells[key] ?? null);
  return out;
}

/** where a statement stands, as a reader finds it: 第 3 页第 12 行, or 第 12 行 */
function placeName(loc: Location): string {
  return `${loc.page !== undefined ? `第 ${loc.page} 页` : ''}第 ${loc.line} 行`;
}

function rowNames(report: Report): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const t of report.tables) if (t.unread === null) out[t.id] = t.rows.filter((r) => r.kind === 'item').map((r) => r.name);
  return out;
}

function documentData(report: Report) {
  const target = report.targetTable;
  return {
    kind: report.kind,
    year: report.year,
    department: report.department,
    unit: report.unit,
    tableCount: report.tables.length,
    unreadPageCount: report.unreadPages.length,
    family: report.family?.id ?? null,
    formCount: report.forms.length,
    projectFormCount: report.forms.filter((f) => f.kind === 'project').length,
    projectFunds: projectFunds(report),
    targetProjectCount: report.forms.filter((f) => f.kind === 'target').length,
    // each read table's item rows by name (a 项目支出表's projects), in printed order
    rowNames: rowNames(report),
    // the scoring rule the document states (按完成比例计分), and where
    scoringRule: report.scoringRule ? { kind: report.scoringRule.kind, text: report.scoringRule.text, place: placeName(report.scoringRule.loc) } : null,
    targetTable: target
      ? { total: target.total, executionWeight: target.executionWeight, budgets: report.forms.filter((f) => f.kind === 'target').map((f) => f.budget) }
      : null,
  };
}

function formData(f: Form) {
  const funds: Record<string, Record<string, Cell | null>> = {};
  for (const row of f.funds) funds[row.key] = row.cells;
  const total = funds['年度资金总额'] ?? {};
  // the task block by column: each column's task cells, and the 金额合计 row's
  const tasks: Record<string, Array<Cell | null>> = {};
  for (const t of f.tasks) for (const [k, c] of Object.entries(t.cells)) (tasks[k] ??= []).push(c);
  return {
    form: { id: f.id, kind: f.kind, project: f.project, title: f.title, unit: f.unit, conclusionRate: f.conclusion.rate, budget: f.budget, indicatorCount: f.indicators.length },
    funds,
    fundsWeight: total['分值'] ?? null,
    fundsScore: total['得分'] ?? null,
    weights: f.indicators.map((x) => x.weight),
    scores: f.indicators.map((x) => x.score),
    indicators: f.indicators.map((x) => ({ name: x.name, section: x.section, target: x.target ?? null, actual: x.actual ?? null, weight: x.weight, score: x.score })),
    total: { weight: f.total?.weight ?? null, score: f.total?.score ?? null },
    tasks,
    tasksTotal: f.tasksTotal?.cells ?? {},
  };
}

function tableData(t: Table) {
  return { id: t.id, kindName: t.kindName, printedId: t.printedId, title: t.title, unit: t.unit, layout: t.layout, empty: t.empty, hasEmptyNote: t.emptyNote !== null, saysEmpty: t.saidEmpty !== null, nilInNarrative: t.nilInNarrative !== null, rowCount: t.rows.length, years: t.years };
}

function rowData(r: Row) {
  // cellCount: the cells placed in a column, blank ones included (a row that prints its total alone has 1)
  return { key: r.key, name: r.name, code: r.code ?? null, level: r.level ?? null, side: r.side ?? null, lineNo: r.lineNo ?? null, kind: r.kind, cellCount: Object.keys(r.cells).length, unplacedCount: r.unplaced.length };
}

function selectedTables(report: Report, rule: Rule): Table[] {
  // a table that could not be read is said once (读取/表格未能读取), and checked by no rule
  const read = report.tables.filter((t) => t.unread === null);
  const ids = rule.select.tables;
  return ids ? read.filter((t) => ids.includes(t.id)) : read;
}

type Doc = ReturnType<typeof documentData>;
type Each = Rule['select']['each'];
type BindingsOf = (report: Report, rule: Rule, doc: Doc) => Generator<Binding>;

function* documentBindings(_report: Report, _rule: Rule, doc: Doc): Generator<Binding> {
  yield { data: { document: doc } };
}

/** each figure's values over a list's items (null where an item does not state it) */
function itemFigures(items: Array<Record<string, Cell>>): Record<string, Array<Cell | null>> {
  const out: Record<string, Array<Cell | null>> = {};
  for (const name of new Set(items.flatMap((x) => Object.keys(x)))) out[name] = items.map((x) => x[name] ?? null);
  return out;
}

function* claimBindings(report: Report, _rule: Rule, doc: Doc): Generator<Binding> {
  // the first form by each project name, looked up per claim (a scan per claim was quadratic)
  const formOf = new Map<string, Form>();
  for (const f of report.forms) if (!formOf.has(f.project)) formOf.set(f.project, f);
  for (const c of report.claims) {
    const form = c.project ? formOf.get(c.project) : undefined;
    yield {
      data: {
        document: doc,
        claim: { id: c.id, kind: c.kind, subject: c.subject, section: c.section, direction: c.direction ?? null, rateDirection: c.rateDirection ?? null, relation: c.relation?.word ?? null, relationText: c.relation?.text ?? null, basis: c.basis ?? null, linked: c.link !== null, text: c.text },
        figures: c.figures,
        parts: c.parts,
        // the statements a 其中 lists, figure by figure (items.budget: each item's 年初预算)
        items: c.items ? itemFigures(c.items) : null,
        // the form a score claim speaks of, when the document has one by that project name
        form: form
          ? {
              project: form.project,
              totalScore: form.total?.score ?? null,
              totalWeight: form.total?.weight ?? null,
              budget: form.funds.find((r) => r.key === '年度资金总额')?.cells['全年预算数'] ?? null,
              spent: form.funds.find((r) => r.key === '年度资金总额')?.cells['全年执行数'] ?? null,
            }
          : null,
      },
      claim: c,
      linkedTable: c.link ? report.tables.find((t) => t.id === c.link!.table) : undefined,
      loc: c.loc,
    };
  }
}

function* formBindings(report: Report, _rule: Rule, doc: Doc): Generator<Binding> {
  for (const f of report.forms) yield { data: { document: doc, ...formData(f) }, form: f, loc: f.total?.loc ?? f.loc };
}

function* indicatorBindings(report: Report, _rule: Rule, doc: Doc): Generator<Binding> {
  for (const f of report.forms) {
    const form = formData(f).form;
    for (const x of f.indicators) {
      const indicator = { name: x.name, section: x.section, level2: x.level2 ?? null, target: x.target ?? null, actual: x.actual ?? null, weightText: x.weightText, quantity: indicatorQuantity(x) };
      yield { data: { document: doc, form, indicator, weight: x.weight, score: x.score }, form: f, loc: x.loc };
    }
  }
}

function* formSectionBindings(report: Report, _rule: Rule, doc: Doc): Generator<Binding> {
  for (const f of report.forms) {
    const form = formData(f).form;
    for (const s of f.sections) {
      const parts = f.indicators.filter((x) => x.section === s.name).map((x) => x.weight);
      yield { data: { document: doc, form, section: { name: s.name }, weight: s.weight, parts }, form: f, loc: s.loc };
    }
  }
}

function* formTaskBindings(report: Report, _rule: Rule, doc: Doc): Generator<Binding> {
  for (const f of report.forms) {
    const form = formData(f).form;
    for (const t of [...f.tasks, ...(f.tasksTotal ? [f.tasksTotal] : [])]) {
      yield { data: { document: doc, form, task: { name: t.name, total: t === f.tasksTotal }, cells: t.cells }, form: f, loc: t.loc };
    }
  }
}

function* gradeBindings(report: Report, _rule: Rule, doc: Doc): Generator<Binding> {
  for (const e of report.grades.entries) {
    const form = report.forms.find((f) => f.project === e.project);
    yield {
      data: { document: doc, entry: { project: e.project, grade: e.grade }, score: e.score, bands: report.grades.bands, formScore: form?.total?.score ?? null },
      loc: e.loc,
    };
  }
}

function* contentsBindings(report: Report, _rule: Rule, doc: Doc): Generator<Binding> {
  for (const e of report.contents) yield { data: { document: doc, heading: { title: e.title, words: e.words, found: e.found } }, loc: e.loc };
}

function* nameBindings(report: Report, _rule: Rule, doc: Doc): Generator<Binding> {
  for (const m of report.names) yield { data: { document: doc, mention: { name: m.name, label: m.label, placeholder: m.placeholder, narrative: m.narrative } }, loc: m.loc };
}

function* tableIdBindings(report: Report, rule: Rule, doc: Doc): Generator<Binding> {
  // the ids the rule names, or else the tables the document's family must publish
  const wanted = rule.select.ids?.map((id) => ({ id, name: report.family?.required.find((r) => r.id === id)?.name ?? id })) ?? report.family?.required ?? [];
  for (const { id, name } of wanted) {
    yield { data: { document: doc, id, name, present: report.tables.some((t) => t.id === id) } };
  }
}

function* tableBindings(report: Report, rule: Rule, doc: Doc): Generator<Binding> {
  for (const t of selectedTables(report, rule)) yield { data: { document: doc, table: tableData(t) }, table: t };
}

function* rowBindings(report: Report, rule: Rule, doc: Doc): Generator<Binding> {
  for (const t of selectedTables(report, rule)) {
    for (const r of t.rows) yield { data: { document: doc, table: tableData(t), row: rowData(r) }, table: t, row: r };
  }
}

function* groupBindings(report: Report, rule: Rule, doc: Doc): Generator<Binding> {
  for (const t of selectedTables(report, rule)) {
    const r = t.rows[0];
    if (!r) continue;
    for (const g of rule.select.groups ?? []) {
      yield { data: { document: doc, table: tableData(t), row: rowData(r), group: g }, table: t, row: r, group: g };
    }
  }
}

function* codeParentBindings(report: Report, rule: Rule, doc: Doc): Generator<Binding> {
  const sel = rule.select;
  for (const t of selectedTables(report, rule)) {
    const columns = sel.columns ? t.columns.filter((c) => sel.columns!.includes(c.key)) : t.columns;
    // children by parent, in row order, gathered once (a filter per parent was quadratic)
    const childrenOf = new Map<string, Row[]>();
    for (const r of t.rows) {
      if (r.parent === undefined) continue;
      const list = childrenOf.get(r.parent);
      if (list) list.push(r);
      else childrenOf.set(r.parent, [r]);
    }
    for (const parent of t.rows) {
      const children = childrenOf.get(parent.key) ?? [];
      if (!children.length) continue;
      for (const c of columns) {
        yield {
          data: {
            document: doc,
            table: tableData(t),
            row: rowData(parent),
            column: { key: c.key, name: c.name },
            value: parent.cells[c.key] ?? null,
            parts: children.map((ch) => ch.cells[c.key] ?? null),
            partRows: children.map(rowData),
          },
          table: t,
          row: parent,
          column: c,
        };
      }
    }
  }
}

function* cellBindings(report: Report, rule: Rule, doc: Doc): Generator<Binding> {
  const sel = rule.select;
  for (const t of selectedTables(report, rule)) {
    const columns = sel.columns ? t.columns.filter((c) => sel.columns!.includes(c.key)) : t.columns;
    const table = tableData(t);
    for (const r of t.rows) {
      const row = rowData(r);
      for (const c of columns) {
        yield { data: { document: doc, table, row, column: { key: c.key, name: c.name }, value: r.cells[c.key] ?? null }, table: t, row: r, column: c };
      }
    }
  }
}

/** a row's columns that add up to another with the cells they hold there: its total's first */
function* rowColumnParts(t: Table, r: Row): Generator<{ whole: Column; value: Cell; parts: Cell[] }> {
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

function* rowPartsBindings(report: Report, rule: Rule, doc: Doc): Generator<Binding> {
  for (const t of selectedTables(report, rule)) {
    for (const r of t.rows) {
      for (const { whole, value, parts } of rowColumnParts(t, r)) {
        yield { data: { document: doc, table: tableData(t), row: rowData(r), column: { key: whole.key, name: whole.name }, value, parts }, table: t, row: r, column: whole };
      }
    }
  }
}

/** each selector kind's bindings */
const BINDINGS_BY_KIND: Record<Each, BindingsOf> = {
  document: documentBindings,
  claim: claimBindings,
  form: formBindings,
  indicator: indicatorBindings,
  'form-section': formSectionBindings,
  'form-task': formTaskBindings,
  grade: gradeBindings,
  contents: contentsBindings,
  name: nameBindings,
  'table-id': tableIdBindings,
  table: tableBindings,
  row: rowBindings,
  group: groupBindings,
  'code-parent': codeParentBindings,
  'row-parts': rowPartsBindings,
  cell: cellBindings,
};

export function* bindings(report: Report, rule: Rule): Generator<Binding> {
  const doc = documentData(report);
  // an unknown kind yields nothing, as the switch it replaces did
  const of = Object.hasOwn(BINDINGS_BY_KIND, rule.select.each) ? BINDINGS_BY_KIND[rule.select.each] : undefined;
  if (of) yield* of(report, rule, doc);
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
    const row = l ? report.tables.find((x) => x.id === l.table)?.rows.find((r) => r.key === l.row) : undefined;
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
