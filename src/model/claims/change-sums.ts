/**
 * A 其中 list whose whole and every item each state their change from last year (本年支出合计525.54万元,
 * 与2016年相比减少59.42万元…；其中：基本支出445.80万元,…减少61.72万元…；项目支出79.63万元,…增加2.19万元…):
 * the items' changes add up to the whole's. The 三公 total and its items are three-public-tally.ts's.
 */
import type { Cell, Claim } from '../types.js';
import { NUM } from './phrases.js';
import { add, exactZero, fig, sameLoc, type Reading } from './reading.js';

/** a change as a signed figure: 减少 D is −D */
export function signedChange(change: Cell, direction: Claim['direction']): Cell {
  if (direction !== '减少') return change;
  return { ...change, raw: `-${change.raw}`, value: -change.value, lo: -change.hi, hi: -change.lo };
}

export function sumListedChanges(r: Reading): void {
  // (持平 with its change of nothing: 较上年无增减)
  const changes = r.claims.filter((c) => c.kind === 'yoy' && c.figures.current && c.figures.change && c.direction !== '基本持平');
  const changeOf = (amount: Cell) => changes.find((c) => sameLoc(c.figures.current.loc, amount.loc));
  const tallied = r.claims.filter((c) => c.kind === 'itemsum').map((c) => c.figures.whole);
  for (const sum of r.claims.filter((c) => c.kind === 'sum' && c.parts.length > 1)) {
    if (tallied.some((w) => sameLoc(w?.loc, sum.figures.whole.loc))) continue;
    const own = changeOf(sum.figures.whole);
    const theirs = sum.parts.map(changeOf);
    if (!own || theirs.some((c) => c === undefined)) continue;
    addChangeSum(r, sum, sum.figures.whole, own, theirs.map((c) => [c!.figures.change, c!.direction]));
  }
}

/** the claim that the items' changes (each printed, with its direction) add up to `own`'s: said of `said`'s subject and text */
function addChangeSum(r: Reading, said: Claim, whole: Cell, own: Claim, items: Array<[Cell, Claim['direction']]>): void {
  add(r, {
    kind: 'changesum',
    subject: said.subject,
    section: said.section,
    text: said.text,
    figures: { whole, change: signedChange(own.figures.change, own.direction) },
    parts: [],
    items: items.map(([change, direction]) => ({ change: signedChange(exactZero(change, own.figures.change), direction) })),
    link: null,
    whole: null,
    loc: { ...own.figures.change.loc },
  });
}

/**
 * A change said to come from the changes of 基本支出 and 项目支出 (支出预算较2024年减少62.54万元,主要是基本支出预算
 * 减少35.51万元,项目支出预算减少27.03万元, 重庆 2025): the two are all of 支出, so their changes add up to
 * the whole's. Sources of 收入 named so (主要是一般公共预算拨款减少…) may be the main ones only: not summed.
 */
export function sumExplainedChanges(r: Reading): void {
  const changes = r.claims.filter((c) => c.kind === 'yoy' && c.figures.change);
  for (const m of r.text.matchAll(EXPLAINED_BY_PARTS)) {
    if (m[3] === m[6]) continue;
    const said = fig(r, m[2], m.index! + m[0].indexOf(m[2], m[0].indexOf(m[1]) + m[1].length));
    const own = changes.find((c) => sameLoc(c.figures.change.loc, said.loc));
    if (!own) continue;
    // each part's figure after its name (the second part's name after the first part's figure)
    const firstAt = m[0].indexOf(m[5], m[0].indexOf(m[3]) + m[3].length);
    const secondAt = m[0].indexOf(m[8], m[0].indexOf(m[6], firstAt + m[5].length) + m[6].length);
    const parts: Array<[Cell, Claim['direction']]> = [
      [fig(r, m[5], m.index! + firstAt), m[4] as Claim['direction']],
      [fig(r, m[8], m.index! + secondAt), m[7] as Claim['direction']],
    ];
    addChangeSum(r, own, own.figures.current ?? own.figures.change, own, parts);
  }
}

/** 支出…较（比）上年 增加/减少 D 万元，主要是 基本支出… 增加/减少 a 万元，项目支出… 增加/减少 b 万元 (either first) */
const EXPLAINED_BY_PARTS = new RegExp(
  `支出[^。；;，,]{0,12}?(?:较|比)(?:上年度?|\\d{4}年度?)(?:相比)?(增加|减少)了?${NUM}万元[,，]主要(?:原因)?(?:是|为)(?:由于)?[:：]?(基本支出|项目支出)(?:预算)?(增加|减少)了?${NUM}万元[,，、；;]?(?:和|及)?(基本支出|项目支出)(?:预算)?(增加|减少)了?${NUM}万元`,
  'g',
);
