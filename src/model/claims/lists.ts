/**
 * 其中 lists: the parts a headline amount is split into, in one sentence or numbered one a sentence.
 */
import { CHANGE_WORDS, COMPLETED_OF, NUM, RATE_GLUE, RATE_SEP, RATE_WORDS, SEP, SHARE_WORDS } from './phrases.js';

/**
 * The items of a 其中 list: `subject amount万元 [，占 P%] [，增加 D 万元]` joined by ；、，. An item's
 * own change (公务接待费 1.7 万元，减少 0.98 万元；财政拨款收入 950.12 万元，比2023年预算增加 0.46 万元；)
 * is said of it, not another part. The list ends
 * at the first element that is not such an item (a sub-list, a comparison, another sentence).
 */
// (its mark may be left out after a share: 基本支出445.80万元,占84.83%与2016年相比减少61.72万元, 马家镇)
const OWN_CHANGE = `(?:[,，]?(?:(?:比|较)(?:上年度?|\\d{4}年度?)(?:预算数?|决算数?|执行数?)?|与(?:上年度?|\\d{4}年度?)相比[,，]?|同比)?(?:(?:${CHANGE_WORDS})了?${NUM}万元(?:${RATE_SEP}?(?:同比)?(?:${RATE_WORDS})${RATE_GLUE}${NUM}%)?|(?:与上年)?(?:基本)?持平|无增减))?`;
// an item's own breakdown in brackets (公务用车购置及运行维护费 6.00 万元（其中：购置费 0 万元，运行维护费 6.00 万元）) is passed over
/** an item's own aside in brackets (（包括购置费 A 万元、运行费 B 万元）), before or after its change */
const ASIDE = '(?:[（(][^（()）]{1,80}[）)])?';
// an item may be numbered (1、一般公共财政预算拨款 507.37 万元): its number is no figure of it
// …and its own completion rate (因公出国（境）费决算为 0 万元，完成预算的 0%；, 上海 2025 决算's 三公 sentence)
const OWN_RATE = `(?:${SEP}${COMPLETED_OF}${NUM}%)?`;
// …and the cause of its change, to the ； that ends the item (基本支出695.37万元,比2024年减少35.51万元,主要原因是…;项目支出…, 重庆 2025)
const OWN_CAUSE = '(?:[,，](?:主要)?原因(?:是|为)?[:：]?[^；;。]{0,300}?(?=[；;]))?';
const LIST_ITEM = new RegExp(`^[:：,，]?((?:\\d{1,2}[、.．]|[（(]\\d{1,2}[）)])?[^0-9。；;，,、:：]{1,30}?)${NUM}万元(?:[,，]${SHARE_WORDS}${NUM}%)?${OWN_RATE}${ASIDE}${OWN_CHANGE}${ASIDE}${OWN_CAUSE}(?<end>[；;、，,。）)]|$)`);
/**
 * whether what is left of a sentence lists more items after a ；, one of them not zero (those printed
 * 0.00 add nothing), before another 其中 opens a list of its own (a heading and the next section run on
 * where no 。 ends the last). The last item's own 其中 (公务用车费 1,054 万元，其中运行维护费 1,054 万元，
 * 购置 0 万元；因公出国（境）费 20 万元) runs to the next ；, and the items after it are still the list's.
 */
function moreItems(rest: string): boolean {
  const nested = /^[,，]?其中/.test(rest) ? rest.search(/[；;]/) : 0;
  if (nested < 0) return false;
  const other = rest.indexOf('其中', nested + 1);
  const own = rest.slice(nested, other < 0 ? undefined : other);
  return [...own.matchAll(MORE_ITEMS)].some((m) => Number(m[1].replace(/,/g, '')) !== 0);
}
/** an item that is a total of its own, its parts listed after it: another headline, not a part */
const opensList = (name: string, after: string) => /总(?:收入|支出)/.test(name) && /^其中/.test(after);
const COUNTED_ITEM_AHEAD = new RegExp(`^[,，]?[^。；;%]{0,40}?\\d+(?:批次|次|人次|人|辆|个)[^。；;%\\d]{2,40}?${NUM}万元`);
const UNIT_WITHOUT_YUAN = /^[,，；;]?[^,，；;。]{0,30}?\d(?:万|亿)(?!元)/;
const MORE_ITEMS = new RegExp(`[；;][^；;。]{0,40}?${NUM}万元`, 'g');
const sentenceEnd = (text: string, from: number) => {
  const end = text.indexOf('。', from);
  return end < 0 ? Math.min(text.length, from + 400) : end;
};

