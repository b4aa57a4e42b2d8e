/**
 * Narrative claims: the 情况说明 restates the tables in formulaic sentences; every figure such a
 * sentence states is a claim with a subject, figures (cells with their location) and, where the
 * subject names something a table holds, a link to that table cell.
 */
import type { SourceLine } from '../../ingest/text.js';
import { normalizeLabel, parseNumber } from '../../layout/tokenize.js';
import { printedCell } from '../cells.js';
import type { Cell, Claim, Form, Location, Report, Unit } from '../types.js';
import { byName, linkPath, linkSubject, totalOf, type WithCatalog } from './link.js';

/**
 * The narrative as one string without line breaks or spaces, each character mapped to its
 * source: the index of its line in `lines` and its column, in typed arrays (an object per
 * character took most of the memory on a long document).
 */
interface Stream {
  text: string;
  lines: SourceLine[];
  lineAt: Int32Array;
  columnAt: Int32Array;
}

const FOOTER_PREFIX = /^\s*[-—–]+\s*\d+\s*[-—–]+/;
// the figures parseNumber reads (thousands grouped by three, or none), never begun mid-number
const NUM = '(?<![\\d,.])(-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)';
const SEP = '[,，]';

function buildStream(lines: SourceLine[]): Stream {
  const parts: string[] = [];
  let size = lines.length;
  for (const line of lines) size += line.text.length;
  const lineAt = new Int32Array(size);
  const columnAt = new Int32Array(size);
  let n = 0;
  let previous: SourceLine | null = null;
  lines.forEach((line, k) => {
    // a gap (a table in between) ends the sentence: prose never runs across a table
    if (previous && line.line !== previous.line + 1) {
      parts.push('。');
      [lineAt[n], columnAt[n]] = [k, 1];
      n++;
    }
    previous = line;
    const raw = line.text.replace(FOOTER_PREFIX, (m) => ' '.repeat(m.length)).replace(/\*\*/g, '  ');
    for (let i = 0; i < raw.length; i++) {
      let ch = raw[i];
      const c = raw.charCodeAt(i);
      if (c <= 0x20 || c === 0x3000 || c === 0xa0) continue;
      if (ch === '％') ch = '%';
      parts.push(ch);
      [lineAt[n], columnAt[n]] = [k, i + 1];
      n++;
    }
  });
  return { text: parts.join(''), lines, lineAt, columnAt };
}

