/**
 * Where each table stands in the text. A table starts at its title (收支预算总表, 一、收入决算表…)
 * or at its printed number (公开01表, 部门公开表3), whichever comes first, and runs to the next
 * table, the end of the tables part, or a title of a table the catalogue does not know. What
 * kind a title or number names is the catalogue's business (TableKinds); a recognised title
 * wins over a printed number, which differs between provinces. A table whose start comes again
 * (a page continuation) keeps one region made of several spans.
 */
import type { SourceLine, SourceText } from '../ingest/text.js';
import type { PageRulings } from '../ingest/rulings.js';
import { unreadPages } from '../ingest/pdf-common.js';
import type { Unit } from '../interval/interval.js';
import { BARE_UNIT_RE, COLLECTION_RE, endsInTitleUnit, isColumnNumbering, isTableNumber, printedTableId, titleText, titleUnit, unitOf, withoutTitleUnit } from './table-marks.js';
import { normalizeLabel, tokenizeLine, type TokenLine } from './tokenize.js';
import { joinWrappedCells } from './wrap.js';
import { titlesFirst } from './title-order.js';

export { isTableMark, isTableNumber, printedTableId, titleText } from './table-marks.js';

/** what the layout stage needs to know of the catalogue */
export interface TableKinds {
  /** the kind a printed title names, or null; the header printed under it tells kinds that share a title apart */
  byTitle(text: string, header?: string): string | null;
  /** the kind a printed number names (公开05表), or null */
  byPrintedId(printedId: string): string | null;
  /** the kind's own title a printed title names it by, or null */
  titleNamedBy(text: string): string | null;
}

/** a table found and not read: under a title the catalogue does not know, or another table of a kind already read */
export interface UnreadTitle {
  line: SourceLine;
  /** the table of the same kind read before it, under another of the kind's titles */
  sameKindAs?: { kind: string; title: string };
}

export interface TableRegion {
  /** the kind's id: 公开01, 部门公开表3 */
  id: string;
  /** the table number as printed (公开01表, 部门公开表3), when there is one */
  printedId: string | null;
  /** the line the table starts at (its title or number; 1-based) */
  anchorLine: number;
  anchor: SourceLine;
  /** printed title, if any */
  title: string | null;
  titleLine: number | null;
  /** the title's line, where the table's year is printed */
  titleSource: SourceLine | null;
  unit: Unit | null;
  /** lines of the region in order (several spans for a table continued on a later page) */
  lines: TokenLine[];
  /** the page, not read, where the table went on: what stands there is lost, so the table is not checked */
  cutAt?: number;
  /** only the title was found, amid another table's lines: the text scattered the table's own (swallowedTitles) */
  scattered?: boolean;
  /** PDF: the ruled lines of the document's pages, where it draws them (cells place figures) */
  rulings?: PageRulings[];
}

/** the end of the tables part: the narrative, the performance part or an annex heading */
const PART_END = /^\s*(第[一二三四五六七八九十]部分|附件\s*\d+\s*$)/;
/** what stands under a table's title: its unit, its department, its header */
const FURNITURE_RE = /单位\s*[:：]|编制(部门|单位)|^\s*(部门|单位)(（单位）)?\s*[:：]|^\s*(项\s*目|科\s*目|收\s*入|支\s*出|栏\s*次|功能分类|经济分类|功能科目|经济科目)/;
/** a header without 单位 line above it (三公 tables published alone): 经费项目 first, groups named by their years (2016年预算数 2017年预算数) */
const HEADER_WORDS_RE = /^\s*经费项\s*目|\d{4}年度?(预算|决算|执行)数/;
/** a comma of prose, full-width or ASCII; not the ASCII comma inside a figure (1,234.56) */
const COMMA = '(?:，|(?<!\\d),|,(?!\\d))';
/** a sentence of prose: where the text after a table begins (a table's own notes excepted) */
const PROSE_RE = new RegExp(`[。；]|${COMMA}.*${COMMA}`);
const NOTE_START_RE = /^\s*(注|备注|说明|\d+\s*[.、．]|[（(]\d+[）)])|空表|为空|无数据|没有|不涉及/;
/**
 * a heading of the narrative (其他相关情况说明, 二、2022年一般公共预算“三公”经费支出预算情况说明; a year
 * set apart from its 年 where the text spaces digits from CJK, 关于…部门 2025 年一般公共预算当年拨款情况说明):
 * the text after a table, overleaf too
 */
