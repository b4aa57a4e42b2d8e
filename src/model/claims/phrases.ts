/**
 * The phrases claims are read from: the narrative as one stream of characters mapped to their
 * source, and the readers of its pieces (sections, 类/款/项 paths, the words of changes, rates and
 * shares, the subject before a figure). The amount a change is measured against is current-amount.ts's.
 */
import { lowerBound } from '../../common/sorted.js';
import type { SourceLine } from '../../ingest/text.js';
import { printedCell } from '../cells.js';
import { CONTENTS_WITHIN } from '../contents.js';
import type { Cell, Location, Unit } from '../types.js';

/**
 * The narrative as one string without line breaks or spaces, each character mapped to its
 * source: the index of its line in `lines` and its column, in typed arrays (an object per
 * character took most of the memory on a long document).
 */
export interface Stream {
  text: string;
  lines: SourceLine[];
  lineAt: Int32Array;
  columnAt: Int32Array;
  /**
   * Amounts printed in 元, 千元 or 亿元: the stream reads 万元 after each (its 万 a character of its
   * own, or in place of 千 or 亿, mapped to the unit as printed), so that one grammar reads a
   * narrative in any unit; keyed by the index of that 万, the unit the amount was printed in.
   */
  units: Map<number, Unit>;
}

/** the units an amount may be printed in, other than 万元, by the character before 元 (none: 元 alone) */
const OTHER_UNITS: Record<string, Unit> = { 千: '千元', 亿: '亿元' };
const isDigit = (c: string) => c >= '0' && c <= '9';
const isBlank = (c: number) => c <= 0x20 || c === 0x3000 || c === 0xa0;

/** the index of the first character at or after i that is not blank */
function nextPrinted(raw: string, i: number): number {
  while (i < raw.length && isBlank(raw.charCodeAt(i))) i++;
  return i;
}

const FOOTER_PREFIX = /^\s*[-—–]+\s*\d+\s*[-—–]+/;
// the figures parseNumber reads (thousands grouped by three, or none), never begun mid-number
export const NUM = '(?<![\\d,.])(-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)';
export const SEP = '[,，]';
/** the words a completion rate follows: 完成预算的, 完成年初预算的, 完成全年预算数的 */
export const COMPLETED_OF = '完成(?:年初|全年)?预算(?:数)?的';

/**
 * lines: the narrative, in order. between(a, b): whether anything of the document (a table, a
 * form) stands between lines a and b; by default whatever is left out does. What was never part
 * of what the pages say (a page number at a page's foot) is no break: a sentence runs on overleaf.
 */
export function buildStream(lines: SourceLine[], between: (a: number, b: number) => boolean = () => true): Stream {
  let text = '';
  let size = lines.length;
  // room for a 万 before every 元
  for (const line of lines) size += 2 * line.text.length;
  const lineAt = new Int32Array(size);
  const columnAt = new Int32Array(size);
  const units = new Map<number, Unit>();
  let n = 0;
  // the last character read (text[n - 1] would flatten the string being built, at every character)
  let last = '';
  let previous: SourceLine | null = null;
  lines.forEach((line, k) => {
    // a gap (a table in between) ends the sentence: prose never runs across a table
    if (previous && line.line !== previous.line + 1 && between(previous.line, line.line)) {
      text += '。';
      last = '。';
      lineAt[n] = k;
      columnAt[n] = 1;
      n++;
    }
    previous = line;
    // (after the gap's test: the line after the page's number goes on with the sentence, as one line)
    if (isPageNumberBetween(lines, k)) return;
    const raw = line.text.replace(FOOTER_PREFIX, (m) => ' '.repeat(m.length)).replace(/\*\*/g, '  ');
    for (let i = 0; i < raw.length; i++) {
      let ch = raw[i];
      const c = raw.charCodeAt(i);
      if (isBlank(c)) continue;
      if (ch === '％') ch = '%';
      const after = isDigit(last);
      if (after && OTHER_UNITS[ch] && raw[nextPrinted(raw, i + 1)] === '元') {
        // 12.5亿元: the 亿 reads as 万
        units.set(n, OTHER_UNITS[ch]);
        ch = '万';
      } else if (after && ch === '元') {
        // 1,234.56元: a 万 of its own before the 元, where the 元 is printed
        units.set(n, '元');
        text += '万';
        lineAt[n] = k;
        columnAt[n] = i + 1;
        n++;
      }
      text += ch;
      last = ch;
      lineAt[n] = k;
      columnAt[n] = i + 1;
      n++;
    }
  });
  return { text, lines, lineAt, columnAt, units };
}

