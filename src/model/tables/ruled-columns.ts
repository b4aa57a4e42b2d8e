/**
 * PDF: figures placed by the cells the page's rules draw. A figure set flush right in a wide
 * column stands nearer the middle of a narrow column beside it than its own (report engines,
 * Excel): the rules say which column's cell it is in, where its position alone does not.
 */
import type { PageRulings } from '../../ingest/rulings.js';
import type { SourceLine } from '../../ingest/text.js';
import type { Token } from '../../layout/tokenize.js';
import { cellOf } from '../../layout/ruled-rows.js';

/**
 * Each figure to the one column whose middle (its header's or 栏次 number's) lies inside the
 * ruled cell the figure stands in. Null where a figure stands in no closed cell, or its cell holds
 * no column's middle or more than one, or two figures share a column: the caller then places by
 * position.
 */
export function placeByRules(printed: Token[], centres: Array<{ key: string; x: number }>, rulingsOf: (page: number) => PageRulings | undefined, lineOf: (line: number) => SourceLine | undefined): Map<string, Token> | null {
  const placed = new Map<string, Token>();
  for (const t of printed) {
    const source = lineOf(t.line);
    const rulings = t.page === undefined || t.printed ? undefined : rulingsOf(t.page);
    if (!rulings || !rulings.vertical.length || t.x0 === undefined || t.x1 === undefined || source?.y === undefined) return null;
    const cell = cellOf(rulings, { text: t.text, x0: t.x0, x1: t.x1 }, source.y, source.size ?? t.size ?? 10);
    if (!cell) return null;
    const inside = centres.filter((c) => c.x > cell.left && c.x < cell.right);
    if (inside.length !== 1 || placed.has(inside[0].key)) return null;
    placed.set(inside[0].key, t);
  }
  return placed;
}
