/**
 * Year-on-year changes as the 说明 word them, each with the amount it is of (the current year's, said
 * before it) and last year's where the sentence states it.
 */
import type { Cell, Claim } from '../types.js';
import { comparedYear, priorAmount, priorInComparison } from './compare.js';
import { currentAmount, listTotalBefore, yoySubject } from './current-amount.js';
import { CHANGE_WORDS, NUM, RATE_GLUE, RATE_LEAD, RATE_SEP, RATE_WORDS, rises, sectionStart, subjectBefore } from './phrases.js';
import { addYoy, fig, type Reading } from './reading.js';
import { BOUND_AFTER } from './shares.js';

/**
 * A change and its rate as the 说明 word them: 增加 D 万元，增长 R%; 较上年增长 D 万元，增长率为 R%;
 * 减少了 D 万元，降幅 R%; 下降了 R%; 增加 D 万元、增长 R% (重庆); 减少 D 万元下降 R% (no mark between, 施甸); 比上年预算数增加 D 万元，与上年预算数
 * 相比增长 R% (福建, whose template once prints 比上年预算数加: 加 read as 增加 only right after such a
 * comparison, never 追加; 云南 临沧's 较上年增18.67万元,增21.86% and 较上年减0.04万元 likewise); 比上年减少支出
 * D 万元 (福建 长乐). Or 持平.
 */
const YOY = new RegExp(
  `(${CHANGE_WORDS}|(?<=(?:比|较)上年度?(?:预算数?|决算数?)?)[加增减])了?(?:支出)?${NUM}万元(?:${RATE_SEP}?(?:${RATE_LEAD})?(${RATE_WORDS}|[增减](?=\\s*\\d))${RATE_GLUE}${NUM}(?:%|(?=[。；;，,])))?|(基本持平|持平|无增减)`,
  'g',
);

/** a change's rate in brackets right after it, without a word of its own: 减少1.5万元(42.86%) */
const BRACKETED_RATE = new RegExp(`^[（(](${NUM})%[）)]`);

/** how far back a change's clause is looked for: longer than any clause */
const CLAUSE_SPAN = 200;

/**
 * whether a change's own words, a reason or a part, name an item other than the one the amount before
 * it is of, in an earlier clause: 2024年预算数为 28.00 万元，…，主要原因是会展经费比上年增加 5.00 万元 is
 * 会展经费's change, measured from an amount the sentence does not state
 */
function namesAnother(text: string, ownWords: string, current: { at: number }, at: number): boolean {
  // only a clause that gives a reason or a part names another item (与上年相比，财政拨款收、支总计各增加… is the
  // same total said again; 比年初预算数增加… names what it is measured against)
  // the clause's start, looked for close by (a search back to the sentence's start would make one long
  // sentence of many changes quadratic)
  const near = Math.max(0, at - CLAUSE_SPAN);
  const window = text.slice(near, at);
  const from = near + Math.max(...['，', ',', '；', ';', '。'].map((p) => window.lastIndexOf(p)));
  if (!REASON_OR_PART.test(text.slice(from + 1, at))) return false;
  // 收、支总计均减少: 均, 都, 也 say how, not what
  const named = ownWords.replace(LEADING_REASON_OR_PART, '').replace(/(均|都|也)$/, '');
  if (!named || !/[，,；;]/.test(text.slice(current.at, at))) return false;
  // the same item said shorter counts as named (财政拨款支出 of 省检察院2019年财政拨款预算支出)
  const its = subjectBefore(text, current.at);
  return !within(named, its) && !within(its, named);
}

/** the words a clause gives a reason or a part with (主要原因是：, 由于, 其中) */
const REASON_OR_PART = /(主要原因是|原因是|主要是|主要由于|由于|其中)[:：]?/;
const LEADING_REASON_OR_PART = new RegExp(`^${REASON_OR_PART.source}`);

/** whether the characters of a appear in b in order */
function within(a: string, b: string): boolean {
  let i = 0;
  for (const ch of b) if (ch === a[i]) i++;
  return i === a.length;
}

/**
 * 比上年增加 D 万元，增长 P% (the amount stated just before is the current year's); a change
 * without a rate, or 持平, where the clause says what it is measured against (比上年, 较2022年);
 * last year's amount where the sentence states it (2022年…为 A 万元，2023年…B 万元，比2022年…持平).
 */