/** an item of a numbered list, a sentence each: its name may hold 、 (公诉、审判、侦查、执行等检察监督支出（项）) */
const NUMBERED_ITEM = new RegExp(`^[:：,，]?([^0-9。；;，,:：]{1,40}?)${NUM}万元`);
// a figure's basis (年初预算数, 全年预算, 决算) is another figure of the same item, not a part; an item of a
// budget (政府采购货物预算, 基本支出预算) is a part
const BASIS = /^(支出)?决算|^预算数|^(年初|全年|调整后?)预算/;
export const NOT_AN_ITEM = /比|较|增|减|主要|包括|其中|授予|合计|总额|总计|年度|^预算|预算数|(?:年初|全年|调整后?|上年)预算|决算|完成/;
/**
 * an item that is itself a total (本年收入合计): a part of a 总计 (收入总计 X 万元，其中：本年收入合计 A 万元，
 * 使用非财政拨款结余 B 万元，年初结转和结余 C 万元), as the 收入支出决算总表 adds them; its name without 合计, and the
 * word that names what it adds up
 */
const SUBTOTAL_ITEM = /^(.*?(收入|支出))合计$/;

/**
 * The parts listed from `from` (after 其中：): `A x 万元、B y 万元。` in one sentence; or numbered, one
 * sentence each (`其中：（一）人员经费 x 万元。主要包括：…。（二）公用经费 y 万元。`), while `sameSection`
 * holds for where the next number stands.
 */
export function listAfter(text: string, from: number, sameSection: (at: number) => boolean = () => false, ofGrandTotal = false, endsAtSemicolon = false): Array<{ raw: string; at: number }> {
  const items: Array<{ raw: string; at: number }> = [];
  /** what the list's 合计 item adds up (收入 of 本年收入合计), once one is read */
  let summed: string | null = null;
  let outlined = false;
  let i = from;
  for (;;) {
    const m = LIST_ITEM.exec(text.slice(i, i + 500));
    // the outline's next heading ends a list not numbered so itself ((二)年末结转和结余 after (一)基本支出's 其中：
    // 1、…2、…3、…, 澧阳中学; a list of （一）人员经费 …（二）公用经费 goes on)
    if (m && items.length && OUTLINE_HEADING.test(m[1]) && !outlined) break;
    if (m && !items.length) outlined = OUTLINE_HEADING.test(m[1]);
    // an item's figures by basis (因公出国（境）费预算 0.00 万元，支出决算为 0.00 万元) pair, they do not add up
    if (m && items.length && BASIS.test(m[1])) return [];
    // an item named with its actual (公务接待费支出决算为 1.53 万元): the item's name is what comes before
    const name = m ? ownItem(m[1].replace(ENUMERATOR, '')) : '';
    const total = m && ofGrandTotal ? SUBTOTAL_ITEM.exec(name) : null;
    const subtotal = total && !NOT_AN_ITEM.test(total[1]) ? total : null;
    // after 本年收入合计, an item of 收入 (财政拨款收入) is one of its own parts, not the 总计's: the list does not add up to it
    if (summed && name.endsWith(summed)) return [];
    if (!m || (NOT_AN_ITEM.test(name) && !subtotal) || (items.length >= 2 && opensList(name, text.slice(i + m[0].length)))) {
      // …or by the next headline, a total with its own 其中 (…转移性收入 B 亿元；市本级一般公共预算总支出 C 亿元，其中：…): the list is whole
      if (m && !NOT_AN_ITEM.test(name)) break;
      // stopped by words it cannot read while more items follow in the sentence (预备费 24 亿元，占总支出的
      // 0.4%，占省本级支出的 1.6%，比例符合预算法规定；债务还本支出 65.78 亿元): the parts read are not all
      if (items.length >= 2 && moreItems(text.slice(i, sentenceEnd(text, i)))) return [];
      // …or by a count run into the next item's name (…国内公务接待批次为274次,共计接待2175人次公务用车购置及运行维护费为8.39万元, 施甸)
      if (items.length >= 2 && COUNTED_ITEM_AHEAD.test(text.slice(i, sentenceEnd(text, i)))) return [];
      // …or by an amount written without its 元 (待偿债再融资一般债券结余1亿，调出资金2.2亿): a part not read
      if (items.length && UNIT_WITHOUT_YUAN.test(text.slice(i, sentenceEnd(text, i)))) return [];
      break;
    }
    if (subtotal) summed = subtotal[2];
    items.push({ raw: m[2], at: i + m[0].indexOf(m[2], m[0].indexOf(m[1]) + m[1].length) });
    i += m[0].length;
    // a bracketed list (（其中：A 万元，B 万元）) ends at its bracket; one an item of an outer list opens, at its ；
    if (!m.groups!.end || /[。）)]/.test(m.groups!.end) || (endsAtSemicolon && /[；;]/.test(m.groups!.end))) break;
  }
  // the list's first number, right after 其中： (a window: not the rest of the document copied per list)
  const numbered = items.length === 1 ? ENUMERATOR.exec(text.slice(from, from + 8).replace(/^[:：]/, '')) : null;
  if (!numbered) return items;
  const rest = numberedAfter(text, i, numbered[0], sameSection);
  return rest ? [...items, ...rest] : [];
}

