/**
 * Rows a PDF's ruled lines bound. Where a table draws its cell borders, the text printed between
 * the same two horizontal rules is one row, whatever its baselines: a label wrapped inside its
 * narrow cell (「一、财政」 over 「拨款」) and the figure centred beside it become one line, each
 * cell's text in reading order. Only blocks of lines whose every piece sits in a closed cell (a
 * rule on each of its four sides) are touched, and only below their header (the rows above the
 * first row with figures, which the header's own reading handles); a cell that would stack a
 * figure with other text leaves its block as printed. Text input and PDFs without rules come
 * through unchanged.
 */
import type { PositionedPiece, SourceLine } from '../ingest/text.js';
import type { PageRulings, Segment } from '../ingest/rulings.js';
import { parseNumber } from './tokenize.js';
import { isNumberingLine } from './numbering-line.js';

/** how far (points) a piece may overhang a rule and still be inside its cell */
const LEEWAY = 1;
/**
 * how far (font sizes) text may run past its cell's right rule: a font wider than the one the
 * table was set for (a re-export that substituted fonts) pushes a full cell's last character
 * over the border, still plainly that cell's
 */
const OVERHANG = 0.5;
/** the part of the font size a glyph reaches above its baseline, and below */
const ASCENT = 0.8;
const DESCENT = 0.2;