export function readYearOnYear(r: Reading): void {
  const { text } = r;
  for (const m of text.matchAll(YOY)) {
    const at = m.index!;
    const compared = priorInComparison(text, at);
    const year = comparedYear(text, at) ?? compared?.year ?? null;
    // the rate in brackets after the change (较上年减少1.5万元(42.86%), 陕西): the change's own direction
    const bracketed = m[2] && !m[3] ? BRACKETED_RATE.exec(text.slice(at + m[0].length, at + m[0].length + 16)) : null;
    // a bare 增加 D 万元 or 持平 says nothing checkable unless it is a change since a year
    if (!m[3] && !bracketed && !year) continue;
    // 比上年分别增加 A 万元、B 万元: each change is of another item of a list before it, not of the amount before
    if (/分别$/.test(text.slice(Math.max(0, at - 2), at))) continue;
    // …and a change without a rate that a reader of such lists has read already (各增加 D 万元，分别增长 P%、Q%)
    if (m[2] && !m[3] && r.used.has(at + m[0].indexOf(m[2], m[1].length))) continue;
    // 较上年无增减 says 持平 (公务接待费0.50万元,较上年无增减, 武陵山乡)
    const direction = (m[1] ? (rises(m[1]) ? '增加' : '减少') : m[5] === '无增减' ? '持平' : m[5]) as NonNullable<Claim['direction']>;
    // 增长20%以上 bounds the rate, it does not state it; 减收 48.9 亿元，增长-10.3% is a fall of 10.3% (where the
    // change is negative too, 增加-12.50 万元，增长-11.11%, the signs agree as they stand)
    const rateRaw = m[4] && !BOUND_AFTER.test(text.slice(at + m[0].length, at + m[0].length + 2)) ? m[4] : bracketed?.[1];
    const negative = (rateRaw?.startsWith('-') ?? false) && !m[2]?.startsWith('-');
    const rateDirection = bracketed ? (direction === '增加' ? '增长' : '下降') : rateRaw ? (rises(m[3]) !== negative ? '增长' : '下降') : undefined;
    let current = currentAmount(text, at, sectionStart(r.heads, at));
    // a change without a rate that names its own subject after a ； is an item of a list (1.…减少 A 万元；2.公费医疗较2022年
    // 增加 B 万元): the amount of an earlier clause is not its own (a bare ；较上年增加 B 万元 still speaks of it)
    const ownWords = subjectBefore(text, at).replace(/(比|较|与|同比)(上年度?|\d{4}年度?)[^，,。；;：:\d]*$/, '');
    if (!m[3] && current && ownWords !== '' && /[；;]/.test(text.slice(current.at, at))) current = null;
    if (current && namesAnother(text, ownWords, current, at)) current = null;
    const prior = compared ?? (year ? priorAmount(text, current?.at ?? at, year) : null);
    // 持平 compares two amounts: without last year's, nothing to check but as a change of nothing (a list's
    // item whose changes add up to its total's); 基本持平 is no exact figure
    if (m[5] && (!current || (!prior && m[5] === '基本持平'))) continue;
    const figures: Record<string, Cell> = {};
    if (m[2]) figures.change = fig(r, m[2], at + m[0].indexOf(m[2], m[1].length));
    if (bracketed) figures.rate = fig(r, `${bracketed[1]}%`, at + m[0].length + bracketed.index + bracketed[0].indexOf(bracketed[1]), true);
    else if (rateRaw) figures.rate = fig(r, `${negative ? rateRaw.slice(1) : rateRaw}%`, at + m[0].lastIndexOf(rateRaw) + (negative ? 1 : 0), true);
    if (current && (!rateDirection || (direction === '增加') === (rateDirection === '增长'))) figures.current = fig(r, current.raw, current.at);
    if (prior) figures.prior = fig(r, prior.raw, prior.at);
    // 持平 (not 基本持平) is a change of nothing, in the unit of the amount it is said of
    if (m[5] && m[5] !== '基本持平' && figures.current) figures.change = { ...fig(r, '0', at), lo: 0, hi: 0, unit: figures.current.unit };
    // after the last item of a 其中 list, the change may be the list's total's (梧州 2025): 叙述/同比变化率 takes either
    const total = figures.current && figures.rate ? listTotalBefore(text, current!.at, sectionStart(r.heads, at)) : null;
    if (total) figures.whole = fig(r, total.raw, total.at);
    addYoy(r, at, m[0], { subject: yoySubject(text, at, current), direction, rateDirection, figures });
  }
}
