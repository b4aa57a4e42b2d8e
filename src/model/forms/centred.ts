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

export const PAGE = 10000;

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
 * row's words where a page ends or begins; where its words begin; and the usual row height.
 */
export function rowBorders(content: Placed[][]): { above: number[]; below: number[]; tops: number[]; rowHeight: number } {
  const tops = content.map((ts) => Math.min(...ts.map((t) => t.at - t.height)));
  const bottoms = content.map((ts) => Math.max(...ts.map((t) => t.at)));
  const samePage = (r: number) => Math.floor(tops[r + 1] / PAGE) === Math.floor(bottoms[r] / PAGE);
  const gaps = content.slice(1).map((_, r) => tops[r + 1] - bottoms[r]).filter((_, r) => samePage(r));
  const pad = gaps.length ? median(gaps) / 2 : (content[0]?.[0]?.height ?? 10) / 2;
  const above = tops.map((t, r) => (r > 0 && samePage(r - 1) ? (bottoms[r - 1] + t) / 2 : t - pad));
  const below = bottoms.map((b, r) => (r + 1 < content.length && samePage(r) ? (b + tops[r + 1]) / 2 : b + pad));
  return { above, below, tops, rowHeight: median(above.map((a, r) => below[r] - a)) };
}

/**
 * The rows' own cells: each row has an anchor (its 分值, say) and takes the words of the other
 * cells beside it. A row's cells print their text centred on the row, as its anchor is; a cell
 * whose text wraps over more lines than its row's others runs into the rows beside it, its first
 * or last lines nearer their anchors than its own. So each row takes, of each column, a run of
 * the column's lines (maybe none), the runs in order, such that their middles miss their
 * anchors' middles least in all. A row's lines lie between the anchors above and below it.
 * Where a column's lines cannot be so shared, each of its words goes to the nearest anchor.
 */
export function rowsOwnCells(anchors: Placed[], words: Placed[]): Placed[][] {
  // no rows (a damaged page whose anchor column printed nothing): no word has a row to go to
  if (!anchors.length) return [];
  const content = anchors.map((a) => [a]);
  const middles = anchors.map((a) => a.at - a.height / 2);
  for (const cell of new Set(words.map((t) => t.cell))) {
    const byLine = new Map<number, Placed[]>();
    for (const t of words.filter((x) => x.cell === cell)) byLine.set(t.at, [...(byLine.get(t.at) ?? []), t]);
    const lines = [...byLine.entries()].sort((a, b) => a[0] - b[0]).map(([, ts]) => ts);
    const runs = shareLines(lines.map((ts) => [Math.min(...ts.map((t) => t.at - t.height)), Math.max(...ts.map((t) => t.at))]), middles);
    lines.forEach((ts, i) => {
      const nearest = (t: Placed) => anchors.reduce((best, a, r) => (Math.abs(a.at - t.at) < Math.abs(anchors[best].at - t.at) ? r : best), 0);
      for (const t of ts) content[runs ? runs[i] : nearest(t)].push(t);
    });
  }
  return content;
}

/** each line's row (see rowsOwnCells): lines as [top, bottom], rows by their middles; null where none fits */
function shareLines(lines: Array<[number, number]>, middles: number[]): number[] | null {
  const m = lines.length;
  // the middle of lines i..j-1
  const mid = (i: number, j: number) => (lines[i][0] + lines[j - 1][1]) / 2;
  // cost[i]: least miss with lines 0..i-1 given to the rows so far; from[r][i]: where row r's run begins
  let cost: number[] = Array.from({ length: m + 1 }, (_, i) => (i === 0 ? 0 : Infinity));
  const from: number[][] = [];
  middles.forEach((at, r) => {
    const next = [...cost];
    const begins = Array.from({ length: m + 1 }, (_, j) => j);
    const inside = (i: number) => (r === 0 || mid(i, i + 1) > middles[r - 1]) && (r + 1 === middles.length || mid(i, i + 1) < middles[r + 1]);
    for (let i = 0; i < m; i++) {
      if (cost[i] === Infinity || !inside(i)) continue;
      for (let j = i + 1; j <= m && inside(j - 1); j++) {
        const c = cost[i] + Math.abs(mid(i, j) - at);
        if (c < next[j]) [next[j], begins[j]] = [c, i];
      }
    }
    from.push(begins);
    cost = next;
  });
  if (cost[m] === Infinity) return null;
  const rowOf: number[] = Array(m);
  for (let r = middles.length - 1, j = m; r >= 0; r--) {
    const i = from[r][j];
    rowOf.fill(r, i, j);
    j = i;
  }
  return rowOf;
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
  /** where each row's own words begin: a cell parted by a page break may print its text there */
  tops?: number[];
  pages: number[];
  rowHeight: number;
  /**
   * Half a row tells a cell over one row from one over two, so a centred text may miss its rows'
   * middle by a third of a row (the default): a last row's lower border is only guessed, and a
   * cell taller than the row's own words runs past it. Cells that tile their rows without gaps
   * (a 绩效目标表's projects) may be held to half.
   */
  tolerance?: number;
  /**
   * How the table prints a cell parted by a page break, where another of its cells has shown it
   * (see partedAs): a producer prints them all one way.
   */
  parted?: Parting;
}

/** a cell parted by a page break: its text centred over the whole cell, or at the top of its first part */
export type Parting = 'whole' | 'top';

/** how far a label stands from where a cell over rows a..b parted by a page break (its part on the label's page from `first`) prints it, each way */
function partings(label: Label, a: number, b: number, first: number, rows: CentredRows, span: (a: number, b: number) => number): { whole: number; top: number } {
  const { above, tops } = rows;
  return {
    whole: Math.abs(label.middle - (above[first] + span(a, b) / 2 - span(a, first - 1))),
    top: tops && first === a ? Math.abs(label.words[0].at - label.words[0].height - tops[a]) : Infinity,
  };
}