/**
 * A line that is a page's number alone (a copy of a PDF's text without its page breaks), between
 * lines of a sentence it cut: read into the sentence, its 7 and the next line's 19816.81 元 would be
 * 719816.81 元 (梧州's 2024 单位预算 as a web page gives it)
 */
function isPageNumberBetween(lines: SourceLine[], k: number): boolean {
  if (!/^\s*\d{1,3}\s*$/.test(lines[k].text)) return false;
  const next = lines[k + 1]?.text.trimStart() ?? '';
  const before = lines[k - 1]?.text.trimEnd() ?? '';
  return isDigit(next[0] ?? '') && !/[\d.,]$/.test(before);
}

/** the unit the amount printed at stream[index, index + length) is in: as printed after it, 万元 unless said otherwise */
export function unitAfter(stream: Stream, index: number, length: number): Unit {
  return stream.units.get(index + length) ?? '万元';
}

/** per stream, where its units are (in stream order) and the words already restored: every claim of one long sentence shares its text */
const restoredWords = new WeakMap<Stream, { at: number[]; done: Map<string, string> }>();

/**
 * A claim's words as printed: where the stream read 万元 for an amount in 元, 千元 or 亿元, the
 * printed unit restored. The words are found in the stream by their text (the first place that
 * holds such a 万); words with none are returned as they are.
 */
export function printedWords(stream: Stream, words: string): string {
  if (stream.units.size === 0 || !words.includes('万')) return words;
  let cache = restoredWords.get(stream);
  if (!cache) restoredWords.set(stream, (cache = { at: [...stream.units.keys()], done: new Map() }));
  let out = cache.done.get(words);
  if (out === undefined) cache.done.set(words, (out = restore(stream, words, cache.at)));
  return out;
}

/** `at`: the units' keys, in stream order: the first at or after a place tells whether the words there hold one */
function restore(stream: Stream, words: string, at: number[]): string {
  for (let from = stream.text.indexOf(words); from >= 0; from = stream.text.indexOf(words, from + 1)) {
    const k = lowerBound(at, from);
    if (k === at.length || at[k] >= from + words.length) continue;
    let out = '';
    let last = from;
    for (let i = k; i < at.length && at[i] < from + words.length; i++) {
      const unit = stream.units.get(at[i])!;
      out += stream.text.slice(last, at[i]) + (unit === '元' ? '' : unit[0]);
      last = at[i] + 1;
    }
    return out + stream.text.slice(last, from + words.length);
  }
  return words;
}

export function locate(stream: Stream, from: number, to: number): Location {
  const end = Math.max(from, to - 1);
  const a = stream.lines[stream.lineAt[from]];
  const b = stream.lines[stream.lineAt[end]];
  const loc: Location = {
    file: '',
    line: a.pageLine ?? a.line,
    column: stream.columnAt[from],
    endLine: b.pageLine ?? b.line,
    endColumn: stream.columnAt[end] + 1,
  };
  if (a.page !== undefined) loc.page = a.page;
  return loc;
}

export function figure(stream: Stream, file: string, raw: string, index: number, unit: Unit | null, percent = false): Cell {
  return printedCell(raw, { ...locate(stream, index, index + raw.length), file }, unit, percent);
}

// ---------------------------------------------------------------------------------------------
// Linking a subject to the table cell it speaks of

