/**
 * What every table builder shares: a region's lines are taken one by one (header, rows, notes),
 * years and empty-table notes collected, figures put in columns (by the text's order, or on a
 * page by where the header's 栏次 numbers or labels stand), and the table assembled.
 */
import type { PositionedPiece, SourceLine } from '../../ingest/text.js';
import type { TableRegion } from '../../layout/regions.js';
import { columnLabel, normalizeLabel, type Token, type TokenLine } from '../../layout/tokenize.js';
import { blankCell, numberCell, sourceLocation, tokenLocation } from '../cells.js';
import type { Cell, Column, Location, ParseNote, Row, Table, Unit } from '../types.js';
import { columnNames, type Catalog, type TableSpec } from './catalog.js';
import { namedColumns } from './header.js';
import { centreOf, columnReach, flushLeftEdges, matchInOrder, placeByLeftEdges } from './geometry.js';
import { isColumnNumbering, lineLocation, yearCell } from './lines.js';
import { headerSpans, isAlignedText, placeBySpans } from './text-columns.js';
import { pageSpannedColumns, tabbedSpannedColumns, type PrintedColumn } from './spanned-columns.js';

export { centreOf, columnReach } from './geometry.js';
export { isCode, labelText, levelOf, stripEnumeration } from './lines.js';

const FOOTER_RE = /^\s*[-—–]+\s*\d+\s*[-—–]+\s*$/;
const NOTE_RE = /^\s*(注|备注|说明)\s*[:：0-9]/;
const FURNITURE_RE = /单位\s*[:：]|^\s*部门\s*[:：]|^\s*栏次|^\s*附件\s*\d*\s*$/;
const TITLE_RE = /表\s*$/;
const EMPTY_NOTE_RE = /空表|为空|无数据|没有|不涉及|无相关|无此项|无该项|无.{0,12}(收入|支出|收支)/;
// a note that says this table itself has nothing in it (此表为空表, 故本表无数据), not only that something is absent
const SAID_EMPTY_RE = /(本|此|该)表\s*(为空|无数据|没有数据|数据为空)|空表/;
const YEAR_RE = /(?<!\d)(20\d{2})(?=\s*年)/g;
export const SECTION_LABEL_RE = /^(栏次|项目|科目代码|科目名称|功能分类|经济分类|收入|支出|预算数|决算数)/;

export interface Builder {
  spec: TableSpec;
  region: TableRegion;
  /** does this line open a row of this table? */
  opensRow(line: TokenLine): boolean;
  accept(line: TokenLine): void;
  finish(): Table;
}

export abstract class BaseBuilder implements Builder {
  readonly rows: Row[] = [];
  readonly notes: ParseNote[];
  protected headerLines = new Set<string>();
  protected started = false;
  protected stopped = false;
  protected noteLocations: Location[] = [];
  /** the first note saying the table is empty, whether it is or not */
  protected saidEmpty: Location | null = null;
  protected years: Cell[] = [];
  /** PDF: where the 栏次 numbers and header labels stand, to place figures by column */
  protected columnMarks: Token[] = [];
  /** PDF: the header's pieces as printed (not joined into labels: header cells stand close) */
  protected headerPieces: PositionedPiece[] = [];
  readonly unit: Unit | null;

  constructor(
    readonly spec: TableSpec,
    readonly region: TableRegion,
    readonly file: string,
    notes: ParseNote[],
    readonly catalog: Catalog,
  ) {
    this.unit = region.unit;
    this.notes = notes;
    if (region.titleSource) this.collectYears(region.titleSource);
  }

  abstract opensRow(line: TokenLine): boolean;
  protected abstract take(line: TokenLine): void;
  /** the figures of the rows read so far (PDF: to test a header's columns against) */
  protected dataFigures(): Token[] {
    return [];
  }
  protected abstract isDataLine(line: TokenLine): boolean;

  /** figures or rows the reader had to leave out (each also a note at its place) */
  protected dropped = 0;
  /** why a layout's reader does not trust what it read (the table is then left unread), or null */
  protected unsure: string | null = null;
  /** rows left out for printing more figures than the columns read */
  private overfull = 0;

