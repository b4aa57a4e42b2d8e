/**
 * Where each figure of a row goes when the row prints fewer figures than the table has columns
 * (blank cells omitted): on a page by where it stands (between the columns' centres, from their
 * flush-left edges, or between the table's rules), in text laid out as printed by the character
 * columns of the header's words or of the column's other figures. Null where position does not
 * tell: the reader (column-reader.ts) then keeps the row's parts unplaced.
 */
import type { PositionedPiece } from '../../ingest/text.js';
import type { TableRegion } from '../../layout/regions.js';
import type { Token } from '../../layout/tokenize.js';
import type { Column, Table } from '../types.js';
import type { TableSpec } from './catalog.js';
import { namedColumns } from './header.js';
import { centreOf, columnReach, flushLeftEdges, headerSetFlushLeft, matchInOrder, placeByLeftEdges, placeByRightEdges, rightSetEnds } from './geometry.js';
import { namesOverFigures, placeByEdges, placeBySpans, rightEdges } from './text-columns.js';
import type { PrintedColumn } from './spanned-columns.js';

/** what the placement asks of the table's reader, as the reader knows it when a row is read */
export interface PlacementSource {
  spec: TableSpec;
  region: TableRegion;
  columns(): Table['columns'];
  /** the columns a spanning header prints, the kind's and others (null: no such header) */
  spanned(): PrintedColumn[] | null;
  /** PDF: where each value column stands (null: not every one can be found) */
  columnCentres(): Map<string, number> | null;
  /** PDF: the 栏次 number printed over a column */
  markOf(c: Column): Token | undefined;
  /** PDF: the header cells that name the value columns */
  headerLabels(): Map<string, PositionedPiece>;
  /** PDF: the header's lines of words (栏次 numbers left out), each word with its baseline */
  headerRows(): PositionedPiece[][];
  /** PDF: the first lines under the header on its page, each word with its baseline */
  rowsUnderHeader(): PositionedPiece[][];
  /** text laid out as printed, with no positions and no tabs */
  isAligned(): boolean;
  /** aligned text: each header line's words as the spans they cover */
  textHeaderSpans(): PositionedPiece[][];
  /** the page the header is printed on, where the input marks pages */
  headerPage(): number | undefined;
  /** each row read so far as its printed figures */
  rowFigures(): Token[][];
  /** PDF: each figure to the column whose middle lies in its ruled cell, null where the rules do not tell (ruled-columns.ts) */
  placeByRulings(printed: Token[], centres: Array<{ key: string; x: number }>): Map<string, Token> | null;
}

export class FigurePlacement {
  constructor(private readonly reader: PlacementSource) {}

  /** each printed figure (fewer than the columns) to its column, or null where position does not tell */
  place(printed: Token[], columns: Table['columns']): Map<string, Token> | null {
    return this.placeByPosition(printed, columns) ?? this.placeByRightEdges(printed, columns) ?? this.placeByPageEdges(printed, columns) ?? this.placeByTextSpans(printed, columns) ?? this.placeByTextEdges(printed, columns);
  }

  /**
   * PDF: figures set flush right, each to the column under whose name it ends (placeByRightEdges).
   * A figure set right in a wide cell under a name set in its middle stands nearer the next
   * column's name than its own (Chromium's 三线表, no rules between the columns).
   */
  private placeByRightEdges(printed: Token[], columns: Table['columns']): Map<string, Token> | null {
    if (!printed.every((t) => t.x0 !== undefined) || this.reader.spanned()) return null;
    const labels = this.reader.headerLabels();
    const named = columns.filter((c) => labels.has(c.key)).map((c) => ({ key: c.key, x0: labels.get(c.key)!.x0 }));
    return placeByRightEdges(printed, this.rightEnds(), named);
  }

  /** where the rows read so far end their figures set right: found again only when rows were added */
  private ends?: { figures: number; at: number[] };
  private rightEnds(): number[] {
    const figures = this.reader.rowFigures().flat();
    if (this.ends?.figures !== figures.length) this.ends = { figures: figures.length, at: rightSetEnds(figures) };
    return this.ends.at;
  }

