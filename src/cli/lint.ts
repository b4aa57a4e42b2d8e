/** One file through every stage: ingest → layout → model → rules. */
import { InputError, readDocument, type PdfPageProblem } from '../ingest/index.js';
import { buildReport, type Catalog, type Report } from '../model/index.js';
import { runRules, sortDiagnostics, type Diagnostic, type Rule } from '../rules/index.js';

export interface LintOutcome {
  report: Report | null;
  diagnostics: Diagnostic[];
  /** a file we could not lint at all: one clear line, no stack trace */
  fatal: string | null;
}

/** a table found but not read, or read only in part, is said: its checks did not (all) run */
function readingDiagnostics(report: Report): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const t of report.tables) {
    const { unplaced, dropped } = t.reading;
    if (t.layout === 'unread' || (!t.unread && unplaced === 0 && dropped === 0)) continue;
    const where = t.loc.page !== undefined ? `（第 ${t.loc.page} 页）` : '';
    const message = t.unread
      ? `「${t.title}」${where}未能读取：${t.unread}；这张表的核对都已跳过`
      : `「${t.title}」${where}${[unplaced && `有 ${unplaced} 个数字未能归入所在的列`, dropped && `有 ${dropped} 处行或数字未能读取`].filter(Boolean).join('，')}（见 --print-model 的 notes），涉及它们的核对没有做`;
    out.push({ ruleId: '读取/表格未能读取', severity: 1, message, file: report.file, ...pick(t.loc), table: t.id });
  }
  return out;
}

function pick(loc: Report['tables'][number]['loc']) {
  const out: Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn' | 'page'> = { line: loc.line, column: loc.column, endLine: loc.endLine, endColumn: loc.endColumn };
  if (loc.page !== undefined) out.page = loc.page;
  return out;
}

export async function lintFile(file: string, rules: Rule[], catalog?: Catalog): Promise<LintOutcome> {
  let report: Report;
  let pageProblems: PdfPageProblem[] = [];
  try {
    const source = await readDocument(file);
    if ('problems' in source) pageProblems = source.problems;
    report = buildReport(source, catalog);
  } catch (err) {
    if (err instanceof InputError) return { report: null, diagnostics: [], fatal: err.message };
    throw err;
  }
  const partial: Diagnostic[] = [];
  if (report.tables.length === 0) {
    // the narrative half of a disclosure published in two files is still checked, and says so
    if (report.kind === 'unknown' || report.claims.length === 0) {
      return { report, diagnostics: [], fatal: `${file}: 没有找到任何公开表（收支总表、公开01表…），也没有预决算情况说明，不像是部门预决算公开文件` };
    }
    partial.push({
      ruleId: '读取/未含公开表',
      severity: 1,
      message: `本文件没有公开表，只核对了文字说明中的 ${report.claims.length} 处数字之间的关系；与表格的核对需要含表格的文件（如另行公开的“公开表”）`,
      file,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
    });
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
  return { report, diagnostics: sortDiagnostics([...partial, ...unread, ...readingDiagnostics(report), ...runRules(report, rules)]), fatal: null };
}
