/**
 * Text a page prints that is no part of what it says: a watermark (政府信息公开, 样稿, 内部资料)
 * set at a slant across the page, or set level in letters several times the page's size over its
 * text, and a seal's ring of characters. Read by where they stand, such characters land amid the
 * rows and sentences they cross (信 in 减信少). No table or sentence of a disclosure is printed so.
 */
import type { Glyph } from './pdf-common.js';

/** how far a line of text may turn off the page's four directions and still be read (a scan's OCR layer leans a little) */
const SLANT_LIMIT = (10 * Math.PI) / 180;

/** whether text whose baseline runs in direction (a, b) is set at a slant */
export function isSlanted(a: number, b: number): boolean {
  if (a === 0 && b === 0) return false;
  const angle = Math.atan2(b, a);
  return Math.abs(angle - Math.round(angle / (Math.PI / 2)) * (Math.PI / 2)) > SLANT_LIMIT;
}

/** a level watermark's letters are this many times the page's usual size, or more (a title is about twice) */
const OVERLAY_SIZE = 2.5;
/** text of the usual size: up to this many times it */
const USUAL_SIZE = 1.5;
/** points two boxes must share each way to overlap (letters set close touch) */
const OVERLAP = 1;

/** a glyph's box: its body stands up to 0.8 of its size above the baseline */
const top = (g: Glyph) => g.y - 0.8 * g.size;
const overlaps = (a: Glyph, b: Glyph) =>
  Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > OVERLAP && Math.min(a.y, b.y) - Math.max(top(a), top(b)) > OVERLAP;

/** a run of large glyphs: what it says and where, as a key */
export interface LargeRun {
  glyphs: Glyph[];
  key: string;
}

/** the median of the glyphs' sizes, to a tenth of a point (a page sets few sizes: counted, not sorted; this runs for every page) */
function medianSize(glyphs: Glyph[]): number {
  const count = new Map<number, number>();
  // neighbours mostly share a size: counted by runs, one map update a run
  let run = NaN;
  let n = 0;
  for (const g of glyphs) {
    const s = Math.round(g.size * 10);
    if (s === run) {
      n++;
      continue;
    }
    if (n) count.set(run, (count.get(run) ?? 0) + n);
    run = s;
    n = 1;
  }
  if (n) count.set(run, (count.get(run) ?? 0) + n);
  let seen = 0;
  for (const [s, n] of [...count].sort((a, b) => a[0] - b[0])) {
    seen += n;
    if (seen > glyphs.length >> 1) return s / 10;
  }
  return 0;
}

/** the large runs of a page's glyphs (OVERLAY_SIZE times its usual size, one size on one baseline), and that size */
function largeRuns(glyphs: Glyph[]): { runs: LargeRun[]; usual: number } {
  if (glyphs.length < 2) return { runs: [], usual: 0 };
  const usual = medianSize(glyphs);
  return { runs: runsOf(glyphs.filter((g) => g.size >= OVERLAY_SIZE * usual)), usual };
}

/** glyphs in runs of one size on one baseline, each with what it says and where it starts, to a couple of points */
function runsOf(glyphs: Glyph[]): LargeRun[] {
  const runs = new Map<string, Glyph[]>();
  for (const g of glyphs) {
    const at = `${Math.round(g.size)}|${Math.round(g.y)}`;
    const run = runs.get(at);
    if (run) run.push(g);
    else runs.set(at, [g]);
  }
  return [...runs.values()].map((run) => ({ glyphs: run, key: `${run.map((g) => g.text).join('')}|${Math.round(run[0].x0 / 2)}|${Math.round(run[0].y / 2)}` }));
}

/**
 * A page's glyphs without the runs (glyphs of one size on one baseline) set OVERLAY_SIZE times the
 * page's usual size or more where one of them is printed over text of the usual size: a level
 * watermark. A large title stands clear of the text around it and stays. With them, how many
 * glyphs were left out, and the page's large runs (a watermark may cross no text on some page).
 */
export function withoutOverlay(glyphs: Glyph[]): { glyphs: Glyph[]; left: number; runs: LargeRun[] } {
  const { runs, usual } = largeRuns(glyphs);
  if (!runs.length) return { glyphs, left: 0, runs };
  const small = glyphs.filter((g) => g.size <= USUAL_SIZE * usual);
  const over = runs.filter((run) => run.glyphs.some((c) => small.some((g) => overlaps(c, g))));
  if (!over.length) return { glyphs, left: 0, runs };
  const left = new Set(over.flatMap((run) => run.glyphs));
  return { glyphs: glyphs.filter((g) => !left.has(g)), left: left.size, runs };
}

/** a level watermark clear of the text is the same large run at the same place on this many pages, and this share of them */
const REPEATED_PAGES = 3;
const REPEATED_SHARE = 0.4;

/**
 * The large runs that stand, saying the same, at the same place on REPEATED_PAGES pages or more
 * and on REPEATED_SHARE of the pages with text: a level watermark where it crosses no text (a
 * page's blank half). A title is printed once. By key.
 */
export function repeatedRuns(pages: LargeRun[][]): Set<string> {
  const seen = new Map<string, number>();
  for (const runs of pages) for (const key of new Set(runs.map((r) => r.key))) seen.set(key, (seen.get(key) ?? 0) + 1);
  return new Set([...seen].filter(([, n]) => n >= REPEATED_PAGES && n >= REPEATED_SHARE * pages.length).map(([key]) => key));
}

/** a page's glyphs without the runs of those keys, whatever their size there (a cover sets its own text large) */
export function withoutRuns(glyphs: Glyph[], keys: Set<string>): Glyph[] {
  const left = new Set(runsOf(glyphs).filter((run) => keys.has(run.key)).flatMap((run) => run.glyphs));
  return left.size ? glyphs.filter((g) => !left.has(g)) : glyphs;
}