const NARRATIVE_HEADING_RE = /^\s*(?:[一二三四五六七八九十]{1,3}[、.．]\s*)?(?:[^\d，。；:：]|\d{4}\s?年度?){0,36}(?:情况说明|编制说明)\s*$/;

/** where the scan over the lines stands */
interface Scan {
  lines: SourceLine[];
  kinds: TableKinds;
  regions: Map<string, TableRegion>;
  current: TableRegion | null;
  /** the index of the line that started the current span, and whether a row has come since */
  spanStart: number;
  spanHasRows: boolean;
  consumed: Set<number>;
  /** titles of tables the catalogue does not know, each once */
  unknown: Map<string, SourceLine>;
  /** tables of a kind already read, under another of its titles (titleLine) */
  others: UnreadTitle[];
  /** a known kind's title amid another table's lines, with no header of its own under it (swallowedTitles) */
  swallowed: Map<string, { i: number; title: string }>;
}

/**
 * The tables of a document, by kind; `unknown` receives the title of each table the catalogue
 * does not know (its lines are no other table's), so that it can be said rather than passed over.
 */
export function findTableRegions(source: SourceText, kinds: TableKinds, unknown?: UnreadTitle[]): TableRegion[] {
  // what names a table, for text taken in the order its pages were drawn (title-order.ts)
  const test = {
    names: (text: string) => {
      const printed = printedTableId(text);
      return printed !== null ? kinds.byPrintedId(printed) !== null : titleText(text) !== null && kinds.byTitle(withoutTitleUnit(text)) !== null;
    },
    numbers: isTableNumber,
  };
  const scan: Scan = { lines: titlesFirst(joinWrappedCells(source.lines, source.rulings), test), kinds, regions: new Map(), current: null, spanStart: -1, spanHasRows: false, consumed: new Set(), unknown: new Map(), others: [], swallowed: new Map() };
  const unread = unreadPages(source);
  for (let i = 0; i < scan.lines.length; i++) {
    // a page not read (a scan, damage) may hold the rest of the open table, or the next one's
    // title: the table ends there, known to be cut (build.ts says so and checks none of it) unless
    // its last row was its grand total, and lines after the page belong to no table unless a title
    // or number opens one: the rows of a table whose title was on a page not read are not the
    // open table's (a text's page without text gives lines of its own, blank: it is as much a page not read)
    const [page, before] = [scan.lines[i].page, scan.lines[i - 1]?.page];
    if (scan.current && page !== undefined && before !== undefined && page > before) {
      const lost = unread.find((p) => p > before && (p < page || (p === page && scan.lines[i].text.trim() === '')));
      if (lost !== undefined) {
        if (!endedOnTotal(scan.current)) scan.current.cutAt ??= lost;
        scan.current = null;
      }
    }
    if (scan.consumed.has(i)) continue;
    const printed = printedTableId(scan.lines[i].text);
    if (printed) {
      printedNumber(scan, i, printed);
      continue;
    }
    if (titleLine(scan, i)) continue;
    regionLine(scan, i);
  }
  swallowedTitles(scan);
  // a table printed without its own unit line takes the document's (tables share one unit)
  const docUnit = [...scan.regions.values()].find((r) => r.unit)?.unit ?? null;
  for (const r of scan.regions.values()) r.unit ??= docUnit;
  unknown?.push(...[...scan.unknown.values()].map((line) => ({ line })), ...scan.others);
  return [...scan.regions.values()];
}

