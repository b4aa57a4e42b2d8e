/**
 * A 其中 list whose whole and every item each state their change from last year (本年支出合计525.54万元,
 * 与2016年相比减少59.42万元…；其中：基本支出445.80万元,…减少61.72万元…；项目支出79.63万元,…增加2.19万元…):
 * the items' changes add up to the whole's. The 三公 total and its items are three-public-tally.ts's.
 */
import type { Cell, Claim } from '../types.js';
import { add, exactZero, sameLoc, type Reading } from './reading.js';

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
    add(r, {
      kind: 'changesum',
      subject: sum.subject,
      section: sum.section,
      text: sum.text,
      figures: { whole: sum.figures.whole, change: signedChange(own.figures.change, own.direction) },
      parts: [],
      items: theirs.map((c) => ({ change: signedChange(exactZero(c!.figures.change, own.figures.change), c!.direction) })),
      link: null,
      whole: null,
      loc: { ...own.figures.change.loc },
    });
  }
}