/** the four rules around a piece */
export interface Cell {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** a piece that reads as a figure */
export const isNumeric = (p: PositionedPiece) => parseNumber(p.text) !== null;
const crosses = (s: Segment, v: number) => s.from - LEEWAY <= v && v <= s.to + LEEWAY;

/** the nearest rule before v (largest at ≤ v) and after it (smallest at ≥ v) among those crossing `along` */
function around(rules: Segment[], v0: number, v1: number, along: number): [number, number] | null {
  let before = -Infinity;
  let after = Infinity;
  for (const r of rules) {
    if (!crosses(r, along)) continue;
    if (r.at <= v0 + LEEWAY) before = Math.max(before, r.at);
    else if (r.at >= v1 - LEEWAY) after = Math.min(after, r.at);
    // a rule through the piece: it is not within one cell
    else return null;
  }
  return before > -Infinity && after < Infinity ? [before, after] : null;
}

/**
 * Whether a horizontal rule crossing x stands between two lines (baselines y0 < y1, the lower
 * line's font size): below the upper line's baseline and above the lower line's glyphs. Text a
 * rule parts is in two cells, or in a table and under it.
 */
export function ruledApart(rulings: PageRulings | undefined, x: number, y0: number, y1: number, size: number): boolean {
  const top = y1 - ASCENT * size;
  return !!rulings?.horizontal.some((r) => crosses(r, x) && r.at > y0 && r.at < top + LEEWAY);
}

/**
 * The closed cell a piece of a line at baseline y stands in, or null. Its text may sit on the
 * cell's bottom rule (iText sets a row's baseline there, 0.1 pt under it): a rule at the baseline
 * closes the cell below the text rather than running through it.
 */
export function cellOf(rulings: PageRulings, p: PositionedPiece, y: number, size: number): Cell | null {
  const [top, bottom] = [y - ASCENT * size, y + DESCENT * size];
  const rows = around(rulings.horizontal, top, y, (p.x0 + p.x1) / 2);
  const columns = rows && around(rulings.vertical, p.x0, p.x1 - OVERHANG * size, (top + bottom) / 2);
  return rows && columns ? { top: rows[0], bottom: rows[1], left: columns[0], right: columns[1] } : null;
}

/** where a page's vertical rules begin and end, highest and lowest: its table's top and foot (null without any) */
export function verticalExtent(rulings: PageRulings): { top: number; foot: number } | null {
  if (!rulings.vertical.length) return null;
  return { top: Math.min(...rulings.vertical.map((s) => s.from)), foot: Math.max(...rulings.vertical.map((s) => s.to)) };
}

/**
 * The baseline within the table's vertical rules for a piece drawn across their foot, or across
 * their top, by less than a line: the rest of a merged cell's text that a page break cuts (效益指标
 * （20分 / ）, the ） drawn over the last rule of the page). Null where the piece stands elsewhere.
 */
export function withinRules(rulings: PageRulings, y: number, size: number): number | null {
  const extent = verticalExtent(rulings);
  if (!extent) return null;
  const { top, foot } = extent;
  const [above, below] = [y - ASCENT * size, y + DESCENT * size];
  if (below > foot && above < foot && above > top) return foot - DESCENT * size - LEEWAY / 2;
  if (above < top && below > top && below < foot) return top + ASCENT * size + LEEWAY / 2;
  return null;
}

/** the closed cell of each piece of a line, or null where a piece stands in none */
function cellsOf(rulings: PageRulings, line: SourceLine): Cell[] | null {
  if (!line.pieces?.length || line.y === undefined) return null;
  const cells: Cell[] = [];
  for (const p of line.pieces) {
    const cell = cellOf(rulings, p, line.y, line.size ?? 10);
    if (!cell) return null;
    cells.push(cell);
  }
  return cells;
}

/** a line whose every piece stands in a closed cell */
interface Celled {
  line: SourceLine;
  cells: Cell[];
}

/** the pieces of one cell, with the lines they come from */
interface CellText {
  cell: Cell;
  pieces: PositionedPiece[];
  lines: SourceLine[];
}

/** two pieces of one cell's text, in reading order: Latin words keep a space between them */
function joinText(a: string, b: string): string {
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

/** a line with these pieces, left to right, its text and the pieces' columns made anew */
export function withPieces(base: SourceLine, pieces: PositionedPiece[]): SourceLine {
  let text = '';
  const placed = [...pieces]
    .sort((a, b) => a.x0 - b.x0)
    .map((p) => {
      if (text) text += ' ';
      const q = { ...p, column: text.length + 1 };
      text += p.text;
      return q;
    });
  return { ...base, text, pieces: placed };
}

/** a piece of a row, and the line it was printed on (a cell's first, for a wrapped cell's text) */
interface Placed {
  piece: PositionedPiece;
  line: SourceLine;
  /** a figure wrapped over lines: its first line is not where the row's figures stand */
  wrapped?: boolean;
}

/** a part of a figure broken over lines: digits with its points, commas and sign (80. over 09), or its % alone */
export const isFigurePart = (text: string) => /^-?[\d,.]*\d[\d,.]*%?$|^%$/.test(text);

/** how many lines a figure may wrap over in its cell, and how far apart (font sizes) they stand */
const WRAPPED_FIGURE_LINES = 3;
const WRAPPED_FIGURE_PITCH = 1.8;

/**
 * A figure wider than its narrow cell, broken over lines (3.3 over 5 for 3.35, a code 3070 over 2):
 * one figure on each line, a line pitch apart, that read together as one figure. null: anything else.
 */
function wrappedFigure(t: CellText): Placed | null {
  if (new Set(t.lines).size !== t.lines.length) return null;
  const text = wrappedFigureText(t.pieces.map((p, k) => ({ text: p.text, y: t.lines[k].y!, size: t.lines[k].size ?? 10 })));
  if (text === null) return null;
  const top = t.lines.reduce((a, b) => (b.y! < a.y! ? b : a));
  const piece = { ...t.pieces[t.lines.indexOf(top)], text, x0: Math.min(...t.pieces.map((p) => p.x0)), x1: Math.max(...t.pieces.map((p) => p.x1)) };
  return { piece, line: top, wrapped: true };
}

/**
 * The figure that the parts of one closed cell, each on a line of its own (baseline y, font size),
 * read as top to bottom: 2–3 figures a line pitch apart that together read as one figure. null: anything else.
 */
export function wrappedFigureText(parts: Array<{ text: string; y: number; size: number }>): string | null {
  if (parts.length < 2 || parts.length > WRAPPED_FIGURE_LINES || !parts.every((p) => isFigurePart(p.text))) return null;
  const order = [...parts].sort((a, b) => a.y - b.y);
  if (order.some((p, k) => k > 0 && (p.y - order[k - 1].y > WRAPPED_FIGURE_PITCH * p.size || p.y === order[k - 1].y))) return null;
  const text = order.map((p) => p.text).join('');
  return parseNumber(text) === null ? null : text;
}

/** a cell of the block whose text stands on one line, with a figure in it: the row it is in did not run together */
const oneLineFigure = (t: CellText) => new Set(t.lines).size === 1 && t.pieces.some(isNumeric);

/**
 * A cell's text: wrapped over several lines, it is one piece, read line by line; on one line it
 * stays as printed. A figure wrapped in its cell is one figure, where another cell of its row holds
 * a figure on one line (a table without rules between its rows would stack figures of different
 * rows in every column). null: a figure stacked with other text, which the rules do not explain.
 */
function cellPieces(t: CellText, row: CellText[]): Placed[] | null {
  if (new Set(t.lines).size === 1) return t.pieces.map((piece) => ({ piece, line: t.lines[0] }));
  if (t.pieces.some(isNumeric)) {
    const figure = wrappedFigure(t);
    if (!figure || !row.some((o) => o !== t && oneLineFigure(o))) return null;
    return [figure];
  }
  const piece = t.pieces.reduce((a, b) => ({ ...a, text: joinText(a.text, b.text), x0: Math.min(a.x0, b.x0), x1: Math.max(a.x1, b.x1) }));
  return [{ piece, line: t.lines[0] }];
}

/**
 * The row a cell's text belongs to, by the rule its row starts at (tops: the rows' rules, in
 * order). A cell merged over several rows (a group's name) prints its text at its middle, where
 * a reading without rules finds it too: it goes with the row that middle stands in.
 */
function rowOf(t: CellText, tops: number[]): number {
  if (!tops.some((top) => top > t.cell.top && top < t.cell.bottom)) return t.cell.top;
  const size = (l: SourceLine) => l.size ?? 10;
  const upper = Math.min(...t.lines.map((l) => l.y! - ASCENT * size(l)));
  const lower = Math.max(...t.lines.map((l) => l.y! + DESCENT * size(l)));
  const middle = (upper + lower) / 2;
  return tops.filter((top) => top >= t.cell.top && top < t.cell.bottom && top <= middle).pop() ?? t.cell.top;
}

/**
 * The body of a block of celled lines, rebuilt row by row: a row is the cells that start at one
 * horizontal rule (a cell spanning several rows goes with the row its text stands in). The header
 * (the rows above the first row with figures) and a block that cannot be read so are left as
 * printed.
 */
function blockRows(block: Celled[], underHeader: boolean): SourceLine[] {
  const unchanged = block.map((b) => b.line);
  let figureTop = Infinity;
  for (const { line, cells } of block) line.pieces!.forEach((p, k) => isNumeric(p) && (figureTop = Math.min(figureTop, cells[k].top)));
  // under a 栏次 line printed outside the rules, every row is the body's (a blank 合计 first)
  const start = underHeader ? 0 : block.findIndex((b) => b.cells.every((c) => c.top >= figureTop));
  if (start < 0 || (!underHeader && block.slice(start).some((b) => b.cells.some((c) => c.top < figureTop)))) return unchanged;
  // each cell's text, in the order first met; found by its four rules among the cells of its top rule
  const texts: CellText[] = [];
  const byTop = new Map<number, CellText[]>();
  for (const { line, cells } of block.slice(start)) {
    line.pieces!.forEach((p, k) => {
      const c = cells[k];
      const sameTop = byTop.get(c.top) ?? [];
      let t = sameTop.find(({ cell }) => cell.bottom === c.bottom && cell.left === c.left && cell.right === c.right);
      if (!t) {
        t = { cell: c, pieces: [], lines: [] };
        texts.push(t);
        sameTop.push(t);
        byTop.set(c.top, sameTop);
      }
      t.pieces.push(p);
      t.lines.push(line);
    });
  }
  const tops = [...byTop.keys()].sort((a, b) => a - b);
  const rows = new Map<number, Placed[]>();
  /** each row's lines, those whose pieces a cell's wrapped text took in included */
  const rowLines = new Map<number, Set<SourceLine>>();
  for (const t of texts) {
    const placed = cellPieces(t, byTop.get(t.cell.top)!.filter((o) => o.cell.bottom === t.cell.bottom));
    if (!placed) return unchanged;
    const top = rowOf(t, tops);
    rows.set(top, [...(rows.get(top) ?? []), ...placed]);
    rowLines.set(top, new Set([...(rowLines.get(top) ?? []), ...t.lines]));
  }
  const body = [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([top, row]) => {
      const from = new Set(row.map((r) => r.line));
      const only = row[0].line;
      // a line that is a row by itself keeps its pieces
      if (from.size === 1 && only.pieces!.length === row.length && row.every((r) => only.pieces!.includes(r.piece))) return { ...only, ruledRow: true };
      // the row is where its figures are printed, or its first line
      const base = (row.find((r) => isNumeric(r.piece) && !r.wrapped) ?? row.find((r) => isNumeric(r.piece)))?.line ?? [...from].sort((a, b) => a.y! - b.y!)[0];
      const others = [...rowLines.get(top)!].filter((l) => l !== base);
      return { ...withPieces(base, row.map((r) => r.piece)), ruledRow: true, joined: [...(base.joined ?? []), ...others.flatMap((l) => [l.line, ...(l.joined ?? [])])] };
    });
  return [...unchanged.slice(0, start), ...body];
}

/** whether one of the two lines before `first` on its page (its cell's 次 may stand on the second) is a 栏次 line */
function numberingBefore(out: SourceLine[], first: SourceLine): boolean {
  return out.slice(-2).some((l) => l.page === first.page && l.pieces?.length && isNumberingLine(l));
}

/** the lines of each block of closed cells (PDF rulings), their body joined into one line per row */
export function joinRuledRows(lines: SourceLine[], rulings: PageRulings[] | undefined): SourceLine[] {
  if (!rulings?.length) return lines;
  const byPage = new Map(rulings.map((r) => [r.page, r]));
  const out: SourceLine[] = [];
  let block: Celled[] = [];
  const flush = () => {
    if (block.length) out.push(...blockRows(block, numberingBefore(out, block[0].line)));
    block = [];
  };
  for (const line of lines) {
    const page = line.page === undefined ? undefined : byPage.get(line.page);
    const cells = page ? cellsOf(page, line) : null;
    if (block.length && (!cells || line.page !== block[0].line.page)) flush();
    if (cells) block.push({ line, cells });
    else out.push(line);
  }
  flush();
  return out;
}
