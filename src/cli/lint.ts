/** One file through every stage: ingest → layout → model → rules. */
import { InputError, readDocument } from '../ingest/index.js';
import { buildReport, type Report } from '../model/index.js';
import { runRules, type Diagnostic, type Rule } from '../rules/index.js';

export interface LintOutcome {
  report: Report | null;
  diagnostics: Diagnostic[];
  /** a file we could not lint at all: one clear line, no stack trace */
  fatal: string | null;
}

export async function lintFile(file: string, rules: Rule[]): Promise<LintOutcome> {
  let report: Report;
  try {
    report = buildReport(await readDocument(file));
  } catch (err) {
    if (err instanceof InputError) return { report: null, diagnostics: [], fatal: err.message };
    throw err;
  }
  if (report.tables.length === 0) {
    return { report, diagnostics: [], fatal: `${file}: 没有找到任何公开表（公开01表…、部门公开表1…），不像是部门预决算公开文件` };
  }
  return { report, diagnostics: runRules(report, rules), fatal: null };
}
