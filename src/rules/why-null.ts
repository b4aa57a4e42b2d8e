/**
 * Why a bind query found nothing for a binding: the table is not in the document, the row key
 * is not in the table (with the nearest keys it does have), the cell is not printed… Said by
 * --debug-rule and --report-unchecked, so that a rule that checks nothing says why.
 */
import { didYouMean, listNames } from '../common/suggest.js';
import type { Report, Row } from '../model/types.js';
import { columnFor, missesRows } from './queries.js';
import type { Binding } from './selectors.js';
import type { CellQuery } from './types.js';

export function whyNull(report: Report, q: CellQuery, b: Binding): string {
  if (q.link === 'sum-of') {
    const s = b.claim?.sumOf;
    return s ? `所指的各行（${s.table} ${s.rows.join('、')}「${s.column}」）未能读取` : '这句话说的不是表中几行之和（--print-model 中它没有 sumOf）';
  }
  if (q.link) {
    const field = q.link === 'whole' ? 'whole' : q.link === 'all-funds' ? 'allFunds' : 'link';
    const l = b.claim?.[field];
    return l ? `所指的单元格（${l.table} ${l.row}「${l.column}」）在表中没有数` : `这句话没有对应到表格中的单元格（--print-model 中它的 ${field} 为 null）`;
  }
  const t = q.table ? report.tables.find((x) => x.id === q.table) : b.table;
  if (!t) return q.table ? `文件中没有 ${q.table}` : '没有当前表';
  if (t.unread !== null) return `${t.id} 未能读取：${t.unread}`;
  if (q.rows) return missesRows(t, q.rows) ? `${t.id} 有 ${t.reading.dropped} 处行或数字未能读取，所选的行可能不全` : `${t.id} 中没有符合筛选条件的行`;
  let row: Row | undefined;
  if (q.row) {
    row = t.rows.find((r) => r.key === q.row);
    if (!row) return `${t.id} 中没有行「${q.row}」${didYouMean(q.row, t.rows.map((r) => r.key)) || `（表中的行：${listNames(t.rows.map((r) => r.key), 10)}）`}`;
  } else if (q.rowMap) {
    const key = b.column?.key;
    if (key === undefined || !Object.hasOwn(q.rowMap, key)) return `rowMap 没有列出当前列${key ? `「${key}」` : ''}`;
    row = t.rows.find((r) => r.key === q.rowMap![key]);
    if (!row) return `${t.id} 中没有行「${q.rowMap[key]}」`;
  } else if (q.sameCode) {
    if (!b.row?.code) return '当前行没有编码';
    row = t.rows.find((r) => r.code === b.row!.code && r.kind !== 'detail');
    if (!row) return `${t.id} 中没有编码为 ${b.row.code} 的行`;
  } else if (q.sameLineNo) {
    if (b.row?.lineNo === undefined) return '当前行没有行次';
    row = t.rows.find((r) => r.lineNo === b.row!.lineNo);
    if (!row) return `${t.id} 中没有行次为 ${b.row.lineNo} 的行`;
  } else {
    if (!b.row || t !== b.table) return `当前行不在 ${t.id} 中`;
    row = b.row;
  }
  const c = columnFor(t, row, q, b);
  if (!c) return `${t.id} 没有列「${q.column}」${didYouMean(String(q.column), t.columns.map((x) => x.key)) || `（这份文件的 ${t.id} 有：${listNames(t.columns.map((x) => x.key), 10)}）`}`;
  return `${t.id} 行「${row.key}」的「${c.key}」栏没有数`;
}
