/**
 * Two disclosures in one file (PDFs concatenated, a compilation of units' budgets): their tables
 * would be merged into one model. Told by a table kind that comes back after other kinds were
 * read in between (a continuation on the next page has none between), or by another disclosure's
 * cover (disclosure-covers.ts). The report holds the first; each after it is read on its own
 * (cli/lint.ts disclosuresOf).
 */
import type { SourceLine } from '../ingest/text.js';
import type { TableRegion } from '../layout/regions.js';
import { anotherCover, HEAD_LINES, isCoverTitle, titlesAlone } from './disclosure-covers.js';
import { squeezed } from './tables/header.js';

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
    const [alone] = titlesAlone(lines.filter((l) => l.line > lastOfFirst.line && l.line < repeated.line), 0);
    if (alone) return alone.start;
  }
  for (const l of lines) {
    if (paged && l.page !== pageStart?.page) {
      pageStart = l;
      seen = 0;
    }
    if (l.line > lastOfFirst.line && l.line < repeated.line) {
      if (l.text.trim() === cover && (!paged || l.page !== previous?.page)) return l;
      if (paged && seen < HEAD_LINES && isCoverTitle(squeezed(l.text))) return pageStart!;
    }
    if (l.text.trim()) seen++;
    previous = l;
  }
  return (paged && lines.find((l) => l.page === repeated.page)) || repeated;
}
