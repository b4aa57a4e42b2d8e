/**
 * The items a budget-execution statement lists under it: `…年初预算为 A 万元，支出决算为 B 万元…。其中：
 * 1.…（项）。年初预算为 a 万元，支出决算为 b 万元…；2.…`: the execution statements after its 其中, up to
 * the next heading of the outline ((四), 四、). They add up to it only where they are all of one level
 * (all 项, all 类, or all named without a path); a list that mixes levels is left unchecked.
 */

export interface RateAt {
  /** where the statement starts and ends in the narrative */
  at: number;
  end: number;
  /** its 类/款/项 path's length; 0 without a path */
  depth: number;
}

const LIST_OPEN = /其中[:：]/;
// a numbered item with an amount of its own (8、自然资源海洋气象等支出873万元,为年度新增支出)
const NUMBERED_AMOUNT = /(?:^|[。；;\n])\s*\d{1,2}[、.．][^。；;\n\d]{1,40}\d[\d,]*(?:\.\d+)?\s*万?元/;
const HEADING = /[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、/;

/** by the index of each statement that opens a list, the indices of the statements listed */
export function listedRates(text: string, rates: RateAt[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const opens = (i: number) => i + 1 < rates.length && LIST_OPEN.test(text.slice(rates[i].end, rates[i + 1].at));
  // a list within a list (公务用车购置及运行维护费…；其中：公务用车购置…，公务用车运行维护费…；公务接待费…):
  // where the inner one ends the text does not say, so neither is read as a sum
  const nested = new Set<number>();
  for (let i = 0; i + 1 < rates.length; i++) {
    const opened = text.slice(rates[i].end, rates[i + 1].at);
    if (!LIST_OPEN.test(opened) || HEADING.test(opened)) continue;
    const items = [i + 1];
    for (let j = i + 2; j < rates.length && !HEADING.test(text.slice(rates[j - 1].end, rates[j].at)); j++) items.push(j);
    const inner = items.filter((j) => opens(j) && j !== items[items.length - 1]);
    if (inner.length) {
      nested.add(i);
      for (const j of inner) nested.add(j);
      continue;
    }
    const depth = rates[i + 1].depth;
    if (items.length >= 2 && items.every((j) => rates[j].depth === depth) && !unreadItem(text, rates, items)) out.set(i, items);
  }
  for (const i of nested) out.delete(i);
  return out;
}

/**
 * whether the list holds an item said without a rate (8、自然资源海洋气象等支出873万元,为年度新增支出, 霖磐): between
 * two of its statements, or after its last before the next heading; the statements then do not add up to the whole
 */
function unreadItem(text: string, rates: RateAt[], items: number[]): boolean {
  for (let k = 1; k < items.length; k++) if (NUMBERED_AMOUNT.test(text.slice(rates[items[k - 1]].end, rates[items[k]].at))) return true;
  const after = text.slice(rates[items[items.length - 1]].end, rates[items[items.length - 1]].end + 400);
  const heading = after.search(HEADING);
  return NUMBERED_AMOUNT.test(heading < 0 ? after : after.slice(0, heading));
}
