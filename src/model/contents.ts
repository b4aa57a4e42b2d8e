/**
 * The 目录 (table of contents) and whether the body has each section it lists. The 目录 is the
 * lines after a line that says 目录, up to the line where the body repeats its first entry (第一部分
 * 部门概况 … 第一部分 部门概况); where the body never does, where the 目录 runs into prose, or where
 * no 目录 is printed, nothing is read (its end cannot be told, so nothing is checked).
 */
import type { SourceLine } from '../ingest/text.js';
import { sourceLocation } from './cells.js';
import type { ContentsEntry } from './types.js';

const CONTENTS_TITLE = /^目录$/;
/** the 目录 lies near the front: at most this many lines after the start, and this many entries */
export const CONTENTS_WITHIN = 120;
const MAX_ENTRIES = 80;
/** a line longer than this is prose: the 目录 has ended without the body repeating its first entry */
const MAX_ENTRY = 60;
/** an entry's words shorter than this say too little to look for (表, a wrapped tail) */
const MIN_NAME = 4;

// spaces, quotes, brackets and punctuation differ between a 目录 and its headings without changing the words
const squeeze = (s: string) => s.replace(/[\s\u3000“”"'‘’（）()《》【】、，,.．:：\-—–…·•*#]/g, '');
// the entry's number (第一部分, 一、, （一）, 1.), its bullet, and its dotted leader and page number
const ENUMERATION = /^([-•*]\s*)?(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+\s*[.．、])\s*/;
const LEADER_PAGE = /[\s.．…·_-]*\d*\s*$/;

const withoutPage = (text: string) => squeeze(text.trim().replace(LEADER_PAGE, ''));

function entryName(text: string): string {
  let name = text.trim();
  for (let m = ENUMERATION.exec(name); m && m[0].length; m = ENUMERATION.exec(name)) name = name.slice(m[0].length);
  return squeeze(name.replace(LEADER_PAGE, ''));
}

/** the 目录's entries, each with whether the body after the 目录 has that section; [] where there is no 目录 to read */
export function readContents(lines: SourceLine[], file: string, tableTitles: string[]): ContentsEntry[] {
  const start = lines.slice(0, CONTENTS_WITHIN).findIndex((l) => CONTENTS_TITLE.test(squeeze(l.text)));
  if (start < 0) return [];
  const entries: SourceLine[] = [];
  let end = -1;
  for (let k = start + 1; k < lines.length && entries.length <= MAX_ENTRIES; k++) {
    const text = squeeze(lines[k].text);
    if (!text || /^\d+$/.test(text)) continue;
    if (entries.length && withoutPage(lines[k].text) === withoutPage(entries[0].text)) {
      end = k;
      break;
    }
    if (text.length > MAX_ENTRY) break;
    entries.push(lines[k]);
  }
  if (end < 0) {
    end = pageEnd(lines, start);
    if (end < 0) return [];
    // the entries read on past the page (the body's first lines) are none of its
    const past = entries.findIndex((l) => l.line >= lines[end].line);
    if (past >= 0) entries.length = past;
  }
  const tables = tableTitles.map(entryName).filter((t) => t.length >= MIN_NAME);
  const bodyLines = lines
    .slice(end)
    .map((line) => ({ line, name: entryName(line.text) }))
    .filter((h) => h.name.length >= 2);
  const rest = bodyLines.map((h) => h.name);
  const body = rest.join('');
  // a heading reworded (主要职能 / 主要职责, 2019年度 / 2019年) or wrapped over two lines is still the section
  const headings = rest.flatMap((t, k) => [t, t + (rest[k + 1] ?? '')]);
  const named = entries.map((l) => ({ line: l, name: entryName(l.text) })).filter((e) => e.name.length >= MIN_NAME);
  const foundAt = named.map((e) => found(e.name, TABLE_ENTRY.test(asPrinted(e.line.text)), body, headings, tables));
  return named
    .map((e, k) => {
      const isFound = foundAt[k] === false ? groupFound(named.map((n) => n.line.text), foundAt, k) : foundAt[k];
      const near = isFound === false ? rest.findIndex((h) => oneCharApart(h, e.name)) : -1;
      return {
        title: asPrinted(e.line.text),
        words: e.name,
        found: isFound,
        near: near >= 0 ? asPrinted(bodyLines[near].line.text) : null,
        loc: sourceLocation(file, e.line),
      };
    });
}

/**
 * Where a 目录 whose first entry the body never repeats as printed (一、部门主要职能 before 某街道办事处（部门）主要职能)
 * ends, on a page: at its page's foot, where every line after its title there is an entry with its dotted leader,
 * and the next page begins. -1 otherwise (text without pages, a 目录 page holding anything else).
 */
function pageEnd(lines: SourceLine[], start: number): number {
  const page = lines[start].page;
  if (page === undefined) return -1;
  const onPage = lines.slice(start + 1).filter((l) => l.page === page && squeeze(l.text) && !/^\d+$/.test(squeeze(l.text)));
  if (onPage.length < 2 || !onPage.every((l) => LEADER.test(l.text))) return -1;
  return lines.findIndex((l, k) => k > start && l.page !== undefined && l.page > page);
}

/** a 目录 entry's dotted leader (……, ……): three dots or more */
const LEADER = /(?:[.．…·]\s*){3,}/;

/**
 * An entry numbered 五、 over entries numbered 1. 2. … that are tables (五、部门预算表 over 1. 2024年部门财务收支
 * 预算总表 …): a heading over the tables, which the body need not print; found where one of them is.
 */
function groupFound(texts: string[], foundAt: Array<boolean | null>, k: number): boolean {
  if (!/^\s*[一二三四五六七八九十]+、/.test(texts[k])) return false;
  const under: number[] = [];
  for (let j = k + 1; j < texts.length && /^\s*\d+\s*[.．、]/.test(texts[j]); j++) under.push(j);
  return under.length > 0 && under.every((j) => TABLE_ENTRY.test(asPrinted(texts[j]))) && under.some((j) => foundAt[j] === true);
}

/** a table's entry: its name ends in 表, a qualifier in brackets after it or not (2023年一般公共预算支出表 (财政拨款)) */
const TABLE_ENTRY = /表\s*(?:[（(][^（）()]{1,12}[）)])?$/;

/** a line as printed, without its leader and page number, the runs of spaces a layout kept between its number and its words one space */
const asPrinted = (text: string) => text.trim().replace(LEADER_PAGE, '').replace(/[ \u3000]{2,}/g, ' ');

/**
 * Two headings of the same length that differ in one character only (名称解释 / 名词解释): too short
 * for their character pairs to tell them alike (one character changes two of three pairs), and no
 * rewording but a slip in one of them, or a word changed (预算 / 决算) that a reader should see
 */
function oneCharApart(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < MIN_NAME) return false;
  let differ = 0;
  for (let i = 0; i < a.length && differ < 2; i++) if (a[i] !== b[i]) differ++;
  return differ === 1;
}

/**
 * Whether the body has the section an entry names: its words, or a heading or table much like them.
 * A table's entry where the file has no table is not known (the tables are published in another file).
 */
function found(name: string, isTable: boolean, body: string, headings: string[], tables: string[]): boolean | null {
  // two strings can be this alike only when neither is under 0.43 of the other's length (Dice)
  const alike = (h: string) => h.length <= 2 * name.length && h.length * 7 >= name.length * 3 && likeness(h, name) >= SAME_HEADING;
  // 部门 in an entry stands for the department's name (部门机构设置, the body's 某市财政局机构设置)
  const own = name.replace(/^部门/, '');
  if (body.includes(name) || headings.some(alike) || (own.length >= MIN_NAME && own !== name && body.includes(own))) return true;
  if (!isTable) return false;
  return tables.length ? tables.some((t) => t.includes(name) || name.includes(t) || alike(t)) : null;
}

/** how alike two headings are: the share of their character pairs in common (Dice) */
const SAME_HEADING = 0.6;
/**
 * each string's character pairs (two UTF-16 units, as one number: no string per pair), counted:
 * a 目录's entries are each compared with every heading
 */
const pairCache = new Map<string, Map<number, number>>();
function pairs(s: string): Map<number, number> {
  let out = pairCache.get(s);
  if (out) return out;
  out = new Map<number, number>();
  for (let i = 0; i + 1 < s.length; i++) {
    const pair = s.charCodeAt(i) * 0x10000 + s.charCodeAt(i + 1);
    out.set(pair, (out.get(pair) ?? 0) + 1);
  }
  if (pairCache.size > 20000) pairCache.clear();
  pairCache.set(s, out);
  return out;
}

function likeness(a: string, b: string): number {
  const x = pairs(a);
  const y = pairs(b);
  let common = 0;
  // forEach: no [key, count] array per pair, as for…of over the entries makes
  x.forEach((n, k) => (common += Math.min(n, y.get(k) ?? 0)));
  const total = Math.max(0, a.length - 1) + Math.max(0, b.length - 1);
  return total ? (2 * common) / total : 0;
}