/**
 * How far a label stands from where a cell over rows a..b would print it (Infinity where it
 * could not), and whether only its part on the label's page places it. A cell on one page prints
 * its text centred over its rows. A cell parted by a page break prints its text centred over the
 * whole cell as if its parts were one, on the page where the middle falls (Calc, wkhtmltopdf), or
 * at the top of its first part (WeasyPrint, Writer); or, failing those, centred over its part on
 * the label's page, which leaves its rows on other pages unplaced.
 */
function missOf(label: Label, a: number, b: number, rows: CentredRows, span: (a: number, b: number) => number, rowsOn: Map<number, [number, number]>): { miss: number; partOnly: boolean } {
  const { above, below, pages, rowHeight, tolerance = 1 / 3 } = rows;
  const page = label.words[0].page;
  const own = rowsOn.get(page);
  if (!own || pages[a] > page || pages[b] < page) return { miss: Infinity, partOnly: false };
  const [first, last] = [Math.max(a, own[0]), Math.min(b, own[1])];
  const part = Math.abs(label.middle - (above[first] + below[last]) / 2);
  if (pages[a] === pages[b]) return { miss: part, partOnly: false };
  const { whole, top } = partings(label, a, b, first, rows, span);
  const placed = Math.min(rows.parted === 'top' ? Infinity : whole, rows.parted === 'whole' ? Infinity : top);
  return placed <= rowHeight * tolerance ? { miss: placed, partOnly: false } : { miss: part, partOnly: true };
}

/** the height of rows a..b (span), and each page's first and last of the rows r0..r1 */
function measure(rows: CentredRows, r0: number, r1: number) {
  const { above, below, pages } = rows;
  const sums = [0];
  for (let r = r0; r <= r1; r++) sums.push(sums[sums.length - 1] + below[r] - above[r]);
  const span = (a: number, b: number) => sums[b - r0 + 1] - sums[a - r0];
  const rowsOn = new Map<number, [number, number]>();
  for (let r = r0; r <= r1; r++) rowsOn.set(pages[r], [rowsOn.get(pages[r])?.[0] ?? r, r]);
  return { span, rowsOn };
}

/**
 * How the labels, over the rows r0..r1 as centredLabels gave them, show a cell parted by a page
 * break to be printed: the way that places the first such cell (undefined where none is parted,
 * or neither way places it).
 */
export function partedAs(owners: Array<Label | null>, rows: CentredRows, r0: number): Parting | undefined {
  const { span, rowsOn } = measure(rows, r0, r0 + owners.length - 1);
  const limit = rows.rowHeight * (rows.tolerance ?? 1 / 3);
  for (const label of new Set(owners)) {
    if (!label) continue;
    const [a, b] = [r0 + owners.indexOf(label), r0 + owners.lastIndexOf(label)];
    const own = rowsOn.get(label.words[0].page);
    if (!own || rows.pages[a] === rows.pages[b]) continue;
    const { whole, top } = partings(label, a, b, Math.max(a, own[0]), rows, span);
    if (Math.min(whole, top) <= limit) return whole <= top ? 'whole' : 'top';
  }
  return undefined;
}

/**
 * Which label each of the rows r0..r1 falls under, or null where the labels cannot be set over
 * runs that tile the rows. The labels take, in order, consecutive runs of rows, each label
 * within the tolerance of where its cell would print it (see missOf). Of the runs that do, those
 * with the fewest rows at the top left with no label (the cell beside them is empty), then with
 * the fewest cells placed by their part on one page only, then whose labels miss least in all.
 * Rows are not equally tall (a cell's text wraps), so the middle of a cell's rows is found from
 * their borders, not by counting rows.
 */
export function centredLabels(labels: Label[], rows: CentredRows, r0: number, r1: number): Array<Label | null> | null {
  const { rowHeight, tolerance = 1 / 3 } = rows;
  const out: Array<Label | null> = Array(r1 - r0 + 1).fill(null);
  if (!labels.length) return out;
  const n = r1 - r0 + 1;
  const { span, rowsOn } = measure(rows, r0, r1);
  // best[k][i]: labels 0..k-1 over rows r0..r0+i-1: rows left empty at the top, cells placed by
  // one part only, total miss, and where label k-1's rows begin
  type Step = { empty: number; partOnly: number; miss: number; from: number };
  const best: Array<Array<Step | null>> = labels.map(() => Array(n + 1).fill(null));
  best[0] = Array.from({ length: n + 1 }, (_, i) => ({ empty: i, partOnly: 0, miss: 0, from: -1 }));
  best.push(Array(n + 1).fill(null));
  const better = (x: Step, y: Step | null) => !y || (x.empty !== y.empty ? x.empty < y.empty : x.partOnly !== y.partOnly ? x.partOnly < y.partOnly : x.miss < y.miss);
  labels.forEach((label, k) => {
    best[k].forEach((done, i) => {
      if (!done || i === n) return;
      for (let j = i; j < n; j++) {
        const { miss, partOnly } = missOf(label, r0 + i, r0 + j, rows, span, rowsOn);
        if (miss > rowHeight * tolerance) continue;
        const step = { empty: done.empty, partOnly: done.partOnly + Number(partOnly), miss: done.miss + miss, from: i };
        if (better(step, best[k + 1][j + 1])) best[k + 1][j + 1] = step;
      }
    });
  });
  if (!best[labels.length][n]) return null;
  for (let k = labels.length, i = n; k > 0; k--) {
    const from = best[k][i]!.from;
    out.fill(labels[k - 1], from, i);
    i = from;
  }
  return out;
}