// a title ending in 情况说明 may list what it covers (九、一般公共预算“三公”经费、会议费、培训费支出预算情况说明);
// none runs over a 目录's leader (一、部门主要职能……五、部门预算表……六、其他相关情况说明 is three entries)
const SECTION_RE = /[一二三四五六七八九十]{1,3}、(?:[^，。；、:：…]{2,40}?(?:情况说明|情况)|[^，。；:：…]{2,40}?情况说明)/g;
// a path quoted in the sentence (“社会保障和就业支出（类）…”) starts after its opening quote
// a 款 or 项 name may hold a short bracketed word of its own (党委办公厅（室）及相关机构事务)
// the markers are printed in half-width brackets too (检察（款）一般行政管理事务(项))
// a name may hold a 、 between two of its words (环境保护法规、规划及标准（项）), not a list's number (2、法院（款）)
const PART = '(?:[^。；，,：:、（）()“”"]|(?<=[\\u4e00-\\u9fff])、(?=[\\u4e00-\\u9fff])|（[^（）类款项]{1,3}）){2,30}';
// a marker may carry the level's code, before or after its word (行政事业单位养老支出（05款）, （款05）, （20805款）)
const marker = (level: '类' | '款' | '项' | '([类款项])') => `[（(]\\s*(?:\\d{1,7}\\s*)?${level}(?:\\s*\\d{1,7})?\\s*[）)]`;
/** any level's marker, its word captured */
const ANY_MARKER_RE = new RegExp(marker('([类款项])'), 'g');
const PATH_RE = new RegExp(`([^。；，,：:、（）()“”"\\d.．]{2,30})${marker('类')}(?:(${PART})${marker('款')})?(?:(${PART})${marker('项')})?`, 'g');

const OWN_AMOUNT = new RegExp(`^[”"]?\\s*${NUM}\\s*万元(?=[，,。；;：:])`);

/**
 * the last 类/款/项 path in text[from, to) with no figure between it and `to`: the subject there.
 * ownAmount: the path's own amount may follow it (an execution statement after its item, “…（项）”257.14
 * 万元，主要用于…。年初预算为…), not another figure; an amount of the sentence is no such statement.
 */
export function pathBefore(text: string, from: number, to: number, ownAmount = false): string[] | null {
  const paths = [...text.slice(from, to).matchAll(PATH_RE)];
  const last = paths[paths.length - 1];
  if (!last) return null;
  const after = text.slice(from + last.index! + last[0].length, to);
  const between = ownAmount ? after.replace(OWN_AMOUNT, '') : after;
  if (/万元|%/.test(between)) return null;
  return namesOf(last);
}

/**
 * A 款's or 项's words as the path names it: not what an amount before them ended (737.94 万元（2）津贴补贴
 * (款), where a Word document sets a space before 万元), nor the list number after it
 */
const ownPart = (p: string) => {
  const amount = /^.*(万元|%)/.exec(p);
  return amount ? p.slice(amount[0].length).replace(/^\s*(?:[（(]\d{1,2}[）)]|\d{1,2}[、.．])\s*/, '') : p;
};

/**
 * a path match's names, 类 first; a heading glued before the class name is not part of it. A 款 not
 * said between its 类 and 项 (社会保障和就业支出（类）行政单位离退休（项）) is an empty name, so each name keeps
 * the level its marker says.
 */
const namesOf = (m: RegExpMatchArray): string[] => {
  const names = m.slice(1, 4).map((p, i) => (p ? (i ? ownPart(p) : p).replace(/^.*(说明|情况)/, '') : ''));
  while (names.length > 1 && !names[names.length - 1]) names.pop();
  return names;
};

// 款 and 项 named under the 类 named before them (公共安全（类）1．法院（款）行政运行（项）… 2．法院（款）一般行政事务管理（项）…)
const UNDER_CLASS_RE = new RegExp(`(${PART})${marker('款')}(?:(${PART})${marker('项')})?`, 'g');

/**
 * A 款 (and 项) path in text[from, to) with no 类, no figure between it and `to`: under the last 类
 * named before it where `sameSection` holds (a list's later items leave their 类 unsaid)
 */
