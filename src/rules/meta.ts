/**
 * A rule's metadata as the outside sees it: --list-rules, --explain, docs/rules.md, and the
 * output formats that describe the rules they ran (JSON's rulesMeta, SARIF's rules).
 */
import type { Rule } from './types.js';

export interface RuleMeta {
  id: string;
  severity: Rule['severity'];
  description: string;
  /** why the identity matters (the rule's `why:`) */
  why: string | null;
  /** where it is documented: docs/rules.md#anchor, or the rule's own `docs:` URL */
  docs: string | null;
  /** what the rule runs on (select.each) */
  selector: Rule['select']['each'];
  /** the table kinds it reads: select.tables, select.ids and its bind queries' tables */
  tables: string[];
  /** where it is defined: file:line:col */
  source: string;
}

/** every table kind a rule reads, in the order it names them */
export function tablesOf(rule: Rule): string[] {
  const out = [...(rule.select.tables ?? []), ...(rule.select.ids ?? [])];
  for (const q of Object.values(rule.bind)) if (q.table) out.push(q.table);
  return [...new Set(out)];
}

export function ruleMeta(rule: Rule): RuleMeta {
  return {
    id: rule.id,
    severity: rule.severity,
    description: rule.description,
    why: rule.why ?? null,
    docs: rule.docs ?? null,
    selector: rule.select.each,
    tables: tablesOf(rule),
    source: `${rule.source.file}:${rule.source.line}:${rule.source.column}`,
  };
}

/** stand-ins for a message's placeholders, where no real example is at hand */
const STAND_INS: Record<string, string> = {
  table: '〈表〉',
  row: '〈行〉',
  column: '〈列〉',
  group: '〈栏组〉',
  id: '〈表种类〉',
  subject: '〈所说的项目〉',
  linked: '〈所指的表格单元格〉',
  grade: '〈等级〉',
  actual: '〈实际数〉',
  expected: '〈应为〉',
  difference: '〈差额〉',
  tolerance: '〈容差〉',
};

/** a rule's message with its placeholders shown as what they stand for */
export function messageTemplate(rule: Rule): string {
  return rule.message.replace(/\{(\w+)\}/g, (m, k: string) => STAND_INS[k] ?? m).replace(/\{var:([^}]*)\}/g, '〈$1〉');
}
