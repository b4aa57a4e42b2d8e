/** One file through every stage: ingest → layout → model → rules. */
import { InputError, readDocument, type PdfPageProblem, type ReadOptions } from '../ingest/index.js';
import { buildReport, type Report } from '../model/index.js';
import { runRules, sortDiagnostics, type Diagnostic, type Rule } from '../rules/index.js';

export interface LintOutcome {
  report: Report | null;
  diagnostics: Diagnostic[];
  /** a file we could not lint at all: one clear line, no stack trace */
  fatal: string | null;
}

export async function lintFile(file: string, rules: Rule[], options: ReadOptions = {}): Promise<LintOutcome> {
  let report: Report;
  let pageProblems: PdfPageProblem[] = [];
  try {
    const source = await readDocument(file, options);
    if ('problems' in source) pageProblems = source.problems;
    report = buildReport(source);
  } catch (err) {
    if (err instanceof InputError) return { report: null, diagnostics: [], fatal: err.message };
    throw err;
  }
  if (report.tables.length === 0) {
    return { report, diagnostics: [], fatal: `${file}: 没有找到任何公开表（公开01表…、部门公开表1…），不像是部门预决算公开文件` };
  }
  // a page that draws text we cannot read is never a silent pass
  const unread: Diagnostic[] = pageProblems.map((p) => ({
    ruleId: 'pdf/unreadable-page',
    severity: 2,
    message: p.message,
    file,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    page: p.page,
  }));
  return { report, diagnostics: sortDiagnostics([...unread, ...runRules(report, rules)]), fatal: null };
}
