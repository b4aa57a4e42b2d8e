/**
 * The rule engine: every rule, built-in or the user's, runs here the same way. For each binding
 * its selector yields, bound cells are resolved, the `where` filter and the `assert` expression
 * are evaluated with json-logic, and a false assertion becomes a diagnostic.
 */
import { formatInterval, formatNumber, fromCell, isInterval, type Comparison, type Interval } from '../interval/interval.js';
import type { Cell, Location, Report, Table } from '../model/types.js';
import { comparisonsMade, compiled, evaluate, lastFinding, resetFindings, truthy, type Compiled } from './ops.js';
import { forEachBinding, runData, type Binding, type RunData } from './selectors.js';
import { cellOwners, resolveQuery, type CellOwner } from './queries.js';
import type { CellQuery, Diagnostic, Rule } from './types.js';
import type { RunMemo } from './run-memo.js';
import { workingOf } from './working.js';
import { CONDITIONAL_RE } from './message-syntax.js';
import { mergeByRow } from './merge.js';
import { deviationOf, reportAtDeepest, type Deviation } from './same-cause.js';
import { TABLE_SELECTORS } from './binding-schema.js';

type OwnerOf = (loc: Location) => CellOwner | null;

/** what a finding of a `reportAtDeepest` rule says is off: its row's figure, and by how much */
const DEVIATIONS = new WeakMap<Diagnostic, Deviation>();

/**
 * What became of one binding of a rule (for --debug-rule and --report-unchecked): whether its
 * `where` let it through, what its bind names resolved to, the assert's outcome and how many
 * comparisons had both their figures (a comparison with a figure missing checks nothing).
 */
export interface BindingTrace {
  rule: Rule;
  binding: Binding;
  passedWhere: boolean;
  /** the rule's own bind names, resolved (only when they were: after a where that reads none) */
  bound: Record<string, unknown>;
  outcome: boolean | null;
  compared: number;
  diagnostic: Diagnostic | null;
  error?: unknown;
}

export type RuleObserver = (trace: BindingTrace) => void;

export function runRules(report: Report, rules: Rule[], observe?: RuleObserver): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ownerOf = cellOwners(report);
  // what every rule's bindings share (the document's data, records derived from the report) is made once per run
  const run = runData(report);
  for (const rule of rules) if (rule.severity !== 'off') runRule(report, rule, run, ownerOf, out, observe);
  return sortDiagnostics(reportAtDeepest(out, DEVIATIONS));
}

/**
 * What checking a binding needs of its rule, worked out once per rule and run instead of once
 * per binding: the bind entries, and the compiled where and assert.
 */
interface RulePlan {
  rule: Rule;
  binds: Array<[string, CellQuery]>;
  where: Compiled | null;
  assert: Compiled;
}

function planOf(rule: Rule): RulePlan {
  return { rule, binds: Object.entries(rule.bind), where: rule.select.where === undefined ? null : compiledOnUse(rule.select.where), assert: compiledOnUse(rule.assert) };
}

/** compiled at its first use, as before: a rule with no bindings compiles nothing, and a compile error is a binding's error */
function compiledOnUse(expression: unknown): Compiled {
  let fn: Compiled | undefined;
  return (data) => (fn ??= compiled(expression))(data);
}

/** one rule over its bindings: a binding that throws is counted and the others are still checked */
function runRule(report: Report, rule: Rule, run: RunData, ownerOf: OwnerOf, all: Diagnostic[], observe?: RuleObserver): void {
  const out: Diagnostic[] = [];
  const plan = planOf(rule);
  let checked = 0;
  let failed = 0;
  let first: { b: Binding | null; err: unknown } | null = null;
  try {
    // (a binding's own failure is caught here: what escapes forEachBinding is the selector's)
    forEachBinding(report, rule, run, (b) => {
      checked++;
      // a trace is made only for an observer: without one it would be garbage for every binding
      const trace: BindingTrace | null = observe ? { rule, binding: b, passedWhere: false, bound: {}, outcome: null, compared: 0, diagnostic: null } : null;
      try {
        const d = check(report, plan, b, ownerOf, run.memo, trace);
        if (d) out.push(d);
      } catch (err) {
        failed++;
        first ??= { b, err };
        if (trace) trace.error = err;
      }
      if (trace) observe!(trace);
    });
  } catch (err) {
    // the selector itself failed: the bindings it had not yet given are not checked
    failed++;
    first ??= { b: null, err };
  }
  if (first) out.push(ruleError(report, rule, first.b, first.err, failed, checked));
  // a table rule's findings on one row, in document order (the row's diagnostic stands at its
  // first failing column); a claim's name the cell it speaks of, and stay one per sentence
  for (const d of TABLE_SELECTORS.has(rule.select.each) ? mergeByRow(sortDiagnostics(out)) : out) all.push(d);
}