export function pathUnderClass(text: string, from: number, to: number, sameSection: (at: number) => boolean): string[] | null {
  const parts = [...text.slice(from, to).matchAll(UNDER_CLASS_RE)];
  const last = parts[parts.length - 1];
  if (!last || /万元|%/.test(text.slice(from + last.index! + last[0].length, to))) return null;
  const start = from + last.index!;
  const back = Math.max(0, start - 2000);
  const classes = [...text.slice(back, start).matchAll(PATH_RE)].filter((m) => sameSection(back + m.index!));
  const named = classes[classes.length - 1];
  if (!named) return null;
  return [namesOf(named)[0], ...last.slice(1).filter(Boolean).map(ownPart)];
}

// a 项 printed with no 类 or 款 marker before it, its 款 glued on (人大事务行政运行（项）): the words
// are told apart by the table's names (link.ts, gluedItemPath)
// (a 款 marked before it is glued back on, so that the 项 is found under that 款 only)
const ITEM_RE = new RegExp(`(?:(${PART})${marker('款')})?(${PART})${marker('项')}`, 'g');

/** the words of the last 项 named in text[from, to) with no figure between it and `to`, its 款's before them where said */
export function itemBefore(text: string, from: number, to: number): string | null {
  const items = [...text.slice(from, to).matchAll(ITEM_RE)];
  const last = items[items.length - 1];
  if (!last || /万元|%/.test(text.slice(from + last.index! + last[0].length, to))) return null;
  return (last[1] ? ownPart(last[1]).replace(LEADING_LIST_NUMBER_RE, '') : '') + ownPart(last[2]);
}

export function pathSubject(path: string[]): string {
  return path.map((p, i) => (p ? `${p}${['（类）', '（款）', '（项）'][i]}` : '')).join('');
}

/** a list item's number (1．, 二、) */
const LIST_NUMBER = '[一二三四五六七八九十\\d]+[、.．]';
const LEADING_LIST_NUMBER_RE = new RegExp(`^${LIST_NUMBER}`);
const NUMBER_AFTER_MARKER_RE = new RegExp(`(（[类款]）)${LIST_NUMBER}\\s*`, 'g');

/** a path's names without the list numbers, or the codes, printed before them (2101501行政运行（项）) */
export const cleanPath = (path: string[]) => path.map((p) => p.replace(LEADING_LIST_NUMBER_RE, '').replace(/^\d{3,7}\s*(?=[\u4e00-\u9fff])/, ''));

/**
 * Words naming a 类/款/项 path as a path reads: its markers in full-width brackets (一般行政管理事务(项)),
 * no list number after a marker (住房保障支出（类）1．住房改革支出（款）), no enumeration cut short before it (一）)
 */
export const tidyPath = (words: string) =>
  words
    .replace(ANY_MARKER_RE, '（$1）')
    .replace(NUMBER_AFTER_MARKER_RE, '$1')
    .replace(/^[一二三四五六七八九十\d]{1,3}[）)](?=.*（[类款项]）)/, '');

// what follows an entry of a 目录, not a heading: a dotted leader (六、其他相关情况说明………), or the next
// entry, after its page number or not (一、收入支出决算总体情况说明3二、…; …测算分析情况第二部分…): a heading
// is followed by its text
const CONTENTS_ENTRY_END = /^(?:[…．.·_]{2,}|\d{0,3}(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]+部分))/;

/**
 * The numbered section headings of the narrative, not the 目录's entries (the last of which would
 * hold all the text before the body's first heading): an entry is followed by a leader or the next
 * entry, or its words head a line again further on (the body's heading, numbered or not: 六、其他相关
 * 情况说明 in the 目录, 其他相关情况说明 over its text)
 */
