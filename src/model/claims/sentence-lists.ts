/**
 * Where a sentence's shares and 其中 lists reach past it: a list whose items go on a sentence each,
 * shares of a whole the sentence does not state (the items' sum, or the total the narrative said
 * before). Used by the sentence reader (claims.ts).
 */
import { normalizeLabel } from '../../layout/tokenize.js';
import type { Cell, Claim } from '../types.js';
import { NOT_AN_ITEM } from './lists.js';
import { NUM, sectionAt, subjectBefore } from './phrases.js';
import { fig, type Reading } from './reading.js';
import { namesItemsOwn, ofHeadline, SHARE_AFTER, shareWords, WHOLE_NAMED_RE, wordsAfter } from './shares.js';

export type Amount = { raw: string; at: number };

/**
 * A 其中 list whose sentence held one item, said the way the list's items go on, a sentence each
 * (其中：⏎工资福利支出预算 A 元，占基本支出预算 P%，同比…。⏎商品和服务支出预算 B 元，占基本支出预算 Q%…。, 梧州;
 * 其中：人员经费 A 元，主要包括：…。公用经费 B 元，主要包括：…。): its share of the headline, or what it includes.
 */
export interface OpenList {
  sum: { claim: Claim; parts: Amount[] };
  headline: Amount;
  /** the headline's figure, which the items may not add up past */
  whole: Cell;
  section: string;
  /** what each item says after its amount: a share of the headline, or what it includes */
  style: 'share' | 'includes';
  names: string[];
}

/** how an item goes on after its amount: its share of the headline (占基本支出预算 P%), or what it includes */
function itemStyle(r: Reading, item: Amount, headline: Amount): OpenList['style'] | null {
  const after = wordsAfter(r.text, item);
  const share = SHARE_AFTER.exec(after);
  if (share) return ofHeadline(shareWords(share[0]), normalizeLabel(subjectBefore(r.text, headline.at))) ? 'share' : null;
  return /^[,，:：]?(?:主要)?(?:包括|用于)/.test(after) ? 'includes' : null;
}

export function openList(r: Reading, sum: OpenList['sum'], headline: Amount, base: number): OpenList | null {
  if (sum.parts.length !== 1) return null;
  const style = itemStyle(r, sum.parts[0], headline);
  return style ? { sum, headline, whole: sum.claim.figures.whole, section: sectionAt(r.heads, base), style, names: [normalizeLabel(subjectBefore(r.text, sum.parts[0].at))] } : null;
}

/**
 * The sentence as the list's next item: a name and its amount opening it, said as the first item
 * was, in the same section, not a name the list has, not past the headline; its amount joins the
 * list's parts. Null once the sentence is no such item: the list has ended.
 */
export function goesOn(r: Reading, open: OpenList, sentence: string, base: number): OpenList | null {
  if (sectionAt(r.heads, base) !== open.section) return null;
  const m = LEADING_ITEM.exec(sentence);
  if (!m || NOT_AN_ITEM.test(m[1])) return null;
  const item = { raw: m[2], at: base + m[0].length - m[2].length - 2 };
  const name = normalizeLabel(m[1]);
  if (open.names.includes(name) || itemStyle(r, item, open.headline) !== open.style) return null;
  const part = fig(r, item.raw, item.at);
  if (open.sum.claim.parts.reduce((n, p) => n + p.lo, part.lo) > open.whole.hi) return null;
  open.sum.claim.parts.push(part);
  open.names.push(name);
  return open;
}

/**
 * A 其中 list its sentence ended short of its headline, and the next sentence nothing but items,
 * a name and its amount each (…其中:一般公共预算拨款1125.76万元,上年结转0.00万元。事业收入86.97万元,其他收入
 * 70.00万元。, 重庆 2025): the list goes on there, where with them the items make the headline, as
 * their rounding allows. A sentence of other items (another list, a total of its own) does not.
 */
export function continuesShortList(r: Reading, sum: { claim: Claim }, section: string, sentence: string, base: number): boolean {
  if (sectionAt(r.heads, base) !== section) return false;
  const items = [...sentence.trimEnd().matchAll(BARE_ITEM)];
  if (!items.length || items.map((m) => m[0]).join('') !== sentence.trimEnd() || items.some((m) => NOT_AN_ITEM.test(m[1]))) return false;
  const parts = items.map((m) => fig(r, m[2], base + m.index! + m[0].indexOf(m[2], m[1].length)));
  const { whole } = sum.claim.figures;
  const lo = [...sum.claim.parts, ...parts].reduce((n, p) => n + p.lo, 0);
  const hi = [...sum.claim.parts, ...parts].reduce((n, p) => n + p.hi, 0);
  if (!whole || lo > whole.hi + 1e-9 || hi < whole.lo - 1e-9) return false;
  sum.claim.parts.push(...parts);
  return true;
}

/** an item alone: its name and amount, and the mark that parts it from the next */
const BARE_ITEM = new RegExp(`([^0-9。；;，,、:：（()）\\s]{2,20}?)${NUM}万元[，,、；;]?`, 'g');

