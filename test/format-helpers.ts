/** Lint fixtures into the results and context formatters are given, as the CLI makes them. */
import { lintFile } from '../src/cli/lint.js';
import { buildRulesMeta } from '../src/cli/rules-meta.js';
import { DOCS_URL, TOOL_NAME, TOOL_VERSION } from '../src/common/package-info.js';
import { fatalResult, fileResult, type FileResult, type FormatContext } from '../src/format/index.js';
import type { Report } from '../src/model/index.js';
import { builtinRules, ROOT } from './helpers.js';

export const SAMPLE_PDF = 'fixtures/sample/budget-2025.pdf';
export const SAMPLE_TXT = 'fixtures/sample/budget-2025-tables.txt';
/** one error, one warning (a narrative without tables) */
export const NARRATIVE_TXT = 'fixtures/text/titled-budget-narrative.txt';
export const NOT_PDF = 'fixtures/bad/not-a-pdf.pdf';

export async function lintResults(files: string[]): Promise<{ results: FileResult[]; reports: Map<string, Report> }> {
  const rules = await builtinRules();
  const results: FileResult[] = [];
  const reports = new Map<string, Report>();
  for (const f of files) {
    const outcome = await lintFile(f, rules);
    results.push(outcome.fatal !== null ? fatalResult(f, outcome.fatal) : fileResult(f, outcome.diagnostics));
    if (outcome.report) reports.set(f, outcome.report);
  }
  return { results, reports };
}

export async function contextFor(extra: Partial<FormatContext> = {}): Promise<FormatContext> {
  return {
    cwd: ROOT,
    rulesMeta: buildRulesMeta(await builtinRules(), ROOT),
    tool: { name: TOOL_NAME, version: TOOL_VERSION, informationUri: DOCS_URL },
    color: null,
    ...extra,
  };
}

/** the first finding of a result moved to its suppressedMessages, as the suppressions file does */
export function suppressFirst(r: FileResult, justification: string): FileResult {
  const [first, ...rest] = r.messages;
  if (!first || 'fatal' in first) throw new Error('nothing to suppress');
  return { ...fileResult(r.filePath, rest), suppressedMessages: [{ ...first, suppressions: [{ kind: 'file', justification }] }], suppressedCount: 1 };
}