export function sections(stream: Stream): Array<{ at: number; title: string }> {
  const { text } = stream;
  const lineOf = (at: number) => stream.lines[stream.lineAt[at]].line;
  // a 目录 stands near the front, under a line saying so: only there is a heading said again a 目录's entry
  // (reports a document appends, one per project, repeat their headings: 一、项目基本情况)
  const contentsAt = text.indexOf('目录');
  const contentsEnd = contentsAt >= 0 && lineOf(contentsAt) <= CONTENTS_WITHIN ? lineOf(contentsAt) + CONTENTS_WITHIN : -1;
  const inContents = (at: number) => at > contentsAt && lineOf(at) <= contentsEnd;
  const headsLineAgain = (words: string, from: number) => {
    for (let j = text.indexOf(words, from); j >= 0; j = text.indexOf(words, j + 1)) {
      const before = stream.lines[stream.lineAt[j]].text.slice(0, stream.columnAt[j] - 1).trim();
      if (!before || LINE_HEAD_NUMBER.test(before)) return true;
    }
    return false;
  };
  return [...text.matchAll(SECTION_RE)]
    .filter((m) => {
      const end = m.index! + m[0].length;
      if (CONTENTS_ENTRY_END.test(text.slice(end, end + 12))) return false;
      const words = m[0].replace(/^[一二三四五六七八九十]{1,3}、/, '');
      return words.length < 4 || !inContents(m.index!) || !headsLineAgain(words, end);
    })
    .map((m) => ({ at: m.index!, title: m[0] }));
}

/** what may stand before a heading's words in its line: its number */
const LINE_HEAD_NUMBER = /^(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]+部分|[（(][一二三四五六七八九十]{1,3}[）)])$/;

/** the title of the last section starting at or before index (list in text order: a binary search, asked once per claim) */
export function sectionAt(list: Array<{ at: number; title: string }>, index: number): string {
  return headAt(list, index)?.title ?? '';
}

/** where the words of the section holding index begin: after its heading (0 before the first) */
export function sectionStart(list: Array<{ at: number; title: string }>, index: number): number {
  const head = headAt(list, index);
  return head && head.at + head.title.length <= index ? head.at + head.title.length : 0;
}

function headAt(list: Array<{ at: number; title: string }>, index: number): { at: number; title: string } | undefined {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].at <= index) lo = mid + 1;
    else hi = mid;
  }
  return list[lo - 1];
}

/** the words a change in amount is said with (增加 D 万元, 较上年增长 D 万元, 增支 D 万元) */
export const CHANGE_WORDS = '增加|减少|增长|下降|增支|减支|增收|减收';
/** what a rate's word may be followed by before its figure: 了, 为, 是, a note naming the word (增长（以下简称“增长”）R%) */
export const RATE_GLUE = '(?:了|为|是|[（(]以下简称[^（()）。]{1,20}[）)])?';
/** the words its rate is said with (增长 R%, 增幅 R%, 增长率为 R%, 下降了 R%, 上升 R%, 提高 R%), longest first */
export const RATE_WORDS = '增长率|下降率|负增长|增幅|降幅|减幅|增长|下降|降低|减少|增加|上升|提高';
/** what may stand between a change and its rate's word: 同比, 与上年（预算数）相比 (福建) */
export const RATE_LEAD = '同比|与上年度?(?:预算数?|决算数?)?相比|同口径(?:比|较)(?:上年度?|\\d{4}年度?)';
/** between a change and its rate: a comma, or 、 (增加 D 万元、增长 R%, 重庆): no list item starts with a rate's word */
export const RATE_SEP = '[,，、]';
/** whether a change's or a rate's word says up (增加, 增长, 上升, 增支…); the rest of CHANGE_WORDS and RATE_WORDS say down */
export const rises = (word: string) => /^(增加|加|增|增长|增长率|增幅|上升|提高|增支|增收)$/.test(word);
/** the words a share is said with, before its P%: 占, 占比, 占总支出的, 占基本支出, 占本年支出合计的比重为, 所占比重为 */
export const SHARE_WORDS = '(?:占(?:比重?|比例|[^，,。；;:：%\\d]{1,12}?(?:的(?:比重|比例)?)?)?|所占(?:比重|比例))(?:为|是)?';