  protected note(message: string, t: Token) {
    this.dropped++;
    this.notes.push({ message: `${this.spec.id}: ${message}`, loc: tokenLocation(this.file, t) });
  }

  accept(line: TokenLine): void {
    const text = line.source.text;
    const isNote = NOTE_RE.test(text) || EMPTY_NOTE_RE.test(text);
    // a table's years are in its title, header and notes; not in whatever text follows it
    if ((!this.stopped && !this.started) || isNote) this.collectYears(line.source);
    if (isNote) {
      if (EMPTY_NOTE_RE.test(text)) this.noteLocations.push(lineLocation(this.file, line));
      if (SAID_EMPTY_RE.test(text)) this.saidEmpty ??= lineLocation(this.file, line);
      // after its note (or its explanation of being empty) a table has no more rows
      this.stopped = true;
      return;
    }
    if (this.stopped) return;
    // a table's own header block says where its columns stand (later pages repeat it)
    if (!this.started && isColumnNumbering(line)) this.columnMarks = line.tokens.filter((t) => t.kind === 'number');
    if (!line.tokens.some((t) => t.kind !== 'blank') || FOOTER_RE.test(text) || FURNITURE_RE.test(text)) return;
    if (TITLE_RE.test(text) && !line.tokens.some((t) => t.kind === 'number')) return; // the next table's title
    const key = text.replace(/[\s\u3000]/g, '');
    if (!this.started) {
      const held = this.held;
      this.held = null;
      if (!this.isDataLine(line)) {
        // PDF: figures set on a baseline of their own just above the first row's label
        // (合计 in a larger font sits lower) wait for that row
        if (line.source.pieces && !held && line.tokens.every((t) => t.kind === 'number' && !t.num!.integer)) {
          this.held = line;
          return;
        }
        if (held) this.addHeader(held);
        this.addHeader(line);
        return;
      }
      this.started = true;
      if (held && !line.tokens.some((t) => t.kind === 'number')) line = { ...line, tokens: [...line.tokens, ...held.tokens] };
      else if (held) this.addHeader(held);
    } else if (this.headerLines.has(key)) {
      return; // a header repeated on a new page
    }
    this.take(line);
  }

  /** a line of figures only, waiting to see whether the first row's label comes next */
  private held: TokenLine | null = null;

  private addHeader(line: TokenLine) {
    this.headerTokenLines.push(line);
    this.headerLines.add(line.source.text.replace(/[\s\u3000]/g, ''));
    this.headerPieces.push(...(line.source.pieces ?? []));
    const { pieces, y } = line.source;
    // the 栏次 numbers are the columns' marks, not words of their names
    if (pieces && !isColumnNumbering(line)) this.headerRows.push(y === undefined ? pieces : pieces.map((p) => ({ ...p, y })));
  }

  /** the header's lines as read, top to bottom (tab-separated text: each word with its cell) */
  protected headerTokenLines: TokenLine[] = [];

  /** PDF: the header's pieces line by line, top to bottom */
  protected headerRows: PositionedPiece[][] = [];

  protected collectYears(source: SourceLine) {
    for (const m of source.text.matchAll(YEAR_RE)) this.years.push(yearCell(this.file, source, m));
  }