function ruleError(report: Report, rule: Rule, b: Binding | null, err: unknown, failed: number, checked: number): Diagnostic {
  const loc = b?.row?.loc ?? b?.loc ?? b?.table?.loc ?? { file: report.file, line: 1, column: 1, endLine: 1, endColumn: 1 };
  const where = b ? [tableLabel(b), rowLabel(b) || subjectLabel(b)].filter(Boolean).join(' ') : '';
  const count = b ? `${checked} 个检查对象中 ${failed} 个出错，第一个在${where ? `「${where}」` : ''}第 ${loc.line} 行` : '取检查对象时出错';
  const d: Diagnostic = {
    ruleId: 'rule-error',
    severity: 2,
    message: `规则 ${rule.id}（${rule.source.file}:${rule.source.line}:${rule.source.column}）运行出错：${count}：${err instanceof Error ? err.message : String(err)}`,
    file: loc.file || report.file,
    line: loc.line,
    column: loc.column,
    endLine: loc.endLine,
    endColumn: loc.endColumn,
  };
  if (loc.page !== undefined) d.page = loc.page;
  return d;
}

function check(report: Report, plan: RulePlan, shared: Binding, ownerOf: OwnerOf, memo: RunMemo, trace: BindingTrace | null): Diagnostic | null {
  const { rule, where } = plan;
  // a where that reads no bound name is asked of the selector's binding as it is: most bindings
  // stop here (a claim rule reads a few of a document's claims), and need no copy
  if (rule.whereFirst && where && !truthy(where(shared.data))) return null;
  const b = plan.binds.length ? ownBinding(shared) : shared;
  if (trace) trace.binding = b;
  for (const [name, query] of plan.binds) {
    const value = resolveQuery(report, query, b, memo);
    b.data[name] = value;
    if (trace) trace.bound[name] = value;
  }
  if (!rule.whereFirst && where && !truthy(where(b.data))) return null;
  if (trace) trace.passedWhere = true;
  resetFindings();
  const passed = truthy(plan.assert(b.data));
  if (trace) {
    trace.outcome = passed;
    trace.compared = comparisonsMade();
  }
  if (passed) return null;
  const d = failure(report, rule, b, ownerOf);
  if (trace) trace.diagnostic = d;
  return d;
}

/**
 * The rule's own binding, to write its bind names into: a selector's bindings are shared by
 * every rule of the run (selectors.ts), so their data is never written.
 */
function ownBinding(b: Binding): Binding {
  return { ...b, data: { ...b.data } };
}

function failure(report: Report, rule: Rule, b: Binding, ownerOf: OwnerOf): Diagnostic {
  const finding = lastFinding();
  const severity = rule.severity === 'error' && finding?.verdict !== 'near' ? 2 : 1;
  const loc = finding?.actual.loc ?? placeOf(rule, b) ?? b.row?.loc ?? b.loc ?? b.table?.loc ?? { file: report.file, line: 1, column: 1, endLine: 1, endColumn: 1 };
  // a rule over a whole table still names the row and column of the figure it points at
  if (finding?.actual.loc && (!b.row || !b.column)) {
    const owner = ownerOf(finding.actual.loc);
    if (owner) return diagnostic(rule, { ...b, table: owner.table, row: owner.row, column: owner.column }, severity, loc, finding);
  }
  return diagnostic(rule, b, severity, loc, finding);
}

/** the location of the figure the rule's `at` names, where it is printed (read as a {var:…} placeholder is) */
function placeOf(rule: Rule, b: Binding): Location | undefined {
  return rule.at ? (evaluate({ var: rule.at }, b.data) as { loc?: Location } | null)?.loc : undefined;
}

