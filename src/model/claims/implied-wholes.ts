/**
 * Shares of one whole the text names but does not state (1. 基本支出 A 元，占一般公共预算支出的 84.06%；…
 * 2. 项目支出 B 元，占一般公共预算支出的 19.62%): each share and its amount imply the whole (A ÷ 84.06%),
 * and all the shares of that whole in a section must imply the same one, within what rounding allows.
 * Each share after the first of its whole is a claim (kind sharewhole) of its amount and share, and
 * those of the share before it that implies the whole most closely: two shares that agree with the
 * true whole imply wholes that overlap, so any pair that does not shows a wrong figure, and the
 * closest one before finds it where the first may be too loose to (梧州 2025 文旅: 项目支出 48100 元
 * 占 4.43% implies 1,084,555–1,087,006, which meets 住房 74784.48 元 占 6.90%'s 1,083,048–1,084,620; 文旅
 * 850088.3 元 占 78.33%'s 1,085,217–1,085,356 does not).
 */
import type { Cell, Claim } from '../types.js';
import { add, type Reading } from './reading.js';
import { namesItemsOwn, wholeOfShare } from './shares.js';

/** words that name no whole of their own: any total (占总支出的, 占比), which two sentences may mean differently */
const ANY_TOTAL = /^(本年|全年|全部)?(总支出|总收入|支出总额|收入总额|支出合计|收入合计|合计|总额|总计|总数|支出|收入|预算|决算)?$/;

/** the whole a share's words name (占一般公共预算支出的 → 一般公共预算支出), or null where they name none of its own */
function wholeName(words: string): string | null {
  const name = wholeOfShare(words);
  return name.length >= 4 && !ANY_TOTAL.test(name) && !namesItemsOwn(words) ? name : null;
}

/** the words of a share's sentence before its amount (a reason after it may name any year) */
function saidBefore(c: Claim): string {
  const at = c.text.indexOf(c.figures.amount.raw);
  return at < 0 ? c.text : c.text.slice(0, at);
}

/** words that name a year not the document's (2022年基本支出…占…): the whole may be that year's */
function ofAnotherYear(text: string, year: number | null | undefined): boolean {
  return [...text.matchAll(/(20\d{2})\s*年/g)].some((m) => Number(m[1]) !== year);
}

/** how wide the whole a share and its amount imply is, relative to it: the closer of two shares is the narrower */
function impliedWidth(c: Claim): number {
  const { amount, share } = c.figures as { amount: Cell; share: Cell };
  return share.lo > 0 && amount.value !== 0 ? (amount.hi / share.lo - amount.lo / share.hi) / (amount.value / share.value) : Infinity;
}

export function readImpliedWholes(r: Reading): void {
  const groups = new Map<string, Reading['unstatedShares']>();
  for (const u of r.unstatedShares) {
    const name = wholeName(u.words);
    if (!name || !u.claim.figures.share || !u.claim.figures.amount || ofAnotherYear(saidBefore(u.claim), r.report.year)) continue;
    const key = `${u.claim.section}\u0000${name}`;
    groups.set(key, [...(groups.get(key) ?? []), u]);
  }
  for (const [key, shares] of groups) {
    if (shares.length < 2) continue;
    const [first, ...rest] = shares.map((u) => u.claim);
    const name = key.split('\u0000')[1];
    // the narrowest so far (the earliest of equals)
    let anchor = first;
    for (const c of rest) {
      add(r, {
        kind: 'sharewhole',
        subject: name,
        section: c.section,
        text: c.text,
        figures: { amount: c.figures.amount, share: c.figures.share, firstAmount: anchor.figures.amount, firstShare: anchor.figures.share },
        parts: [],
        link: null,
        whole: null,
        loc: { ...c.figures.share.loc },
      });
      if (impliedWidth(c) < impliedWidth(anchor)) anchor = c;
    }
  }
}

