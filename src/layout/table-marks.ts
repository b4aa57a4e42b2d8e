/**
 * What marks a table on a line of text: its printed number (公开01表, 部门公开表3, 表一, 续表5), a
 * line that could be its title, and the unit it is printed in. regions.ts finds the tables by them.
 */
import type { Unit } from '../interval/interval.js';
import type { TokenLine } from './tokenize.js';

const FINAL_ANCHOR = /^\s*公开\s*0?(\d{1,2})\s*表\s*$/;
const BUDGET_ANCHOR = /^\s*部门公开表\s*(\d{1,2})\s*$/;
/** the units a table is printed in, longest first (元 alone last); `Unit` in interval.ts */
const UNITS = '千元|万元|亿元|元';
/** 单位：, before the unit itself (单位：人民币万元 as some provinces print it) */
const UNIT_LABEL = '单位\\s*[:：]\\s*(?:人民币\\s*)?';
const UNIT_RE = new RegExp(`${UNIT_LABEL}(${UNITS})`);
/** a unit printed in the header's cells only: 金额（万元）, 预算数(元) */
const HEADER_UNIT_RE = new RegExp(`[（(]\\s*(${UNITS})\\s*[）)]`);

/**
 * a unit alone on its line, as a sheet's cell over the amounts sets it: 万元, （万元）, （元）; not
 * a header cell's unit wrapped onto a line of its own (预算数（ / 万元）), nor a lone 元 (单位：万 / 元)
 */
export const BARE_UNIT_RE = new RegExp(`^\\s*(?:(千元|万元|亿元)|[（(]\\s*(${UNITS})\\s*[）)])\\s*$`);
/** a unit set at the end of the title's own line (the title's row of a sheet): 收支总表      单位：万元 */
const TITLE_UNIT_RE = new RegExp(`(?:[\\s\\u3000]{2,}|[\\s\\u3000]*(?=[（(]))[（(]?(?:金额)?${UNIT_LABEL}(?:${UNITS})[）)]?\\s*$`);
/** whether a line ends in a title's unit; 单位 looked for first: the pattern, unanchored at its start, tries every run of spaces of a row */
export const endsInTitleUnit = (text: string) => text.includes('单位') && TITLE_UNIT_RE.test(text);
/** a title line without the unit set at its end */
export const withoutTitleUnit = (text: string) => (endsInTitleUnit(text) ? text.replace(TITLE_UNIT_RE, '') : text);
/** the unit set at the end of a title's line, or null */
export const titleUnit = (text: string): Unit | null => (endsInTitleUnit(text) ? unitOf(text, false) : null);

/** the unit a line under a title states; in the header (before the first row) also in a cell's 括注 */
export function unitOf(text: string, header: boolean): Unit | null {
  const m = UNIT_RE.exec(text) ?? BARE_UNIT_RE.exec(text) ?? (header ? HEADER_UNIT_RE.exec(text) : null);
  return m ? ((m[1] ?? m[2]) as Unit) : null;
}

const TITLE_PUNCTUATION_RE = /[，。；;,《》…]|\.{3}/;
/** what may stand before a title in marks: its number (表六, 附表2, 公开06表, 预算05表), or a name ending in its year */
const MARKED_TITLE_BEFORE_RE = /^((附|部门)?表[一二三四五六七八九十\d]+([-－]\d+)?|(公开|预算|决算)?\d{1,2}表|部门公开表\d+)[:：、.．-]?$|^[^见如详参]*\d{4}年度?$/;
/** a note's label: 注：, 备注：, 说明：, 填表说明： */
const NOTE_LABEL_RE = /^(注|备注|说明|填表说明)[:：]/;

/** 公开01表 / 部门公开表3 as printed, normalized (公开 1 表 → 公开01表) */
export function printedTableId(text: string): string | null {
  let m = FINAL_ANCHOR.exec(text);
  if (m) return `公开${m[1].padStart(2, '0')}表`;
  m = BUDGET_ANCHOR.exec(text);
  if (m) return `部门公开表${Number(m[1])}`;
  return null;
}

/**
 * A line that is only a table's number, in any province's numbering: 表一, 表 3, 表1-1 (四川's
 * sub-tables), 附表2, 附表2-1, 预算表4, 公开表9, 预算05表, 决算05表, 部门决算01表, and a table's
 * continuation on the next page, 续表5. It names no kind (the catalogue's printed ids are read by
 * printedTableId) and is neither a title nor a row.
 */
const TABLE_NUMBER_LINE_RE = /^\s*(续\s*)?(附|部门|单位|公开|预算|决算)*\s*(表\s*([一二三四五六七八九十]+|\d{1,2})|\d{1,2}\s*表)([-－—]\d{1,2})?\s*[:：]?\s*$/;

export const isTableNumber = (text: string): boolean => TABLE_NUMBER_LINE_RE.test(text);

/** a mark atop a page that a table goes on from the page before: 续上表, 接上表, （续表）, 承前表, （接上页）, （续） */
const CONTINUATION_RE = /^\s*[（(]?\s*(?:(?:续|接|承|上接)\s*(?:上|前)?\s*(?:表|页)|续)\s*[）)]?\s*[:：]?\s*$/;

/** a table's number, or a mark that it goes on from the page before: neither a title nor a row */
export const isTableMark = (text: string): boolean => TABLE_NUMBER_LINE_RE.test(text) || CONTINUATION_RE.test(text);

/** the heading of the tables as a whole: 2023年度部门决算表, 2019年部门预算公开表 */
export const COLLECTION_RE = /(\d{4}年度?|部门|单位)(决算|预算)(公开)?表$/;

/** a line that could be a table's title: short, ends with 表 (or 表 and a 括注), no prose punctuation */
export function titleText(text: string): string | null {
  // most lines are rows: no 表, no title, and no need to strip them
  if (!text.includes('表')) return null;
  // a title may be set in book-title marks or quotes (《…决算表》, “…明细表”), after its number or the
  // unit's name and year (表六《…》, 某局2023年度《…》); not a sentence's 详见《…表》
  const t = withoutTitleUnit(text)
    .replace(/[\s\u3000]/g, '')
    .replace(/^(.*?)(?:《(.*)》|“(.*表)”)$/, (all, before: string, marked?: string, quoted?: string) => (!before || MARKED_TITLE_BEFORE_RE.test(before) ? before + (marked ?? quoted) : all));
  if (t.length < 3 || t.length > 48 || TITLE_PUNCTUATION_RE.test(t)) return null;
  if (!/表([（(][^（()）]*[）)])?$/.test(t) || /^附件|部分/.test(t) || printedTableId(text) || isTableMark(text)) return null;
  // a note under a table's header (备注：此表为空表) is the table's, not another's title
  if (NOTE_LABEL_RE.test(t)) return null;
  return t;
}

/** the 栏次 row: `栏次 1 2 3` or a bare `1 2 3 … n` */
export function isColumnNumbering(line: TokenLine): boolean {
  const toks = line.tokens.filter((t) => t.kind !== 'blank');
  const nums = toks.filter((t) => t.kind === 'number');
  if (nums.length < 2 || !nums.every((t) => t.num!.integer)) return false;
  if (toks.some((t) => t.kind === 'label' && !/^栏次$/.test(t.text))) return false;
  return nums.every((t, i) => i === 0 || t.num!.value > nums[i - 1].num!.value) && nums[0].num!.value <= 2;
}