  protected cellsFor(values: Token[], columns: Table['columns'], rowLoc: Location, explicit: boolean): { cells: Record<string, Cell>; unplaced: Cell[] } {
    const cells: Record<string, Cell> = Object.create(null);
    const unplaced: Cell[] = [];
    const printed = values.filter((t) => t.kind === 'number');
    if (explicit && this.spanned) {
      // tab-separated under a header that spans: each cell to the column over it, none to a column the kind does not know
      for (const t of values) {
        const c = this.spanned.find((p) => p.at === t.cell)?.column;
        if (c) cells[c.key] = t.kind === 'number' ? numberCell(this.file, t, this.unit) : blankCell(tokenLocation(this.file, t), this.unit);
      }
      return { cells, unplaced };
    }
    if (explicit) {
      // tab-separated: every column has its own cell, blank or printed; a figure in a cell past
      // them stands under a column the header does not say (its lines do not line up with the rows)
      const past = values.slice(columns.length).filter((t) => t.kind === 'number');
      if (past.length) {
        this.note(`一行有 ${columns.length + past.length} 个以上的数字，表头只说出 ${columns.length} 列，本行不参与核对`, past[0]);
        this.overfull++;
        return { cells, unplaced };
      }
      columns.forEach((c, i) => {
        const t = values[i];
        if (!t) return;
        cells[c.key] = t.kind === 'number' ? numberCell(this.file, t, this.unit) : blankCell(tokenLocation(this.file, t), this.unit);
      });
      return { cells, unplaced };
    }
    if (printed.length === columns.length || printed.length === 0) {
      columns.forEach((c, i) => {
        const t = printed[i];
        cells[c.key] = t ? numberCell(this.file, t, this.unit) : blankCell(rowLoc, this.unit);
      });
      return { cells, unplaced };
    }
    if (printed.length > columns.length + (this.spanned?.filter((p) => !p.column).length ?? 0)) {
      this.note(`一行有 ${printed.length} 个数字，多于 ${columns.length} 列，本行不参与核对`, printed[0]);
      this.overfull++;
      return { cells, unplaced };
    }
    const byX = this.placeByPosition(printed, columns) ?? this.placeByTextSpans(printed, columns);
    if (byX) {
      columns.forEach((c) => {
        const t = byX.get(c.key);
        cells[c.key] = t ? numberCell(this.file, t, this.unit) : blankCell(rowLoc, this.unit);
      });
      return { cells, unplaced };
    }
    // Blank cells were omitted: the total comes first, the rest are parts whose columns are unknown.
    if (columns[0].total) {
      cells[columns[0].key] = numberCell(this.file, printed[0], this.unit);
      for (const t of printed.slice(1)) unplaced.push(numberCell(this.file, t, this.unit));
    } else {
      for (const t of printed) unplaced.push(numberCell(this.file, t, this.unit));
    }
    return { cells, unplaced };
  }

  /**
   * PDF: where each value column stands on the page: the 栏次 numbers when printed, otherwise the
   * header labels that name the columns. Null when not every column can be found.
   */
  private centres?: Map<string, number> | null;
  protected columnCentres(): Map<string, number> | null {
    if (this.centres !== undefined) return this.centres;
    const all = this.columns();
    if (this.spanned) return (this.centres = new Map(this.spanned.filter((p) => p.column).map((p) => [p.column!.key, p.at])));
    const byMark = new Map<string, number>();
    for (const c of all) {
      const mark = this.markOf(c);
      if (mark) byMark.set(c.key, centreOf(mark));
    }
    if (byMark.size === all.length) return (this.centres = byMark);
    const byLabel = this.headerLabels();
    return (this.centres = byLabel.size === all.length ? new Map([...byLabel].map(([k, p]) => [k, centreOf(p)])) : null);
  }

  /** PDF: the 栏次 number printed over a column */
  private markOf(c: Column): Token | undefined {
    return this.columnMarks.find((t) => t.x0 !== undefined && t.num!.value === c.index);
  }

  /** PDF: the header cells that name the document's value columns (found once: centres and flush-left edges both ask) */
  private labels?: Map<string, PositionedPiece>;
  private headerLabels(): Map<string, PositionedPiece> {
    return (this.labels ??= namedColumns(this.columns(), this.headerRows, this.headerPieces));
  }

  /** aligned text: where the header prints each column's name, in character columns (null: not such text) */
  private spans?: Map<string, PositionedPiece> | null;
  private textSpans(): Map<string, PositionedPiece> | null {
    if (this.spans !== undefined) return this.spans;
    const lines = this.region.lines;
    if (lines.some((l) => l.source.pieces || l.tabbed) || !isAlignedText(lines)) return (this.spans = null);
    const rows = this.headerTokenLines.map(headerSpans);
    return (this.spans = namedColumns(this.spec.columns, rows, rows.flat()));
  }

