/**
 * Merged cells on a PDF page. A form's merged cell (a project's name, an 一级 or 二级 指标 over
 * its rows) prints its text centred over the rows it spans, so its text stands between rows or
 * on a row that is not its first. Which rows a merged cell spans is found from where its text
 * stands: the rows tile the block, each cell's middle the middle of its rows.
 */
import type { SourceLine } from '../../ingest/text.js';
import { normalizeLabel, type Token } from '../../layout/tokenize.js';

/** a token placed top to bottom through the document, pages one after another (points) */
export interface Placed extends Token {
  cell: number;
  at: number;
  height: number;
  page: number;
}

const PAGE = 10000;

/** the tokens of grid rows, each with its place down the document */
export function placeTokens(rows: Array<{ lines: SourceLine[]; tokens: Token[] }>): Placed[] {
  const byLine = new Map(rows.flatMap((r) => r.lines).map((l) => [l.line, l]));
  return rows
    .flatMap((r) => r.tokens)
    .map((t) => {
      const line = byLine.get(t.line)!;
      return { ...(t as Token & { cell: number }), page: line.page ?? 0, at: (line.page ?? 0) * PAGE + (line.y ?? 0), height: t.size ?? line.size ?? 10 };
    });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * Each row's upper and lower border, the rows given by the tokens they hold (their own cells):
 * midway between one row's last words and the next row's first, half the usual gap beyond a
 * row's words where a page ends or begins; and the usual row height.
 */
export function rowBorders(content: Placed[][]): { above: number[]; below: number[]; rowHeight: number } {
  const tops = content.map((ts) => Math.min(...ts.map((t) => t.at - t.height)));
  const bottoms = content.map((ts) => Math.max(...ts.map((t) => t.at)));
  const samePage = (r: number) => Math.floor(tops[r + 1] / PAGE) === Math.floor(bottoms[r] / PAGE);
  const gaps = content.slice(1).map((_, r) => tops[r + 1] - bottoms[r]).filter((_, r) => samePage(r));
  const pad = gaps.length ? median(gaps) / 2 : (content[0]?.[0]?.height ?? 10) / 2;
  const above = tops.map((t, r) => (r > 0 && samePage(r - 1) ? (bottoms[r - 1] + t) / 2 : t - pad));
  const below = bottoms.map((b, r) => (r + 1 < content.length && samePage(r) ? (b + tops[r + 1]) / 2 : b + pad));
  return { above, below, rowHeight: median(above.map((a, r) => below[r] - a)) };
}

/**
 * Runs of rows r0..r1, one per block of merged cells, each block's middle the middle of its
 * rows (within `tolerance`), from r0 down to r1; null where no such runs exist.
 */
export function centredSpans(middles: number[], above: number[], below: number[], r0: number, r1: number, tolerance: number): Array<[number, number]> | null {
  const spans: Array<[number, number]> = [];
  let first = r0;
  for (let k = 0; k < middles.length; k++) {
    const last = k + 1 === middles.length;
    let end = -1;
    let miss = Infinity;
    for (let e = first; e <= r1; e++) {
      const m = Math.abs((above[first] + below[e]) / 2 - middles[k]);
      if (m < miss && (!last || e === r1)) [end, miss] = [e, m];
    }
    if (end < 0 || miss > tolerance) return null;
    spans.push([first, end]);
    first = end + 1;
  }
  return first === r1 + 1 ? spans : null;
}

/**
 * The words that stand within rows r0..r1. A page's first and last rows reach to the page's
 * edge: a merged cell's text, taller than the rows' own words, runs past them there.
 */
export function wordsWithin(words: Placed[], rows: { above: number[]; below: number[]; pages: number[] }, r0: number, r1: number): Placed[] {
  const { above, below, pages } = rows;
  const top = r0 > 0 && pages[r0 - 1] === pages[r0] ? above[r0] : pages[r0] * PAGE;
  const bottom = r1 + 1 < pages.length && pages[r1 + 1] === pages[r1] ? below[r1] : (pages[r1] + 1) * PAGE;
  return words.filter((t) => t.at > top && t.at <= bottom);
}

/** a merged cell's text: its name, where it stands (the middle of its words) and its words */
export interface Label {
  name: string;
  middle: number;
  words: Placed[];
}

/**
 * The labels of one column's merged cells, read top to bottom: each match of `names` in the
 * column's words run together (产出指 / 标（50 / 分）…), or, without names, each run of words
 * set closer than a line apart. Null when the names do not account for every word.
 */
export function columnLabels(words: Placed[], names: RegExp | null): Label[] | null {
  const sorted = [...words].sort((a, b) => a.at - b.at || (a.x0 ?? 0) - (b.x0 ?? 0));
  if (!sorted.length) return [];
  const label = (name: string, ws: Placed[]): Label => ({ name, words: ws, middle: (ws[0].at - ws[0].height + ws[ws.length - 1].at) / 2 });
  if (names) {
    const run = sorted.map((t) => normalizeLabel(t.text)).join('');
    const owner = sorted.flatMap((t) => [...normalizeLabel(t.text)].map(() => t));
    const found = [...run.matchAll(new RegExp(names.source, 'g'))];
    if (!found.length || found.map((m) => m[0]).join('') !== run) return null;
    return found.map((m) => label(m[0], [...new Set(owner.slice(m.index!, m.index! + m[0].length))]));
  }
  const blocks: Placed[][] = [[sorted[0]]];
  for (const t of sorted.slice(1)) {
    const last = blocks[blocks.length - 1];
    const prev = last[last.length - 1];
    if (t.page === prev.page && t.at - prev.at <= 1.6 * t.height) last.push(t);
    else blocks.push([t]);
  }
  return blocks.map((ws) => label(normalizeLabel(ws.map((t) => t.text).join('')), ws));
}

/** rows by their borders and pages; how far (in rows) a centred text may stand off its rows' middle */
export interface CentredRows {
  above: number[];
  below: number[];
  pages: number[];
  rowHeight: number;
  /**
   * Half a row tells a cell over one row from one over two, so a centred text may miss its rows'
   * middle by a third of a row (the default): a last row's lower border is only guessed, and a
   * cell taller than the row's own words runs past it. Cells that tile their rows without gaps
   * (a 绩效目标表's projects) may be held to half.
   */
  tolerance?: number;
}

/**
 * Which label each of the rows r0..r1 falls under, or null where the labels cannot be centred
 * over runs that tile the rows (rows above the first label may have none). On a page break a
 * label prints on the part of its cell on its page: the rows it has on the next page come
 * before the next label's, and are found by trying.
 */
export function centredLabels(labels: Label[], rows: CentredRows, r0: number, r1: number): Array<Label | null> | null {
  const { above, below, pages: rowPages, rowHeight, tolerance = 1 / 3 } = rows;
  const out: Array<Label | null> = Array(r1 - r0 + 1).fill(null);
  if (!labels.length) return out;
  let carried: Label | null = null;
  for (let r = r0; r <= r1; ) {
    let end = r;
    while (end < r1 && rowPages[end + 1] === rowPages[r]) end++;
    const here = labels.filter((l) => l.words[0].page === rowPages[r]);
    let found: { from: number; spans: Array<[number, number]> } | null = null;
    // rows before a page's first label are the last label's, carried over the break, or (at the
    // top) have none: the cell beside them is empty. The fewest such rows that let the rest tile.
    for (let from = r; from <= end && here.length && !found; from++) {
      const spans = centredSpans(here.map((l) => l.middle), above, below, from, end, rowHeight * tolerance);
      if (spans) found = { from, spans };
    }
    if (here.length && !found) return null;
    const from = found?.from ?? end + 1;
    for (let i = r; i < from; i++) out[i - r0] = carried;
    found?.spans.forEach(([a, b], k) => {
      for (let i = a; i <= b; i++) out[i - r0] = here[k];
    });
    if (here.length) carried = here[here.length - 1];
    r = end + 1;
  }
  return out;
}