/** open (or reopen, for a continuation) the region of a kind at line i, starting a new span */
function openRegion(scan: Scan, kind: string, i: number, title: string | null, titleSource: SourceLine | null): TableRegion {
  const { lines } = scan;
  let region = scan.regions.get(kind);
  if (!region) {
    region = { id: kind, printedId: null, anchorLine: lines[i].line, anchor: lines[i], title, titleLine: titleSource?.line ?? null, titleSource, unit: null, lines: [] };
    scan.regions.set(kind, region);
    // the unit is often printed just above the title or number, or at the end of the title's line
    for (let k = Math.max(0, i - 4); k < i; k++) {
      region.unit = unitOf(lines[k].text, false) ?? region.unit;
    }
    if (titleSource) region.unit = titleUnit(titleSource.text) ?? region.unit;
  }
  scan.current = region;
  scan.spanStart = i;
  scan.spanHasRows = false;
  return region;
}

/** a printed table number (公开01表) at line i */
function printedNumber(scan: Scan, i: number, printed: string): void {
  const { lines, kinds, current } = scan;
  // the number printed right under a title that already opened the table
  if (current && !scan.spanHasRows && i - scan.spanStart <= 3 && current.title && !current.printedId) {
    current.printedId = printed;
    // a table's place is its number where it has one (diagnostics on the whole table point there)
    if (current.anchorLine === lines[scan.spanStart].line) {
      current.anchor = lines[i];
      current.anchorLine = lines[i].line;
    }
    return;
  }
  // a title right under the number (blank lines apart, as text laid out as printed has them), or
  // under it past lines of words only on its page (部门：…, a header cell: pdfminer's text) names
  // the table; else the number does
  const after = wordsUnder(lines, i)
    .map((k) => titleAt(lines, k, kinds))
    .find((t) => t?.kind);
  // a number under the rows of a table its page opened, which has none yet, and either numbers
  // that table's kind or has no title under it: the table's own (text in the order the page was
  // drawn, the number drawn last), not the next table's
  const ownPage = current && lines[scan.spanStart]?.page === lines[i].page;
  if (current && ownPage && scan.spanHasRows && !current.printedId && (kinds.byPrintedId(printed) === current.id || after === undefined)) {
    current.printedId = printed;
    return;
  }
  const kind = after?.kind ?? kinds.byPrintedId(printed);
  if (!kind) {
    scan.current = null;
    return;
  }
  const before = [i - 1, i - 2, i - 3].find((k) => k >= 0 && titleText(lines[k].text));
  const beforeTitle = before === undefined ? null : titleText(lines[before].text)!;
  // a title the catalogue does not know over the number of a table already read under another
  // title (收入决算表（分单位） / 公开02表 after 收入决算表（分科目） / 公开02表): another table, not
  // read, and said as such; a continuation repeats its own title
  const unknownTitle = beforeTitle !== null && scan.unknown.get(beforeTitle) === lines[before!];
  const opened = scan.regions.get(kind);
  if (unknownTitle && !after && opened?.title && opened.title !== beforeTitle) {
    scan.current = null;
    return;
  }
  const region = before === undefined ? openRegion(scan, kind, i, null, null) : openRegion(scan, kind, i, beforeTitle, lines[before]);
  // a title the catalogue does not know over a number it does (云南's 公开01 收入支出决算表): the table is read, by its number
  if (unknownTitle) scan.unknown.delete(beforeTitle!);
  region.printedId ??= printed;
  if (after) {
    // the title that named the kind is the table's, not a heading above its number
    if (region.printedId === printed && region.anchorLine === lines[i].line) region.title = after.title;
    region.title ??= after.title;
    region.titleLine ??= lines[after.start].line;
    region.titleSource ??= lines[after.start];
    region.unit ??= titleUnit(lines[after.end].text);
    for (let k = after.start; k <= after.end; k++) scan.consumed.add(k);
  }
}