/** what a binding is about, as a message names it: table, row or subject, column, group */
export function bindingLabel(b: Binding): string {
  return [tableLabel(b), rowLabel(b) || subjectLabel(b), b.column ? `「${b.column.name}」` : '', b.group ?? ''].filter(Boolean).join(' ');
}

/** a table as the document names it: its printed number, else its printed title */
function tableName(t: Table | undefined): string {
  return t ? t.printedId ?? t.title : '';
}

function tableLabel(b: Binding): string {
  return tableName(b.table);
}

function rowLabel(b: Binding): string {
  const r = b.row;
  if (!r) return '';
  if (r.code && r.kind !== 'total' && !r.side) return `${r.code} ${r.name}`.trim();
  return r.lineNo !== undefined ? `${r.name}（行次 ${r.lineNo}）` : r.name;
}

function linkedLabel(b: Binding): string {
  const l = b.claim?.link;
  const sum = b.claim?.sumOf;
  if (!l && sum) {
    const rows = sum.rows.map((key) => b.linkedTable?.rows.find((r) => r.key === key)).map((r, i) => (r ? `${r.code ?? ''} ${r.name}`.trim() : sum.rows[i]));
    return `${tableName(b.linkedTable)} ${rows.join('、')}之和「${sum.column}」`;
  }
  if (!l) return '';
  return `${tableName(b.linkedTable)} ${l.row.replace(/^(收入|支出):/, '')}「${l.column.replace(/^(收入|支出)金额$/, '金额')}」`;
}

/** the linked cell's figure in its own unit, written the same way however the document printed it (95,666.50 元) */
function linkedValue(b: Binding): string {
  const l = b.claim?.link;
  const cell = l ? b.linkedTable?.rows.find((r) => r.key === l.row)?.cells[l.column] : undefined;
  return cell && !cell.blank ? formatInterval(fromCell(cell)) : '—';
}

function diffDigits(c: Comparison): number {
  return Math.max(c.actual.shown ?? c.actual.decimals, c.expected.shown ?? c.expected.decimals);
}

function fmtDiff(c: Comparison): string {
  const text = formatNumber(Math.abs(c.difference), diffDigits(c), c.unit !== null);
  return c.unit ? `${text} ${c.unit}` : text;
}

/** a nominal value as the number its printed text states (1215.34, never 1215.3400000000001) */
function asNumber(value: number, digits: number): number {
  return Number(formatNumber(value, digits, false));
}

/** the figures a message prints, as numbers: what --format json gives beside the text */
function figureValues(c: Comparison, expected: Interval): NonNullable<Diagnostic['values']> {
  return {
    expected: asNumber(expected.value, expected.shown ?? expected.decimals),
    actual: asNumber(c.actual.value, c.actual.shown ?? c.actual.decimals),
    difference: asNumber(Math.abs(c.difference), diffDigits(c)),
    unit: c.unit ?? (c.actual.percent || c.expected.percent ? '%' : null),
  };
}

/**
 * a computed value of the rule's values: the figure ({value:名}), or the interval of true values it
 * admits ({range:名}), one figure where both ends print alike at the shown precision
 */
function shownValue(v: unknown, range: boolean): string {
  if (!isInterval(v) || 'raw' in (v as object)) return printedValue(v);
  if (!range) return formatInterval(v);
  const digits = v.shown ?? v.decimals;
  const unit = v.percent ? '%' : v.unit ? ` ${v.unit}` : '';
  const [lo, hi] = [formatNumber(v.lo, digits, v.unit !== null), formatNumber(v.hi, digits, v.unit !== null)];
  return `${lo === hi ? lo : `${lo}～${hi}`}${unit}`;
}

/** a bound value as a message shows it: a cell as printed (with its unit), text as it is */
function printedValue(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'object' && 'raw' in (v as object)) {
    const c = v as Cell;
    return c.blank && !c.raw ? '（空）' : `${c.raw}${c.unit && !c.percent ? ` ${c.unit}` : ''}`;
  }
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** what a message's {subject} names: the claim's subject, or the project and the row within its form */
function subjectLabel(b: Binding): string {
  if (b.claim) return b.claim.subject;
  if (b.data.entry) return String((b.data.entry as { project: string }).project);
  if (b.data.heading) return String((b.data.heading as { title: string }).title);
  if (b.data.mention) return String((b.data.mention as { name: string }).name);
  if (!b.form) return '';
  const within = (['indicator', 'section', 'task'] as const).map((k) => (b.data[k] as { name?: string } | undefined)?.name).filter(Boolean);
  return [b.form.project, ...within].join(' · ');
}