  /**
   * Aligned text of a table gone on to a page without its header (a sheet printed over pages):
   * pdftotext lays each page out anew, so the first page's header says nothing of where the
   * figures stand there. The page's rows printing every column do: each column's figures end
   * where theirs end (all such rows alike, one at least). A figure goes to the column it ends
   * at, in order; null where that does not tell.
   */
  private pageEdges = new Map<number, number[] | null>();
  private placeByPageEdges(printed: Token[], columns: Table['columns']): Map<string, Token> | null {
    const page = printed[0]?.page;
    const headerPage = this.reader.headerPage();
    if (page === undefined || headerPage === undefined || page === headerPage || !this.reader.isAligned()) return null;
    if (!this.pageEdges.has(page)) this.pageEdges.set(page, fullRowEdges(this.reader.rowFigures().filter((r) => r[0]?.page === page), columns.length));
    const edges = this.pageEdges.get(page);
    if (!edges) return null;
    const placed = new Map<string, Token>();
    let after = -1;
    for (const t of printed) {
      const at = edges.indexOf(t.endColumn);
      if (at <= after) return null;
      after = at;
      placed.set(columns[at].key, t);
    }
    return placed;
  }

  /** aligned text: where the header prints each column's name, in character columns (null: not such text) */
  private spans?: Map<string, PositionedPiece> | null;
  private textSpans(): Map<string, PositionedPiece> | null {
    if (this.spans !== undefined) return this.spans;
    if (!this.reader.isAligned()) return (this.spans = null);
    const rows = this.reader.textHeaderSpans();
    return (this.spans = namedColumns(this.reader.spec.columns, rows, rows.flat()));
  }

  private fits?: boolean;
  /** aligned text whose header names were found not to stand over the figures (namesOverFigures) */
  get namesAstray(): boolean {
    return this.fits === false;
  }

  /**
   * aligned text: the columns with where the header prints their names, left to right; null unless
   * it names them all, over the rows' figures (namesOverFigures: names closed up tell nothing)
   */
  private spannedByText(columns: Table['columns']): Array<{ key: string; x0: number; x1: number }> | null {
    const spans = this.textSpans();
    if (!spans || !columns.every((c) => spans.has(c.key))) return null;
    const cols = columns.map((c) => ({ key: c.key, x0: spans.get(c.key)!.x0, x1: spans.get(c.key)!.x1 })).sort((a, b) => a.x0 - b.x0);
    this.fits ??= namesOverFigures(this.reader.rowFigures(), cols, columns.find((c) => c.total)?.key);
    return this.fits ? cols : null;
  }

  /** aligned text that omits blank cells: each figure in the column whose header stands over it, where that is unambiguous */
  private placeByTextSpans(printed: Token[], columns: Table['columns']): Map<string, Token> | null {
    const cols = this.spannedByText(columns);
    return cols && placeBySpans(printed, cols);
  }

  /** aligned text whose figures stand off their headers: each figure in the column whose figures end where it ends */
  private edges?: Map<string, number>;
  private placeByTextEdges(printed: Token[], columns: Table['columns']): Map<string, Token> | null {
    const cols = this.spannedByText(columns);
    if (!cols) return null;
    this.edges ??= rightEdges(this.reader.rowFigures(), cols);
    return placeByEdges(printed, cols, this.edges);
  }

