/**
 * Figures broken over lines inside one ruled cell, for every reader (tables, forms, the narrative).
 * A column too narrow for its figure prints it over two or three lines (a form's 分值 1 / 0 for
 * 10, 68000 / 0, 80. / 09: jspdf-autotable sizes its columns by their content): read line by line,
 * the parts stand as figures of their own (1 and 0). Where the page's rules close a cell around
 * such parts and nothing else, and the row holds a figure on one line in another cell (a table
 * without rules between its rows closes a cell around a column's figures of several rows, and
 * then no cell of the row holds one line), the parts are one figure, printed where its first
 * part is. PDFs without rules come through unchanged.
 */
import type { PageRulings } from '../ingest/rulings.js';
import type { PositionedPiece, SourceLine } from '../ingest/text.js';
import { cellOf, isFigurePart, isNumeric, withPieces, wrappedFigureText, type Cell } from './ruled-rows.js';
import { parseNumber } from './tokenize.js';

/** how far below a figure (font sizes) its cell's next line stands */
const NEXT_LINE = 1.8;

interface Part {
  piece: PositionedPiece;
  line: SourceLine;
}

const overlaps = (a: PositionedPiece, b: PositionedPiece) => a.x0 < b.x1 && b.x0 < a.x1;
const cellKey = (c: Cell) => `${c.top},${c.bottom},${c.left},${c.right}`;

export function joinFiguresWrappedInCells(lines: SourceLine[], rulings?: PageRulings[]): SourceLine[] {
  if (!rulings?.length) return lines;
  const byPage = new Map(rulings.map((r) => [r.page, r]));
  const replaced = new Map<SourceLine, SourceLine | null>();
  for (let i = 0; i + 1 < lines.length; i++) {
    const page = lines[i].page === undefined ? undefined : byPage.get(lines[i].page!);
    if (!page || !wrapsBelow(lines, i)) continue;
    // the page's lines from here on, a few lines down (as joined so far): where a wrapped figure's parts stand
    const near = lines
      .slice(i, i + 4)
      .filter((l) => l.page === lines[i].page && replaced.get(l) !== null)
      .map((key) => ({ key, now: replaced.get(key) ?? key }))
      .filter(({ now }) => now.pieces && now.y !== undefined);
    for (const { parts, text } of wrappedParts(near, page)) merge(parts, text, replaced);
  }
  if (!replaced.size) return lines;
  return lines.flatMap((l) => {
    const r = replaced.get(l);
    return r === undefined ? [l] : r === null ? [] : [r];
  });
}

/**
 * whether the line has a figure with a figure's part under it, a line below, that together read
 * as a figure: the cheap test before any rule is looked at (two rows' amounts, 1,234.56 over
 * 789.00, do not)
 */
function wrapsBelow(lines: SourceLine[], i: number): boolean {
  const line = lines[i];
  const next = lines[i + 1];
  if (!line.pieces || !next.pieces || line.y === undefined || next.y === undefined || next.page !== line.page) return false;
  if (next.y - line.y > NEXT_LINE * (next.size ?? 10)) return false;
  const parts = next.pieces.filter((q) => isFigurePart(q.text));
  return parts.length > 0 && line.pieces.some((p) => isFigurePart(p.text) && parts.some((q) => overlaps(p, q) && parseNumber(p.text + q.text) !== null));
}

/** the parts of each closed cell that starts on the first of `near` and holds figures on several lines, and nothing else */
function wrappedParts(near: Array<{ key: SourceLine; now: SourceLine }>, rulings: PageRulings): Array<{ parts: Part[]; text: string }> {
  if (!near.length) return [];
  const cells = new Map<string, Part[]>();
  const mixed = new Set<string>();
  const oneLineFigure = new Set<string>();
  for (const { key: line, now } of near) {
    for (const piece of now.pieces!) {
      const cell = cellOf(rulings, piece, now.y!, now.size ?? 10);
      if (!cell) continue;
      const key = cellKey(cell);
      if (!isFigurePart(piece.text)) mixed.add(key);
      cells.set(key, [...(cells.get(key) ?? []), { piece, line }]);
    }
  }
  const top = near[0].key;
  for (const [key, parts] of cells) if (parts.length === 1 && parts[0].line === top && isNumeric(parts[0].piece)) oneLineFigure.add(key);
  const out: Array<{ parts: Part[]; text: string }> = [];
  for (const [key, parts] of cells) {
    if (mixed.has(key) || parts.length < 2 || parts[0].line !== top || new Set(parts.map((p) => p.line)).size !== parts.length) continue;
    // another cell of the row holds a figure on one line: the row's rules are drawn
    if (![...oneLineFigure].some((k) => k !== key)) continue;
    const at = (l: SourceLine) => near.find((n) => n.key === l)!.now;
    const text = wrappedFigureText(parts.map((p) => ({ text: p.piece.text, y: at(p.line).y!, size: at(p.line).size ?? 10 })));
    if (text !== null) out.push({ parts, text });
  }
  return out;
}

/** a line's piece, found again in the line as rebuilt (withPieces copies its pieces) */
const samePiece = (a: PositionedPiece, b: PositionedPiece) => a.x0 === b.x0 && a.x1 === b.x1 && a.text === b.text;

/** the first part, now the whole figure, where its line printed it; the other parts taken off theirs (a line left empty is gone) */
function merge(parts: Part[], text: string, replaced: Map<SourceLine, SourceLine | null>): void {
  const current = (l: SourceLine) => replaced.get(l) ?? l;
  const [first, ...rest] = parts;
  const whole = { text, x0: Math.min(...parts.map((p) => p.piece.x0)), x1: Math.max(...parts.map((p) => p.piece.x1)) };
  const taken: number[] = [];
  for (const { piece, line } of rest) {
    const now = current(line);
    const left = now.pieces!.filter((p) => !samePiece(p, piece));
    if (left.length) replaced.set(line, withPieces(now, left));
    else {
      replaced.set(line, null);
      taken.push(line.line, ...(line.joined ?? []));
    }
  }
  const host = current(first.line);
  const pieces = host.pieces!.map((p) => (samePiece(p, first.piece) ? { ...p, ...whole } : p));
  replaced.set(first.line, { ...withPieces(host, pieces), ...(taken.length ? { joined: [...(host.joined ?? []), ...taken] } : {}) });
}
