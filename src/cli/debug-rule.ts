/** --debug-rule ID FILE…: what one rule bound for each selection, the cells it resolved, and the outcome. */
import type { Cell, Location, Report } from '../model/index.js';
import { bindingLabel, runRules, type BindingTrace, type Rule } from '../rules/index.js';
import { selectorWords, whereWords } from '../rules/describe.js';
import { whyNull } from '../rules/why-null.js';
import { compares } from '../rules/coverage.js';

/** a binding that passed and checked something: compared a pair of printed figures, or asserted without comparing */
const checkedPass = (t: BindingTrace) => t.outcome === true && (t.compared > 0 || !compares(t.rule));

function where(loc: Location | undefined): string {
  if (!loc) return '';
  return `${loc.page !== undefined ? `第 ${loc.page} 页` : ''}第 ${loc.line} 行第 ${loc.column} 列`;
}

function isCell(v: unknown): v is Cell {
  return typeof v === 'object' && v !== null && 'raw' in v && 'lo' in v;
}

/** a value as printed, with where it stands */
function valueText(v: unknown): string {
  if (v === null || v === undefined) return '（空）';
  if (isCell(v)) return `${v.blank && !v.raw ? '（空白格，按 0）' : `${v.raw}${v.unit && !v.percent ? ` ${v.unit}` : ''}`}（${where(v.loc)}）`;
  if (Array.isArray(v)) return v.length ? `[${v.map((x) => (isCell(x) ? `${x.raw || '空白'}@${x.loc.line}` : valueText(x))).join('，')}]（${v.length} 项）` : '[]';
  if (typeof v === 'object' && 'lo' in v && 'hi' in v) return `计算值 [${String(v.lo)}, ${String(v.hi)}]`;
  const s = JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
}

/** the figures the selector itself binds (value, parts, score…): not the document and table records */
function selectorValues(t: BindingTrace): Array<[string, unknown]> {
  return Object.entries(t.binding.data).filter(([k, v]) => !(k in t.bound) && k !== 'document' && k !== 'table' && k !== 'row' && k !== 'column' && (isCell(v) || (Array.isArray(v) && v.some(isCell))));
}

function traceText(report: Report, t: BindingTrace, n: number): string[] {
  const label = bindingLabel(t.binding) || t.binding.claim?.text.slice(0, 40) || '（文件）';
  const at = t.binding.row?.loc ?? t.binding.loc ?? t.binding.table?.loc;
  const lines = [`[${n}] ${label}${at ? `（${where(at)}）` : ''}`];
  for (const [k, v] of selectorValues(t)) lines.push(`    ${k} = ${valueText(v)}`);
  for (const [k, v] of Object.entries(t.bound)) {
    const none = v === null || (Array.isArray(v) && v.every((x) => x === null));
    lines.push(`    ${k} = ${valueText(v)}${none ? `：${whyNull(report, t.rule.bind[k], t.binding)}` : ''}`);
  }
  if (t.error !== undefined) lines.push(`    结果：运行出错：${t.error instanceof Error ? t.error.message : String(t.error)}`);
  else if (!t.passedWhere) lines.push('    结果：where 条件不成立，不查');
  else if (t.outcome) lines.push(checkedPass(t) ? `    结果：通过${t.compared ? `（比较了 ${t.compared} 对数）` : ''}` : '    结果：没有可比的数（比较的一方没有印出），什么也没查');
  else lines.push(`    结果：不成立 → ${t.diagnostic ? `${where(t.diagnostic)}：${t.diagnostic.message}` : '（没有消息）'}`);
  return lines;
}

/** one rule on one document, every binding said */
export function debugRuleText(report: Report, rule: Rule): string {
  const traces: BindingTrace[] = [];
  // an 'off' rule is run all the same: it is what is asked about
  runRules(report, [{ ...rule, severity: rule.severity === 'off' ? 'error' : rule.severity }], (t) => traces.push(t));
  const lines = [`规则 ${rule.id}（${rule.severity}，${rule.source.file}:${rule.source.line}:${rule.source.column}）在 ${report.file} 上`, `检查对象：${selectorWords(rule)}`];
  const w = whereWords(rule);
  if (w) lines.push(`where：${w}`);
  if (rule.select.tables) {
    const present = report.tables.filter((t) => rule.select.tables!.includes(t.id));
    lines.push(`文件中的这些表：${present.length ? present.map((t) => `${t.id}${t.unread ? '（未能读取）' : ''}（${where(t.loc)}）`).join('、') : '没有'}`);
  }
  lines.push('');
  traces.forEach((t, i) => lines.push(...traceText(report, t, i + 1)));
  const count = (f: (t: BindingTrace) => boolean) => traces.filter(f).length;
  lines.push(
    '',
    `共 ${traces.length} 个检查对象：不成立 ${count((t) => t.outcome === false)}，通过 ${count(checkedPass)}，没有可比的数 ${count((t) => t.outcome === true && !checkedPass(t))}，where 排除 ${count((t) => !t.passedWhere && t.error === undefined)}，出错 ${count((t) => t.error !== undefined)}`,
  );
  return lines.join('\n') + '\n';
}
