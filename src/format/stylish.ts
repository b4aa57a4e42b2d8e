/** ESLint's stylish output: per file, a line per message, then the totals. */
import type { FileResult, FormatContext } from './types.js';

export function width(s: string): number {
  // CJK characters take two terminal cells
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, n: number): string {
  return s + ' '.repeat(Math.max(0, n - width(s)));
}

/** the styles stylish uses, none of them applied: what chalk gives at colour level 0 */
const plain = Object.assign((s: string) => s, { bold: (s: string) => s });
const PLAIN = { underline: plain, red: plain, yellow: plain, dim: plain };

/** context.color: chalk when colours are on (the caller loads it only then), else none */
export function formatStylish(results: FileResult[], context: Pick<FormatContext, 'color'>): string {
  const c = context.color ?? PLAIN;
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let suppressed = 0;
  for (const r of results) {
    suppressed += r.suppressedCount ?? 0;
    if (!r.messages.length) continue;
    errors += r.errorCount;
    warnings += r.warningCount;
    out.push('', c.underline(r.filePath));
    const rows = r.messages.map((m) => [
      'fatal' in m ? '' : (m.page !== undefined ? `p.${m.page} ` : '') + `${m.line}:${m.column}`,
      m.severity === 2 ? c.red('error') : c.yellow('warning'),
      m.message,
      c.dim(m.ruleId ?? ''),
    ]);
    const w0 = Math.max(...rows.map((x) => width(x[0])));
    const w1 = Math.max(...rows.map((x) => width(x[1])));
    const w2 = Math.max(...rows.map((x) => width(x[2])));
    for (const [loc, sev, msg, id] of rows) out.push(`  ${c.dim(pad(loc, w0))}  ${pad(sev, w1)}  ${pad(msg, w2)}  ${id}`);
  }
  const total = errors + warnings;
  if (total > 0) {
    const summary = `✖ ${total} 个问题（${errors} 个错误，${warnings} 个警告）`;
    out.push('', (errors ? c.red : c.yellow).bold(summary));
  }
  if (suppressed > 0) out.push(...(total > 0 ? [] : ['']), c.dim(`（另有 ${suppressed} 个问题已按出错说明抑制）`));
  if (total > 0 || suppressed > 0) out.push('');
  return out.join('\n');
}