/** 公务接待费支出决算为 → 公务接待费: an item's name before the word for its actual, where one stands before it */
function ownItem(name: string): string {
  const own = name.replace(/(?:支出)?决算(?:数)?为?$/, '');
  return own !== name && own.length >= 2 && !/^(?:当年|本年|全年)?(?:支出)?$/.test(own) ? own : name;
}

const OUTLINE_HEADING = /^\s*(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)/;

// a list's numbers: （一） (1) 1. 1、; the item's name follows
const ENUMERATOR = /^(?:[（(][一二三四五六七八九十\d]{1,2}[）)]|\d{1,2}[.．、])/;
const CHINESE_NUMERALS = '一二三四五六七八九十';

/** the number after `first` in its own style: （一） → （二）, 1. → 2. */
function nextEnumerator(current: string): string | null {
  const inner = /[一二三四五六七八九十]|\d{1,2}/.exec(current);
  if (!inner) return null;
  const n = /\d/.test(inner[0]) ? String(Number(inner[0]) + 1) : CHINESE_NUMERALS[CHINESE_NUMERALS.indexOf(inner[0]) + 1];
  return n ? current.replace(inner[0], n) : null;
}

/** the numbered items after the first, each the next number with its name and amount, a sentence or two apart */
/** an item of nothing (4．结转下年资金预算数为0万元) adds nothing, whatever its wording */
const isZero = (raw: string) => Number(raw.replace(/,/g, '')) === 0;

/**
 * where a list's number `mark` next stands from `from`, and as printed: not the end of a figure (4. of
 * 844.58万元); a number's stop may change on the way (1．2．3、, 江苏检察院 2019)
 */
function markAt(text: string, mark: string, from: number): { at: number; printed: string } | null {
  const digits = /^(\d{1,2})[.．、]$/.exec(mark);
  const re = new RegExp(digits ? `(?<![\\d.,])${digits[1]}[.．、]` : mark.replace(/[()]/g, '\\$&'), 'g');
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? { at: m.index, printed: m[0] } : null;
}

/** how far the next number may stand from the item before it: past what explains that item, its change and the reasons for it (江苏) */
const NEXT_ITEM_WITHIN = 400;

function numberedAfter(text: string, from: number, first: string, sameSection: (at: number) => boolean): Array<{ raw: string; at: number }> | null {
  const items: Array<{ raw: string; at: number }> = [];
  let i = from;
  for (let mark = nextEnumerator(first); mark; mark = nextEnumerator(mark)) {
    const found = markAt(text, mark, i);
    // the next number within what explains the item before it (主要包括：…), not sections away
    if (!found || found.at - i > NEXT_ITEM_WITHIN || !sameSection(found.at)) break;
    const start = found.at + found.printed.length;
    const m = NUMBERED_ITEM.exec(text.slice(start, start + 180));
    // the next number is there and its item cannot be read (no amount in 万元, another wording): the
    // list's sum is not known, rather than known short
    if (!m || (NOT_AN_ITEM.test(m[1]) && !isZero(m[2]))) return null;
    items.push({ raw: m[2], at: start + m[0].indexOf(m[2], m[1].length) });
    i = start + m[0].length;
  }
  return items;
}

/** the whole a share right after an amount is of: 占支出总预算的 4.43% → 支出总预算 */
function shareWholeAfter(text: string, at: number): string | null {
  const m = SHARE_OF.exec(text.slice(at, at + 60));
  return m ? m[1].replace(/\s+/g, '') : null;
}
const SHARE_OF = /^[\d,.]+\s*(?:万元|元|亿元)[,，]\s*占([^，,。；;%\d]{2,12}?)的?(?:比重|比例)?\s*\d/;

/**
 * Whether a 其中 list's first item is a share of the same whole as its headline is (项目支出预算 48100 元，占支出
 * 总预算的 4.43%，…。其中：（一）文化旅游…支出类科目 850088.3 元，占支出总预算 78.33%): the items are the
 * headline's siblings, the parts of a whole stated before, not its parts (梧州 2025).
 */
export function sharesOneWhole(text: string, headlineAt: number, firstPartAt: number): boolean {
  const own = shareWholeAfter(text, headlineAt);
  return own !== null && own === shareWholeAfter(text, firstPartAt);
}
