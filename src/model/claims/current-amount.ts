/**
 * The amount a change, a rate or a list is measured against: the current year's amount said before
 * a change (in its sentence, or the sentence before where it opens with 与上年相比), whether an amount
 * is itself a change or a reference (上年的, 完成预算的), and the total a 其中 list splits.
 */
import { NUM, subjectBefore, tidyPath } from './phrases.js';

const AMOUNT_RE = new RegExp(`${NUM}万元`, 'g');

/**
 * The last amount of the sentence before `to`, read back from `to` in growing windows: scanning
 * the sentence from its start for each change it states was quadratic in a long one. A window
 * begins at the sentence's start or after a character no amount holds, so no amount straddles it.
 */
function lastAmount(text: string, to: number, floor: number): { raw: string; at: number } | null {
  // a change is measured against an amount said shortly before it, not pages earlier
  for (let width = 256; width <= 1024; width *= 2) {
    let b = Math.max(floor, to - width);
    const dot = text.slice(b, to).lastIndexOf('。');
    const from = dot >= 0 ? b + dot + 1 : b;
    b = from;
    if (dot < 0) while (b > floor && /[\d,.\-万元]/.test(text[b - 1])) b--;
    const found = [...text.slice(b, to).matchAll(AMOUNT_RE)];
    const last = found.reverse().find((m) => isLevel(text, b + m.index!, b + m.index! + m[0].length, to));
    if (last) return { raw: last[1], at: b + last.index! };
    if (dot >= 0 || b === floor) return null;
  }
  return null;
}

/**
 * The current-year amount a change is measured against: the last amount before it in the same
 * sentence, with nothing but words in between; or, when the sentence opens with 与20XX年相比,
 * the only amount of the sentence before (or the one figure it gives both totals). Otherwise none:
 * the rate is then not checked. Nothing before `floor` counts: where the section the change is in
 * begins (its heading ends a sentence whose last item closed with ；, not 。).
 */
export function currentAmount(text: string, at: number, floor = 0): { raw: string; at: number } | null {
  const own = lastAmount(text, at, floor);
  if (own) return ownClause(text.slice(own.at + own.raw.length, at)) ? own : null;
  const start = Math.max(floor, text.lastIndexOf('。', at - 1) + 1);
  if (!OPENS_WITH_COMPARISON.test(text.slice(start, at))) return null;
  // the sentence before, passing over a short remark with no figure between (收入预算总计 A 万元。全部由省财政拨款。与上年相比…)
  let prevStart = Math.max(floor, text.lastIndexOf('。', start - 2) + 1);
  if (isRemark(text.slice(prevStart, start))) prevStart = Math.max(floor, text.lastIndexOf('。', prevStart - 2) + 1);
  const prevText = text.slice(prevStart, start);
  const prev = [...prevText.matchAll(AMOUNT_RE)];
  // the previous sentence's one amount is the current one only if it is a level, not a change; or
  // its amounts, where all are one figure (收入总计7548.19万元,支出总计7548.19万元。收、支与2023年度相比,
  // 减少719.66万元, 重庆's 2024 template)
  if (!prev.length || prev.some((m) => m[1] !== prev[0][1] || CHANGE_BEFORE_RE.test(prevText.slice(0, m.index!)))) return null;
  return { raw: prev[0][1], at: prevStart + prev[0].index! };
}

/**
 * The total a 其中 list of the same sentence splits, where the amount at `itemAt` is one of its items
 * (事业运行经费总预算安排 A 元，其中：基本支出 B 元，项目支出 C 元，同比增加 D 元: D may be A's); null otherwise
 */
export function listTotalBefore(text: string, itemAt: number, floor = 0): { raw: string; at: number } | null {
  // looked for within a list's length: a search back to the start of one long sentence of many changes
  // would make it quadratic
  const near = Math.max(floor, itemAt - LIST_SPAN);
  const window = text.slice(near, itemAt);
  const start = near + window.lastIndexOf('。') + 1;
  const other = window.lastIndexOf('其中');
  return other >= 0 && near + other > start ? lastAmount(text, near + other, start) : null;
}

/**
 * whether the words between an amount and a change keep to the amount's item: past a ； the change
 * is another item's where that clause opens with a name (因公出国（境）费支出决算 0 万元；公务用车购置及运行
 * 维护费支出决算增加 21.90 万元), and the amount's own where it opens with the comparison or a rate
 * (…支出 A 万元；比上年增加 B 万元；完成年初预算 P%)
 */
function ownClause(between: string): boolean {
  const clause = between.split(/[；;]/);
  const last = clause[clause.length - 1];
  // an empty last clause: the change itself opens it (…降低2.99%；完成年初预算100%)
  return clause.length === 1 || !last.trim() || CLAUSE_OPENS_WITH_CHANGE.test(last);
}

const CLAUSE_OPENS_WITH_CHANGE = /^\s*(?:与|比|较|同比|相比|增加|减少|增长|下降|持平|完成|执行|占)/;

