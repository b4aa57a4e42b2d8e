/**
 * The commands about rules rather than documents: --list-rules, --explain, --test-rules and
 * --debug-rule. Each returns an exit code; null when none was asked for (the lint goes on).
 */
import { InputError, readDocument, type PdfEngine } from '../ingest/index.js';
import { buildReport, type Catalog } from '../model/index.js';
import type { Rule } from '../rules/index.js';
import { debugRuleText } from './debug-rule.js';
import type { Io } from './program.js';
import type { RuleSet } from './rule-set.js';
import { describeFailure } from './lint.js';
import { explainText, findRule, listRules } from './rules-info.js';
import { testRulesCommand } from './test-rules.js';

export interface RuleCommandOptions {
  format: string;
  listRules?: boolean;
  explain?: string;
  testRules?: string;
  debugRule?: string;
  pdfEngine: PdfEngine;
  maxPages: number;
  debug?: boolean;
  /** --tables: the test files' documents are read with these kinds too */
  tables: string[];
}

export async function ruleCommand(opts: RuleCommandOptions, args: string[], io: Io, catalog: Catalog, ruleSet: RuleSet, expand: (inputs: string[]) => Promise<string[]>): Promise<number> {
  if (opts.testRules !== undefined) return testRulesCommand(opts.testRules, io, opts.format, opts.tables);
  const rules = (): Rule[] => ruleSet.listed();
  if (opts.listRules) return listRules(rules(), opts.format, io.out);
  if (opts.explain !== undefined) {
    const rule = findRule(rules(), opts.explain);
    io.out.write(explainText(rule, await exampleOf(rule, catalog)));
    return 0;
  }
  if (opts.debugRule !== undefined) {
    const rule = findRule(rules(), opts.debugRule);
    if (!args.length) throw new InputError(`--debug-rule 需要要检查的文件，例如 budget-lint --debug-rule ${rule.id} 决算公开.txt`);
    let failed = false;
    for (const file of await expand(args)) {
      try {
        const report = buildReport(await readDocument(file, { pdfEngine: opts.pdfEngine, maxPages: opts.maxPages }), catalog);
        io.out.write(debugRuleText(report, rule) + '\n');
      } catch (err) {
        failed = true;
        io.err.write(`budget-lint: ${describeFailure(err, opts.debug)}\n`);
      }
    }
    return failed ? 1 : 0;
  }
  throw new Error('no rule command asked for');
}

/** a real message of the rule, from the first case of its tests that fires (when its tests are at hand) */
async function exampleOf(rule: Rule, catalog: Catalog): Promise<string | null> {
  const { firstExample } = await import('../rules/tester/examples.js');
  return firstExample(rule, catalog);
}
