/**
 * The suppressions file in a run: which file (--suppressions, else beside the configuration
 * file, else in the current directory), applied to the results, then edited when asked
 * (--suppress-all, --suppress-rule, --prune-suppressions).
 */
import path from 'node:path';
import { InputError } from '../ingest/index.js';
import { suggestion } from '../common/suggest.js';
import { fileResult, type FileResult } from '../format/index.js';
import { applySuppressions, today, type SuppressionOutcome } from '../suppressions/apply.js';
import { parseSuppressions, readSuppressionsText, SUPPRESSIONS_NAME, type SuppressionsFile } from '../suppressions/file.js';
import { editSuppressions, writeSuppressions } from '../suppressions/write.js';
import type { Severity } from '../rules/index.js';

export interface SuppressOptions {
  suppressions?: string;
  suppressAll?: boolean;
  suppressRule: string[];
  pruneSuppressions?: boolean;
  reportUnusedSuppressions?: boolean;
  reportUnusedSuppressionsSeverity?: Severity;
}

export interface Suppressions {
  /** the file as output names it */
  file: string;
  text: string | null;
  sf: SuppressionsFile | null;
}

/** a path under the current directory as a relative one, as the files named on the command line are */
function shown(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return cwd === process.cwd() && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

function editing(opts: SuppressOptions): boolean {
  return Boolean(opts.suppressAll || opts.suppressRule.length || opts.pruneSuppressions);
}

export function loadSuppressions(opts: SuppressOptions, configDir: string, cwd: string, known: Set<string>): Suppressions {
  for (const id of opts.suppressRule) {
    if (!known.has(id)) throw new InputError(`--suppress-rule ${id}: 没有 id 为「${id}」的规则${suggestion(id, known)}`);
  }
  const given = opts.suppressions;
  const file = given === undefined ? shown(path.join(configDir, SUPPRESSIONS_NAME), cwd) : path.isAbsolute(given) || cwd === process.cwd() ? given : path.resolve(cwd, given);
  const text = readSuppressionsText(file);
  if (text === null && given !== undefined && !editing(opts)) throw new InputError(`找不到出错说明文件: ${given}`);
  return { file, text, sf: text === null ? null : parseSuppressions(file, text, known) };
}

/** drop the notes on entries that were just pruned */
function withoutPruned(report: FileResult | null, lines: Set<number>): FileResult | null {
  if (!report || !lines.size) return report;
  const messages = report.messages.filter((m) => 'fatal' in m || !lines.has(m.line));
  return messages.length ? { ...fileResult(report.filePath, messages), suppressedMessages: [], suppressedCount: 0 } : null;
}

/**
 * The results with suppressions applied, the file edited when asked (said on stderr). The
 * output reflects the file as it was read, less the notes on entries pruned.
 */
export function suppress(results: FileResult[], s: Suppressions, opts: SuppressOptions, cwd: string, note: (m: string) => void): SuppressionOutcome {
  const unusedSeverity: Severity = opts.reportUnusedSuppressions ? 'error' : (opts.reportUnusedSuppressionsSeverity ?? 'warn');
  const outcome = applySuppressions(results, s.sf, { today: today(), unusedSeverity, cwd });
  if (!editing(opts)) return outcome;
  const unused = (s.sf?.entries ?? []).filter((e) => outcome.judged.has(e.index) && !outcome.matched.has(e.index));
  const suppressRules = opts.suppressAll ? null : opts.suppressRule.length ? new Set(opts.suppressRule) : undefined;
  const edit = editSuppressions(s.file, s.text, s.sf, outcome.results, unused.map((e) => e.index), { suppress: suppressRules, prune: Boolean(opts.pruneSuppressions), cwd });
  if (edit.text !== null) writeSuppressions(s.file, edit.text);
  if (edit.dropped) note(`已从 ${s.file} 删去 ${edit.dropped} 条本次没有用到的出错说明`);
  if (edit.added) note(`已在 ${s.file} 添加 ${edit.added} 条出错说明；请逐条填写 justification（为何可以接受），填写前它们不起作用`);
  if (!edit.added && !edit.dropped) note(`出错说明文件 ${s.file} 无需改动`);
  const pruned = new Set(opts.pruneSuppressions ? unused.map((e) => e.line) : []);
  return { ...outcome, report: withoutPruned(outcome.report, pruned) };
}