  /** aligned text that omits blank cells: each figure in the column whose header stands over it, where that is unambiguous */
  private placeByTextSpans(printed: Token[], columns: Table['columns']): Map<string, Token> | null {
    const spans = this.textSpans();
    if (!spans || !columns.every((c) => spans.has(c.key))) return null;
    const cols = columns.map((c) => ({ key: c.key, x0: spans.get(c.key)!.x0, x1: spans.get(c.key)!.x1 })).sort((a, b) => a.x0 - b.x0);
    return placeBySpans(printed, cols);
  }

  /**
   * PDF: where each value column starts, when its cells are set flush left: a producer that sets
   * the header and the 栏次 numbers at their cells' left edges (WeasyPrint) prints each column's
   * name and number from the same x and their middles apart, and the figures, flush right, stand
   * nearer the next column's number than their own. Null where the cells are not so set.
   */
  private leftEdges?: Map<string, number> | null;
  private flushLeftEdges(): Map<string, number> | null {
    if (this.leftEdges !== undefined) return this.leftEdges;
    const labels = this.headerLabels();
    return (this.leftEdges = flushLeftEdges(this.columns().map((c) => ({ key: c.key, mark: this.markOf(c), label: labels.get(c.key) }))));
  }

  /** each printed figure to the column whose band (between neighbouring centres) holds it */
  private placeByPosition(printed: Token[], columns: Table['columns']): Map<string, Token> | null {
    if (!printed.every((t) => t.x0 !== undefined)) return null;
    const edges = this.flushLeftEdges();
    if (edges && columns.every((c) => edges.has(c.key))) return placeByLeftEdges(printed, columns.map((c) => ({ key: c.key, x: edges.get(c.key)! })));
    const centres = this.columnCentres();
    if (!centres) return null;
    // a column the header prints and the kind does not know (上年预算数): its figures are left out
    const unknown = (this.spanned ?? []).filter((p) => !p.column).map((p) => ({ key: '', x: p.at }));
    const cols = [...columns.map((c) => ({ key: c.key, x: centres.get(c.key)! })), ...unknown].sort((a, b) => a.x - b.x);
    // a figure further from every known column than columns stand apart is under a column the
    // catalogue does not know: the positions do not tell where it belongs (how far apart: the
    // nearest column's own neighbours, so that narrow columns elsewhere do not narrow a wide one)
    const placed = new Map<string, Token>();
    // under a spanning header, figures to its columns in order (see spanned-columns.ts)
    if (this.spanned) {
      const order = matchInOrder(printed.map(centreOf), cols);
      if (!order) return null;
      printed.forEach((t, i) => order[i].key && placed.set(order[i].key, t));
      return placed;
    }
    for (const t of printed) {
      const x = centreOf(t);
      let best = 0;
      for (let i = 1; i < cols.length; i++) if (Math.abs(cols[i].x - x) < Math.abs(cols[best].x - x)) best = i;
      if (Math.abs(cols[best].x - x) > columnReach(cols.slice(Math.max(0, best - 1), best + 2).map((c) => c.x))) return null;
      const column = cols[best];
      if (!column.key) continue;
      // two figures in one column: the positions do not tell, fall back to the text's reading
      if (placed.has(column.key)) return null;
      placed.set(column.key, t);
    }
    return placed;
  }

  private ordered?: Table['columns'];

  /**
   * The value columns in the order this document prints them: when one header line names every
   * column of the standard form, that line's order wins; otherwise the standard form's order.
   */
  protected columns(): Table['columns'] {
    if (this.ordered) return this.ordered;
    const spec = this.spec.columns.filter((c) => !c.optional);
    this.ordered = spec;
    if (this.spec.layout !== 'code' && this.spec.layout !== 'named') return spec;
    const spanned = this.spannedColumns();
    if (spanned) {
      this.spanned = spanned;
      this.columnSource = 'header';
      return (this.ordered = spanned.filter((p) => p.column).map((p, i) => ({ ...p.column!, index: i + 1 })));
    }
    const fromPage = this.headerPieces.length ? this.columnsFromPage() : null;
    if (fromPage) {
      this.ordered = fromPage;
      this.columnSource = 'header';
      return fromPage;
    }
    if (spec.length < 2) return spec;
    const fromText = this.columnsFromHeaderText(this.spec.columns, spec.length);
    if (fromText) {
      this.ordered = fromText;
      this.columnSource = 'header';
      return fromText;
    }
    for (const header of this.headerLines) {
      const at = spec.map((c) => header.indexOf(normalizeLabel(c.name)));
      if (at.some((i) => i < 0)) continue;
      const order = spec.map((c, i) => ({ c, at: at[i] })).sort((a, b) => a.at - b.at);
      // the total column stays first where figures are placed by their order (blank cells
      // omitted, the total read as the first); tab-separated cells stand where they are printed
      if (!order[0].c.total && spec[0].total && !this.region.lines.some((l) => l.tabbed)) continue;
      this.ordered = order.map((o, i) => ({ ...o.c, index: i + 1 }));
      this.columnSource = 'header';
      break;
    }
    return this.ordered;
  }

