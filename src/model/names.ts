/**
 * Where a document names its department: its cover (上海市XX局2024年度部门决算, 2023年度临夏市医疗
 * 保障局部门决算), its section and table headings (第一部分 贵州省卫生项目管理办公室概况, 2017年度江苏省
 * 高级人民法院部门政府性基金支出预算表, 上海市普陀区财政局主要职能) and the labels over its tables (编制单位：…, 部门：…, 单位名称：…).
 * Each is read as printed; whether it is the document's own name is for a rule to compare.
 */
import type { SourceLine } from '../ingest/text.js';
import type { Location, NameMention } from './types.js';

/** the cover is the first few lines with text: a name there is the document's own */
const COVER_LINES = 10;
/** a heading is a short line without a sentence's punctuation */
const MAX_HEADING = 50;

// a label over a table and the name after it, up to a space, a unit (金额单位：, 单位：) or the line's end;
// 部门 alone only where it starts a label (after a space, a year, a unit or a table's number), not the
// end of 主管部门, 实施部门, 责任部门 of a form, which name other units by nature
const LABEL_RE = /(预算主管部门|编制部门|编制单位|单位名称|部门名称|预算单位|(?<=^|[\s\u3000]|年度?|[表元一二三四五六七八九十\d])部门(?:[（(]单位[）)])?)\s*[:：]\s*([^\s:：]{2,40}?)(?=\s|金额|单位\s*[:：]|$)/g;
// a table's label left blank, its unit printed after it on the line (编制部门： 单位：元)
const BLANK_LABEL_RE = /(编制部门|编制单位|单位名称|部门名称|(?<=^|[\s\u3000])部门(?:[（(]单位[）)])?)\s*[:：](?=\s*(?:金额)?单位\s*[:：])/g;
/** text without pages: how many lines from a blank label its name may stand on a line of its own */
const NAME_NEAR = 6;
// a name is words, not a sentence, a figure or a list
const NOT_A_NAME = /[\d，。、；;,.%]|万元|^单位$|^部门$/;
// a heading's number (第一部分, 一、, （一）, 附件2：, 表一)
const ENUMERATION = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|附件\d*[:：]?|(?:公开|部门公开)?表[一二三四五六七八九十\d]+)/;
const NAME = '([^\\d，。、:：（）()“”]{4,40}?)';
// what a document's own title ends with: 部门决算, 部门预算公开, 部门决算表, 部门决算情况说明, 预算公开目录
const TITLE_END = '(?:部门|单位)?(?:决算|预算)(?:公开)?(?:表|表格|文件|情况说明)?(?:目录)?$';
const HEADINGS = [
  // 上海市XX局2024年度部门决算, 江苏省委办公厅2019年度部门预算公开, 第二部分 上海市XX局2024年度部门决算表
  new RegExp(`^${NAME}(?:20\\d{2}|XX)年度?${TITLE_END}`),
  // 2023年度临夏市医疗保障局部门决算, 2017年度江苏省高级人民法院部门政府性基金支出预算表; a table's title
  // naming its unit before what it lists (2018年度江苏省高级人民法院收支预算总表); not a sentence's first
  // line wrapped after 部门 (2023 年临夏市医保系统部门全年 / 较好的完成了…): a title ends as one
  new RegExp(`^20\\d{2}年度?${NAME}(?:(?:部门|单位)(?=\\S*(?:决算|预算|公开|表|报告|说明|目录|文件)$)|(?=(?:收支|收入|支出|财政拨款|一般公共预算|政府性基金|国有资本|“?三公|机关运行|政府采购)\\S*表$))`),
  // 2018年度江苏省高级人民法院预算公开
  new RegExp(`^20\\d{2}年度?${NAME}${TITLE_END}`),
  // 第一部分 贵州省卫生项目管理办公室概况; 上海市普陀区财政局主要职能, …机构设置 (上海's budgets)
  new RegExp(`^${NAME}(?:概况|主要职能|主要职责|机构设置)$`),
];
const HEADING_MARK = /20\d{2}|XX|概况$|主要职[能责]$|机构设置$/;
/** HEADING_MARK's words with any spaces between their characters: a line without one is no heading, squeezed or not */
const SPACED_HEADING_MARK = /2\s*0\s*\d\s*\d|X\s*X|概\s*况|职\s*[能责]|机\s*构\s*设\s*置/;
// what a heading's name may not hold: the words of a table's title, a period or a sentence
const TITLE_WORDS = /决算|预算|收入|支出|收支|经费|拨款|采购|表|年度|区级|市级|省级|县级|本级|部门|单位|情况|说明|纳入/;

