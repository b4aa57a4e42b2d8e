/**
 * The 三公 total and its three items said apart, each in a clause or section of its own (三公经费支出
 * 总额 3825 万元，比预算数减少 1188 万元。一、因公出国（境）经费 … 99 万元 … 二、公务接待费 1014 万元 …
 * 三、公务用车购置及运行维护费 2712 万元), and 公务用车购置及运行费 with its 购置费 and 运行维护费: the
 * items add up to the total, and where each states its change from last year, the changes add up
 * to the total's change. A 其中 list said with the total is summed where it is read (lists.ts);
 * here the items are those the narrative names after the total, in its 三公 part.
 */
import type { Cell, Claim } from '../types.js';
import { threePublicItem } from './link.js';
import { signedChange } from './change-sums.js';
import { add, byPlace, exactZero, sameLoc, type Reading } from './reading.js';

const THREE = ['因公出国（境）费', '公务接待费', '公务用车购置及运行维护费'];
const CAR_PARTS = ['公务用车购置费', '公务用车运行维护费'];
/** words that make an amount another figure of the item than its level: a change, a comparison, last year's */
const OTHER_FIGURE = /上年|比|较|增|减|平均|人均|\d{4}年度?(?:预算|决算)?数?$/;

/** the 三公 item words name: half-width brackets and 经费 as the table's column names them */
const itemOf = (subject: string) => threePublicItem(subject.replace(/\(/g, '（').replace(/\)/g, '）').replace(/出国（境）经费/, '出国（境）费'));

/** the 三公 total, however the words around it run (…财政拨款三公经费支出合计, “三公”经费支出总额) */
const isTotal = (subject: string) => itemOf(subject) === '合计' || (itemOf(subject) === null && /三公[”"]?经费/.test(subject));

/** what an item's figure is of, where its words say: a budget or a final account */
const basisOf = (subject: string) => (/决算/.test(subject) ? '决算' : /预算/.test(subject) ? '预算' : null);


export function tallyThreePublic(r: Reading): void {
  // an item's amount said with its share (公务接待费支出决算 0.28 万元，占 0.95%) is a share claim's
  const amounts = r.claims.filter((c) => (c.kind === 'amount' || c.kind === 'share') && c.figures.amount && !OTHER_FIGURE.test(c.subject));
  const changes = r.claims.filter((c) => c.kind === 'yoy' && c.figures.current && c.figures.change && c.direction !== '持平');
  const changeOf = (amount: Cell) => changes.find((c) => sameLoc(c.figures.current.loc, amount.loc));
  const totals = amounts.filter((c) => c.kind === 'amount' && isTotal(c.subject));
  const past = (a: Claim, b: Claim) => byPlace(a.figures.amount.loc, b.figures.amount.loc) > 0;
  for (const [k, total] of totals.entries()) {
    // the items said after the total, before the next total, of the same basis
    const end = totals[k + 1];
    const after = amounts.filter((c) => past(c, total) && (!end || past(end, c)));
    const basis = basisOf(total.subject);
    const first = (item: string) => after.find((c) => itemOf(c.subject) === item && (basis === null || basisOf(c.subject) === null || basisOf(c.subject) === basis));
    tally(r, total, THREE.map(first), changeOf);
    const car = first(THREE[2]);
    if (car) tally(r, car, CAR_PARTS.map((item) => after.find((c) => past(c, car) && itemOf(c.subject) === item)), changeOf);
  }
}

function tally(r: Reading, whole: Claim, items: Array<Claim | undefined>, changeOf: (amount: Cell) => Claim | undefined): void {
  if (items.some((c) => c === undefined)) return;
  const parts = items.map((c) => c!.figures.amount);
  // a 其中 list said with the whole is summed there already
  const listed = r.claims.some((c) => c.kind === 'sum' && c.parts.length > 1 && sameLoc(c.figures.whole?.loc, whole.figures.amount.loc));
  const own = changeOf(whole.figures.amount);
  const theirs = items.map((c) => changeOf(c!.figures.amount));
  const withChanges = own && theirs.every((c) => c !== undefined);
  if (listed && !withChanges) return;
  add(r, {
    kind: 'itemsum',
    subject: whole.subject,
    section: whole.section,
    text: whole.text,
    figures: { whole: whole.figures.amount, ...(withChanges ? { change: signedChange(own.figures.change, own.direction) } : {}) },
    parts: listed ? [] : parts,
    ...(withChanges ? { items: theirs.map((c) => ({ change: signedChange(exactZero(c!.figures.change, own.figures.change), c!.direction) })) } : {}),
    link: null,
    whole: null,
    loc: { ...whole.loc },
  });
}
