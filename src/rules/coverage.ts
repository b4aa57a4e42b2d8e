/**
 * Which rules checked something on a document, and for those that did not although what they
 * run on is there, why: the selector found nothing to run on, the `where` let nothing through,
 * or a bind name found no cell (the row key not in 公开03…), or no comparison had both figures.
 * A rule that passes because it compared nothing is then said, not mistaken for a pass.
 */
import type { Report } from '../model/types.js';
import { TABLE_SELECTORS } from './binding-schema.js';
import { whereWords } from './describe.js';
import type { BindingTrace, RuleObserver } from './engine.js';
import type { Binding } from './selectors.js';
import { rowsMayBeLost } from './table-selectors.js';
import type { Rule } from './types.js';
import { whyNull } from './why-null.js';

export type CoverageStatus = 'checked' | 'absent' | 'nothing';

export interface RuleCoverage {
  rule: Rule;
  /** checked: at least one binding was checked; absent: what it runs on is not in the document; nothing: it is, and nothing was checked */
  status: CoverageStatus;
  /** bindings the selector gave, and those checked (passed `where`, compared at least one pair of printed figures) */
  bindings: number;
  checked: number;
  /** why it checked nothing */
  reason?: string;
}

interface Tally {
  bindings: number;
  passed: number;
  checked: number;
  errors: number;
  /** per bind name: bindings past `where` where it found nothing, and the first of them */
  missing: Map<string, { count: number; first: Binding }>;
}

const COMPARISONS = /"(approx_eq|approx_le|approx_ge|all_approx_eq)"/;

/** does the rule's assert compare figures (then a binding with nothing to compare checks nothing)? */
export function compares(rule: Rule): boolean {
  return COMPARISONS.test(JSON.stringify(rule.assert));
}

export class CoverageCollector {
  private tallies = new Map<Rule, Tally>();

  constructor(private readonly rules: Rule[]) {}

  readonly observe: RuleObserver = (t: BindingTrace) => {
    let tally = this.tallies.get(t.rule);
    if (!tally) this.tallies.set(t.rule, (tally = { bindings: 0, passed: 0, checked: 0, errors: 0, missing: new Map() }));
    tally.bindings++;
    if (t.error !== undefined) tally.errors++;
    if (!t.passedWhere) return;
    tally.passed++;
    if (t.diagnostic || t.compared > 0 || !compares(t.rule)) tally.checked++;
    for (const [name, v] of Object.entries(t.bound)) {
      if (v !== null && !(Array.isArray(v) && v.every((x) => x === null))) continue;
      const m = tally.missing.get(name);
      if (m) m.count++;
      else tally.missing.set(name, { count: 1, first: t.binding });
    }
  };

  result(report: Report): RuleCoverage[] {
    return this.rules
      .filter((r) => r.severity !== 'off')
      .map((rule) => {
        const t = this.tallies.get(rule) ?? { bindings: 0, passed: 0, checked: 0, errors: 0, missing: new Map() };
        const base = { rule, bindings: t.bindings, checked: t.checked };
        if (t.checked > 0) return { ...base, status: 'checked' as const };
        const absent = absence(report, rule);
        if (absent) return { ...base, status: 'absent' as const, reason: absent };
        return { ...base, status: 'nothing' as const, reason: nothingWhy(report, rule, t) };
      });
  }
}

/** what a rule runs on, when the document does not have it */
function absence(report: Report, rule: Rule): string | null {
  const each = rule.select.each;
  if (TABLE_SELECTORS.has(each)) {
    const ids = rule.select.tables;
    const present = report.tables.filter((t) => !ids || ids.includes(t.id));
    return present.length ? null : ids ? `文件中没有 ${ids.join('、')}` : '文件中没有表';
  }
  if (each === 'claim') return report.claims.length ? null : '文件中没有陈述数字的文字说明';
  if (each === 'grade') return report.grades.entries.length ? null : '文件中没有自评结果汇总';
  if (each === 'contents') return report.contents.length ? null : '文件中没有能读出的目录（没有目录，或正文没有重复目录的第一项，目录的结尾无从确定）';
  if (each === 'name') return report.names.length ? null : '文件中没有印出单位名称的标题或编制单位';
  if (each === 'table-id') return rule.select.ids || report.family ? null : '文件不属于已知的一套公开表（family）';
  if (each === 'form' || each === 'indicator' || each === 'form-section' || each === 'form-task') return report.forms.length ? null : '文件中没有自评表或绩效目标表';
  return null;
}

function nothingWhy(report: Report, rule: Rule, t: Tally): string {
  const each = rule.select.each;
  if (t.bindings === 0) {
    const unread = report.tables.filter((x) => x.unread !== null && (!rule.select.tables || rule.select.tables.includes(x.id)));
    if (unread.length && TABLE_SELECTORS.has(each)) return `${unread.map((x) => x.id).join('、')} 未能读取：${unread[0].unread}`;
    if (each === 'code-parent') {
      const lost = report.tables.find((x) => x.unread === null && rowsMayBeLost(x) && (!rule.select.tables || rule.select.tables.includes(x.id)));
      if (lost) return `${lost.id} ${lost.cutShort ?? `有 ${lost.reading.dropped} 处行或数字未能读取`}，上级科目的下级可能不全，不核对`;
      return '表中没有带下级科目（或组内各项）的行';
    }
    if (each === 'row-parts') return '表中没有合计栏有数、又有分栏的行';
    if (each === 'change') return '表中没有印出比上年增减的栏（增减额、增减率）';
    if (each === 'form-section') return '自评表没有写明分值的一级指标';
    if (each === 'form-task') return '没有整体支出自评表的任务';
    return `each: ${each} 在这份文件中没有检查对象`;
  }
  if (t.errors === t.bindings) return `每个检查对象都运行出错（见 rule-error）`;
  if (t.passed === 0) return `where 条件排除了全部 ${t.bindings} 个检查对象（where：${whereWords(rule)}）`;
  const everywhere = [...t.missing].filter(([, m]) => m.count === t.passed);
  if (everywhere.length) return everywhere.map(([name, m]) => `${name} 没有取到：${whyNull(report, rule.bind[name], m.first)}`).join('；');
  return `${t.passed} 个检查对象要比较的数都不全（比较的一方没有印出）`;
}