// a template's placeholder for a name (上海市XX局)
const PLACEHOLDER = /[XＸ]{2,}/;

const squeezeMap = (text: string) => {
  const at: number[] = [];
  let s = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // what \s matches, without a regular expression per character
    if (c === 32 || c === 0x3000 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0xfeff) continue;
    at.push(i);
    s += text[i];
  }
  return { s, at };
};

function spanOf(file: string, l: SourceLine, from: number, to: number): Location {
  const line = l.pageLine ?? l.line;
  const loc: Location = { file, line, column: from + 1, endLine: line, endColumn: to + 1 };
  if (l.page !== undefined) loc.page = l.page;
  return loc;
}

// the sentences a 说明 opens its figures with, naming its unit: 2025年，上海市普陀区财政局收入预算 A 万元;
// 2025年上海市财政局财政拨款的机关运行经费预算为; 江苏省委办公厅2019年度收入、支出预算总计 (its spaces squeezed)
const STATEMENTS = [
  new RegExp(`20\\d{2}年[，,]${NAME}(?:收入预算|支出预算)`),
  new RegExp(`20\\d{2}年${NAME}财政拨款的机关运行经费`),
  new RegExp(`^${NAME}20\\d{2}年度?收入、支出预算总计`),
];
/** STATEMENTS' words with any spaces between their characters: a line without them names no unit so */
const SPACED_STATEMENT = /收\s*入\s*预\s*算|支\s*出\s*预\s*算|机\s*关\s*运\s*行\s*经\s*费/;

/** the unit a sentence of the 说明 names as its own, with where it stands in the line */
function statementName(text: string): { name: string; from: number; to: number } | null {
  if (!SPACED_STATEMENT.test(text)) return null;
  const { s, at } = squeezeMap(text);
  return nameBy(STATEMENTS, s, at);
}

/** a heading line's department name, with where it starts and ends in the line */
function headingName(text: string): { name: string; from: number; to: number } | null {
  // most lines are none: asked before the line is squeezed (every line of the document is asked)
  if (!SPACED_HEADING_MARK.test(text)) return null;
  const { s, at } = squeezeMap(text);
  if (!s || s.length > MAX_HEADING || /[，。；：:]/.test(s)) return null;
  let head = 0;
  for (let m = ENUMERATION.exec(s.slice(head)); m && m[0].length; m = ENUMERATION.exec(s.slice(head))) head += m[0].length;
  const rest = s.slice(head);
  // every heading form holds a year, a placeholder or 概况: most lines hold none, and are done
  if (!HEADING_MARK.test(rest)) return null;
  return nameBy(HEADINGS, rest, at, head);
}

/**
 * The name the first of `patterns` to hold one finds in `words` (its first group, no title's words),
 * placed in the line by `at`; `words` start at `offset` of the squeezed line
 */
function nameBy(patterns: RegExp[], words: string, at: number[], offset = 0): { name: string; from: number; to: number } | null {
  for (const re of patterns) {
    const m = re.exec(words);
    if (!m || TITLE_WORDS.test(m[1]) || NOT_A_NAME.test(m[1])) continue;
    const start = offset + m.index + m[0].indexOf(m[1]);
    return { name: m[1], from: at[start], to: at[start + m[1].length - 1] + 1 };
  }
  return null;
}

/**
 * Every place the document prints a department's name, and the document's own name: the cover's,
 * else the most frequent (the earliest of equals).
 * @param narrative the lines the narrative's statements are read from (template text there is said by another rule)
 */