const ROW_LABEL_RE = /^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十]+[）)])/;
/** lines of words a number's title may stand under (部门：某办公厅, 收入): past them, a title is another table's */
const WORDS_OVER_TITLE = 4;

/**
 * the indexes of the lines after a number at i that may hold its title: the next two that print
 * something, and past them, on the same page, lines of words only (no figure, no other number)
 */
function wordsUnder(lines: SourceLine[], i: number): number[] {
  const out = nextPrinted(lines, i, 2);
  // a row's label (一、一般公共预算财政拨款收入) is the table's body: its title is not past it
  const wordsOnly = (k: number) => lines[k].page === lines[i].page && !/\d/.test(lines[k].text) && !ROW_LABEL_RE.test(lines[k].text);
  if (!out.every(wordsOnly)) return out;
  for (let k = (out[out.length - 1] ?? i) + 1; k < lines.length && out.length < 2 + WORDS_OVER_TITLE; k++) {
    if (!lines[k].text.trim()) continue;
    if (!wordsOnly(k)) break;
    out.push(k);
  }
  return out;
}

/** the indexes of the next n lines after i that print something */
function nextPrinted(lines: SourceLine[], i: number, n: number): number[] {
  const out: number[] = [];
  for (let k = i + 1; k < lines.length && out.length < n; k++) if (lines[k].text.trim()) out.push(k);
  return out;
}

/** a title printed at line i: the line alone, or wrapped onto the next (…培训费 / 支出预算表) */
interface TitleAt {
  title: string;
  kind: string | null;
  start: number;
  end: number;
}

/** a line of words only: no figure, space, dash or punctuation */
const HEAD_WORDS_RE = /^[^\d\s\-—–－，。；：:、.．,;（）()]+$/;
/** a title that opens with a department's or unit's name and the year (海东市医疗保障局2025年收入总表) */
const NAMED_TITLE_RE = /^([^\d\s，。；：:、.．,;（）()]+?(局|院|厅|委|办|会|中心|部|所|站|处|队|馆|室|社|校|署|府))\d{4}年/;

/**
 * A title wrapped inside the name and year it opens with (海东市医疗保障 / 局2025年收入总表, or a
 * sheet's merged cell: 青海省医疗保障局2023 / 年度支出决算表), whose second line alone is a title
 * too: not a line before a title (a watermark, the last row of an empty table) but the start of
 * its name.
 */
function wrappedInName(head: string, joined: string): boolean {
  const opening = NAMED_TITLE_RE.exec(joined);
  if (!opening || isTableNumber(head) || printedTableId(head)) return false;
  const name = opening[1];
  // the break in the name, or between the name and its year's end (a year's digits close the line)
  return (HEAD_WORDS_RE.test(head) && name.startsWith(head)) || (head.length > name.length && opening[0].startsWith(head) && /\d$/.test(head));
}

/** blank lines a wrapped title's two lines may stand apart */
const WRAP_BLANKS = 2;

