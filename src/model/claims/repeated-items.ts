/**
 * A 三公 item's amount said again in its section with the very same words (公务接待费支出决算为 1.53 万元，
 * 完成预算的 0%。…其中：…；公务接待费支出决算 0 万元。, 石泉路 2025): a restatement of the item, as a
 * 类/款/项 item's 本年预算安排 is one; the two must agree. Only words naming one 三公 item and its basis
 * (预算, 决算): words as general as 项目全年预算数 name another project's figure each time.
 */
import type { Claim } from '../types.js';
import { threePublicItem } from './link.js';
import { add, type Reading } from './reading.js';

const BASIS = /决算|预算/;
// a year, last year, a change or an average is another figure of the item
const OTHER_FIGURE = /上年|\d{4}年|比|较|增|减|平均|人均/;

export function restateRepeatedItems(r: Reading): void {
  const first = new Map<string, Claim>();
  for (const c of [...r.claims]) {
    const amount = c.kind === 'amount' ? c.figures.amount : undefined;
    if (!amount || !BASIS.test(c.subject) || OTHER_FIGURE.test(c.subject) || !threePublicItem(c.subject)) continue;
    const key = `${c.section}\u0000${c.subject}`;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, c);
      continue;
    }
    const figures = { amount, earlier: earlier.figures.amount };
    add(r, { kind: 'restate', subject: c.subject, section: c.section, text: c.text, figures, parts: [], link: c.link, whole: null, loc: { ...amount.loc } });
  }
}
