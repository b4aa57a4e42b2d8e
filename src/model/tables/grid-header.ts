/**
 * A 三公 grid's header words as the grid reader asks of them: the group words a label is made
 * of, a name wrapped over the header's lines, the cells over each figure, and aligned text's
 * lines standing in for a page's header rows.
 */
import type { PositionedPiece } from '../../ingest/text.js';
import type { Token, TokenLine } from '../../layout/tokenize.js';
import { centreOf } from './geometry.js';
import { cleanLabel } from './grid-turned.js';
import { ITEMS_HEADING, joinWrappedNames } from './header.js';
import { alignedHeaderSpans } from './text-columns.js';

/**
 * The group words a header label is made of, in order, or none where it holds anything else: words
 * set one space apart come as one label (预算数 决算数 预算数 决算数 → 预算数决算数预算数决算数)
 */
export function groupWords(label: string, groups: string[]): string[] {
  const words: string[] = [];
  // the items' column heading may stand first on the line (项 目 2016年预算数 2017年预算数)
  for (let at = ITEMS_HEADING.exec(label)?.[0].length ?? 0; at < label.length; ) {
    const word = groups.find((g) => label.startsWith(g, at));
    if (!word) return [];
    words.push(word);
    at += word.length;
  }
  return words;
}

/**
 * Whether the header's lines name a column: on one line, or wrapped from the end of a line to the
 * start of a later one, other cells' lines between (pdfplumber: 2024年机关运行经 / 公务用车购置及
 * 运行费 / 费预算数).
 */
export function namedIn(lines: string[], name: string): boolean {
  if (lines.join('').includes(name)) return true;
  for (let k = 1; k < name.length; k++) {
    const [head, tail] = [name.slice(0, k), name.slice(k)];
    if (lines.some((l, i) => l.endsWith(head) && lines.slice(i + 1).some((m) => m.startsWith(tail)))) return true;
  }
  return false;
}

/** text has no header rows of pieces (addHeader): its lines' words stand in, each line a line's height below the one before */
export function alignedHeaderRows(header: TokenLine[], display = false): PositionedPiece[][] {
  // a text line is about 0.8 of a font size apart from the next (pdftotext sets lines 1.2–1.5
  // sizes apart): so a cell's words spread over its height stand as far apart as on the page
  return header.map((l, i) => alignedHeaderSpans(l, display).map((p) => ({ ...p, y: i, size: TEXT_LINE_SIZE })));
}

/** the header's cells, wrapped names joined, left to right */
export function headerCells(rows: PositionedPiece[][]): Array<{ x: number; text: string }> {
  return joinWrappedNames(rows)
    .flat()
    .map((p) => ({ x: centreOf(p), text: cleanLabel(p.text) }))
    .sort((a, b) => a.x - b.x);
}

/**
 * The words stacked straight above each figure, read top to bottom: the header pieces over its
 * width, from the lowest up while each stands within STACK_PITCH font sizes of the one below.
 * For a header whose cells spread their words over the cell's height, lines far apart and
 * interleaved with the next cell's (江苏人大 2017: 因公 / 出国 / （境）费, 小 / 计).
 */
export function figureStacks(figures: Array<{ t: Token; x: number }>, rows: PositionedPiece[][]): Array<{ x: number; text: string }> {
  const pieces = rows.flat().filter((p) => p.y !== undefined);
  return figures.map(({ t, x }) => {
    const over = pieces.filter((p) => p.x0 < t.x1! && t.x0! < p.x1).sort((a, b) => b.y! - a.y!);
    const stack: PositionedPiece[] = [];
    for (const p of over) {
      const below = stack[stack.length - 1];
      if (below && below.y! - p.y! > STACK_PITCH * (p.size ?? 10)) break;
      stack.push(p);
    }
    return { x, text: cleanLabel(stack.reverse().map((p) => p.text).join('')) };
  });
}

/** how far apart (in font sizes) the words of one header cell stand, at most, spread over its height */
const STACK_PITCH = 3.2;
/** a font size in text lines, for text whose lines stand in for a page's header rows */
const TEXT_LINE_SIZE = 1.25;
