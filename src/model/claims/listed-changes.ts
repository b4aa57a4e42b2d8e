/**
 * Changes of two items said together, each list in the items' order (分别): 收入合计 A 万元，支出合计
 * B 万元，与上年相比分别增加 X 万元、Y 万元，分别增长 P%、Q%; one change for both (收入、支出总计各增加
 * X 万元，分别增长 P%、Q%); or each change with its own word (收入减少 X、支出总计减少 Y 万元，分别下降
 * P%、Q%). Read as a year-on-year change of each item, its amount the level said for it just before.
 * Where the two levels are not said so, in order, right before, nothing is read: a rate paired with
 * another item's level would be a false finding.
 */
import { isChange, isReferenceAmount } from './current-amount.js';
import { NUM, rises, sectionStart, subjectBefore } from './phrases.js';
import { addYoy, fig, type Reading } from './reading.js';
import { LIST, SECOND } from './paired-totals.js';

/** NUM, its figure a named group */
const num = (name: string) => NUM.replace('])(', `])(?<${name}>`);
const CHANGE = '增加|减少|增长|下降|增支|减支|增收|减收';
const RATE = '增长|下降|上升|降低|减少|增加';
/** the rates' list: 分别增长 P%、Q%, the second with a word of its own where the two differ (分别增长 P%、下降 Q%) */
const rates = (lead: string) => `[,，]${lead}(?<r1w>${RATE})了?${num('r1')}%${LIST}(?:(?<r2w>${RATE})了?)?(?<r2>${SECOND.slice(1)}%`;
const FORMS = [
  // 分别增加 X 万元、Y 万元，分别增长 P%、Q%
  new RegExp(`(?:分别|各)(?<c1w>${CHANGE})了?${num('c1')}(?:万元)?${LIST}(?<c2>${SECOND.slice(1)}万元${rates('(?:分别|各)?')}`, 'dg'),
  // 各增加 X 万元，分别增长 P%、Q%: one change, both items'
  new RegExp(`各(?<c1w>${CHANGE})了?${num('c1')}万元${rates('(?:分别|各)')}`, 'dg'),
  // 减少 X、支出总计减少 Y 万元，分别下降 P%、Q%: each change with its own word
  new RegExp(`(?<c1w>${CHANGE})了?${num('c1')}(?:万元)?、[^\\d，,。；;、%]{1,10}?(?<c2w>${CHANGE})了?(?<c2>${SECOND.slice(1)}万元${rates('(?:分别|各)')}`, 'dg'),
];
/** a change since last year, not since a budget: 与上年相比, 比2022年, 较上年度, 同比 */
const SINCE_YEAR = /(?:比|较|与|同比)(?:上年|上一年|\d{4}年)(?!初|[^，,。；;]{0,4}(?:年初|调整)预算)/;
/** an amount, its unit said once after the list it is the first of (收入 476.17、支出总计 460.06 万元) */
const LEVEL = new RegExp(`${NUM}(?:万元|(?=[、，,][^\\d，,。；;]{1,10}?[\\d,.]+万元))`, 'g');
/** how far back the two levels may stand from the changes */
const LEVELS_REACH = 160;

export function readListedChanges(r: Reading): void {
  const { text } = r;
  for (const form of FORMS) {
    for (const m of text.matchAll(form)) {
      const at = m.index!;
      const g = m.groups!;
      const where = m.indices!.groups!;
      if (r.used.has(where.c1[0])) continue;
      const levels = twoLevelsBefore(r, at);
      if (!levels) continue;
      // the second item's change and rate, where the list gives it its own (else the first's, said for both)
      const second = { cw: g.c2w ?? g.c1w, c: g.c2 ?? g.c1, cAt: (where.c2 ?? where.c1)[0], rw: g.r2w ?? g.r1w };
      const items = [
        { cw: g.c1w, c: g.c1, cAt: where.c1[0], rw: g.r1w, rate: g.r1, rAt: where.r1[0] },
        { ...second, rate: g.r2, rAt: where.r2[0] },
      ];
      items.forEach((item, i) => {
        const figures = { change: fig(r, item.c, item.cAt), rate: fig(r, `${item.rate}%`, item.rAt, true), current: fig(r, levels[i].raw, levels[i].at) };
        const subject = subjectBefore(text, levels[i].at).replace(/^\d{4}年度?/, '');
        addYoy(r, at, m[0], { subject, direction: rises(item.cw) ? '增加' : '减少', rateDirection: rises(item.rw) ? '增长' : '下降', figures });
      });
    }
  }
}

/**
 * The two amounts said before `at`, as levels (not changes, not amounts compared against), in this
 * sentence or, where it states none before `at`, in the one before, where it states exactly two;
 * the words between the second and `at` say the change is since last year.
 */
function twoLevelsBefore(r: Reading, at: number): Array<{ raw: string; at: number }> | null {
  const { text } = r;
  const from = Math.max(sectionStart(r.heads, at), at - LEVELS_REACH);
  const stop = text.lastIndexOf('。', at - 1);
  const amounts = [...text.slice(from, at).matchAll(LEVEL)].map((a) => ({ raw: a[1], at: from + a.index! }));
  const inSentence = amounts.filter((a) => a.at > stop);
  const before = text.lastIndexOf('。', stop - 1);
  const candidates = inSentence.length ? inSentence : amounts.filter((a) => a.at > before);
  // two levels and no more: with a third (收入总计 A 万元，其中财政拨款 B 万元，支出总计 C 万元，分别增加…) which two
  // the changes are of is not said
  if (candidates.length !== 2) return null;
  const two = candidates;
  if (two.some((a) => isChange(text, a.at) || isReferenceAmount(text, a.at))) return null;
  return SINCE_YEAR.test(text.slice(two[1].at, at)) ? two : null;
}
