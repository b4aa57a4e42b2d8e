/**
 * A form printed as one grid of cells, as rows of cells: from tab-separated text (a row a line,
 * cells as the tabs part them) or from a PDF's lines (lines set closer than a line's height make
 * one row, since a cell's text wraps and single-line cells stand centred amid it; each token
 * goes to the column whose span holds its middle, the columns being where the header cells
 * begin).
 */
import type { SourceLine } from '../ingest/text.js';
import { normalizeLabel, parseNumber, tokenizeLine, type Token } from './tokenize.js';

export interface GridRow {
  /** the row's source lines, top to bottom */
  lines: SourceLine[];
  /** each cell's text, labels normalized */
  cells: string[];
  /** the row's tokens, each with the index of its cell */
  tokens: Token[];
}

/** where a grid ends: the next part, annex or form */
export const GRID_END = /^\s*(附件|第[一二三四五六七八九十]+部分)|绩效(目标)?自评表\s*([（(][^）)]*[）)])?\s*$|绩效目标表\s*$/;
/** baselines further apart than this many font sizes belong to different rows */
export const ROW_GAP = 1.6;
/** header cells whose left edges lie this close (points) start the same column */
const SAME_EDGE = 4;

/**
 * The grid that starts at lines[from], up to the first line that cannot belong to it, and the
 * index just past it. `isHeader` tells the rows that name the columns (PDF lines only).
 */
export function readGrid(
  lines: SourceLine[],
  from: number,
  isHeader: (cells: string[]) => boolean,
  /** whether two header words set a space apart are one cell's (一级 指标), not two cells' */
  oneCell: (left: string, right: string) => boolean = () => false,
  /**
   * cells whose text is centred under their header's (a 绩效目标填报表's): a word belongs to the
   * column whose header's middle is nearest, not the one whose header starts left of it (a
   * centred word wider than its header starts left of the header)
   */
  centred = false,
  /** lines set as close as one row's that the page's rules part (a ruled form set densely) */
  apart?: (above: SourceLine, below: SourceLine) => boolean,
): { rows: GridRow[]; end: number } {
  const first = lines.slice(from).find((l) => l.text.trim());
  if (!first) return { rows: [], end: lines.length };
  return first.pieces ? positionedGrid(lines, from, isHeader, oneCell, centred, apart) : tabbedGrid(lines, from);
}

function tabbedGrid(lines: SourceLine[], from: number): { rows: GridRow[]; end: number } {
  const rows: GridRow[] = [];
  let k = from;
  for (; k < lines.length; k++) {
    const line = lines[k];
    if (!line.text.trim()) continue;
    if (!line.text.includes('\t')) break;
    rows.push({ lines: [line], cells: line.text.split('\t').map((c) => normalizeLabel(c)), tokens: tokenizeLine(line).tokens });
  }
  return { rows, end: k };
}