function titleAt(lines: SourceLine[], i: number, kinds: TableKinds, isRead: (kind: string) => boolean = () => false): TitleAt | null {
  const text = lines[i].text;
  // where the next line is a title too, the two are one where the first line's words make it
  // another table's (国有资本经营预算财政 / 拨款支出决算表, which alone names 支出决算表) or where
  // the break falls inside the name the title opens with
  // text laid out as printed (pdfplumber's layout) sets blank lines between a title's two lines
  const [printed] = nextPrinted(lines, i, 1);
  const after = printed !== undefined && printed - i <= WRAP_BLANKS + 1 ? printed : i + 1;
  const next = lines[after]?.text.trim() ?? '';
  const head = text.trim();
  const wrapped = head && !titleText(text) && /^\S{1,32}$/.test(next) ? titleText(head + next) : null;
  const header = wrapped ? headerUnder(lines, after) : '';
  const joinedKind = wrapped ? kinds.byTitle(wrapped, header) : null;
  // across blank lines only where the first line is needed to name the kind: a name's start
  // standing apart (合计 / (blank) / 临夏市…决算表, an empty table's last row) is another line's
  const inName = after === i + 1 && wrappedInName(head, wrapped ?? '');
  const nextKind = joinedKind ? kinds.byTitle(next, header) : null;
  // …but not into a table already read where the second line alone names one not yet read: a
  // header's last word (附属单位上缴 / 收入, each cell a line in MuPDF's text) over 支出决算表 is no 收入支出决算表
  const readAgain = joinedKind !== null && isRead(joinedKind) && nextKind !== null && !isRead(nextKind);
  if (joinedKind && (joinedKind !== nextKind || inName) && !readAgain) return { title: wrapped!, kind: joinedKind, start: i, end: after };
  const title = titleText(text);
  return title ? { title, kind: kinds.byTitle(withoutTitleUnit(text), headerUnder(lines, i)), start: i, end: i } : null;
}

/** a table's title at line i (possibly wrapped onto the next line): true when the line is used up */
function titleLine(scan: Scan, i: number): boolean {
  const { lines } = scan;
  const at = titleAt(lines, i, scan.kinds, (kind) => scan.regions.has(kind));
  if (!at) return false;
  const { title, kind } = at;
  const used = () => {
    if (at.end > i) scan.consumed.add(at.end);
    return true;
  };
  // a kind already read, under another of its titles, with its own header under it (四川's set
  // prints 一般公共预算财政拨款支出决算表 and …支出决算明细表, 国有资本经营预算财政拨款收入支出决算表
  // and …支出决算表): another table, not rows of the first; not read, and said
  const read = kind ? scan.regions.get(kind) : undefined;
  if (read?.title && scan.kinds.titleNamedBy(read.title) !== scan.kinds.titleNamedBy(title) && furnitureFollows(lines, at.end)) {
    scan.others.push({ line: lines[i], sameKindAs: { kind: read.id, title: read.title } });
    scan.current = null;
    return used();
  }
  // the open table's title again (2025年部门支出预算总表（续）): a continuation, not a row
  if (scan.current && kind === scan.current.id) return used();
  if (furnitureFollows(lines, at.end)) {
    if (kind) {
      openRegion(scan, kind, i, title, lines[i]);
      return used();
    }
    // a table the catalogue does not know ends the one before it; a heading over all the tables
    // (2023年度部门决算表) is none
    if (!COLLECTION_RE.test(title) && !scan.unknown.has(title)) scan.unknown.set(title, lines[i]);
    if (scan.current && scan.spanHasRows) {
      scan.current = null;
      return true;
    }
  } else if (kind && scan.current && !scan.swallowed.has(kind)) scan.swallowed.set(kind, { i, title });
  return false;
}

/** lines after a swallowed title that show it stands amid a table's lines, no prose among them */
const SWALLOWED_REACH = 8;

/**
 * A known kind's title standing amid another table's lines, without its unit, department or
 * header under it, where that kind has no table of its own: text whose lines are out of the
 * page's order (PDFium's page text of a Distiller PDF) scatters the table's header and figures
 * elsewhere. Its table is there but cannot be read: a region without lines (build.ts says it
 * unread), not a table missing. A heading of the narrative (prose follows) is none.
 */
function swallowedTitles(scan: Scan): void {
  for (const [kind, { i, title }] of scan.swallowed) {
    if (scan.regions.has(kind)) continue;
    const after = nextPrinted(scan.lines, i, SWALLOWED_REACH).map((k) => scan.lines[k].text);
    if (after.some((t) => PROSE_RE.test(t) || NARRATIVE_HEADING_RE.test(t))) continue;
    const line = scan.lines[i];
    scan.regions.set(kind, { id: kind, printedId: null, anchorLine: line.line, anchor: line, title, titleLine: line.line, titleSource: line, unit: null, lines: [], scattered: true });
  }
}