/** a sentence opening with an item's name and amount, no list number before it (a new number is the next list) */
const LEADING_ITEM = new RegExp(`^([^0-9。；;，,、:：（()）]{2,20}?)${NUM}万元`);

/**
 * The 本年收入合计 / 本年支出合计 (收入总计, 支出总计) a share names (占本年支出合计的 P%), as the narrative
 * stated it before in a claim of its own: only where every such statement gives the same figure.
 */
export function totalSaidBefore(claims: Claim[], words: string): Cell | null {
  const m = WHOLE_NAMED_RE.exec(words);
  // 占总收入的 P%, the whole said before as 总收入 (汕头大学医学院 2016): no table's row is named so, the text's is
  const own = m ? null : /占总(收入|支出)(?:的|$)/.exec(words);
  if (!m && !own) return null;
  const name = m ? new RegExp(`${m[1] ? '本年' : ''}${m[2]}${m[3]}$`) : new RegExp(`总${own![1]}$`);
  const said = claims.filter((c) => (c.kind === 'amount' || c.kind === 'sum') && name.test(normalizeLabel(c.subject)) && (c.figures.amount ?? c.figures.whole));
  const figures = said.map((c) => (c.figures.amount ?? c.figures.whole)!);
  return figures.length && figures.every((f) => f.value === figures[0].value) ? figures[figures.length - 1] : null;
}

/**
 * Shares of one whole the sentence does not state and no table gives (因公出国（境）费 106 万元，占“三公”经费的
 * 16.06%；公务用车… 156.6 万元，占…23.72%；公务接待费 397.5 万元，占…60.22%): where every share but at most
 * one is its item's share of the items' sum (as their rounding allows), and two at least, the items are
 * the whole, and each is checked as a share of their sum. A list leaving an item out makes every
 * share other than the sum's, and is not checked so; shares that add up to 100% are all of it whatever
 * they agree with (two items' shares swapped: 16.3 万元，占36.58%；9.4 万元，占63.42%).
 */
export function sharesOfTheirSum(unstated: Array<{ claim: Claim; words: string }>): void {
  const byWhole = new Map<string, Claim[]>();
  for (const { claim, words } of unstated) byWhole.set(words, [...(byWhole.get(words) ?? []), claim]);
  for (const claims of byWhole.values()) {
    if (claims.length < 2) continue;
    const lo = claims.reduce((n, c) => n + c.figures.amount.lo, 0);
    const hi = claims.reduce((n, c) => n + c.figures.amount.hi, 0);
    // each item's share of the sum at its least and most: the rest of the sum at its most, then at its least
    const ofSum = (c: Claim) => {
      const { lo: a, hi: b } = c.figures.amount;
      return { lo: (100 * a) / (a + hi - b || 1), hi: (100 * b) / (b + lo - a || 1) };
    };
    const agreeing = claims.filter((c) => {
      const range = ofSum(c);
      return c.figures.share.lo <= range.hi + 1e-9 && range.lo <= c.figures.share.hi + 1e-9;
    }).length;
    // shares that add up to 100% (as their rounding allows) say so themselves: the items are the whole
    const all = claims.reduce((n, c) => n + c.figures.share.lo, 0) <= 100 + 1e-9 && claims.reduce((n, c) => n + c.figures.share.hi, 0) >= 100 - 1e-9;
    if (!all && (agreeing < 2 || claims.length - agreeing > 1)) continue;
    const parts = claims.map((c) => c.figures.amount);
    for (const c of claims) c.parts = parts;
  }
}

/**
 * Shares of one whole that their sentence lists together and that no sum resolved (因公出国（境）费支出0万元，
 * 占0.00%；公务用车购置及运行维护费支出4.02万元，占89.33%；公务接待费支出7.94万元，占39.7%): their whole
 * unknown, they still cannot add up to more than all of it. The groups of two or more, of the same words,
 * with nothing but their own claims (or claims of no amount) between them in `claims`, and those words.
 */
export function sharesListedTogether(unstated: Array<{ claim: Claim; words: string; at: number }>, claims: Claim[], text: string): Array<{ words: string; shares: Claim[] }> {
  const byWhole = new Map<string, Array<{ claim: Claim; at: number }>>();
  // each item's own budget (占调整预算 90.75%: a completion rate) is no whole the items share
  for (const { claim, words, at } of unstated) if (!claim.parts.length && !namesItemsOwn(words)) byWhole.set(words, [...(byWhole.get(words) ?? []), { claim, at }]);
  const groups: Array<{ words: string; shares: Claim[] }> = [];
  for (const [words, listed] of byWhole) {
    // a 其中 between them opens a list of an item's parts (公务用车…占100%（其中：购置费…占0.00%；运行维护费…占100%）)
    if (listed.length < 2 || /其中/.test(text.slice(listed[0].at, listed[listed.length - 1].at))) continue;
    const group = listed.map((l) => l.claim);
    const members = new Set(group);
    const from = claims.indexOf(group[0]);
    const to = claims.indexOf(group[group.length - 1]);
    const between = claims.slice(from, to + 1);
    if (between.every((c) => members.has(c) || !(c.kind === 'amount' || c.kind === 'share' || c.kind === 'sum'))) groups.push({ words, shares: group });
  }
  return groups;
}
