/** Counts said with their breakdown, and the units a budget covers counted by kind and listed. */
import type { Cell } from '../types.js';
import { figure, locate, sectionAt } from './phrases.js';
import { add, exactFigure, type Reading } from './reading.js';

const COUNT = '(\\d+(?:\\.\\d+)?)';

/** how a count and its 其中 list are worded: the count with its name, and one item of the list */
interface TallyWording {
  kind: 'tally' | 'staff' | 'area';
  /** the name (group 1), the count (group 2) and the 其中 that opens the list */
  whole: RegExp;
  /** from an item's start: its name (group 1), its count (group 2), the separator after it (group 3) */
  item: RegExp;
  /** the figures as printed, to their last digit (an area of 1234.5 平方米 may be 1234.46), not exact counts */
  measured?: boolean;
}

const TALLIES: TallyWording[] = [
  // vehicles (every province's 国有资产占用 section; a budget's 安排购置车辆 N 辆 too), after a comma
  // or a full stop: 共有车辆55辆。其中，…
  {
    kind: 'tally',
    whole: new RegExp(`((?:共有|购置|配备|现有)?车辆)${COUNT}辆[，,。]?其中[，,：:]?`, 'g'),
    item: new RegExp(`^([^\\d，。；、,;:：]{1,20}?)${COUNT}辆([、，,；;]?)`),
  },
  // staff posts by kind (人员编制数为93人，其中：行政编制64人，事业编制29人; 编制人数42，其中：行政编制人数19、…、
  // 自收自支编制人数13人): every item a kind of 编制, so that a list of other counts (实有人数, 在职人数
  // with its own breakdown) is not read as its parts
  {
    kind: 'staff',
    whole: /((?:人员|核定|批复|机构)?编制(?:人数|数)?)(?:为|是|共)?\s*(\d{1,5})\s*(?:人|名)?[，,。]?其中[，,：:]?/g,
    item: /^([^\d，。；、,;:：]{0,16}?编制(?:人数|数)?(?:为)?\s*)(\d{1,5})\s*(?:人|名)?([、，,；;]?)/,
  },
  // floor areas (a project's 地上建筑面积为8013平方米（其中计容面积7998平方米，不计容面积105平方米）, 上海; 国有资产's
  // 房屋 N 平方米，其中：办公用房…): every item an area too; an area said as about so much (约为 13459 平方米) is not summed
  {
    kind: 'area',
    whole: /([^\d，。；、,;:：（()）]{0,12}?面积)(?:为|是|共)?\s*(\d+(?:\.\d+)?)\s*(?:平方米|㎡)[，,]?[（(]?其中[，,：:]?/g,
    // an item's own breakdown in brackets after it (地上建筑面积为 A 平方米（其中…），地下建筑面积 B 平方米) is passed over
    item: /^([^\d，。；、,;:：（()）]{1,20}?面积(?:为|是)?\s*)(\d+(?:\.\d+)?)\s*(?:平方米|㎡)(?:[（(][^（()）]{0,80}[）)])?([、，,；;]?)/,
    measured: true,
  },
];

/** the items listed from `from`: name and count, until something that is not such an item */
function itemsAfter(text: string, from: number, item: RegExp): Array<{ raw: string; at: number; end: number }> {
  const items: Array<{ raw: string; at: number; end: number }> = [];
  for (let i = from; ; ) {
    const m = item.exec(text.slice(i, i + 140));
    if (!m) break;
    // where the item's figure and unit end, its separator left out
    items.push({ raw: m[2], at: i + m[1].length, end: i + m[0].length - m[3].length });
    if (!m[3]) break;
    i += m[0].length;
  }
  return items;
}

/**
 * Counts said with their breakdown: vehicles (共有车辆 8 辆，其中：部级领导干部用车 0 辆、…、其他用车 3 辆),
 * staff posts (编制人数42，其中：行政编制人数19、…) and floor areas. The parts of a count are counts: they
 * add up to it, or to less where the list names only some.
 */
export function readTallies(r: Reading): void {
  for (const wording of TALLIES) {
    for (const m of r.text.matchAll(wording.whole)) {
      // 规划建筑面积 A 平方米，其中地上建筑面积为 B 平方米（其中…): the 其中 before the name is no part of it
      const subject = m[1].replace(/^其中[，,：:]?/, '');
      const at = m.index! + m[1].length - subject.length;
      const items = itemsAfter(r.text, m.index! + m[0].length, wording.item);
      if (!items.length) continue;
      const last = items[items.length - 1].end;
      // a list in brackets (…面积为 A 平方米（其中…B 平方米）) is quoted to its closing bracket
      const end = /[（(]其中/.test(m[0]) && /[）)]/.test(r.text[last] ?? '') ? last + 1 : last;
      const wholeAt = m.index! + m[0].indexOf(m[2], m[1].length);
      const figureOf = (raw: string, index: number) => (wording.measured ? figure(r.stream, r.file, raw, index, null) : exactFigure(r, raw, index));
      const parts: Cell[] = items.map((it) => figureOf(it.raw, it.at));
      add(r, {
        kind: wording.kind,
        subject,
        section: sectionAt(r.heads, at),
        text: r.text.slice(at, end),
        figures: { whole: figureOf(m[2], wholeAt) },
        parts,
        link: null,
        whole: null,
        loc: { ...locate(r.stream, at, end), file: r.file },
      });
    }
  }
}

/**
 * The units a department's budget covers, counted by kind and then listed one by one (上海:
 * 本部门中，行政单位 1 家，参公单位 1 家，事业单位 4 家，具体包括：1. …本部 2. …): the counts said
 * before 具体包括 add up to the units listed after it, the list's last number printed.
 */
const ROSTER_RE = /具体包括(?:[（(][^（）()]{0,20}[）)])?[:：]/g;
const COUNT_OF_KIND = /([^\s，,。；;：:、\d一二两三四五六七八九十]{2,14}?)\s*(\d{1,3}|[一二两三四五六七八九十]{1,3})\s*家/g;
/** how far the next unit's number may stand from the one before: a unit's name, not a section */
const NEXT_UNIT_WITHIN = 60;

const CHINESE_DIGITS = '零一二三四五六七八九';
/** a count printed in Chinese numerals up to 99 (一, 两, 十二, 二十), or in digits */
function countValue(raw: string): number | null {
  if (/^\d+$/.test(raw)) return Number(raw);
  const digit = (c: string) => (c === '两' ? 2 : CHINESE_DIGITS.indexOf(c));
  const m = /^([一二两三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(raw);
  if (!m || (!m[1] && !m[2] && !m[3])) return null;
  if (!m[2]) return m[3] ? null : digit(m[1]);
  return (m[1] ? digit(m[1]) : 1) * 10 + (m[3] ? digit(m[3]) : 0);
}

/** where the numbered list from `from` ends: its last number and where that stands, or null where no 1. opens it */
function lastListed(text: string, from: number): { n: number; at: number; raw: string } | null {
  let last: { n: number; at: number; raw: string } | null = null;
  for (let n = 1, i = from; ; n++) {
    const re = new RegExp(`(?<![\\d.,])${n}[.．、](?=\\s*[\\u4e00-\\u9fff])`, 'g');
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m || m.index - i > (n === 1 ? 4 : NEXT_UNIT_WITHIN)) return last;
    last = { n, at: m.index, raw: String(n) };
    i = m.index + m[0].length;
  }
}

/** a count of units (行政单位 1 家, 共计3家, 一家), anywhere in a clause or at its end */
const UNIT_COUNT = /(\d{1,3}|[一二两三四五六七八九十]{1,3})\s*家/;
const ENDS_IN_COUNT = new RegExp(`${UNIT_COUNT.source}\\s*$`);

/**
 * Where the counts of units by kind may be read from, before 具体包括 at `at`: the sentence's
 * start, or after the last clause that counts units but does not end in its count (a paragraph
 * whose full stop is missing: `…下属 5 家预算单位的综合` run into `本部门中，行政单位 1 家，…`).
 */
function countsStart(text: string, at: number): number {
  const start = Math.max(text.lastIndexOf('。', at - 1) + 1, at - 120);
  const clauses = text.slice(start, at).split(/(?<=[，,；;])/);
  let end = at;
  for (let k = clauses.length - 1; k >= 0; k--) {
    const clause = clauses[k].replace(/[，,；;\s]+$/, '');
    if (UNIT_COUNT.test(clause) && !ENDS_IN_COUNT.test(clause)) return end;
    end -= clauses[k].length;
  }
  return start;
}

export function readRosters(r: Reading): void {
  for (const m of r.text.matchAll(ROSTER_RE)) {
    const at = m.index!;
    const start = countsStart(r.text, at);
    const counts = [...r.text.slice(start, at).matchAll(COUNT_OF_KIND)].map((c) => ({ raw: c[2], at: start + c.index! + c[0].lastIndexOf(c[2]), value: countValue(c[2]) }));
    const listed = counts.length && counts.every((c) => c.value !== null) ? lastListed(r.text, at + m[0].length) : null;
    if (!listed) continue;
    // a count in Chinese numerals (一家) is read as its digits, and keeps its printed words and place
    const count = (raw: string, where: number, value: number): Cell => ({ ...figure(r.stream, r.file, String(value), where, null), raw, value, lo: value, hi: value, decimals: 0, loc: { ...locate(r.stream, where, where + raw.length), file: r.file } });
    const end = listed.at + listed.raw.length;
    add(r, {
      kind: 'roster',
      subject: r.text.slice(start, at).replace(/[，,]$/, ''),
      section: sectionAt(r.heads, at),
      text: r.text.slice(start, at + m[0].length),
      figures: { count: count(listed.raw, listed.at, listed.n) },
      parts: counts.map((c) => count(c.raw, c.at, c.value!)),
      link: null,
      whole: null,
      loc: { ...locate(r.stream, start, end), file: r.file },
    });
  }
}
