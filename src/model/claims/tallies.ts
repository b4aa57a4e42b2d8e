/**
 * Counts said with their breakdown: 共有车辆 8 辆，其中：部级领导干部用车 0 辆、…、其他用车 3 辆 (every
 * province's 国有资产占用 section words its vehicles so; a budget's 安排购置车辆 N 辆 too). The parts of a
 * count are counts: they add up to it, or to less where the list names only some.
 */
import type { Cell } from '../types.js';
import { locate, sectionAt } from './phrases.js';
import { add, exactFigure, type Reading } from './reading.js';

const COUNT = '(\\d+(?:\\.\\d+)?)';
// the count and the 其中 that opens its list (after a comma, or a full stop: 共有车辆55辆。其中，…)
const TALLY_RE = new RegExp(`((?:共有|购置|配备|现有)?车辆)${COUNT}辆[，,。]?其中[，,：:]?`, 'g');
// one item: its name and its count, up to the next item's separator
const ITEM_RE = new RegExp(`^([^\\d，。；、,;:：]{1,20}?)${COUNT}辆([、，,；;]?)`);

/** the items listed from `from`: name and count, until something that is not such an item */
function itemsAfter(text: string, from: number): Array<{ raw: string; at: number }> {
  const items: Array<{ raw: string; at: number }> = [];
  for (let i = from; ; ) {
    const m = ITEM_RE.exec(text.slice(i, i + 40));
    if (!m) break;
    items.push({ raw: m[2], at: i + m[1].length });
    if (!m[3]) break;
    i += m[0].length;
  }
  return items;
}

export function readTallies(r: Reading): void {
  for (const m of r.text.matchAll(TALLY_RE)) {
    const at = m.index!;
    const items = itemsAfter(r.text, at + m[0].length);
    if (!items.length) continue;
    const end = items[items.length - 1].at + items[items.length - 1].raw.length + 1;
    const wholeAt = at + m[1].length;
    const parts: Cell[] = items.map((it) => exactFigure(r, it.raw, it.at));
    add(r, {
      kind: 'tally',
      subject: m[1],
      section: sectionAt(r.heads, at),
      text: r.text.slice(at, end),
      figures: { whole: exactFigure(r, m[2], wholeAt) },
      parts,
      link: null,
      whole: null,
      loc: { ...locate(r.stream, at, end), file: r.file },
    });
  }
}
