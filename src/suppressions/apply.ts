/**
 * Suppressions applied to a run's results, as ESLint's: a finding an entry accepts leaves
 * `messages` for `suppressedMessages` (with the entry's justification) and is not counted. An
 * entry is only ever judged on a run that linted a file it names (or any file, when it names
 * none): one without justification, or expired, suppresses nothing and is said; one that
 * matched nothing is said too (like an unused disable directive). These notes are the
 * suppressions file's own result, at each entry's line.
 */
import path from 'node:path';
import { matches } from '../config/globs.js';
import { fileResult, type FileResult, type LintMessage } from '../format/index.js';
import type { Diagnostic, Severity } from '../rules/types.js';
import type { Suppression, SuppressionsFile } from './file.js';

export type SuppressedMessage = NonNullable<FileResult['suppressedMessages']>[number];

export const MISSING_JUSTIFICATION = '出错说明/缺少说明';
export const EXPIRED = '出错说明/已过期';
export const UNUSED = '出错说明/未使用';

export interface SuppressionOutcome {
  results: FileResult[];
  /** entries that a finding of this run matched (whether they suppressed it or not) */
  matched: Set<number>;
  /** entries this run could judge: their file (or any, when they name none) was linted */
  judged: Set<number>;
  /** the suppressions file's own result, when it has something to say */
  report: FileResult | null;
}

/** today, YYYY-MM-DD, local time */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** does the entry name this finding: its rule, file and every place it gives */
export function entryMatches(e: Suppression, d: Diagnostic, filePath: string, base: string): boolean {
  if (e.rule !== d.ruleId) return false;
  if (e.file !== undefined && !matches({ patterns: [e.file], base }, filePath)) return false;
  if (e.table !== undefined && e.table !== d.table) return false;
  if (e.row !== undefined && e.row !== d.row) return false;
  if (e.column_ !== undefined && e.column_ !== d.tableColumn) return false;
  if (e.page !== undefined && e.page !== d.page) return false;
  if (e.subject !== undefined && e.subject !== d.subject && !d.message.includes(`「${e.subject}」`)) return false;
  return true;
}

function withSuppressed(r: FileResult, messages: LintMessage[], suppressed: SuppressedMessage[]): FileResult {
  return { ...fileResult(r.filePath, messages), suppressedMessages: suppressed, suppressedCount: suppressed.length };
}

/** each result's findings split into those kept and those an active entry accepts */
function split(results: FileResult[], sf: SuppressionsFile, active: (e: Suppression) => boolean, matched: Set<number>, cwd: string): FileResult[] {
  return results.map((r) => {
    const file = path.resolve(cwd, r.filePath);
    const kept: LintMessage[] = [];
    const suppressed: SuppressedMessage[] = [];
    for (const m of r.messages) {
      if ('fatal' in m) {
        kept.push(m);
        continue;
      }
      const hits = sf.entries.filter((e) => entryMatches(e, m, file, sf.base));
      for (const e of hits) matched.add(e.index);
      const by = hits.find(active);
      if (by) suppressed.push({ ...m, suppressions: [{ kind: 'file', justification: by.justification }] });
      else kept.push(m);
    }
    return withSuppressed(r, kept, suppressed);
  });
}

function note(sf: SuppressionsFile, e: Suppression, ruleId: string, severity: 1 | 2, message: string): Diagnostic {
  return { ruleId, severity, message, file: sf.file, line: e.line, column: e.column, endLine: e.line, endColumn: e.column + 1 };
}

/** what is said of each entry the run could judge */
function notes(sf: SuppressionsFile, judged: Set<number>, matched: Set<number>, day: string, unused: Severity): Diagnostic[] {
  const out: Diagnostic[] = [];
  const prune = '（可用 --prune-suppressions 删去）';
  for (const e of sf.entries) {
    if (!judged.has(e.index)) continue;
    const idle = matched.has(e.index) ? '' : `；本次也没有与之相符的问题${prune}`;
    if (!e.justification) {
      out.push(note(sf, e, MISSING_JUSTIFICATION, 1, `「${e.rule}」的出错说明没有填写 justification（为何可以接受），不起作用${idle}`));
    } else if (e.expires !== undefined && e.expires < day) {
      out.push(note(sf, e, EXPIRED, 1, `「${e.rule}」的出错说明已于 ${e.expires} 到期，不再起作用${idle}`));
    } else if (!matched.has(e.index) && unused !== 'off') {
      out.push(note(sf, e, UNUSED, unused === 'error' ? 2 : 1, `「${e.rule}」的出错说明本次没有与之相符的问题${prune}`));
    }
  }
  return out;
}

export interface ApplyOptions {
  /** YYYY-MM-DD: entries whose expires is before it no longer suppress */
  today: string;
  /** how an entry that matched nothing is reported */
  unusedSeverity: Severity;
  /** what relative file paths in the results are relative to */
  cwd: string;
}

export function applySuppressions(results: FileResult[], sf: SuppressionsFile | null, options: ApplyOptions): SuppressionOutcome {
  const matched = new Set<number>();
  const judged = new Set<number>();
  if (!sf) return { results: results.map((r) => withSuppressed(r, r.messages, [])), matched, judged, report: null };
  const active = (e: Suppression) => e.justification !== '' && (e.expires === undefined || e.expires >= options.today);
  const out = split(results, sf, active, matched, options.cwd);
  for (const e of sf.entries) {
    if (results.some((r) => e.file === undefined || matches({ patterns: [e.file], base: sf.base }, path.resolve(options.cwd, r.filePath)))) judged.add(e.index);
  }
  const said = notes(sf, judged, matched, options.today, options.unusedSeverity);
  const report = said.length ? withSuppressed(fileResult(sf.file, said), said, []) : null;
  return { results: out, matched, judged, report };
}
