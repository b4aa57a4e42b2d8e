/**
 * The words a sentence compares two of its figures with: the year a change is measured against
 * (比上年, 与2022年相比), last year's amount where the sentence states it, and how a 决算数 is
 * said to stand to its 预算数 (决算数大于预算数, 与预算基本持平).
 */
import { COMPARED_WITH } from './current-amount.js';
import { NUM } from './phrases.js';

// 比上年 / 较2022年预算执行数 / 比2022年（上一年度，下同）预算 / 与上年度相比 / 与上年相比，/ 同比上年: the clause before a change
// word; 同比 alone (同比增加 D 万元) is measured against last year
const SINCE_RE = /(?:(?:比|较|同比)(上年度?|\d{4}年度?)(?:[（(][^（()）]{1,12}[）)])?|与(上年度?|\d{4}年度?)(?:[^，,。；;：:\d]{0,8}?相比[，,])?|(同比))[^，,。；;：:\d]{0,14}$/;

/** the year a change stated at `at` is measured against ('上年' or '2022'), or null where the clause names none */
export function comparedYear(text: string, at: number): string | null {
  const m = SINCE_RE.exec(text.slice(Math.max(0, at - 28), at));
  if (!m) return null;
  return m[3] ? '上年' : (m[1] ?? m[2]).replace(/年度?$/, '').replace(/^上$/, '上年');
}

/**
 * Last year's amount stated in the clause before `to` (上年决算数为 A 万元, 2022年当年预算执行数为 A
 * 万元), where `year` is '上年' or the year the change is measured against; the last such.
 */
export function priorAmount(text: string, to: number, year: string): { raw: string; at: number } | null {
  const label = year === '上年' ? '上年度?' : `${year}年度?`;
  // a level said of that year, not a change measured from it (比2022年预算增加 A 万元)
  const re = new RegExp(`${label}[^，,。；;：:\\d增减持比较]{0,14}?(?:为|是)?[:：]?${NUM}万元(?![,，]?(?:比|较))`, 'g');
  // in the change's own clause (after ；another statement begins), said shortly before it: each search
  // is bounded, as a sentence of thousands of changes is not scanned from its start for each
  const near = Math.max(0, to - 160);
  const window = text.slice(near, to);
  const clause = Math.max(window.lastIndexOf('。'), window.lastIndexOf('；'), window.lastIndexOf(';')) + 1;
  const found = [...window.slice(clause).matchAll(re)].pop();
  return found ? { raw: found[1], at: near + clause + found.index! + found[0].lastIndexOf(`${found[1]}万元`) } : null;
}

/** 较2024年的 A 万元减少, 比上年累计支出 A 万元下降, 较上年 A 减少: the comparison names last year's amount itself, right before the change */
const PRIOR_IN_COMPARISON_RE = new RegExp(`${COMPARED_WITH}${NUM}(?:万元)?$`);

/** last year's amount and year, where the change at `at` is measured against an amount said in its comparison */
export function priorInComparison(text: string, at: number): { raw: string; at: number; year: string } | null {
  const from = Math.max(0, at - 40);
  const m = PRIOR_IN_COMPARISON_RE.exec(text.slice(from, at));
  if (!m) return null;
  const year = m[1].replace(/年度?$/, '').replace(/^上$/, '上年');
  return { raw: m[2], at: from + m.index + m[0].lastIndexOf(m[2]), year };
}

const WORD: Record<string, '大于' | '小于' | '等于'> = { 大于: '大于', 高于: '大于', 超过: '大于', 多于: '大于', 小于: '小于', 低于: '小于', 少于: '小于', 等于: '等于' };
const RELATION_RE = /^[。，,；;]?(?:[^。，,；;\d]{0,8}?)?(?:支出)?决算数?(大于|高于|超过|多于|小于|低于|少于|等于)(?:年初|全年)?预算数?/;
const FLAT_RE = /^[。，,；;]?(?:[^。，,；;\d]{0,8}?)?与(?:年初|全年)?预算数?(基本持平|持平)/;

/** the relation the words right after an execution-rate sentence (ending at `end`) state between 决算数 and 预算数 */
export function relationAfter(text: string, end: number): { word: '大于' | '小于' | '等于' | '持平' | '基本持平'; text: string; at: number } | null {
  const after = text.slice(end, end + 40);
  const m = RELATION_RE.exec(after);
  if (m) return { word: WORD[m[1]], text: m[0].replace(/^[。，,；;]/, ''), at: end + m.index };
  const f = FLAT_RE.exec(after);
  return f ? { word: f[1] as '持平' | '基本持平', text: f[0].replace(/^[。，,；;]/, ''), at: end + f.index } : null;
}
