/** ESLint's stylish output: per file, a line per message, then the totals. */
import { width } from '../common/width.js';
import type { FileResult, FormatContext } from './types.js';

function pad(s: string, n: number): string {
  return s + ' '.repeat(Math.max(0, n - width(s)));
}

/** the styles stylish uses, none of them applied: what chalk gives at colour level 0 */
const plain = Object.assign((s: string) => s, { bold: (s: string) => s });
const PLAIN = { underline: plain, red: plain, yellow: plain, dim: plain };

type Styles = NonNullable<FormatContext['color']> | typeof PLAIN;

/** one file's block: its path, then a line per message (nothing for a file without messages) */
export function stylishFile(r: FileResult, context: Pick<FormatContext, 'color'>): string {
  if (!r.messages.length) return '';
  const c: Styles = context.color ?? PLAIN;
  const rows = r.messages.map((m) => [
    'fatal' in m ? '' : (m.page !== undefined ? `p.${m.page} ` : '') + `${m.line}:${m.column}`,
    m.severity === 2 ? c.red('error') : c.yellow('warning'),
    m.message,
    c.dim(m.ruleId ?? ''),
  ]);
  const w0 = Math.max(...rows.map((x) => width(x[0])));
  const w1 = Math.max(...rows.map((x) => width(x[1])));
  const w2 = Math.max(...rows.map((x) => width(x[2])));
  const lines = rows.map(([loc, sev, msg, id]) => `  ${c.dim(pad(loc, w0))}  ${pad(sev, w1)}  ${pad(msg, w2)}  ${id}`);
  return ['', c.underline(r.filePath), ...lines].join('\n') + '\n';
}

/** the totals of the whole run, and how many findings 出错说明 accepted */
export function stylishSummary(results: FileResult[], context: Pick<FormatContext, 'color'>): string {
  const c: Styles = context.color ?? PLAIN;
  const errors = results.reduce((n, r) => n + (r.messages.length ? r.errorCount : 0), 0);
  const warnings = results.reduce((n, r) => n + (r.messages.length ? r.warningCount : 0), 0);
  const suppressed = results.reduce((n, r) => n + (r.suppressedCount ?? 0), 0);
  const total = errors + warnings;
  const out: string[] = [];
  if (total > 0) out.push('', (errors ? c.red : c.yellow).bold(`✖ ${total} 个问题（${errors} 个错误，${warnings} 个警告）`));
  if (suppressed > 0) out.push(...(total > 0 ? [] : ['']), c.dim(`（另有 ${suppressed} 个问题已按出错说明抑制）`));
  return out.length ? out.join('\n') + '\n' : '';
}

/**
 * context.color: chalk when colours are on (the caller loads it only then), else none. The same
 * text as each file's block in turn and then the summary: the CLI writes the blocks as the files
 * finish, so the first results show at once.
 */
export function formatStylish(results: FileResult[], context: Pick<FormatContext, 'color'>): string {
  return results.map((r) => stylishFile(r, context)).join('') + stylishSummary(results, context);
}