/** how far back the 其中 of a list is looked for from one of its items: longer than any list a sentence holds */
const LIST_SPAN = 2000;

const CHANGE_BEFORE_RE = /(增加|减少|增长|下降|增支|减支|增收|减收|增|减)\s*$/;
/** the longest sentence without figures passed over as a remark between an amount and its change */
const REMARK = 20;
/** …or saying what the amount is for, however long (主要用于检察院行政支出及检察办案业务…等项目支出。, 江苏检察院 2019) */
const USE_REMARK_RE = /^(?:主要)?(?:用于|包括|包含)/;

/** a sentence with no figure between an amount and the change said of it: a short remark, or what the amount is for */
function isRemark(sentence: string): boolean {
  return !/\d/.test(sentence) && (sentence.length <= REMARK || USE_REMARK_RE.test(sentence));
}

/**
 * a sentence that opens by saying since when its change is (与上年相比, 比2018年, 较2022年度决算数,
 * 同口径比2018年): of what, the sentence before says. Tested on the words up to the change word.
 */
const OPENS_WITH_COMPARISON = /^\s*(?:(?:收、?支|收入、?支出)?与(?:上年度?|\d{4}年度?)(?:预算数?|决算数?)?相比|(?:同口径)?(?:比|较)(?:上年度?|去年|\d{4}年度?)(?:预算数?|决算数?|同期)?(?=增|减|下降|$))/;

/** whether the amount at `at` is a change (比上年减少 0.98 万元), not a level something stands at */
export function isChange(text: string, at: number): boolean {
  return CHANGE_BEFORE_RE.test(text.slice(Math.max(0, at - 4), at));
}

/** the words a comparison names last year's amount with (较2024年的, 比上年累计支出, 较2023年年初预算的), no change word among them */
export const COMPARED_WITH = '(?:比|较)(上年度?|\\d{4}年度?)[^，,。；;：:\\d增减]{0,8}?(?:的|为)?';
// (完成年初预算计划 A 万元的 P%, 霖磐: a plan is a budget)
const REFERENCE_BEFORE_RE = new RegExp(`(?:${COMPARED_WITH}|(?:完成|占|比|较|相比|与)(?:全年|年初|年度|调整后?)?预算(?:计划)?数?(?:的|为)?)$`);

/**
 * whether the amount at `at` is one another is measured against, not the level something stands at:
 * last year's, said in the comparison itself (较2024年的 2190 万元减少…), or the budget a completion
 * rate, share or change is of (完成预算数 257288 万元的 41.9%, 占年初预算 2180 万元的 44.5%, 相比预算数
 * 6.1 亿元减少 1.1 亿元)
 */
export function isReferenceAmount(text: string, at: number): boolean {
  return REFERENCE_BEFORE_RE.test(text.slice(Math.max(0, at - 20), at)) || (COMPARED_FROM_BEFORE.test(text.slice(Math.max(0, at - 16), at)) && COMPARED_FROM_AFTER.test(text.slice(at, at + 24)));
}

// 与上年 498.83 万元相比, 与2019年的 A 万元相比: what stands between 与 and 相比 is the base (with its year
// lost, 与2019498.83万元相比, still: a page that dropped 年)
const COMPARED_FROM_BEFORE = /与(?:上年度?|\d{4}年度?)?[^，,。；;：:\d增减]{0,8}?$/;
const COMPARED_FROM_AFTER = /^[\d,.]+\s*(?:万元|亿元|元)?\s*相比/;

/**
 * An amount that can be the current one of a change stated at `to`: not itself a change stated
 * earlier (减少 0.15 万元…；公务接待费减少 0.15 万元), not said aside in parentheses that close
 * before the change (（上年预算为 A 万元），增加 …).
 */
function isLevel(text: string, start: number, end: number, to: number): boolean {
  if (isChange(text, start) || isReferenceAmount(text, start)) return false;
  return !closedBefore(text, end, to);
}

/** whether a bracket not opened between `from` and `to` closes there: what stands at `from` is an aside */
export function closedBefore(text: string, from: number, to: number): boolean {
  let depth = 0;
  for (let i = from; i < to; i++) {
    if (text[i] === '（' || text[i] === '(') depth++;
    else if ((text[i] === '）' || text[i] === ')') && --depth < 0) return true;
  }
  return false;
}

/** what a change is of: the words before it, or where they only say since when (比上年，与2022年度相比), those before the current amount */
export function yoySubject(text: string, at: number, current: { at: number } | null): string {
  const own = subjectBefore(text, at);
  // nothing of its own, a comparison, or the tail of a bracket cut at its comma (下同）预算, of 比2022年（上一年度，下同）预算),
  // or the current amount's share run on into it (占84.83%与2016年相比, 马家镇)
  if (current && (own === '' || /^(比|较|与|同比|占)/.test(own) || /^[^（(]*[）)]/.test(own))) return tidyPath(subjectBefore(text, current.at).replace(/\d{4}年度?(预算数?|决算数?)?$/, '')) || own;
  return tidyPath(own);
}
