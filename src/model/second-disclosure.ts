/**
 * Two disclosures in one file (two PDFs concatenated): their tables would be merged into one
 * model. Cheaply told by a table kind that comes back after other kinds were read in between
 * (a continuation on the next page has none between). Only the first disclosure is checked.
 */
import type { SourceLine } from '../ingest/text.js';
import type { TableRegion } from '../layout/regions.js';

export interface SecondDisclosure {
  /** where the second disclosure starts: its line in the whole input (what is cut off from) */
  from: number;
  /** the same place as a reader counts it: the line on its page, and the page */
  line: number;
  page?: number;
  /** the table whose title came again, or the second's cover title (cover: true) */
  title: string;
  cover?: true;
}

/** kinds read in between before a kind that comes back is taken as another disclosure's */
const KINDS_BETWEEN = 2;

interface Run {
  id: string;
  /** in reading order */
  lines: SourceLine[];
}

/** the regions' lines in reading order, consecutive lines of one table as one run */
function runsOf(regions: TableRegion[]): Run[] {
  const owned = regions.flatMap((r) => r.lines.map((l) => ({ id: r.id, source: l.source })));
  owned.sort((a, b) => a.source.line - b.source.line);
  const runs: Run[] = [];
  for (const { id, source } of owned) {
    const run = runs[runs.length - 1];
    if (run?.id === id) run.lines.push(source);
    else runs.push({ id, lines: [source] });
  }
  return runs;
}

export function findSecondDisclosure(regions: TableRegion[], lines: SourceLine[]): SecondDisclosure | null {
  const byTables = repeatedTable(regions, lines);
  return anotherCover(lines, byTables?.from ?? Infinity) ?? byTables;
}

/** a table kind come back after other kinds were read in between */
function repeatedTable(regions: TableRegion[], lines: SourceLine[]): SecondDisclosure | null {
  const runs = runsOf(regions);
  for (let i = 0; i < runs.length; i++) {
    const before = runs.slice(0, i);
    const previous = before.map((r) => r.id).lastIndexOf(runs[i].id);
    if (previous < 0) continue;
    const between = new Set(before.slice(previous + 1).map((r) => r.id));
    if (between.size < KINDS_BETWEEN) continue;
    const start = startOf(lines, before[before.length - 1].lines.at(-1)!, runs[i].lines[0]);
    const title = regions.find((r) => r.id === runs[i].id)?.title ?? runs[i].id;
    return { from: start.line, line: start.pageLine ?? start.line, ...(start.page !== undefined ? { page: start.page } : {}), title };
  }
  return null;
}

/** what a table's printing must hold, spaces aside, for a second printing to be told its copy */
const COPY_CHARACTERS = 20;
const FIGURE_RE = /-?\d[\d,]*(?:\.\d+)?/g;

/** a run's text as compared: its characters (spaces aside) counted, and its figures in order */
interface Printed {
  length: number;
  counts: Map<string, number>;
  figures: string[];
}

/** a run of a table printed once: never compared */
const UNCOMPARED: Printed = { length: 0, counts: new Map(), figures: [] };

function printedOf(r: Run): Printed {
  const text = r.lines.map((l) => l.text.replace(/[\s\u3000]/g, '')).join('');
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return { length: text.length, counts, figures: r.lines.flatMap((l) => l.text.match(FIGURE_RE) ?? []) };
}

/**
 * Whether a is all within b: each of its characters (an extractor wraps a header's cells in its
 * own way: 科目 / 科目名称 金额 / 编码 against 科目编码 科目名称 金额), and its figures in b's order.
 */
function within(a: Printed, b: Printed): boolean {
  if (a.length < COPY_CHARACTERS || a.length > b.length) return false;
  for (const [ch, n] of a.counts) if ((b.counts.get(ch) ?? 0) < n) return false;
  if (!a.figures.length) return true;
  for (let at = b.figures.indexOf(a.figures[0]); at >= 0; at = b.figures.indexOf(a.figures[0], at + 1)) {
    if (a.figures.every((f, k) => b.figures[at + k] === f)) return true;
  }
  return false;
}

/**
 * The lines of tables printed twice: a run of a table all within another run of the same table
 * (the same text, or cut short). Not a second disclosure: a copy of the same table. PDFium's page
 * text (a viewer's copy-all) and pdfplumber's give what WPS 表格 leaves past a page's edge, the
 * next pages' tables, which that page does not print. Of two runs the shorter is the copy, else
 * the later. Where the first table is printed again, the whole set starts over: that is a second
 * disclosure, however alike, and no copy is taken out.
 */