  /**
   * PDF: where each value column starts, when its cells are set flush left: a producer that sets
   * the header and the 栏次 numbers at their cells' left edges (WeasyPrint) prints each column's
   * name and number from the same x and their middles apart, and the figures, flush right, stand
   * nearer the next column's number than their own; a sheet printed without borders sets its
   * header's names so (headerSetFlushLeft). Null where the cells are not so set.
   */
  private leftEdges?: Map<string, number> | null;
  private flushLeftEdges(): Map<string, number> | null {
    if (this.leftEdges !== undefined) return this.leftEdges;
    const labels = this.reader.headerLabels();
    const columns = this.reader.columns();
    const byMarks = flushLeftEdges(columns.map((c) => ({ key: c.key, mark: this.reader.markOf(c), label: labels.get(c.key) })));
    // without 栏次 numbers, a header whose names start where the words under them start is set flush left (its names' starts the columns')
    const byHeader = () => (columns.length > 1 && columns.every((c) => labels.has(c.key)) && headerSetFlushLeft(this.reader.headerRows(), this.reader.rowsUnderHeader()) ? new Map(columns.map((c) => [c.key, labels.get(c.key)!.x0])) : null);
    return (this.leftEdges = byMarks ?? byHeader());
  }

  /** each printed figure to the column whose band (between neighbouring centres) holds it */
  private placeByPosition(printed: Token[], columns: Table['columns']): Map<string, Token> | null {
    if (!printed.every((t) => t.x0 !== undefined)) return null;
    const edges = this.flushLeftEdges();
    if (edges && columns.every((c) => edges.has(c.key))) return placeByLeftEdges(printed, columns.map((c) => ({ key: c.key, x: edges.get(c.key)! })));
    const centres = this.reader.columnCentres();
    if (!centres) return null;
    const spanned = this.reader.spanned();
    if (!spanned) {
      const byRules = this.reader.placeByRulings(printed, columns.map((c) => ({ key: c.key, x: centres.get(c.key)! })));
      if (byRules) return byRules;
    }
    // a column the header prints and the kind does not know (上年预算数): its figures are left out
    const unknown = (spanned ?? []).filter((p) => !p.column).map((p) => ({ key: '', x: p.at }));
    const cols = [...columns.map((c) => ({ key: c.key, x: centres.get(c.key)! })), ...unknown].sort((a, b) => a.x - b.x);
    // a figure further from every known column than columns stand apart is under a column the
    // catalogue does not know: the positions do not tell where it belongs (how far apart: the
    // nearest column's own neighbours, so that narrow columns elsewhere do not narrow a wide one)
    const placed = new Map<string, Token>();
    // under a spanning header, figures to its columns in order (see spanned-columns.ts)
    if (spanned) {
      const order = matchInOrder(printed.map(centreOf), cols);
      if (!order) return null;
      printed.forEach((t, i) => order[i].key && placed.set(order[i].key, t));
      return placed;
    }
    for (const t of printed) {
      const x = centreOf(t);
      let best = 0;
      for (let i = 1; i < cols.length; i++) if (Math.abs(cols[i].x - x) < Math.abs(cols[best].x - x)) best = i;
      if (!withinReach(cols.map((c) => c.x), x)) return null;
      const column = cols[best];
      if (!column.key) continue;
      // two figures in one column: the positions do not tell, fall back to the text's reading
      if (placed.has(column.key)) return null;
      placed.set(column.key, t);
    }
    return placed;
  }
}

/** where each of n columns' figures end, as every row printing all n figures has them (one row at least, edges in order); null otherwise */
function fullRowEdges(rows: Token[][], n: number): number[] | null {
  const full = rows.filter((r) => r.length === n);
  if (!full.length) return null;
  const edges = full[0].map((t) => t.endColumn);
  const alike = full.every((r) => r.every((t, k) => t.endColumn === edges[k]));
  return alike && edges.every((e, k) => k === 0 || e > edges[k - 1]) ? edges : null;
}

/**
 * Whether x stands within the reach of its nearest column (centres in order): that column's own
 * neighbours say how far, so that narrow columns elsewhere do not narrow a wide one (a figure set
 * right in a wide cell stands well off its header's centre).
 */
function withinReach(xs: number[], x: number): boolean {
  let best = 0;
  for (let i = 1; i < xs.length; i++) if (Math.abs(xs[i] - x) < Math.abs(xs[best] - x)) best = i;
  return Math.abs(xs[best] - x) <= columnReach(xs.slice(Math.max(0, best - 1), best + 2));
}