function locate(stream: Stream, from: number, to: number): Location {
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

function figure(stream: Stream, file: string, raw: string, index: number, unit: Unit | null, percent = false): Cell {
  return printedCell(raw, { ...locate(stream, index, index + raw.length), file }, unit, percent);
}

// ---------------------------------------------------------------------------------------------
// Linking a subject to the table cell it speaks of

const SECTION_RE = /[一二三四五六七八九十]{1,3}、[^，。；、:：]{2,40}?(?:情况说明|情况)/g;
// a path quoted in the sentence (“社会保障和就业支出（类）…”) starts after its opening quote
const PATH_RE = /([^。；，,：:、（）“”"\d.．]{2,30})（类）(?:([^。；，,：:、（）“”"]{2,30})（款）)?(?:([^。；，,：:、（）“”"]{2,30})（项）)?/g;

/** the last 类/款/项 path in text[from, to) with no figure between it and `to`: the subject there */
function pathBefore(text: string, from: number, to: number): string[] | null {
  const paths = [...text.slice(from, to).matchAll(PATH_RE)];
  const last = paths[paths.length - 1];
  if (!last) return null;
  const between = text.slice(from + last.index! + last[0].length, to);
  if (/万元|%/.test(between)) return null;
  // a heading glued before the class name is not part of it
  return last.slice(1).filter(Boolean).map((p) => p.replace(/^.*(说明|情况)/, ''));
}

function pathSubject(path: string[]): string {
  return path.map((p, i) => `${p}${['（类）', '（款）', '（项）'][i]}`).join('');
}

const cleanPath = (path: string[]) => path.map((p) => p.replace(/^[一二三四五六七八九十\d]+[、.．]/, ''));

function sections(text: string): Array<{ at: number; title: string }> {
  return [...text.matchAll(SECTION_RE)].map((m) => ({ at: m.index!, title: m[0] }));
}

/** the title of the last section starting at or before index (list in text order: a binary search, asked once per claim) */
function sectionAt(list: Array<{ at: number; title: string }>, index: number): string {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].at <= index) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? list[lo - 1].title : '';
}

/**
 * The items of a 其中 list: `subject amount万元 [，占 P%]` joined by ；、，. The list ends at the
 * first element that is not such an item (a sub-list, a comparison, another sentence).
 */
const LIST_ITEM = new RegExp(`^[:：]?([^0-9。；;，,、:：]{1,30}?)${NUM}万元(?:[,，]占(?:比)?${NUM}%)?([；;、，,。]|$)`);
const NOT_AN_ITEM = /比|较|增|减|主要|包括|其中|授予|合计|总额|总计|年度|预算|决算|完成/;

function listAfter(text: string, from: number): Array<{ raw: string; at: number }> {
  const items: Array<{ raw: string; at: number }> = [];
  let i = from;
  for (;;) {
    const m = LIST_ITEM.exec(text.slice(i, i + 80));
    if (!m || NOT_AN_ITEM.test(m[1])) break;
    items.push({ raw: m[2], at: i + m[0].indexOf(m[2], m[0].indexOf(m[1]) + m[1].length) });
    i += m[0].length;
    if (!m[4] || m[4] === '。') break;
  }
  return items;
}

const AMOUNT_RE = new RegExp(`${NUM}万元`, 'g');

/**
 * The last amount of the sentence before `to`, read back from `to` in growing windows: scanning
 * the sentence from its start for each change it states was quadratic in a long one. A window
 * begins at the sentence's start or after a character no amount holds, so no amount straddles it.
 */
function lastAmount(text: string, to: number): { raw: string; at: number } | null {
  // a change is measured against an amount said shortly before it, not pages earlier
  for (let width = 256; width <= 1024; width *= 2) {
    let b = Math.max(0, to - width);
    const dot = text.slice(b, to).lastIndexOf('。');
    const from = dot >= 0 ? b + dot + 1 : b;
    b = from;
    if (dot < 0) while (b > 0 && /[\d,.\-万元]/.test(text[b - 1])) b--;
    const found = [...text.slice(b, to).matchAll(AMOUNT_RE)];
    const last = found.reverse().find((m) => isLevel(text, b + m.index!, b + m.index! + m[0].length, to));
    if (last) return { raw: last[1], at: b + last.index! };
    if (dot >= 0 || b === 0) return null;
  }
  return null;
}

/**
 * The current-year amount a change is measured against: the last amount before it in the same
 * sentence, with nothing but words in between; or, when the sentence opens with 与20XX年相比,
 * the only amount of the sentence before. Otherwise none: the rate is then not checked.
 */
function currentAmount(text: string, at: number): { raw: string; at: number } | null {
  const own = lastAmount(text, at);
  if (own) return own;
  const start = text.lastIndexOf('。', at - 1) + 1;
  if (!/^与\d{4}年度?相比/.test(text.slice(start, at))) return null;
  const prevStart = text.lastIndexOf('。', start - 2) + 1;
  const prevText = text.slice(prevStart, start);
  const prev = [...prevText.matchAll(AMOUNT_RE)];
  // the previous sentence's one amount is the current one only if it is a level, not a change
  if (prev.length !== 1 || CHANGE_BEFORE_RE.test(prevText.slice(0, prev[0].index!))) return null;
  return { raw: prev[0][1], at: prevStart + prev[0].index! };
}

const CHANGE_BEFORE_RE = /(增加|减少|增长|下降|增|减)\s*$/;

/**
 * An amount that can be the current one of a change stated at `to`: not itself a change stated
 * earlier (减少 0.15 万元…；公务接待费减少 0.15 万元), not said aside in parentheses that close
 * before the change (（上年预算为 A 万元），增加 …).
 */
function isLevel(text: string, start: number, end: number, to: number): boolean {
  if (CHANGE_BEFORE_RE.test(text.slice(Math.max(0, start - 4), start))) return false;
  let depth = 0;
  for (let i = end; i < to; i++) {
    if (text[i] === '（' || text[i] === '(') depth++;
    else if (text[i] === '）' || text[i] === ')') {
      if (depth === 0) return false;
      depth--;
    }
  }
  return true;
}

/** the words before a figure, back to the previous punctuation: what the figure is said of */
function subjectBefore(text: string, index: number): string {
  // 收、支总计 is one subject, not a list
  const head = text.slice(Math.max(0, index - 40), index).replace(/收、支/g, '收支').replace(/收入、支出/g, '收入支出');
  const cut = Math.max(0, ...['，', ',', '。', '；', ';', '：', ':', '、', '其中', '说明', '情况'].map((d) => { const i = head.lastIndexOf(d); return i < 0 ? 0 : i + d.length; }));
  return head
    .slice(Math.max(0, cut))
    .replace(/^[（(][一二三四五六七八九十\d]+[）)]/, '')
    .replace(/^[一二三四五六七八九十\d]+[、.．]/, '')
    .replace(/(为|是|均为|各为|合计为|共计|达)$/, '');
}

export function extractClaims(lines: SourceLine[], file: string, report: Pick<Report, 'tables' | 'kind'> & Partial<Pick<Report, 'forms'>> & WithCatalog): Claim[] {
  const stream = buildStream(lines);
  const text = stream.text;
  const heads = sections(text);
  const claims: Claim[] = [];
  const used = new Set<number>();
  const unit: Unit = '万元';
  const add = (c: Omit<Claim, 'id'>) => claims.push({ id: `c${claims.length + 1}`, ...c });
  const fig = (raw: string, index: number, percent = false) => figure(stream, file, raw, index, percent ? null : unit, percent);

  // 年初预算为 A 万元，支出决算为 B 万元，完成年初预算的 P%
  const RATE = new RegExp(`年初预算(?:数)?为[:：]?${NUM}万元${SEP}支出决算(?:数)?为${NUM}万元(?:${SEP}完成年初预算的${NUM}%)?`, 'g');
  let lastRateEnd = 0;
  for (const m of text.matchAll(RATE)) {
    const at = m.index!;
    const iBudget = at + m[0].indexOf(m[1]);
    const iActual = at + m[0].indexOf(m[2], m[0].indexOf('支出决算'));
    const iRate = m[3] ? at + m[0].lastIndexOf(m[3]) : -1;
    const section = sectionAt(heads, at);
    // the subject: a 类/款/项 path since the previous such sentence, or the words before it
    const path = pathBefore(text, lastRateEnd, at);
    const subject = path ? pathSubject(path) : subjectBefore(text, at);
    const figures: Record<string, Cell> = { budget: fig(m[1], iBudget), actual: fig(m[2], iActual) };
    if (m[3]) figures.rate = fig(`${m[3]}%`, iRate, true);
    // execution-rate sentences speak of general-budget appropriation spending (公开05)
    const linkTo = path ? linkPath(report, report.kind, cleanPath(path)) : linkSubject(report, report.kind, subject, `${section}一般公共预算`);
    add({ kind: 'rate', subject, section, text: m[0], figures, parts: [], link: linkTo, whole: null, loc: { ...locate(stream, at, at + m[0].length), file } });
    for (let i = at; i < at + m[0].length; i++) used.add(i);
    lastRateEnd = at + m[0].length;
  }

  // 比上年增加 D 万元，增长 P% (the amount stated just before is the current year's)
  const YOY = new RegExp(`(增加|减少)${NUM}万元${SEP}(?:同比)?(增长|下降)${NUM}%`, 'g');
  for (const m of text.matchAll(YOY)) {
    const at = m.index!;
    const current = currentAmount(text, at);
    const iChange = at + m[1].length;
    const iRate = at + m[0].lastIndexOf(m[4]);
    const figures: Record<string, Cell> = { change: fig(m[2], iChange), rate: fig(`${m[4]}%`, iRate, true) };
    if (current && (m[1] === '增加') === (m[3] === '增长')) figures.current = fig(current.raw, current.at);
    add({
      kind: 'yoy',
      subject: subjectBefore(text, at),
      section: sectionAt(heads, at),
      direction: m[1] as '增加' | '减少',
      text: m[0],
      figures,
      parts: [],
      link: null,
      whole: null,
      loc: { ...locate(stream, at, at + m[0].length), file },
    });
    for (let i = at; i < at + m[0].length; i++) used.add(i);
  }

  // each name is looked up among the forms once: a long document names its projects many times
  const formNamed = new Map<string, Form | undefined>();
  /** the project a performance summary speaks of: named in quotes or in its 综述 heading just before */
  const projectBefore = (at: number, reach: number): { name: string; project: string } | null => {
    const before = text.slice(Math.max(0, at - reach), at);
    const named = [...before.matchAll(/[“"]([^”"]{2,40})[”"]项目/g)].pop() ?? [...before.matchAll(/(?:^|[。；\d.．、])([^。；：:“”"\d.．、]{2,40}?)项目绩效自评综述/g)].pop();
    if (!named) return null;
    // the form it speaks of: the same project name, or the one form whose name is close
    if (!formNamed.has(named[1])) formNamed.set(named[1], byName(report.forms ?? [], named[1], (f) => f.project));
    const form = formNamed.get(named[1]);
    return { name: named[1], project: form?.project ?? normalizeLabel(named[1]) };
  };

  // 项目全年预算数为 A 万元，实际支出 B 万元，…完成年度预算的 P%: a project's execution, checked with its form
  const PROJECT_RATE = new RegExp(`全年预算(?:数)?为${NUM}万元${SEP}(?:实际支出|执行数为|支出)${NUM}万元(?:${SEP}结转${NUM}万元)?${SEP}完成(?:年度)?预算的${NUM}%`, 'g');
  for (const m of text.matchAll(PROJECT_RATE)) {
    const at = m.index!;
    const named = projectBefore(at, 200);
    if (!named) continue;
    const iBudget = at + m[0].indexOf(m[1]);
    const iActual = at + m[0].indexOf(m[2], m[0].indexOf('万元') + 2);
    const iRate = at + m[0].lastIndexOf(`${m[4]}%`);
    add({
      kind: 'rate',
      subject: named.name,
      section: sectionAt(heads, at),
      project: named.project,
      text: m[0],
      figures: { budget: fig(m[1], iBudget), actual: fig(m[2], iActual), rate: fig(`${m[4]}%`, iRate, true) },
      parts: [],
      link: null,
      whole: null,
      loc: { ...locate(stream, at, at + m[0].length), file },
    });
    for (let i = at; i < at + m[0].length; i++) used.add(i);
  }

  // sentences: headline 其中：parts; shares 占 P%; plain amounts
  let start = 0;
  for (const sentence of text.split('。')) {
    const base = start;
    start += sentence.length + 1;
    const amounts = [...sentence.matchAll(new RegExp(`${NUM}万元`, 'g'))].map((m) => ({ raw: m[1], at: base + m.index! }));
    const other = sentence.indexOf('其中');
    const headline = other > 0 ? [...amounts].reverse().find((a) => a.at < base + other) : undefined;
    const section = sectionAt(heads, base);
    if (headline && other >= 0) {
      const parts = listAfter(text, base + other + 2);
      if (parts.length >= 2) {
        add({
          kind: 'sum',
          subject: subjectBefore(text, headline.at),
          section,
          text: sentence,
          figures: { whole: fig(headline.raw, headline.at) },
          parts: parts.map((p) => fig(p.raw, p.at)),
          link: null,
          whole: null,
          loc: { ...locate(stream, base, base + sentence.length), file },
        });
      }
    }
    let previousSubject = '';
    for (const a of amounts) {
      if (used.has(a.at)) continue;
      const after = text.slice(a.at + a.raw.length + 2, a.at + a.raw.length + 14);
      const share = new RegExp(`^${SEP}占(?:比)?${NUM}%`).exec(after);
      const here = sectionAt(heads, a.at);
      const path = pathBefore(text, Math.max(base, a.at - 120), a.at);
      let subject = path ? pathSubject(path) : subjectBefore(text, a.at);
      // 公务接待费预算 0.46 万元，支出决算 0.46 万元: the second figure is of the same item
      if (/^(支出)?决算(数)?$/.test(subject) && /预算(数)?$/.test(previousSubject)) subject = previousSubject.replace(/预算(数)?$/, subject);
      previousSubject = subject;
      const figures: Record<string, Cell> = { amount: fig(a.raw, a.at) };
      // the sentence and the one before it (支出预算总计 X 万元。包括：1．公共安全（类）支出 Y 万元)
      const said = text.slice(Math.max(0, a.at - 80), a.at);
      const allFunds = /(收支|支出)预算总计|支出预算合计|支出总计/.test(said) && !/一般公共预算|财政拨款/.test(said + here);
      const linkTo = path ? linkPath(report, report.kind, cleanPath(path), allFunds) : linkSubject(report, report.kind, subject, here);
      if (share) {
        const iShare = a.at + a.raw.length + 2 + share[0].indexOf(share[1]);
        figures.share = fig(`${share[1]}%`, iShare, true);
        if (headline && headline.at < a.at) figures.whole = fig(headline.raw, headline.at);
        // no headline stated: the share is of the table's total the item belongs to
        const whole = figures.whole ? null : totalOf(report, linkTo);
        add({ kind: 'share', subject, section: here, text: sentence, figures, parts: [], link: linkTo, whole, loc: { ...figures.amount.loc } });
      } else if (subject) {
        add({ kind: 'amount', subject, section: here, text: sentence, figures, parts: [], link: linkTo, whole: null, loc: { ...figures.amount.loc } });
      }
    }
  }

  // 项目自评得分 97 分, with the project named in quotes just before
  const SCORE = new RegExp(`自评得分(?:为)?${NUM}分`, 'g');
  for (const m of text.matchAll(SCORE)) {
    const at = m.index!;
    const named = projectBefore(at, 80);
    if (!named) continue;
    add({
      kind: 'score',
      subject: named.name,
      section: sectionAt(heads, at),
      project: named.project,
      text: m[0],
      figures: { score: figure(stream, file, m[1], at + m[0].indexOf(m[1]), null) },
      parts: [],
      link: null,
      whole: null,
      loc: { ...locate(stream, at, at + m[0].length), file },
    });
  }

  // counts: 共计 7 个项目，接待 4 批次、49 人次; 涉及项目11个
  const COUNT = new RegExp(`${NUM}(个项目|批次|人次|个团组|辆)|项目\\s*(\\d+)\\s*个(?![\\d万元])`, 'g');
  for (const m of text.matchAll(COUNT)) {
    const at = m.index!;
    const [raw, noun, rawAt] = m[1] ? [m[1], m[2], at] : [m[3], '个项目', at + m[0].indexOf(m[3])];
    const start = text.lastIndexOf('。', at) + 1;
    const end = text.indexOf('。', at);
    add({
      kind: 'count',
      subject: `${subjectBefore(text, at)}${noun}`,
      section: sectionAt(heads, at),
      // the whole sentence: what is counted (项目 assessed, 批次 received) is said around the figure
      text: text.slice(start, end < 0 ? undefined : end),
      // a count is exact: 7 projects are 7
      figures: { count: { ...figure(stream, file, raw, rawAt, null), lo: parseNumber(raw)!.value, hi: parseNumber(raw)!.value } },
      parts: [],
      link: null,
      whole: null,
      loc: { ...locate(stream, at, at + m[0].length), file },
    });
  }
  return claims.sort((a, b) => (a.loc.page ?? 0) - (b.loc.page ?? 0) || a.loc.line - b.loc.line || a.loc.column - b.loc.column);
}