export function copiedTableLines(regions: TableRegion[]): Set<number> {
  const runs = runsOf(regions);
  const copies = new Set<number>();
  // only a table printed in more than one run can have a copy: the others' characters are not counted
  const runsOfId = new Map<string, number>();
  for (const r of runs) runsOfId.set(r.id, (runsOfId.get(r.id) ?? 0) + 1);
  const printed = runs.map((r) => ((runsOfId.get(r.id) ?? 0) > 1 ? printedOf(r) : UNCOMPARED));
  for (let i = 0; i < runs.length; i++) {
    for (let k = 0; k < runs.length; k++) {
      if (k === i || runs[k].id !== runs[i].id || !within(printed[i], printed[k])) continue;
      // equal runs: the later is the copy
      if (printed[k].length === printed[i].length && k > i) continue;
      // the first table printed again starts the set over: a disclosure printed twice (findSecondDisclosure)
      if (runs[i].id === runs[0].id) return new Set();
      for (const l of runs[i].lines) copies.add(l.line);
      break;
    }
  }
  return copies;
}

/** a cover's title: a department's or unit's budget or final account, the title's last words (上海市2025年市级单位预算, 某局2019年度部门预算公开) */
const COVER_TITLE_RE = /^[^，,。；;：:、（）()]{0,30}(?:(?:部门|单位)(?:预算|决算)(?:公开)?|(?:预算|决算)公开)$/;
/** lines a page's head spans, blank lines aside, where another disclosure's cover names it */
const HEAD_LINES = 3;

/** whether the line opens a page, its title among the page's first lines */
function opensCover(l: SourceLine, pageStart: SourceLine | undefined, seen: number): boolean {
  return pageStart !== undefined && seen < HEAD_LINES && COVER_TITLE_RE.test(squeeze(l.text));
}

/**
 * The second disclosure's first line: its cover between the first set's last table and the
 * repeated one (a page opening with the document's first line, or, on a page, one whose first
 * lines hold a cover's title: two units' disclosures printed one after the other; in text without
 * pages, a cover's title standing alone), else the page of the repeated table.
 */
function startOf(lines: SourceLine[], lastOfFirst: SourceLine, repeated: SourceLine): SourceLine {
  const cover = lines[0]?.text.trim();
  const paged = repeated.page !== undefined;
  let previous: SourceLine | undefined;
  let pageStart: SourceLine | undefined;
  let seen = 0;
  if (!paged) {
    // another disclosure is known to start here: its cover's title standing alone tells where
    const between = lines.filter((l) => l.line > lastOfFirst.line && l.line < repeated.line);
    for (const { start } of titlesAlone(between, 0)) return start;
  }
  for (const l of lines) {
    if (paged && l.page !== pageStart?.page) {
      pageStart = l;
      seen = 0;
    }
    if (l.line > lastOfFirst.line && l.line < repeated.line) {
      if (l.text.trim() === cover && (!paged || l.page !== previous?.page)) return l;
      if (paged && l.text.trim() && opensCover(l, pageStart, seen)) return pageStart!;
    }
    if (l.text.trim()) seen++;
    previous = l;
  }
  return (paged && lines.find((l) => l.page === repeated.page)) || repeated;
}

/** a cover's title parted: whose, which year, and what (部门预算, 单位决算, 预算公开) */
const TITLE_PARTS_RE = /^(.*?)(20\d{2})年度?(.*?)$/;
/** a part's or chapter's heading names a section, never another document */
const SECTION_RE = /^第[一二三四五六七八九十\d]{1,3}(?:部分|章|篇)/;

/** what a cover says of its disclosure: whose (the words before its year), the year, and whether a 预算 or a 决算 */
function coverParts(text: string): { unit: string; year: string | null; kind: string } {
  const m = TITLE_PARTS_RE.exec(text);
  const kind = (t: string) => (/决算/.test(t) ? '决算' : /预算/.test(t) ? '预算' : '');
  return m ? { unit: m[1], year: m[2], kind: kind(m[3]) } : { unit: '', year: null, kind: kind(text) };
}