  protected columnSource: Table['columnSource'] = 'catalog';

  /** the value columns a spanning header prints, where it names more than the kind's own order would (spanned-columns.ts) */
  protected spanned: PrintedColumn[] | null = null;

  /** the value columns by the header's spans: in tab-separated text by cell (values from cell `first` on), on a page by the figures' positions */
  protected spannedColumns(first = 2): PrintedColumn[] | null {
    const figures = this.dataFigures();
    if (this.headerRows.length) return pageSpannedColumns(this.headerRows, this.spec.columns, figures.filter((t) => t.x0 !== undefined));
    if (!this.region.lines.some((l) => l.tabbed)) return null;
    // every value cell of the rows, printed or blank (an empty table's too)
    const header = new Set(this.headerTokenLines);
    const cells = this.region.lines.filter((l) => l.tabbed && !header.has(l)).flatMap((l) => l.tokens.filter((t) => t.kind !== 'label' && t.cell !== undefined && t.cell >= first));
    const printed = new Map<number, boolean>();
    for (const t of cells) printed.set(t.cell!, printed.get(t.cell!) === true || t.kind === 'number');
    return tabbedSpannedColumns(this.headerTokenLines, this.spec.columns, first, printed);
  }

  /**
   * Text: a header line naming some of the form's columns, the total first, where no row prints
   * more figures than it names (a province that prints 合计 基本支出 项目支出 of six)
   */
  private columnsFromHeaderText(spec: Column[], standard: number): Column[] | null {
    const counts = this.dataFigures().length ? this.rowFigureCounts() : [];
    if (!counts.length) return null;
    for (const header of this.headerLines) {
      const named = spec
        .map((c) => ({ c, at: [c.name, ...(c.synonyms ?? [])].map((n) => header.indexOf(normalizeLabel(n))).find((i) => i >= 0) ?? -1 }))
        .filter((x) => x.at >= 0)
        .sort((a, b) => a.at - b.at);
      // all the standard columns and no optional one: the form's own order (below) reads it
      if (named.length < 2 || !named[0].c.total || (named.length === standard && !named.some((x) => x.c.optional))) continue;
      // on a page, a 栏次 line numbering more columns than the line names: the rest of the header
      // is wrapped past recognition (上缴上 / 级支出), not left out
      if (this.headerPieces.length && this.columnMarks.length > named.length) continue;
      if (counts.some((n) => n > named.length) || !counts.some((n) => n === named.length)) continue;
      return named.map((x, i) => ({ ...x.c, index: i + 1 }));
    }
    return null;
  }

  /** how many figures each row read so far prints */
  protected rowFigureCounts(): number[] {
    return [];
  }

  /**
   * PDF: the columns this document's header names, in its order (a province prints some of the
   * form's columns, or more: 单位预留机动经费). Null when the header names not even the total.
   */
  private columnsFromPage(): Column[] | null {
    // 栏次 numbers for every column of the form: the form's columns, as printed
    const spec = this.spec.columns.filter((c) => !c.optional);
    if (spec.every((c) => this.columnMarks.some((t) => t.num!.value === c.index))) return null;
    const found = namedColumns(this.spec.columns, this.headerRows, this.headerPieces, true);
    const total = this.spec.columns.find((c) => c.total);
    if (!found.size || (total && !found.has(total.key))) return null;
    // the header's cells must account for every figure below them; else a name wrapped past
    // recognition hides a column, and the form's own columns are the better guess
    const xs = [...found.values()].map(centreOf).sort((a, b) => a - b);
    const reach = columnReach(xs);
    const figures = this.dataFigures().filter((t) => t.x0 !== undefined);
    if (!figures.every((t) => xs.some((x) => Math.abs(x - centreOf(t)) <= reach))) return null;
    return this.spec.columns
      .filter((c) => found.has(c.key))
      .sort((a, b) => centreOf(found.get(a.key)!) - centreOf(found.get(b.key)!))
      .map((c, i) => ({ ...c, index: i + 1 }));
  }