/** any other line at i: the end of the open table, or one of its lines */
function regionLine(scan: Scan, i: number): void {
  const region = scan.current;
  if (!region) return;
  const text = scan.lines[i].text;
  const tokens = tokenizeLine(scan.lines[i]);
  if (PART_END.test(text) || (scan.spanHasRows && ((PROSE_RE.test(text) && !NOTE_START_RE.test(text) && !isRowWithProse(tokens) && !isWrappedCellProse(text)) || NARRATIVE_HEADING_RE.test(text)))) {
    scan.current = null;
    return;
  }
  if (!region.unit && region.lines.length < 12) region.unit = unitOf(text, !scan.spanHasRows);
  if (tokens.tokens.some((t) => t.kind === 'number')) scan.spanHasRows = true;
  region.lines.push(tokens);
}

/**
 * The table's last row read is its grand total (合计, or 收入总计 … 支出总计 of a two-sided 总表),
 * under rows of items: it ended before a page not read after it. One printing its 合计 first
 * (收入决算表) may go on there.
 */
function endedOnTotal(region: TableRegion): boolean {
  const rows = region.lines.filter((l) => l.tokens.some((t) => t.kind === 'number') && !isColumnNumbering(l));
  const last = rows[rows.length - 1];
  return rows.length > 1 && last.tokens.some((t) => t.kind === 'label' && GRAND_TOTAL_RE.test(normalizeLabel(t.text)));
}

const GRAND_TOTAL_RE = /^(?:收入|支出)?(?:总计|合计)$/;

/**
 * Text laid out as printed: prose set this far right, with no figure, is the rest of a cell's
 * words wrapped under a row (a 增减原因 cell's), not the narrative after the table, which starts
 * at the margin
 */
const CELL_INDENT_RE = /^[ \u3000]{16}/;
const isWrappedCellProse = (text: string) => CELL_INDENT_RE.test(text) && !/\d/.test(text);

/**
 * A table's row whose last cell is prose (a 三公 table's 增减原因: 1007.23 898.22 -109.01
 * 公务用车改革后，取消部分单位公务用车。): two or more figures standing as cells of their own, no
 * sentence's punctuation before the last of them. A sentence of the narrative states its figures
 * inside its words, and its commas come between them.
 */
function isRowWithProse(line: TokenLine): boolean {
  const numbers = line.tokens.filter((t) => t.kind === 'number');
  if (numbers.length < 2) return false;
  const last = numbers[numbers.length - 1];
  return !PROSE_RE.test(line.source.text.slice(0, last.endColumn - 1));
}

/** the lines under a title up to its first figure: its unit, department and header */
function headerUnder(lines: SourceLine[], i: number): string {
  const out: string[] = [];
  for (let k = i + 1; k < lines.length && out.length < 8; k++) {
    if (/\d[\d,]*\.\d|\d,\d{3}/.test(lines[k].text)) break;
    out.push(lines[k].text);
  }
  return out.join(' ');
}

/** a title is a table's when its unit, department or header follows before any other title */
function furnitureFollows(lines: SourceLine[], i: number): boolean {
  if (endsInTitleUnit(lines[i].text)) return true;
  let seen = 0;
  for (let k = i + 1; k < lines.length && seen < 5; k++) {
    const text = lines[k].text;
    // a table's number may stand between a title and its furniture, or over the next table's title
    if (!text.trim() || isTableNumber(text)) continue;
    seen++;
    if (FURNITURE_RE.test(text) || BARE_UNIT_RE.test(text) || printedTableId(text) || (HEADER_WORDS_RE.test(text) && !PROSE_RE.test(text))) return true;
    if (titleText(text)) return false;
  }
  return false;
}
