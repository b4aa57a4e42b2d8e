/** One file through every stage: ingest → layout → model → rules. */
import { InputError, readDocument, type PdfPageProblem, type SourceText } from '../ingest/index.js';
import { buildReport, type Report } from '../model/index.js';
import { runRules, sortDiagnostics, type Diagnostic, type Rule } from '../rules/index.js';

export interface LintOutcome {
  report: Report | null;
  diagnostics: Diagnostic[];
  /** a file we could not lint at all: why, in one line (with the stack under --debug) */
  fatal: string | null;
}

export interface LintOptions {
  /** keep the stack trace of an internal error */
  debug?: boolean;
}

/** Never throws: whatever goes wrong with this file is this file's fatal message. */
export async function lintFile(file: string, rules: Rule[], options: LintOptions = {}): Promise<LintOutcome> {
  try {
    return await lintOrThrow(file, rules);
  } catch (err) {
    return { report: null, diagnostics: [], fatal: describeFailure(err, options.debug) };
  }
}

export function describeFailure(err: unknown, debug = false): string {
  if (err instanceof InputError) return err.message;
  const e = err instanceof Error ? err : new Error(String(err));
  return `内部错误：${e.message}${debug && e.stack ? `\n${e.stack}` : ''}`;
}

function at(file: string, line: number, column: number): Pick<Diagnostic, 'file' | 'line' | 'column' | 'endLine' | 'endColumn'> {
  return { file, line, column, endLine: line, endColumn: column + 1 };
}

async function lintOrThrow(file: string, rules: Rule[]): Promise<LintOutcome> {
  const source = await readDocument(file);
  const report = buildReport(source);
  if (report.tables.length === 0) throw new InputError(`${file}: 没有找到任何公开表（公开01表…、部门公开表1…），不像是部门预决算公开文件`);
  const pageProblems: PdfPageProblem[] = 'problems' in source ? source.problems : [];
  // a page that draws text we cannot read is never a silent pass
  const unread: Diagnostic[] = pageProblems.map((p) => ({ ruleId: 'pdf/unreadable-page', severity: 2, message: p.message, ...at(file, 1, 1), page: p.page }));
  return { report, diagnostics: sortDiagnostics([...unread, ...decodeWarnings(source), ...runRules(report, rules)]), fatal: null };
}

/** text that was not clean UTF-8 is read anyway, and says where it was not */
function decodeWarnings(source: SourceText): Diagnostic[] {
  const bad = source.invalid;
  if (!bad) return [];
  const message = `文件不是有效的 UTF-8：第 ${bad.offset} 字节（从 0 数）起有无效字节序列，共 ${bad.count} 处，已按 UTF-8 读取，无效处以 � 代替`;
  return [{ ruleId: 'text/invalid-utf8', severity: 1, message, ...at(source.file, bad.line, bad.column) }];
}
