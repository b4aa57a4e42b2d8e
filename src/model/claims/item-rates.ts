/**
 * A completion rate said of an item's actual alone, its budget printed only in the item's table
 * (上海 2025 决算's 三公 paragraph: 公务用车购置及运行维护费支出决算为 19.56 万元，完成预算的 63.76%; the
 * 预算数 is 公开09's): a rate claim whose budget is the table's cell beside the actual's, in the
 * budget group of a table that prints budget and actual side by side.
 */
import type { Cell, ClaimLink } from '../types.js';
import { tableOf } from './link.js';
import { COMPLETED_OF, NUM, SEP, locate } from './phrases.js';
import { add, fig, markUsed, sameLoc, type Reading } from './reading.js';

const ACTUAL_THEN_RATE = new RegExp(`${NUM}万元${SEP}${COMPLETED_OF}${NUM}%`, 'g');

/** the cell of the budget group beside a linked actual's (决算数.公务接待费 → 预算数.公务接待费), where the table has one */
function budgetBeside(r: Reading, l: ClaimLink): ClaimLink | null {
  const [group, item] = l.column.split('.', 2);
  if (!item || !/决算/.test(group)) return null;
  const t = tableOf(r.report, l.table);
  const budget = t?.columns.find((c) => c.key.endsWith(`.${item}`) && /预算/.test(c.key.slice(0, -item.length - 1)));
  return budget ? { table: l.table, row: l.row, column: budget.key } : null;
}

export function readItemRates(r: Reading): void {
  const { text } = r;
  for (const m of text.matchAll(ACTUAL_THEN_RATE)) {
    const at = m.index!;
    const iRate = at + m[0].lastIndexOf(m[2]);
    const rate = fig(r, `${m[2]}%`, iRate, true);
    // a rate a sentence's own budget gives is read with it (支出预算为 A 万元，支出决算为 B 万元，完成预算的 P%)
    if (r.used.has(iRate) || r.claims.some((c) => c.kind === 'rate' && sameLoc(c.figures.rate?.loc, rate.loc))) continue;
    const actual = fig(r, m[1], at);
    const claim = r.claims.find((c) => c.kind === 'amount' && c.link && sameLoc(c.figures.amount?.loc, actual.loc));
    const budgetLink = claim?.link ? budgetBeside(r, claim.link) : null;
    if (!claim || !budgetLink) continue;
    const figures: Record<string, Cell> = { actual, rate };
    add(r, { kind: 'rate', subject: claim.subject, section: claim.section, text: m[0], figures, parts: [], link: null, budgetLink, whole: null, loc: { ...locate(r.stream, at, at + m[0].length), file: r.file } });
    markUsed(r, iRate, m[2].length + 1);
  }
}
