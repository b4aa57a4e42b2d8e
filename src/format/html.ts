/**
 * One self-contained HTML page: per file its findings, and each table it read drawn as printed
 * with the cells found wrong highlighted and the findings beside them; a filter by severity.
 * Everything from the document or the rules is escaped.
 */
import type { Report } from '../model/types.js';
import { SCRIPT, STYLE } from './html-assets.js';
import { escapeHtml as esc, findingsOf, Placement, type Finding } from './html-findings.js';
import { drawTable, noteHtml } from './html-table.js';
import type { FileResult, FormatContext } from './types.js';

function counts(r: FileResult, found: Finding[]): string {
  const n = (s: Finding['shown']) => found.filter((f) => f.shown === s).length;
  const parts = [`${n('error')} 个错误`, `${n('warning')} 个警告`];
  if (n('suppressed')) parts.push(`${n('suppressed')} 个已抑制`);
  return `<p class="counts">${r.fatalErrorCount ? '无法检查' : parts.join('，')}</p>`;
}

function fileSection(r: FileResult, i: number, report: Report | undefined): string {
  const head = `<section class="file" id="f${i}"><h2>${esc(r.filePath)}</h2>`;
  const fatal = r.messages.filter((m) => 'fatal' in m);
  if (fatal.length) return `${head}${counts(r, [])}${fatal.map((m) => `<p class="fatal" data-sev="error">${esc(m.message)}</p>`).join('')}</section>`;
  const found = findingsOf(r);
  const place = report ? new Placement(report, found, i) : null;
  const list = found.length ? `<ul class="findings">${found.map((f) => noteHtml(f, true)).join('')}</ul>` : '<p>没有发现问题。</p>';
  const tables = report && place ? report.tables.map((t, ti) => drawTable(t, ti, i, place)).join('') : '';
  return `${head}${counts(r, found)}${list}${tables}</section>`;
}

function totals(results: FileResult[]): string {
  const sum = (f: (r: FileResult) => number) => results.reduce((n, r) => n + f(r), 0);
  const fatal = sum((r) => r.fatalErrorCount);
  const suppressed = sum((r) => r.suppressedMessages?.length ?? 0);
  const parts = [`${results.length} 个文件`, `${sum((r) => r.errorCount) - fatal} 个错误`, `${sum((r) => r.warningCount)} 个警告`];
  if (suppressed) parts.push(`${suppressed} 个已抑制`);
  if (fatal) parts.push(`${fatal} 个文件无法检查`);
  return parts.join('，');
}

const FILTERS = [
  ['error', '错误'],
  ['warning', '警告'],
  ['suppressed', '已抑制'],
] as const;

export function formatHtml(results: FileResult[], context: FormatContext): string {
  const filters = FILTERS.map(([v, label]) => `<label><input type="checkbox" value="${v}" checked> ${label}</label>`).join('');
  const sections = results.map((r, i) => fileSection(r, i, context.reports?.get(r.filePath))).join('\n');
  const title = `${esc(context.tool.name)} 检查报告`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${title}</h1><p class="counts">${esc(totals(results))}（${esc(context.tool.name)} ${esc(context.tool.version)}）</p><div class="filters">显示：${filters}</div></header>
<main>
${sections}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
