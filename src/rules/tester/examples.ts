/**
 * A rule's example message, for --explain and docs/rules.md: what the rule really says on the
 * first case of its tests that makes it fire (X.test.yaml beside the rule's file X.yaml). Where
 * the tests or their documents are not at hand (an installed package), there is none.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Catalog } from '../../model/index.js';
import type { Rule } from '../types.js';
import { parseRuleTests } from './cases.js';
import { runCase } from './run.js';

export function testFileOf(rule: Rule): string {
  return rule.source.file.replace(/\.ya?ml$/i, '.test.yaml');
}

export async function firstExample(rule: Rule, catalog: Catalog): Promise<string | null> {
  const file = testFileOf(rule);
  if (!existsSync(file)) return null;
  try {
    const t = parseRuleTests(file, readFileSync(file, 'utf8'));
    const c = t.cases.find((x) => !x.valid && x.rules.includes(rule.id) && x.errors.some((e) => (e.rule ?? x.rules[0]) === rule.id));
    if (!c) return null;
    const result = await runCase(file, c, [rule], catalog);
    return result.diagnostics.find((d) => d.ruleId === rule.id)?.message ?? null;
  } catch {
    // a test file that cannot be read, or a document that is not there: no example, not a failure
    return null;
  }
}
