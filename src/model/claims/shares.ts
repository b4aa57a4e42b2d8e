/**
 * A share said of an amount (，占 P%; 占本年支出合计的 P%; 占基本支出 P%): its words, what whole they
 * name, and whether it is the amount's own and of the sentence's headline or of something else.
 */
import { normalizeLabel } from '../../layout/tokenize.js';
import { link } from './link.js';
import { NUM, SEP, SHARE_WORDS } from './phrases.js';
import type { ClaimReport } from './reading.js';

type Amount = { raw: string; at: number };

/** words after a rate or share that make it a bound (20%以上), not a figure */
export const BOUND_AFTER = /^(以上|以下|左右|多)/;

/** 占本年支出合计的 P% (or without 的): the 收支总表's total the share words name, where they name one (本年收入/支出合计, 收入/支出总计) */
/** a share's words naming the 总表's total it is of: 占本年支出合计的, 占收入总计的 */
export const WHOLE_NAMED_RE = /占(本年)?(收入|支出)(合计|总计)(的|$)/;

export function wholeNamed(report: ClaimReport, words: string) {
  const m = WHOLE_NAMED_RE.exec(words);
  if (!m || report.kind === 'unknown') return null;
  const key = m[3] === '总计' ? `${m[2]}:总计` : `${m[2]}:本年${m[2]}合计`;
  return link(report, report.kind === '预算' ? '部门公开表1' : '公开01', key);
}

/**
 * a share of what neither the sentence nor the tables hold as this year's whole: last year's
 * (占上年的 95%), or in a final account a budget (占年初预算 85%: a completion rate, of an amount not
 * said); not a fund's name (占一般公共预算财政拨款支出的)
 */
export const namesOtherWhole = (report: ClaimReport, words: string) => /上年|去年|同期/.test(words) || (report.kind === '决算' && /(年初|全年|调整后?的?)预算|预算数/.test(words));



/** a share said right after an amount: ，占 P%; ，占本年支出合计的 P%; ，所占比重为 P% */
export const SHARE_AFTER = new RegExp(`^${SEP}${SHARE_WORDS}${NUM}%`);

/** the words after an amount's 万元, as far as a share said of it reaches */
export const wordsAfter = (text: string, a: Amount) => text.slice(a.at + a.raw.length + 2, a.at + a.raw.length + 48);

/** a share's words without its figure: what it is a share of */
export const shareWords = (said: string) => normalizeLabel(said.replace(/-?[\d,.]+%$/, '')).replace(/[“”"]/g, '');

/**
 * the share said right after an amount, if it is that amount's own: not the first of a list of
 * shares (分别为 A、B 和 C 万元，占…的 a%、b% 和 c%: a% is A's, not C's), nor a bound (占 95% 以上)
 */
export function ownShare(after: string): RegExpExecArray | null {
  const share = SHARE_AFTER.exec(after);
  if (!share) return null;
  const rest = after.slice(share[0].length);
  return /^[、和及与]\s*-?[\d.]+%/.test(rest) || BOUND_AFTER.test(rest) || BOUND_BEFORE.test(shareWords(share[0])) ? null : share;
}

/** words before a share's figure that make it a bound or a round figure (占比超过 90%, 占 近 80%), not the share */
const BOUND_BEFORE = /(超过|高于|低于|不低于|不高于|不足|不到|接近|将近|近|约|逾)$/;

/** the words of a whole that name no item of their own: any sentence's total (占总支出的, 占支出总额) */
const ANY_WHOLE = /^占?(比重?|比例)?$|^占?(本年|全年|全部)?(总支出|总收入|支出总额|收入总额|支出合计|收入合计|合计|总额|总计|总数|支出|收入)(的)?(比重|比例)?(达|为|是)?$/;

/**
 * whether a share's whole, where its words name one, is the headline's: 占基本支出 70% of 基本支出 800 万元,
 * or a whole any total is (占总支出的); not 占转移支付比重达 82% in a sentence whose headline is 总支出
 */
export function ofHeadline(said: string, headlineSubject: string): boolean {
  const named = wholeOfShare(said);
  return ANY_WHOLE.test(shareOpening(said)) || !named || headlineSubject.includes(named);
}

/** a share's words from its 占 on (，所占比重为 → 占比重为) */
const shareOpening = (said: string) => said.replace(/^[,，、；;:：\s]+/, '').replace(/^所/, '');

/** the whole a share's words name, without 占 and 的比重 (，占一般公共预算支出的 → 一般公共预算支出; ，占 → '') */
export function wholeOfShare(said: string): string {
  return shareOpening(said).replace(/^占/, '').replace(/(的)?(比重|比例)?(达|为|是)?$/, '');
}

/**
 * words that name each item's own figure, not one whole: its budget (占年初预算的 87.89%, 占调整预算: a
 * completion rate), its target (税务部门完成 A 万元，占任务数的 56.4%) or last year's (占上年的)
 */
const ITEMS_OWN = /^(年初|调整后?|全年|当年|本年|年度)?的?(预算|决算|计划|(?:目标)?任务)数?$|上年|去年|同期|以前年度/;

/** whether a share's words name each item's own figure (its budget, last year's), not a whole the items share */
export const namesItemsOwn = (said: string) => ITEMS_OWN.test(wholeOfShare(said));
