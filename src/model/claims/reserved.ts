/**
 * A budget's reservation for small and medium firms out of its government purchases (上海:
 * 2025年本部门政府采购预算4821.20万元，其中：…。2025年本部门面向中小企业预留政府采购项目预算金额
 * 1928.48万元，…): the amount reserved is part of the purchase budget its section states before
 * it, so no more than it.
 */
import type { Cell } from '../types.js';
import { locate, NUM, sectionAt, subjectBefore } from './phrases.js';
import { add, fig, type Reading } from './reading.js';

const PURCHASES_RE = new RegExp(`政府采购预算(?:总额|金额)?为?${NUM}万元`, 'g');
const RESERVED_RE = new RegExp(`面向中小企业预留的?政府采购项目预算(?:金额)?为?${NUM}万元`, 'g');
/** how far before the reservation its section states the purchase budget */
const WITHIN = 600;

export function readReservations(r: Reading): void {
  const budgets = [...r.text.matchAll(PURCHASES_RE)];
  for (const m of r.text.matchAll(RESERVED_RE)) {
    const at = m.index!;
    const section = sectionAt(r.heads, at);
    const budget = budgets.filter((b) => b.index! < at && at - b.index! <= WITHIN && sectionAt(r.heads, b.index!) === section).pop();
    if (!budget) continue;
    const iBudget = budget.index! + budget[0].lastIndexOf(budget[1]);
    const iReserved = at + m[0].lastIndexOf(m[1]);
    const figures: Record<string, Cell> = { whole: fig(r, budget[1], iBudget), amount: fig(r, m[1], iReserved) };
    add(r, {
      kind: 'reserved',
      subject: subjectBefore(r.text, iBudget),
      section,
      text: r.text.slice(at, at + m[0].length),
      figures,
      parts: [],
      link: null,
      whole: null,
      loc: { ...locate(r.stream, at, at + m[0].length), file: r.file },
    });
  }
}
