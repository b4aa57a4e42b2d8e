/**
 * GitHub Actions workflow commands: each finding an `::error` or `::warning` annotation on its
 * file, then a notice with the totals, since GitHub shows only the first 10 annotations of each
 * kind in a step (the rest are in the step's log).
 */
import path from 'node:path';
import type { Diagnostic } from '../rules/types.js';
import { pathInside } from './paths.js';
import type { FileResult, FormatContext } from './types.js';

/** what GitHub shows of each kind (error, warning, notice) in one step */
const SHOWN_PER_STEP = 10;

/** a command's message: % and line breaks escaped, as the runner unescapes them */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** a property's value: also : and , which end a property */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(kind: 'error' | 'warning' | 'notice', props: Array<[string, string | number]>, message: string): string {
  const list = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  return `::${kind}${list ? ` ${list}` : ''}::${escapeData(message)}`;
}

/** the path from the workspace (the working directory), with forward slashes */
function repoPath(file: string, cwd: string): string {
  return pathInside(file, cwd) ?? path.resolve(cwd, file).split(path.sep).join('/');
}

/**
 * A text file's line and columns are the file's. A PDF's line is a line of its page, which no
 * viewer of the PDF shows: its annotation is on the file, the page and line said in the message.
 */
function annotation(d: Diagnostic, file: string): string {
  const kind = d.severity === 2 ? 'error' : 'warning';
  if (d.page !== undefined) return command(kind, [['file', file], ['title', d.ruleId]], `${d.message}（第 ${d.page} 页第 ${d.line} 行）`);
  const span: Array<[string, number]> = [['line', d.line], ['endLine', d.endLine]];
  // GitHub's end column is the last character's; ours is the one after it
  if (d.endLine === d.line) span.push(['col', d.column], ['endColumn', Math.max(d.column, d.endColumn - 1)]);
  return command(kind, [['file', file], ...span, ['title', d.ruleId]], d.message);
}

function summary(results: FileResult[]): string {
  const sum = (f: (r: FileResult) => number) => results.reduce((n, r) => n + f(r), 0);
  const fatal = sum((r) => r.fatalErrorCount);
  const errors = sum((r) => r.errorCount);
  const warnings = sum((r) => r.warningCount);
  const suppressed = sum((r) => r.suppressedCount ?? r.suppressedMessages?.length ?? 0);
  let text = `budget-lint 检查了 ${results.length} 个文件：${errors} 个错误${fatal ? `（其中 ${fatal} 个为文件无法检查）` : ''}，${warnings} 个警告`;
  text += suppressed ? `，另有 ${suppressed} 个已按出错说明抑制。` : '。';
  if (errors > SHOWN_PER_STEP || warnings > SHOWN_PER_STEP) {
    text += `GitHub 每个步骤只显示前 ${SHOWN_PER_STEP} 个错误注释和前 ${SHOWN_PER_STEP} 个警告注释，全部问题见本步骤的日志，或以 -f sarif 上传到代码扫描。`;
  }
  return command('notice', [['title', 'budget-lint']], text);
}

export function formatGithub(results: FileResult[], context: FormatContext): string {
  const lines: string[] = [];
  for (const r of results) {
    const file = repoPath(r.filePath, context.cwd);
    for (const m of r.messages) {
      lines.push('fatal' in m ? command('error', [['file', file], ['title', '无法检查']], m.message) : annotation(m, file));
    }
  }
  lines.push(summary(results));
  return lines.join('\n') + '\n';
}
