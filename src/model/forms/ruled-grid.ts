/**
 * A form's indicator block where the PDF draws its cell borders. Each word then stands in a
 * closed cell, and the borders say what positions can only guess: a row is the band of its
 * anchor's cell (its 分值), a row's own words are those whose cells lie within that band, and a
 * merged 一级 or 二级 cell spans the rows whose bands lie within its own borders, wherever its
 * text is printed (centred, at the top, wrapped over many lines). Where any word stands in no
 * closed cell, or the cells do not tile so, the block is not read by its rules (null) and the
 * reading by positions (centred.ts) stands.
 */
import type { PageRulings } from '../../ingest/rulings.js';
import type { PositionedPiece, SourceLine } from '../../ingest/text.js';
import { cellOf, verticalExtent, withinRules, wrappedFigureText, type Cell } from '../../layout/ruled-rows.js';
import { normalizeLabel, parseNumber } from '../../layout/tokenize.js';
import { PAGE, type Label, type Placed } from './centred.js';

/** how far (points) a cell may stand past the band it lies in: borders are drawn a hair apart */
const EPS = 1.5;

/** a closed cell on its page */
export interface RuledCell extends Cell {
  page: number;
}

export type CellsOf = Map<Placed, RuledCell>;

/** one closed cell, whichever of its words asks: the words of a cell are gathered by it */
const cellKey = (c: RuledCell) => `${c.page}/${c.top}/${c.bottom}/${c.left}/${c.right}`;

/** each token's closed cell; null where the page draws no rules or any token stands in no closed cell */
export function ruledCells(tokens: Placed[], rulings: PageRulings[] | undefined): CellsOf | null {
  if (!rulings?.length || !tokens.length) return null;
  const byPage = new Map(rulings.map((r) => [r.page, closedAtPageBreak(r)]));
  const out: CellsOf = new Map();
  for (const t of tokens) {
    const page = byPage.get(t.page);
    if (!page || t.x0 === undefined || t.x1 === undefined) return null;
    const piece = { text: t.text, x0: t.x0, x1: t.x1 };
    const y = t.at - t.page * PAGE;
    // a merged cell's words cut by a page break may be drawn across the page's last rule (or first)
    const cell = cellOf(page, piece, y, t.height) ?? cellAcrossRule(page, piece, y, t.height);
    if (!cell) return null;
    out.set(t, { ...cell, page: t.page });
  }
  return out;
}

/**
 * A page's rules with the table closed where its vertical rules begin and end: a producer that
 * breaks a merged cell over two pages draws no border at the break (XSL-FO's default, Apache FOP:
 * 绩效指标 merged down to the page's foot), so the cell would be closed on no page.
 */
function closedAtPageBreak(rulings: PageRulings): PageRulings {
  const extent = verticalExtent(rulings);
  if (!extent) return rulings;
  const xs = rulings.vertical.map((s) => s.at);
  const edge = (at: number) => ({ at, from: Math.min(...xs), to: Math.max(...xs) });
  return { ...rulings, horizontal: [...rulings.horizontal, edge(extent.top), edge(extent.foot)] };
}

/** the cell of a piece drawn across the table's first or last rule, as if within it (withinRules) */
function cellAcrossRule(page: PageRulings, piece: PositionedPiece, y: number, size: number): Cell | null {
  const inside = withinRules(page, y, size);
  return inside === null ? null : cellOf(page, piece, inside, size);
}

/**
 * The words, each given the column whose header cells hold its own cell between their vertical
 * rules (a dense page sets a word against its cell's border, where its start says little); the
 * words left of every column (the block's own label) are left out. Null where a word's cell lies
 * under no one header column, or a header word stands in no closed cell.
 */
export function ruledColumns(head: Placed[], words: Placed[], rulings: PageRulings[]): { words: Placed[]; cells: CellsOf } | null {
  const headCells = ruledCells(head, rulings);
  const cells = ruledCells(words, rulings);
  if (!headCells || !cells) return null;
  const spans = new Map<number, [number, number]>();
  for (const [t, c] of headCells) {
    if (t.cell === undefined) continue;
    const [l, r] = spans.get(t.cell) ?? [Infinity, -Infinity];
    spans.set(t.cell, [Math.min(l, c.left), Math.max(r, c.right)]);
  }
  const leftmost = Math.min(...[...spans.values()].map(([l]) => l));
  const out: CellsOf = new Map();
  for (const [t, c] of cells) {
    if (c.right <= leftmost + EPS) continue;
    const columns = [...spans.entries()].filter(([, [l, r]]) => c.left >= l - EPS && c.right <= r + EPS);
    if (columns.length !== 1) return null;
    out.set({ ...t, cell: columns[0][0] }, c);
  }
  return { words: [...out.keys()], cells: out };
}

/**
 * A figure wrapped in its narrow cell (a score 3.35 printed 3.3 over 5) is one word: the parts of
 * each closed cell outside the anchor column (whose cells must each hold one row's anchor) that
 * read together as one figure, at the first part's place.
 */