export function readNames(lines: SourceLine[], file: string, narrative: Set<number>): { self: string | null; mentions: NameMention[] } {
  const mentions: NameMention[] = [];
  const cover = new Set(lines.filter((l) => l.text.trim()).slice(0, COVER_LINES).map((l) => l.line));
  const onCover: Array<{ name: string; label: string }> = [];
  /** the blank labels (mentions with no name), by index in mentions, with their line's index */
  const blanks = new Map<number, number>();
  for (const [k, l] of lines.entries()) {
    const found: Array<{ name: string; label: string; from: number; to: number }> = [];
    for (const m of l.text.matchAll(LABEL_RE)) {
      const name = m[2];
      if (NOT_A_NAME.test(name)) continue;
      const from = m.index! + m[0].length - name.length;
      const f = { name, label: m[1], from, to: from + name.length };
      if (cover.has(l.line)) onCover.push(f);
      // the department over the unit (预算主管部门) is the publisher's only on a department's cover: not compared
      if (m[1] !== '预算主管部门') found.push(f);
    }
    for (const m of l.text.matchAll(BLANK_LABEL_RE)) blanks.set(mentions.push({ name: '', label: m[1], placeholder: false, narrative: narrative.has(l.line), loc: spanOf(file, l, m.index!, m.index! + m[0].length) }) - 1, k);
    // a cover's title printed over two lines, the name above the year (江苏省人大常委会办公厅 | 2017 年度部门预算)
    const next = lines[k + 1];
    const h = found.length ? null : headingName(l.text) ?? (cover.has(l.line) && next && /^(?:20\d{2}|XX)\s*年/.test(next.text.trim()) ? clipped(headingName(l.text + next.text), l.text.length) : null);
    if (h) {
      found.push({ ...h, label: '标题' });
      if (cover.has(l.line)) onCover.push({ ...h, label: '标题' });
    }
    const said = h ? null : statementName(l.text);
    if (said) found.push({ ...said, label: '说明' });
    for (const f of found) mentions.push({ name: f.name, label: f.label, placeholder: PLACEHOLDER.test(f.name), narrative: narrative.has(l.line), loc: spanOf(file, l, f.from, f.to) });
  }
  const named = mentions.filter((m) => m.name);
  const self = ownName(onCover.filter((f) => !PLACEHOLDER.test(f.name)), named.filter((m) => !m.placeholder)) ?? ownName(onCover, named);
  // a label left blank where its page prints the name on a line of its own is no blank: a viewer's
  // copy sets the name where the PDF's text order has it, after the table's title or its rows
  // (部门： 单位：万元 … 江苏省人大常委会办公厅)
  const onPage = (k: number) => {
    let a = k;
    let b = k;
    while (a > 0 && lines[a - 1].page === lines[k].page) a--;
    while (b < lines.length - 1 && lines[b + 1].page === lines[k].page) b++;
    return lines.slice(a, b + 1);
  };
  const nameNear = (k: number) => (lines[k].page === undefined ? lines.slice(Math.max(0, k - NAME_NEAR), k + NAME_NEAR + 1) : onPage(k)).some((l) => squeezeMap(l.text).s === self);
  return { self, mentions: mentions.filter((_, i) => !blanks.has(i) || !nameNear(blanks.get(i)!)) };
}

/** the cover's title, else the unit it says publishes, else its department, else any name it prints; else the most frequent name */
function ownName(onCover: Array<{ name: string; label: string }>, mentions: NameMention[]): string | null {
  const self = ['标题', '预算单位', '预算主管部门'].map((label) => onCover.find((f) => f.label === label)?.name).find(Boolean) ?? onCover[0]?.name;
  return self ?? mostFrequent(mentions.map((m) => m.name));
}

/** a heading read over two lines, located on the first */
function clipped(h: { name: string; from: number; to: number } | null, end: number) {
  return h && h.from < end ? { ...h, to: Math.min(h.to, end) } : null;
}

function mostFrequent(names: string[]): string | null {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  let best: string | null = null;
  for (const [n, c] of counts) if (best === null || c > counts.get(best)!) best = n;
  return best;
}