/**
 * A computed rate shown with as many decimals as the printed rate it is compared with: a rate
 * from whole 万元 would otherwise show as 「应为 1%」 against a printed 0.06%.
 */
function asPrinted({ actual, expected }: { actual: Interval; expected: Interval }): Interval {
  if (!actual.percent || !expected.percent) return expected;
  return { ...expected, shown: Math.max(expected.shown ?? expected.decimals, actual.shown ?? actual.decimals) };
}

function diagnostic(rule: Rule, b: Binding, severity: 1 | 2, loc: Location, finding?: Comparison): Diagnostic {
  const vars: Record<string, string> = {
    table: tableLabel(b),
    row: rowLabel(b),
    // a grid's column is named with its group: 预算数.合计 is not 决算数.合计
    column: b.column ? (b.column.group ? `${b.column.group}.${b.column.name}` : b.column.name) : '',
    group: b.group ?? '',
    grade: String((b.data.entry as { grade?: string } | undefined)?.grade ?? ''),
    id: String(b.data.id ?? ''),
    subject: subjectLabel(b),
    linked: linkedLabel(b),
    linkedValue: rule.message.includes('{linkedValue}') ? linkedValue(b) : '',
    // each figure in the unit it was printed or computed in; only the difference is in the unit compared in
    actual: finding ? formatInterval(finding.given.actual) : '',
    expected: finding ? formatInterval(asPrinted(finding.given)) : '',
    difference: finding ? fmtDiff(finding) : '',
    tolerance: finding ? `${formatNumber(finding.tolerance, Math.min(finding.actual.decimals, finding.expected.decimals) + 1)}${finding.unit ? ` ${finding.unit}` : ''}` : '',
    // the expected figure's working, computed only where the message shows it
    working: rule.message.includes('{working}') ? workingOf(rule.assert, b.data) : '',
  };
  let message = rule.message
    .replace(CONDITIONAL_RE, (_, k: string, shown: string) => (vars[k] ? shown : ''))
    .replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? `{${k}}`)
    .replace(/\{var:([^}]*)\}/g, (_, path: string) => printedValue(evaluate({ var: path }, b.data)))
    .replace(/\{(value|range):(\w+)\}/g, (_, how: string, name: string) => shownValue(evaluate(rule.values?.[name], b.data), how === 'range'));
  // within one unit of its last digit: cut off (printed below) or carried up (printed above) instead of rounded
  if (finding?.verdict === 'near' && rule.severity === 'error') message += `（差额小于末位一个单位，可能是${finding.difference > 0 ? '进位' : '截断'}而非四舍五入）`;
  const d: Diagnostic = {
    ruleId: rule.id,
    severity,
    message,
    file: loc.file,
    line: loc.line,
    column: loc.column,
    endLine: loc.endLine,
    endColumn: loc.endColumn,
  };
  if (loc.page !== undefined) d.page = loc.page;
  // what a claim or form finding is about, as 出错说明 (suppressions) name it
  if (vars.subject) d.subject = vars.subject;
  if (b.table) d.table = b.table.id;
  if (b.row) d.row = b.row.key;
  if (b.column) d.tableColumn = b.column.key;
  // a claim's diagnostic names the table cell it was compared with
  if (b.claim?.link) {
    d.table = b.claim.link.table;
    d.row = b.claim.link.row;
    d.tableColumn = b.claim.link.column;
  } else if (b.claim?.sumOf) {
    d.table = b.claim.sumOf.table;
    d.row = b.claim.sumOf.rows.join('+');
    d.tableColumn = b.claim.sumOf.column;
  }
  const deviation = rule.reportAtDeepest ? deviationOf(b.table, b.row, b.column?.key, finding) : null;
  if (deviation) DEVIATIONS.set(d, deviation);
  if (finding) {
    d.expected = vars.expected;
    d.actual = vars.actual;
    d.difference = vars.difference;
    d.values = figureValues(finding, asPrinted(finding));
  }
  return d;
}

export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return ds.sort((a, b) => (a.page ?? 0) - (b.page ?? 0) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}