/**
 * Whether a cover names another disclosure than the part's own cover does: another year, a 决算
 * for a 预算, or a unit the own cover does not name. A title page repeating the cover in other
 * lines (江苏省委办公厅 / 2019年度部门预算 and 江苏省委办公厅2019年度部门预算) is the same, and so is one
 * that says 单位 for the cover's 部门 (形式/部门单位称谓's slip, not another document). byUnit: a
 * unit not named tells too.
 */
function namesAnother(cover: string, own: string, byUnit: boolean): boolean {
  const [a, b] = [coverParts(cover), coverParts(own)];
  if (a.year && b.year && a.year !== b.year) return true;
  if (a.kind && b.kind && a.kind !== b.kind) return true;
  return byUnit && a.unit.length > 1 && b.unit.length > 1 && !b.unit.includes(a.unit) && !a.unit.includes(b.unit);
}

/**
 * Another disclosure that prints no table again (its tables published apart, or none of the
 * first's kinds): after the part's first page and before `before`, a page whose first lines hold
 * a cover's title (the lines down to it read as one: 江苏省人大常委会办公厅 / 2017 年度部门预算) naming
 * another disclosure than the part's own first lines do.
 */
function anotherCover(lines: SourceLine[], before: number): SecondDisclosure | null {
  const kept = lines.filter((l) => l.line < before);
  if (!kept.some((l) => l.page !== undefined)) return titleAlone(kept);
  const pages = new Map<number, SourceLine[]>();
  for (const l of kept) {
    if (!l.text.trim()) continue;
    const page = pages.get(l.page!);
    if (page) page.push(l);
    else pages.set(l.page!, [l]);
  }
  const [first, ...rest] = [...pages.values()];
  if (!first) return null;
  const own = first.slice(0, HEAD_LINES).map((l) => squeeze(l.text)).join('');
  for (const page of rest) {
    const head = page.slice(0, HEAD_LINES).map((l) => squeeze(l.text));
    const at = head.findIndex(isCoverTitle);
    const title = head.slice(0, at + 1).join('');
    // the page's first line in the whole input, blank or not
    // a unit's name alone tells only on a cover: a page of a few lines, or its 目录 under the title
    const coverLike = page.length <= COVER_PAGE_LINES || head.some((t) => /^目录$/.test(t));
    if (at >= 0 && namesAnother(title, own, coverLike)) return { from: lines.find((l) => l.page === page[0].page)!.line, line: 1, page: page[0].page, title, cover: true };
  }
  return null;
}

/** non-blank lines a cover page holds at most: its title, the unit's name, a date */
const COVER_PAGE_LINES = 6;

const isCoverTitle = (t: string) => COVER_TITLE_RE.test(t) && !SECTION_RE.test(t);
/** a unit's name on the line over its cover's year (江苏省人大常委会办公厅 / 2017 年度部门预算) */
const UNIT_LINE_RE = /^[^\d，,。；;：:、（）()]{2,20}$/;

/**
 * Text without pages: a cover's title on a line of its own (a blank line after it), the unit's
 * name on the line over it read with it, naming another year or a 决算 for a 预算 than the text's
 * first lines. A unit's name alone does not tell here: the narrative names its unit otherwise.
 */
function titleAlone(lines: SourceLine[]): SecondDisclosure | null {
  const own = lines.filter((l) => l.text.trim()).slice(0, HEAD_LINES).map((l) => squeeze(l.text)).join('');
  for (const { start, title } of titlesAlone(lines, HEAD_LINES)) {
    if (namesAnother(title, own, false)) return { from: start.line, line: start.line, title, cover: true };
  }
  return null;
}

/**
 * Text without pages: each cover's title standing on a line of its own (a blank line after it),
 * the unit's name on the line over it read with it (江苏省人大常委会办公厅 / 2017 年度部门预算), and
 * the line it starts on; the first `skip` printed lines aside (the text's own cover).
 */
function* titlesAlone(lines: SourceLine[], skip: number): Generator<{ start: SourceLine; title: string }> {
  let printed = 0;
  let over: SourceLine | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!l.text.trim()) continue;
    const above = over;
    over = l;
    if (printed++ < skip) continue;
    const line = squeeze(l.text);
    if (!isCoverTitle(line) || lines[i + 1]?.text.trim()) continue;
    const unitOver = above !== undefined && UNIT_LINE_RE.test(squeeze(above.text)) && /^20\d{2}/.test(line);
    yield unitOver ? { start: above, title: squeeze(above.text) + line } : { start: l, title: line };
  }
}

const squeeze = (text: string) => text.replace(/[\s\u3000]/g, '');
