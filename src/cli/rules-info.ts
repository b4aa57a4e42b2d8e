/** --list-rules and --explain: the rules that would run, and what one of them checks. */
import { didYouMean } from '../common/suggest.js';
import { InputError } from '../ingest/index.js';
import { identityWords, queryWords, selectorWords, whereWords } from '../rules/describe.js';
import path from 'node:path';
import { compares } from '../rules/coverage.js';
import { REPORT_AT_DEEPEST } from '../rules/docs.js';
import { messageTemplate, ruleMeta, tablesOf } from '../rules/meta.js';
import type { Rule } from '../rules/index.js';

type Out = { write(s: string): unknown };

/** every rule: id, severity, selector, tables, description (as JSON with `-f json`) */
export function listRules(rules: Rule[], format: string, out: Out): number {
  if (format === 'json') {
    out.write(JSON.stringify(rules.map(ruleMeta), null, 2) + '\n');
    return 0;
  }
  const lines: string[] = [];
  for (const r of rules) {
    const tables = tablesOf(r);
    lines.push(`${r.id}  ${r.severity}  each: ${r.select.each}${tables.length ? `  ${tables.join('、')}` : ''}`, `    ${r.description}`);
  }
  const by = (s: string) => rules.filter((r) => r.severity === s).length;
  lines.push('', `${rules.length} 条规则（error ${by('error')}，warn ${by('warn')}，off ${by('off')}）；--explain 规则id 看其中一条`);
  out.write(lines.join('\n') + '\n');
  return 0;
}

export function findRule(rules: Rule[], id: string): Rule {
  const rule = rules.find((r) => r.id === id);
  if (rule) return rule;
  const near = didYouMean(id, rules.map((r) => r.id));
  throw new InputError(`没有 id 为「${id}」的规则${near || '（--list-rules 列出全部规则）'}`);
}

/** one rule explained: what it checks and why, the identity, an example, how to switch or replace it */
/** a file as a user would type it: relative to the working folder when it is inside it */
function shownPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

export function explainText(rule: Rule, example: string | null): string {
  const src = `${shownPath(rule.source.file)}:${rule.source.line}:${rule.source.column}`;
  const lines = [`${rule.id}（${rule.severity}，定义于 ${src}）`, '', rule.description];
  if (rule.why) lines.push('', `为什么：${rule.why}`);
  lines.push('', `检查对象：${selectorWords(rule)}`);
  const where = whereWords(rule);
  if (where) lines.push(`只查：${where}`);
  const binds = Object.entries(rule.bind);
  if (binds.length) {
    lines.push('取值：');
    for (const [name, q] of binds) lines.push(`  ${name} = ${queryWords(q)}`);
  }
  lines.push(`应成立：${identityWords(rule)}`);
  if (rule.reportAtDeepest) lines.push(`同一原因只报一次：${REPORT_AT_DEEPEST}`);
  if (compares(rule)) lines.push('（金额按四舍五入区间比较：印出的位数能解释的差额不报；差额小于末位一个单位的降为警告。比较的一方没有印出时不查。）');
  lines.push('', `消息示例：${example ?? messageTemplate(rule)}`);
  if (rule.docs) lines.push(`文档：${rule.docs}`);
  lines.push(
    '',
    '关闭或改级别：',
    `  budget-lint --rule ${rule.id}:off …（或 :warn、:error）`,
    '替换：关闭它，再用 --rules 加入自己的规则（另起 id），例如从它的定义抄起：',
    `  budget-lint --rule ${rule.id}:off --rules my-rules.yaml …`,
  );
  return lines.join('\n') + '\n';
}