  /**
   * Figures the reader could not put in a column. In text that omits blank cells, a row's parts
   * after its placed total are unplaced by nature (the checks add them up as parts); on a page,
   * where positions tell columns apart, any unplaced figure is a misread.
   */
  private misplaced(): number {
    const positioned = this.region.lines.some((l) => l.source.pieces);
    return this.rows.reduce((n, r) => {
      if (!r.unplaced.length) return n;
      const anchored = Object.values(r.cells).some((c) => !c.blank);
      return n + (positioned || !anchored ? r.unplaced.length : 0);
    }, 0);
  }

  /**
   * A part of a column read (人员经费 of 基本支出), named by a word of the header, that the columns
   * read leave out (基本支出 / 小计 人员经费 公用经费 in text whose header lines do not line up with
   * the rows): its figures stand somewhere among the others. The first such name, or null.
   */
  private unplacedOptional(): string | null {
    if (this.spec.layout !== 'code') return null;
    const read = new Set(this.columns().map((c) => c.key));
    const words = new Set([...this.headerTokenLines.flatMap((l) => l.tokens.filter((t) => t.kind === 'label').map((t) => t.text)), ...this.headerPieces.map((p) => p.text)].map(columnLabel));
    const missing = this.spec.columns.find((c) => c.optional && c.partOf && read.has(c.partOf) && !read.has(c.key) && columnNames(c).some((n) => words.has(columnLabel(n))));
    return missing?.name ?? null;
  }

  protected baseTable(): Table {
    const cells = this.rows.flatMap((r) => [...Object.values(r.cells), ...r.unplaced]);
    // a table whose rows could not all be read is not known to be empty
    const empty = this.dropped === 0 && cells.every((c) => c.blank || c.value === 0);
    const figures = this.region.lines.reduce((n, l) => n + l.tokens.filter((t) => t.kind === 'number').length, 0);
    const misplaced = this.misplaced();
    let unread: string | null = null;
    if (this.rows.length === 0 && figures > this.columnMarks.length) unread = '表中印有数字，但没有一行能按这种表的版式读出（版式与已知的不同）';
    // a grid is one row under a many-level header: a figure out of place misplaces its neighbours too
    else if (this.spec.layout === 'grid' && misplaced > 0) unread = `表头的 ${this.columns().length} 列与这一行的数字对不上（多层表头），未能确定每个数字所在的列`;
    else if (this.unsure) unread = this.unsure;
    else if (this.unplacedOptional()) unread = `表头印有「${this.unplacedOptional()}」一列，未能确定各数所在的列`;
    // most rows print more figures than the columns read: the header holds columns the reader did not see
    else if (this.overfull > 0 && 2 * this.overfull >= this.rows.length) unread = `${this.overfull} 行的数字多于读出的 ${this.columns().length} 列（表头另有未能识别的列），未能确定各数所在的列`;
    return {
      id: this.spec.id,
      kindName: this.spec.title,
      printedId: this.region.printedId,
      title: this.region.title ?? this.spec.title,
      unread,
      reading: { unplaced: misplaced, dropped: this.dropped },
      layout: this.spec.layout,
      unit: this.unit,
      columns: this.columns(),
      columnSource: this.columnSource,
      rows: this.rows,
      empty,
      emptyNote: empty ? this.noteLocations[0] ?? null : null,
      saidEmpty: this.saidEmpty,
      nilInNarrative: null,
      years: this.years,
      loc: sourceLocation(this.file, this.region.anchor),
    };
  }

  abstract finish(): Table;
}

