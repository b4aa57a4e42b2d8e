/**
 * The typed schema the loader checks `var` paths against says what the selectors really bind:
 * every binding of every selector over our fixtures conforms to it (no field it does not list,
 * no value of another kind), and every field it lists is bound somewhere.
 */
import { describe, expect, it } from 'vitest';
import { BINDING_SCHEMA, EACH_KINDS } from '../src/rules/binding-schema.js';
import { bindings } from '../src/rules/selectors.js';
import type { Rule } from '../src/rules/types.js';
import type { VType } from '../src/rules/value-types.js';
import { fixtureText, reportOf } from './helpers.js';

// 贵州's 其中 list of execution statements binds a claim's items
const FIXTURES = ['text/final-wanyuan.txt', 'text/final-yuan-tabbed.txt', 'text/budget.txt', 'text/outline-income.txt', 'pdf/final-full.txt', 'pdf/forms.txt', 'pdf/target.txt', 'pdf/corpus-guizhou-office-2023-final.txt', 'pdf/sangong-change.txt'];

/** where a value does not conform to a type (null where it does); fields seen are noted */
function mismatch(v: unknown, t: VType, at: string, seen: Set<string>): string | null {
  seen.add(at);
  if (v === null || v === undefined || t.t === 'any') return null;
  switch (t.t) {
    case 'figure':
      return typeof v === 'object' && typeof (v as { lo?: unknown }).lo === 'number' && typeof (v as { hi?: unknown }).hi === 'number' ? null : `${at}: not a figure`;
    case 'number':
    case 'string':
    case 'boolean':
      return typeof v === t.t ? null : `${at}: ${typeof v}, not ${t.t}`;
    case 'list':
      if (!Array.isArray(v)) return `${at}: not a list`;
      for (const x of v) {
        const m = mismatch(x, t.of, `${at}[]`, seen);
        if (m) return m;
      }
      return null;
    case 'object':
    case 'map': {
      if (typeof v !== 'object' || Array.isArray(v)) return `${at}: not an object`;
      for (const [k, x] of Object.entries(v as object)) {
        const field = t.t === 'object' ? t.fields[k] : t.keys === null || t.keys.includes(k) ? t.of : undefined;
        if (!field) return `${at}.${k}: not in the schema`;
        const m = mismatch(x, field, t.t === 'object' ? `${at}.${k}` : `${at}.*`, seen);
        if (m) return m;
      }
      return null;
    }
    case 'union':
      return t.of.some((m) => mismatch(v, m, at, new Set()) === null) ? null : `${at}: fits no member`;
    default:
      return `${at}: ${t.t}`;
  }
}

/** the paths a schema names (maps as `.*`, lists as `[]`) */
function paths(t: VType, at: string, out: Set<string>): Set<string> {
  out.add(at);
  if (t.t === 'object') for (const [k, f] of Object.entries(t.fields)) paths(f, `${at}.${k}`, out);
  if (t.t === 'map') paths(t.of, `${at}.*`, out);
  if (t.t === 'list') paths(t.of, `${at}[]`, out);
  return out;
}

describe('the binding schema', () => {
  // final-full with a 目录 before its body binds each: contents
  const withContents = fixtureText('pdf/final-full.txt').replace('2023年度部门决算\n', '2023年度部门决算\n目录\n第二部分 2023年度部门决算表\n第三部分 情况说明\n第四部分 名词解释\n');
  // a scoring rule stated under a form binds document.scoringRule
  const withScoringRule = fixtureText('text/final-yuan-tabbed.txt').replace('总分				100		100		', '总分				100		100		\n注：数量指标未完成的，按完成比例计分。');
  const reports = [...FIXTURES.map((f) => reportOf(fixtureText(f), f)), reportOf(withContents, 'pdf/final-full.txt'), reportOf(withScoringRule, 'text/final-yuan-tabbed.txt')];
  // 绩效目标填报表s bind a form's goals and the document's targetSheetFunds (its tables add nothing the others lack)
  const sheets = reportOf(fixtureText('text/target-sheets.txt'), 'text/target-sheets.txt');

  for (const each of EACH_KINDS) {
    it(`each: ${each}`, () => {
      const rule = { select: { each, groups: ['预算数', '决算数', '上年预算数', '本年预算数'] } } as unknown as Rule;
      const schema = BINDING_SCHEMA[each];
      const seen = new Set<string>();
      let count = 0;
      for (const report of ['document', 'form', 'indicator', 'form-section'].includes(each) ? [...reports, sheets] : reports) {
        for (const b of bindings(report, rule)) {
          count++;
          expect(Object.keys(b.data).sort()).toEqual(Object.keys(schema).sort());
          for (const [name, type] of Object.entries(schema)) expect(mismatch(b.data[name], type, name, seen)).toBeNull();
        }
      }
      expect(count).toBeGreaterThan(0);
      // every field the schema lists is bound on some fixture (a field read on no document is no field)
      const listed = new Set<string>();
      for (const [name, type] of Object.entries(schema)) paths(type, name, listed);
      // (the document's fields are bound by every selector: they are held to this under each: document)
      const unseen = [...listed].filter((p) => !seen.has(p) && !p.endsWith('.loc') && (each === 'document' || !p.startsWith('document.')));
      expect(unseen).toEqual([]);
    });
  }
});
