/**
 * Selectors: what a rule applies to. Each gives bindings: the data its json-logic sees (plain
 * values and cells) plus the model objects behind them, kept out of json-logic's reach.
 */
import { indicatorQuantity } from '../model/forms/target-value.js';
import { OVERALL_TITLE } from '../model/forms/overall-forms.js';
import type { Cell, Claim, Column, ContentsEntry, Form, FormIndicator, FormSection, FormTask, GradeEntry, Location, NameMention, Report, Row, Table } from '../model/types.js';
import { cellBindings, changeBindings, codeParentBindings, groupBindings, rowBindings, rowPartsBindings, tableBindings } from './table-selectors.js';
import { RunMemo } from './run-memo.js';
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
    // the project forms published: read, or found by their titles and not read (a 整体支出 form is none)
    publishedProjectFormCount: report.forms.filter((f) => f.kind === 'project').length + report.unknownTables.filter((u) => u.form === '绩效自评表' && !OVERALL_TITLE.test(u.title)).length,
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
  // each column's cells of the rows 年度资金总额 adds up: every source row the form prints
  const fundsSources: Record<string, Array<Cell | null>> = {};
  for (const row of f.funds) if (row.key !== '年度资金总额') for (const [k, c] of Object.entries(row.cells)) (fundsSources[k] ??= []).push(c);
  // the task block by column: each column's task cells, and the 金额合计 row's
  const tasks: Record<string, Array<Cell | null>> = {};
  for (const t of f.tasks) for (const [k, c] of Object.entries(t.cells)) (tasks[k] ??= []).push(c);
  return {
    form: { id: f.id, kind: f.kind, project: f.project, title: f.title, unit: f.unit, conclusionRate: f.conclusion.rate, budget: f.budget, indicatorCount: f.indicators.length },
    funds,
    fundsSources,
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

export type Doc = ReturnType<typeof documentData>;
type Each = Rule['select']['each'];

/** what every rule's bindings share within one run: the document's own data, and the memo of what is derived from the report */
export interface RunData {
  doc: Doc;
  memo: RunMemo;
}

export function runData(report: Report): RunData {
  return { doc: documentData(report), memo: new RunMemo() };
}

/**
 * A selector hands each binding to `visit` as it makes it: a generator's yield allocated a result
 * object per binding and resumed a frame, for tens of thousands of bindings a run.
 */
export type Visit = (b: Binding) => void;
type BindingsOf = (report: Report, rule: Rule, run: RunData, visit: Visit) => void;

/**
 * A selector's binding for each of its items, built once per run and given to every rule that
 * selects it (`space`: the selector, whose items' bindings they are). The engine gives a rule a
 * copy of its own before writing the rule's bind names into it.
 */
function sharedBindings<T extends object>(run: RunData, space: BindingsOf, make: (x: T) => Binding): (x: T) => Binding {
  const made = run.memo.space<T, Binding>(space);
  return (x) => {
    let b = made.get(x);
    if (!b) made.set(x, (b = make(x)));
    return b;
  };
}

function documentBindings(_report: Report, _rule: Rule, run: RunData, visit: Visit): void {
  visit({ data: { document: run.doc } });
}

/** each figure's values over a list's items (null where an item does not state it) */
function itemFigures(items: Array<Record<string, Cell>>): Record<string, Array<Cell | null>> {
  const out: Record<string, Array<Cell | null>> = {};
  for (const name of new Set(items.flatMap((x) => Object.keys(x)))) out[name] = items.map((x) => x[name] ?? null);
  return out;
}

/** the first form by each project name, looked up per claim (a scan per claim was quadratic) */
function formsByProject(report: Report): Map<string, Form> {
  const formOf = new Map<string, Form>();
  for (const f of report.forms) if (!formOf.has(f.project)) formOf.set(f.project, f);
  return formOf;
}

function claimBindings(report: Report, _rule: Rule, run: RunData, visit: Visit): void {
  const formOf = run.memo.of(formsByProject, report);
  const bindingOf = sharedBindings(run, claimBindings, (c: Claim): Binding => {
    const form = c.project ? formOf.get(c.project) : undefined;
    return {
      data: {
        document: run.doc,
        claim: { id: c.id, kind: c.kind, subject: c.subject, section: c.section, direction: c.direction ?? null, rateDirection: c.rateDirection ?? null, relation: c.relation?.word ?? null, relationText: c.relation?.text ?? null, basis: c.basis ?? null, linked: c.link !== null, unknownName: c.unknownPath?.name ?? null, unknownTable: c.unknownPath?.table ?? null, unknownUnder: c.unknownPath?.under ?? null, renamedClass: c.renamedClass?.said ?? null, renamedTable: c.renamedClass?.table ?? null, renamedRow: c.renamedClass?.row ?? null, misleveledName: c.misleveled?.said ?? null, misleveledTable: c.misleveled?.table ?? null, misleveledRow: c.misleveled?.row ?? null, misleveledLevel: c.misleveled?.level ?? null, scope: c.scope?.said ?? null, documentScope: c.scope?.document ?? null, explained: c.causeOf?.direction ?? null, explainedText: c.causeOf?.text ?? null, text: c.text },
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
      linkedTable: report.tables.find((t) => t.id === (c.link ?? c.sumOf)?.table),
      loc: c.loc,
    };
  });
  for (const c of report.claims) visit(bindingOf(c));
}

function formBindings(report: Report, _rule: Rule, run: RunData, visit: Visit): void {
  const bindingOf = sharedBindings(run, formBindings, (f: Form): Binding => ({ data: { document: run.doc, ...run.memo.of(formData, f) }, form: f, loc: f.total?.loc ?? f.loc }));
  for (const f of report.forms) visit(bindingOf(f));
}

function indicatorBindings(report: Report, _rule: Rule, run: RunData, visit: Visit): void {
  for (const f of report.forms) {
    const form = run.memo.of(formData, f).form;
    const bindingOf = sharedBindings(run, indicatorBindings, (x: FormIndicator): Binding => {
      const indicator = { name: x.name, section: x.section, level2: x.level2 ?? null, target: x.target ?? null, actual: x.actual ?? null, weightText: x.weightText, quantity: indicatorQuantity(x) };
      return { data: { document: run.doc, form, indicator, weight: x.weight, score: x.score }, form: f, loc: x.loc };
    });
    for (const x of f.indicators) visit(bindingOf(x));
  }
}

function formSectionBindings(report: Report, _rule: Rule, run: RunData, visit: Visit): void {
  for (const f of report.forms) {
    const form = run.memo.of(formData, f).form;
    const bindingOf = sharedBindings(run, formSectionBindings, (s: FormSection): Binding => {
      const parts = f.indicators.filter((x) => x.section === s.name).map((x) => x.weight);
      return { data: { document: run.doc, form, section: { name: s.name }, weight: s.weight, parts }, form: f, loc: s.loc };
    });
    for (const s of f.sections) visit(bindingOf(s));
  }
}

function formTaskBindings(report: Report, _rule: Rule, run: RunData, visit: Visit): void {
  for (const f of report.forms) {
    const form = run.memo.of(formData, f).form;
    const bindingOf = sharedBindings(run, formTaskBindings, (t: FormTask): Binding => ({
      data: { document: run.doc, form, task: { name: t.name, total: t === f.tasksTotal }, cells: t.cells },
      form: f,
      loc: t.loc,
    }));
    for (const t of [...f.tasks, ...(f.tasksTotal ? [f.tasksTotal] : [])]) visit(bindingOf(t));
  }
}

function gradeBindings(report: Report, _rule: Rule, run: RunData, visit: Visit): void {
  const bindingOf = sharedBindings(run, gradeBindings, (e: GradeEntry): Binding => {
    const form = report.forms.find((f) => f.project === e.project);
    return {
      data: { document: run.doc, entry: { project: e.project, grade: e.grade }, score: e.score, bands: report.grades.bands, formScore: form?.total?.score ?? null },
      loc: e.loc,
    };
  });
  for (const e of report.grades.entries) visit(bindingOf(e));
}

function contentsBindings(report: Report, _rule: Rule, run: RunData, visit: Visit): void {
  const bindingOf = sharedBindings(run, contentsBindings, (e: ContentsEntry): Binding => ({ data: { document: run.doc, heading: { title: e.title, words: e.words, found: e.found, near: e.near } }, loc: e.loc }));
  for (const e of report.contents) visit(bindingOf(e));
}

function nameBindings(report: Report, _rule: Rule, run: RunData, visit: Visit): void {
  const bindingOf = sharedBindings(run, nameBindings, (m: NameMention): Binding => ({ data: { document: run.doc, mention: { name: m.name, label: m.label, placeholder: m.placeholder, narrative: m.narrative } }, loc: m.loc }));
  for (const m of report.names) visit(bindingOf(m));
}

function tableIdBindings(report: Report, rule: Rule, run: RunData, visit: Visit): void {
  // the ids the rule names, or else the tables the document's family must publish
  const wanted = rule.select.ids?.map((id) => ({ id, name: report.family?.required.find((r) => r.id === id)?.name ?? id })) ?? report.family?.required ?? [];
  for (const { id, name } of wanted) {
    // a table is there as each kind its printed title names: where kinds share a title (收入预算总表)
    // and the header under it chose one, or its body was not read (读取/表格未能读取), the title
    // still says which table the document publishes
    const present = report.tables.some((t) => t.id === id || t.titleKinds.includes(id));
    visit({ data: { document: run.doc, id, name, present } });
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
  change: changeBindings,
};

/**
 * A rule's bindings, each handed to `visit` in order. `run` (runData) is what every rule shares:
 * the document's own data and the run's memo; the engine makes it once per run and passes it on.
 * A binding may be shared with other rules of the run: it is read, never written (the engine
 * copies it to bind names into).
 */
export function forEachBinding(report: Report, rule: Rule, run: RunData, visit: Visit): void {
  // an unknown kind yields nothing, as the switch it replaces did
  const of = Object.hasOwn(BINDINGS_BY_KIND, rule.select.each) ? BINDINGS_BY_KIND[rule.select.each] : undefined;
  if (of) of(report, rule, run, visit);
}

/** a rule's bindings as a list */
export function bindings(report: Report, rule: Rule, run: RunData = runData(report)): Binding[] {
  const out: Binding[] = [];
  forEachBinding(report, rule, run, (b) => out.push(b));
  return out;
}
