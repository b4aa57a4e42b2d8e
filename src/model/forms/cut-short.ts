/**
 * A self-assessment form cut short: its weighted indicator rows stop where the form ends (the next
 * form, the end of the document) without a 总分 row, so the rows from 总分 on, and maybe
 * indicators above it, were not printed (a spreadsheet printed without the rows past a page's
 * foot). What was read of it is not checked as if whole.
 */
import type { SourceLine } from '../../ingest/text.js';
import type { Form } from '../types.js';

/** why `form`, read from `lines` up to `end` (where it ended), is not whole; null where it has its 总分 or no weighted rows */
export function cutShort(form: Form, lines: SourceLine[], end: number): string | null {
  if (form.total || !form.indicators.some((x) => x.weight && x.score)) return null;
  const last = lines[Math.min(end, lines.length) - 1];
  const next = lines[end];
  // its last row at a page's foot, and what ends it on a later page: the rows past the foot are gone
  const atFoot = last?.page !== undefined && (!next || (next.page !== undefined && next.page > last.page));
  const where = atFoot ? `表在第 ${last.page} 页页末中断，` : '';
  return `未见总分行（${where}其后的行没有印出），表不完整：各一级指标的分值、总分及其得分`;
}