/** where the words after the last amount or rate of head begin (0 if none): a heading's amount (公用经费1,131.92万元) is not the next item's subject */
function afterLastFigure(head: string): number {
  const at = head.lastIndexOf('万元');
  // 2,097.51万元, or with a space before its unit (2,097.51 万元, as Word sets it)
  const amount = at > 0 && /\d\s*$/.test(head.slice(0, at)) ? at + 2 : 0;
  // …为年初预算数476万元的98.74%公务用车运行维护费支出 3758 万元 (a rate run into the next item, its comma left out)
  // (most heads print no %: asked of every amount's words, the matching is left to those that do)
  const rate = head.includes('%') || head.includes('％') ? [...head.matchAll(/\d\s*[%％]/g)].pop() : undefined;
  return Math.max(amount, rate ? rate.index! + rate[0].length : 0);
}

const SUBJECT_ENDS = ['，', ',', '。', '；', ';', '：', ':', '、', '其中', '说明', '情况'];

/** the `reach` characters before index, and where in them the words after the last punctuation begin (0: none) */
function wordsBefore(text: string, index: number, reach: number): [string, number] {
  // 收、支总计 is one subject, not a list
  const head = text.slice(Math.max(0, index - reach), index).replace(/收、支/g, '收支').replace(/收入、支出/g, '收入支出');
  return [head, Math.max(0, ...SUBJECT_ENDS.map((d) => { const i = head.lastIndexOf(d); return i < 0 ? 0 : i + d.length; }), afterLastFigure(head))];
}

/**
 * the heading of an item a sentence that names nothing itself belongs to, just before it: 1、一般公共服务支出
 * （201类）人大事务（01款）行政运行（01项）。年初预算为…; [2080505]机关事业单位基本养老保险缴费支出：年初预算为…
 * ('' where the words before are a statement with figures of its own)
 */
export function headBefore(text: string, at: number): string {
  const before = text.slice(Math.max(0, at - 60), at).replace(/[。：:\s]+$/, '');
  const start = Math.max(before.lastIndexOf('。'), before.lastIndexOf('；'), before.lastIndexOf(';')) + 1;
  const said = before.slice(start);
  // from the item's own number on (1、, （三）): headings above it can run into it where no 。 ends them
  const last = [...said.matchAll(ITEM_NUMBER_RE)].pop();
  const head = (last ? said.slice(last.index! + last[0].length) : said).trim();
  return /万元|元|%/.test(head) ? '' : head;
}
const ITEM_NUMBER_RE = /(?:[一二三四五六七八九十\d]{1,2}[、.．]|[（(][一二三四五六七八九十\d]{1,2}[）)])(?!\d)/g;

/** the words before a figure, back to the previous punctuation: what the figure is said of */
/** the template's bracketed instruction to its writer (（按“部门预算公开06表…”中实际发生经济分类支出事项填写）) */
export const TEMPLATE_NOTE = '[（(](?:按|请|根据)[^（()）]{2,60}?(?:填写|填列|填报)[）)]';
const TEMPLATE_NOTE_RE = new RegExp(`^${TEMPLATE_NOTE}`);

export function subjectBefore(text: string, index: number): string {
  let [head, cut] = wordsBefore(text, index, 40);
  // a whole 类/款/项 path may be longer: its start, where one is found a little further back
  if (cut === 0 && index > 40) {
    const [wider, at] = wordsBefore(text, index, 90);
    if (at > 0) [head, cut] = [wider, at];
  }
  return head
    .slice(cut)
    // the template's instruction to its writer left before it (（按…填写）（二）公用经费: 形式/模板残留 reports it)
    .replace(TEMPLATE_NOTE_RE, '')
    .replace(/^[（(][一二三四五六七八九十\d]+[）)]/, '')
    .replace(LEADING_LIST_NUMBER_RE, '')
    // 补助 9.56 万元(生活补助 7.8 万元): the bracket the amount before it opened
    .replace(/^[（(](?![^（()）]*[）)])/, '')
    // 收、支总计各 A 万元: 各 says each of the two, it is no part of the subject's name
    .replace(/(为|是|均为|各为|各是|各|合计为|共计|达)$/, '')
    // 3.“教育支出”16.24 万元: a name quoted whole is the name (“三公”经费 keeps its quotes)
    .replace(/^[“"]([^“”"]+)[”"]$/, '$1');
}