function positionedGrid(lines: SourceLine[], from: number, isHeader: (cells: string[]) => boolean, oneCell: (left: string, right: string) => boolean, centred: boolean, apart?: (above: SourceLine, below: SourceLine) => boolean): { rows: GridRow[]; end: number } {
  // rows by vertical gaps
  const groups: SourceLine[][] = [];
  /** the line that names the columns, while its row is the last one */
  let naming: Token[] | null = null;
  let k = from;
  for (; k < lines.length; k++) {
    const line = lines[k];
    if (!line.text.trim()) continue;
    if (k > from && GRID_END.test(line.text)) break;
    const last = groups[groups.length - 1]?.at(-1);
    const size = line.size ?? 10;
    const close = last && last.page === line.page && last.y !== undefined && line.y !== undefined && line.y - last.y <= ROW_GAP * size && !apart?.(last, line);
    // centred cells on a dense page: rows set as close as a cell's wrapped lines do not join the
    // header's row unless they are the rest of its cells (words under its words, no figures)
    const sameRow = close && (!centred || !naming || headerRest(pieceTokens(line), naming));
    if (sameRow) groups[groups.length - 1].push(line);
    else groups.push([line]);
    const own = pieceTokens(line);
    if (isHeader(own.map((t) => normalizeLabel(t.text)))) naming = own;
    else if (!sameRow) naming = null;
  }
  const tokensOf = groups.map((g) => g.flatMap(pieceTokens));
  // columns start where the header rows' cells start
  const starts: number[] = [];
  /** each column's header words, where they reach to */
  const reach = new Map<number, number>();
  tokensOf.forEach((tokens) => {
    if (!isHeader(tokens.map((t) => normalizeLabel(t.text)))) return;
    // a header cell whose words a space parts comes as two pieces as close as two cells' are
    // (其中：财政拨款 执行数): only its words tell them apart
    let cell: { text: string; line: number; x0: number; x1: number } | null = null;
    for (const t of tokens) {
      if (t.x0 === undefined) continue;
      const near = cell && cell.line === t.line && t.x0 - cell.x1 < (t.size ?? 10) * 0.6;
      if (cell && near && oneCell(cell.text, t.text)) {
        cell = { text: cell.text + t.text, line: t.line, x0: cell.x0, x1: t.x1 ?? t.x0 };
        reach.set(cell.x0, Math.max(reach.get(cell.x0) ?? 0, cell.x1));
        continue;
      }
      const start = starts.find((x) => Math.abs(x - t.x0!) <= SAME_EDGE) ?? t.x0;
      cell = { text: t.text, line: t.line, x0: start, x1: t.x1 ?? t.x0 };
      if (!starts.includes(start)) starts.push(start);
      reach.set(start, Math.max(reach.get(start) ?? 0, cell.x1));
    }
  });
  starts.sort((a, b) => a - b);
  // where a column gives way to the next: its header's start, or midway between two headers' middles
  const middle = (x: number) => (x + (reach.get(x) ?? x)) / 2;
  const borders = starts.map((x, c) => (c === 0 ? -Infinity : centred ? (middle(starts[c - 1]) + middle(x)) / 2 : x - SAME_EDGE));
  const columnOf = (t: Token) => {
    const mid = ((t.x0 ?? 0) + (t.x1 ?? t.x0 ?? 0)) / 2;
    let c = 0;
    while (c + 1 < starts.length && mid >= borders[c + 1]) c++;
    return c;
  };
  const rows = groups.map((g, i) => {
    const tokens = tokensOf[i].map((t) => ({ ...t, cell: columnOf(t) }));
    const cells: string[] = Array(Math.max(starts.length, 1)).fill('');
    for (const t of tokens) cells[t.cell] += t.text;
    return { lines: g, cells: cells.map((c) => normalizeLabel(c)), tokens };
  });
  return { rows, end: k };
}

/** a line's words each under a word of the header line (its cells' wrapped rest: 值, 数), none a figure */
function headerRest(tokens: Token[], header: Token[]): boolean {
  return tokens.every((t) => {
    const mid = ((t.x0 ?? 0) + (t.x1 ?? t.x0 ?? 0)) / 2;
    const pad = t.size ?? 10;
    return t.kind !== 'number' && header.some((h) => mid >= (h.x0 ?? 0) - pad && mid <= (h.x1 ?? h.x0 ?? 0) + pad && t.text.length <= h.text.length);
  });
}

/** a PDF line's pieces as tokens, one each: cells set close together must not run into one label */
function pieceTokens(line: SourceLine): Token[] {
  return (line.pieces ?? []).map((p) => {
    const num = parseNumber(p.text) ?? undefined;
    const column = p.column ?? 1;
    return { kind: num ? 'number' : 'label', text: p.text, line: line.line, pageLine: line.pageLine, page: line.page, column, endColumn: column + p.text.length, num, x0: p.x0, x1: p.x1, size: p.size, ...(p.printed ? { printed: p.printed } : {}) } satisfies Token;
  });
}

/**
 * A PDF's lines read by columns: the words whose spans overlap stacked into one column, each
 * top to bottom, the columns left to right. So a header whose cells wrap (全年预算 / 数, 执行 /
 * 率, 项目资金（万 / 元）) reads cell by cell, as a text export prints it.
 */
export function columnTexts(lines: SourceLine[]): string[] {
  const pieces = lines.flatMap((l, row) => (l.pieces ?? []).map((p) => ({ ...p, row })));
  const columns: Array<{ x0: number; x1: number; parts: typeof pieces }> = [];
  for (const p of [...pieces].sort((a, b) => a.x0 - b.x0)) {
    const column = columns.find((c) => p.x0 < c.x1 - SAME_EDGE / 2 && p.x1 > c.x0 + SAME_EDGE / 2);
    if (column) {
      column.parts.push(p);
      column.x0 = Math.min(column.x0, p.x0);
      column.x1 = Math.max(column.x1, p.x1);
    } else columns.push({ x0: p.x0, x1: p.x1, parts: [p] });
  }
  return columns.sort((a, b) => a.x0 - b.x0).map((c) => c.parts.sort((a, b) => a.row - b.row || a.x0 - b.x0).map((p) => p.text).join(''));
}