export function joinWrappedFigures({ words, cells }: { words: Placed[]; cells: CellsOf }, anchorCol: number): { words: Placed[]; cells: CellsOf } {
  const byCell = new Map<string, Placed[]>();
  for (const w of words) {
    if (w.cell === anchorCol || w.kind !== 'number') continue;
    const key = cellKey(cells.get(w)!);
    byCell.set(key, [...(byCell.get(key) ?? []), w]);
  }
  const gone = new Set<Placed>();
  const joined = new Map<Placed, Placed>();
  for (const parts of byCell.values()) {
    const text = wrappedFigureText(parts.map((w) => ({ text: w.text, y: w.at, size: w.height })));
    if (text === null) continue;
    const [first, ...rest] = [...parts].sort((a, b) => a.at - b.at);
    joined.set(first, { ...first, text, num: parseNumber(text)!, x0: Math.min(...parts.map((w) => w.x0 ?? Infinity)), x1: Math.max(...parts.map((w) => w.x1 ?? -Infinity)) });
    rest.forEach((w) => gone.add(w));
  }
  if (!joined.size) return { words, cells };
  const out: CellsOf = new Map();
  for (const w of words) if (!gone.has(w)) out.set(joined.get(w) ?? w, cells.get(w)!);
  return { words: [...out.keys()], cells: out };
}

/** a cell lies within a band: on its page, between its borders */
const within = (inner: RuledCell, outer: RuledCell) => inner.page === outer.page && inner.top >= outer.top - EPS && inner.bottom <= outer.bottom + EPS;

/** the anchors each in a cell of its own: a row's band; null where two share a cell (one row read twice) */
export function ruledBands(anchors: Placed[], cells: CellsOf): RuledCell[] | null {
  const bands = anchors.map((a) => cells.get(a)!);
  const seen = new Set(bands.map((b) => `${b.page}/${b.top}/${b.left}`));
  return seen.size === bands.length ? bands : null;
}

/** each row's anchor and the words whose cells lie within its band; null where a word's cell lies within none */
export function ruledContent(anchors: Placed[], words: Placed[], bands: RuledCell[], cells: CellsOf): Placed[][] | null {
  const content = anchors.map((a) => [a]);
  for (const w of words) {
    const r = bands.findIndex((b) => within(cells.get(w)!, b));
    if (r < 0) return null;
    content[r].push(w);
  }
  return content;
}

/**
 * The label of each of the rows r0..r1: the text of the cell whose borders hold the row's band
 * (a merged cell holds several), or the label above the row where its own cell is empty. Null
 * where a cell holds no row's band, or its rows run past r0..r1.
 */
export function ruledLabels(words: Placed[], bands: RuledCell[], cells: CellsOf, r0: number, r1: number): Array<Label | null> | null {
  const byCell = new Map<string, { cell: RuledCell; words: Placed[] }>();
  for (const w of words) {
    const cell = cells.get(w)!;
    const key = cellKey(cell);
    byCell.set(key, { cell, words: [...(byCell.get(key)?.words ?? []), w] });
  }
  const out: Array<Label | null> = Array(r1 - r0 + 1).fill(null);
  for (const { cell, words: ws } of byCell.values()) {
    const rows = bands.map((b, r) => (within(b, cell) ? r : -1)).filter((r) => r >= 0);
    if (!rows.length) return null;
    // another run's cell, or one that runs past this run's rows
    if (rows.every((r) => r < r0 || r > r1)) continue;
    if (rows[0] < r0 || rows[rows.length - 1] > r1) return null;
    const sorted = [...ws].sort((a, b) => a.at - b.at || (a.x0 ?? 0) - (b.x0 ?? 0));
    const label: Label = { name: normalizeLabel(sorted.map((t) => t.text).join('')), words: sorted, middle: (sorted[0].at - sorted[0].height + sorted[sorted.length - 1].at) / 2 };
    for (const r of rows) {
      if (out[r - r0]) return null;
      out[r - r0] = label;
    }
  }
  // an empty cell under a label: the label holds down to the next, as a text version reads it
  // (a table that merges no cells prints its label once); the empty part of a cell parted by a
  // page break before its text takes the label after it
  const page = (i: number) => bands[r0 + i].page;
  for (let i = 1; i < out.length; i++) out[i] ??= out[i - 1];
  for (let i = out.length - 2; i >= 0; i--) if (!out[i] && page(i) !== page(i + 1)) for (let j = i; j >= 0 && !out[j] && page(j) === page(i); j--) out[j] = out[i + 1];
  // a cell parted by a page break whose text is printed again on the next page, whole or the rest
  // of it (效益指标（20分） / ）): one label
  for (let i = 1; i < out.length; i++) {
    const [before, after] = [out[i - 1], out[i]];
    if (before && after && after !== before && page(i) !== page(i - 1) && before.name.endsWith(after.name)) for (let j = i; j < out.length && out[j] === after; j++) out[j] = before;
  }
  return out;
}

/** two lines of a page that a horizontal rule between their baselines parts, where both reach it */
export function ruledApart(rulings: PageRulings[]): (above: SourceLine, below: SourceLine) => boolean {
  const byPage = new Map(rulings.map((r) => [r.page, r]));
  return (a, b) => {
    const page = a.page === undefined ? undefined : byPage.get(a.page);
    if (!page || a.page !== b.page || a.y === undefined || b.y === undefined || !a.pieces?.length || !b.pieces?.length) return false;
    const x0 = Math.min(a.pieces[0].x0, b.pieces[0].x0);
    const x1 = Math.max(a.pieces.at(-1)!.x1, b.pieces.at(-1)!.x1);
    return page.horizontal.some((r) => r.at > a.y! && r.at < b.y! && r.from < x1 && r.to > x0);
  };
}
