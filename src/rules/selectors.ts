/**
 * Selectors: what a rule applies to. Each yields bindings: the data its json-logic sees (plain
 * values and cells) plus the model objects behind them, kept out of json-logic's reach.
 */
import { indicatorQuantity } from '../model/forms/target-value.js';
import type { Cell, Claim, Column, Form, Location, Report, Row, Table } from '../model/types.js';
import { rowColumnParts } from './queries.js';
import type { Rule } from './types.js';

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

/** the 绩效目标填报表s' 年度资金申请总额 and 当年财政拨款 (null where a form leaves it out) */
function targetSheetFunds(report: Report): Record<string, Array<Cell | null>> {
  const sheets = report.forms.filter((f) => f.kind === 'target-sheet');
  const cell = (f: Form, row: string) => f.funds.find((r) => r.key === row)?.cells['年度申请'] ?? null;
  return { 年度申请: sheets.map((f) => cell(f, '资金总额')), 当年财政拨款: sheets.map((f) => cell(f, '当年财政拨款')) };
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

export function documentData(report: Report) {
  const target = report.targetTable;
  return {
    kind: report.kind,
    year: report.year,
    department: report.department,
    unit: report.unit,
    tableCount: report.tables.length,
    unreadPageCount: report.unreadPages.length,
    rotatedTextCount: report.rotatedText.length,
    family: report.family?.id ?? null,
    formCount: report.forms.length,
    projectFormCount: report.forms.filter((f) => f.kind === 'project').length,
    projectFunds: projectFunds(report),
    targetProjectCount: report.forms.filter((f) => f.kind === 'target').length,
    targetSheetCount: report.forms.filter((f) => f.kind === 'target-sheet').length,
    targetSheetFunds: targetSheetFunds(report),
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
    goals: f.goals ?? null,
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

export type Doc = ReturnType<typeof documentData>;
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
    // a table is there as each kind its printed title names: where kinds share a title (收入预算总表)
    // and the header under it chose one, or its body was not read (读取/表格未能读取), the title
    // still says which table the document publishes
    const present = report.tables.some((t) => t.id === id || t.titleKinds.includes(id));
    yield { data: { document: doc, id, name, present } };
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

function* rowPartsBindings(report: Report, rule: Rule, doc: Doc): Generator<Binding> {
  for (const t of selectedTables(report, rule)) {
    const table = tableData(t);
    for (const r of t.rows) {
      let row: ReturnType<typeof rowData> | undefined;
      for (const { whole, value, parts } of rowColumnParts(t, r)) {
        yield { data: { document: doc, table, row: (row ??= rowData(r)), column: { key: whole.key, name: whole.name }, value, parts }, table: t, row: r, column: whole };
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

/**
 * A rule's bindings. `doc` is the document's own data (documentData), the same for every rule:
 * the engine builds it once per run and passes it on.
 */
export function* bindings(report: Report, rule: Rule, doc: Doc = documentData(report)): Generator<Binding> {
  // an unknown kind yields nothing, as the switch it replaces did
  const of = Object.hasOwn(BINDINGS_BY_KIND, rule.select.each) ? BINDINGS_BY_KIND[rule.select.each] : undefined;
  if (of) yield* of(report, rule, doc);
}
