/**
 * Which columns a table's header prints and where each figure goes: by the text's order, by the
 * cells of tab-separated text, on a page by where the header's 栏次 numbers or labels stand, or by
 * the words over each column where the header spans (spanned-columns.ts); a row short of figures
 * by where they stand (figure-placement.ts). The builders (builder.ts) read lines into rows on top
 * of this.
 */
import type { PositionedPiece, SourceLine } from '../../ingest/text.js';
import type { TableRegion } from '../../layout/regions.js';
import { columnLabel, normalizeLabel, type Token, type TokenLine } from '../../layout/tokenize.js';
import { blankCell, numberCell, tokenLocation } from '../cells.js';
import type { Cell, Column, Location, ParseNote, Row, Table, Unit } from '../types.js';
import type { Catalog, TableSpec } from './catalog.js';
import { columnNames } from './kind-columns.js';
import { namedColumns } from './header.js';
import { centreOf, columnReach } from './geometry.js';
import { columnsBySpans, headerSpans, isTextAsPrinted } from './text-columns.js';
import { pageSpannedColumns, tabbedSpannedColumns, type PrintedColumn } from './spanned-columns.js';
import { FigurePlacement } from './figure-placement.js';
import { placeByRules } from './ruled-columns.js';

/** rows under a header enough to show whether its names are set flush left as the rows' are */
const ROWS_SHOWING_ALIGNMENT = 12;

export abstract class ColumnReader {
  readonly rows: Row[] = [];
  readonly notes: ParseNote[];
  protected headerLines = new Set<string>();
  /** PDF: where the 栏次 numbers and header labels stand, to place figures by column */
  protected columnMarks: Token[] = [];
  /** PDF: the header's pieces as printed (not joined into labels: header cells stand close) */
  protected headerPieces: PositionedPiece[] = [];
  /** the header's lines as read, top to bottom (tab-separated text: each word with its cell) */
  protected headerTokenLines: TokenLine[] = [];
  /** PDF: the header's pieces line by line, top to bottom */
  protected headerRows: PositionedPiece[][] = [];
  /** the lines from the first row on, as the builder took them */
  protected body: TokenLine[] = [];
  readonly unit: Unit | null;
  /** figures or rows the reader had to leave out (each also a note at its place) */
  protected dropped = 0;
  /** the side each one left out stood on, null where not known */
  protected droppedSides: Array<string | null> = [];
  /** why a layout's reader does not trust what it read (the table is then left unread), or null */
  protected unsure: string | null = null;
  /** rows left out for printing more figures than the columns read, and the first one's line */
  protected overfull = 0;
  private overfullLine = 0;

  constructor(
    readonly spec: TableSpec,
    readonly region: TableRegion,
    readonly file: string,
    notes: ParseNote[],
    readonly catalog: Catalog,
  ) {
    this.unit = region.unit;
    this.notes = notes;
    this.placement = new FigurePlacement({
      spec,
      region,
      columns: () => this.columns(),
      spanned: () => this.spanned,
      columnCentres: () => this.columnCentres(),
      markOf: (c) => this.markOf(c),
      headerLabels: () => this.headerLabels(),
      headerRows: () => this.headerRows,
      rowsUnderHeader: () => this.rowsUnderHeader(),
      isAligned: () => this.isAligned(),
      textHeaderSpans: () => this.textHeaderSpans(),
      headerPage: () => this.headerTokenLines[0]?.source.page,
      rowFigures: () => this.rowFigures(),
      placeByRulings: (printed, centres) => this.placeByRulings(printed, centres),
    });
  }

  /** PDF: the first lines under the header on the header's page (enough to show how its cells are set) */
  private rowsUnderHeader(): PositionedPiece[][] {
    const last = this.headerTokenLines.at(-1)?.source;
    if (!last || last.y === undefined) return [];
    return this.region.lines
      .filter((l) => l.source.page === last.page && l.source.y !== undefined && l.source.y > last.y! && l.source.pieces)
      .slice(0, ROWS_SHOWING_ALIGNMENT)
      .map((l) => l.source.pieces!.map((p) => ({ ...p, y: l.source.y })));
  }

  /** PDF: the source line of a line number in this table's region */
  private sources?: Map<number, SourceLine>;
  private lineSource(line: number): SourceLine | undefined {
    return (this.sources ??= new Map(this.region.lines.map((l) => [l.source.line, l.source]))).get(line);
  }

  /**
   * PDF: each figure to the column whose middle (its 栏次 number's or header's) lies in the ruled
   * cell the figure stands in; null where the page draws no rules there or they do not tell
   */
  protected placeByRulings(printed: Token[], centres: Array<{ key: string; x: number }>): Map<string, Token> | null {
    const rulings = this.region.rulings;
    if (!rulings?.length) return null;
    return placeByRules(printed, centres, (page) => rulings.find((r) => r.page === page), (line) => this.lineSource(line));
  }

  /** where a row's figures go when it prints fewer than the columns */
  protected readonly placement: FigurePlacement;

  /** each row read so far as its printed figures */
  protected rowFigures(): Token[][] {
    return [];
  }

  /** the figures of the rows read so far (to test a header's columns against) */
  protected dataFigures(): Token[] {
    return this.rowFigures().flat();
  }

  protected note(message: string, at: Token | Location, side: string | null = null) {
    this.dropped++;
    this.droppedSides.push(side);
    this.notes.push({ message: `${this.spec.id}: ${message}`, loc: 'kind' in at ? tokenLocation(this.file, at) : at });
  }

  /** a row left out for printing more figures than the columns read (t: its first figure) */
  private overfullRow(message: string, t: Token) {
    this.note(message, t);
    this.overfullLine ||= tokenLocation(this.file, t).line;
    this.overfull++;
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
        this.overfullRow(`一行有 ${columns.length + past.length} 个以上的数字，表头只说出 ${columns.length} 列，本行不参与核对`, past[0]);
        return { cells, unplaced };
      }
      columns.forEach((c, i) => {
        const t = values[i];
        if (!t) return;
        cells[c.key] = t.kind === 'number' ? numberCell(this.file, t, this.unit) : blankCell(tokenLocation(this.file, t), this.unit);
      });
      return { cells, unplaced };
    }
    if (printed.length === 0 && this.overfull > 0 && this.blanksUntold()) {
      // one-space text (a viewer's copy) sets a label apart from its figures: a row of more figures
      // than columns came before, so this row's figures may be among them, and its blanks are not zeros
      this.note(`本行没有数字，而第 ${this.overfullLine} 行的数字多于列数，本行的数字可能印在那一行，本行不参与核对`, rowLoc);
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
      this.overfullRow(`一行有 ${printed.length} 个数字，多于 ${columns.length} 列，本行不参与核对`, printed[0]);
      return { cells, unplaced };
    }
    const byX = this.placement.place(printed, columns);
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
   * Text whose every gap is one space (not tabbed, no positions, no line of the table keeping a
   * wider gap anywhere: the extraction collapsed the spacing, as a PDF viewer's copy does): a row
   * printing fewer figures than the table has columns does not say which of its cells are blank.
   */
  private untold?: boolean;
  protected blanksUntold(): boolean {
    const lines = this.region.lines;
    return (this.untold ??= !lines.some((l) => l.source.pieces || l.tabbed || WIDE_GAP_RE.test(l.source.text.trim())) && lines.some((l) => l.tokens.some((t) => t.kind === 'number')));
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

  /** text laid out as printed, with no positions and no tabs: character columns stand in for positions */
  private aligned?: boolean;
  private isAligned(): boolean {
    return (this.aligned ??= isTextAsPrinted(this.region.lines));
  }

  /** aligned text: each header line's words as the spans they cover, in character columns */
  private headerSpanRows?: PositionedPiece[][];
  private textHeaderSpans(): PositionedPiece[][] {
    return (this.headerSpanRows ??= this.headerTokenLines.map(headerSpans));
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
    // one column of the form's own, and none the header may add (政府采购's 货物 | 工程 | 服务 beside its 合计)
    if (spec.length < 2 && spec.length === this.spec.columns.length) return spec;
    const fromSpans = this.isAligned() ? columnsBySpans(this.spec.columns, this.textHeaderSpans(), this.rowFigures()) : null;
    if (fromSpans) {
      this.ordered = fromSpans;
      this.columnSource = 'header';
      return fromSpans;
    }
    const fromText = this.columnsFromHeaderText(this.spec.columns, spec.length);
    if (fromText) {
      this.ordered = fromText;
      this.columnSource = 'header';
      return fromText;
    }
    // every row prints a figure in every column (or none): each figure stands in the column its place names
    const counts = this.rowFigureCounts();
    const full = counts.length > 0 && counts.every((n) => n === 0 || n === spec.length);
    for (const header of this.headerLines) {
      const at = spec.map((c) => header.indexOf(normalizeLabel(c.name)));
      if (at.some((i) => i < 0)) continue;
      const order = spec.map((c, i) => ({ c, at: at[i] })).sort((a, b) => a.at - b.at);
      // the total column stays first where figures are placed by their order (blank cells
      // omitted, the total read as the first); tab-separated cells stand where they are printed
      // (where every row prints every column, or text set one space apart reads no row short of
      // figures, the header's order holds)
      if (!order[0].c.total && spec[0].total && !full && !this.region.lines.some((l) => l.tabbed) && !this.blanksUntold()) continue;
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
    const cells = this.body.filter((l) => l.tabbed).flatMap((l) => l.tokens.filter((t) => t.kind !== 'label' && t.cell !== undefined && t.cell >= first));
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
    return this.rowFigures().map((r) => r.length);
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
   * after its placed total are unplaced by nature (the checks add them up as parts), and said
   * where every gap is one space (no column can be told, so checks of a part's column are not
   * made); on a page, where positions tell columns apart, any unplaced figure is a misread.
   */
  protected misplaced(): number {
    const positioned = this.region.lines.some((l) => l.source.pieces);
    // text whose header does not say the columns (blanks omitted, names astray): no part is placed
    const untold = this.blanksUntold() || this.placement.namesAstray;
    return this.rows.reduce((n, r) => {
      if (!r.unplaced.length) return n;
      const anchored = Object.values(r.cells).some((c) => !c.blank);
      return n + (positioned || untold || !anchored ? r.unplaced.length : 0);
    }, 0);
  }

  /**
   * A part of a column read (人员经费 of 基本支出), named by a word of the header, that the columns
   * read leave out (基本支出 / 小计 人员经费 公用经费 in text whose header lines do not line up with
   * the rows): its figures stand somewhere among the others. The first such name, or null.
   */
  protected unplacedOptional(): string | null {
    // a table printing no figure is empty whichever its columns
    if (this.spec.layout !== 'code' || !this.dataFigures().length) return null;
    const read = new Set(this.columns().map((c) => c.key));
    // a header word, or in text set one space apart a run of words (小计 人员经费 公用经费 项目支出 as one label)
    const words = new Set([...this.headerTokenLines.flatMap((l) => l.tokens.filter((t) => t.kind === 'label').map((t) => t.text)), ...this.headerPieces.map((p) => p.text)].map(columnLabel));
    const lines = [...this.headerLines];
    const printed = (name: string) => words.has(columnLabel(name)) || (!this.headerPieces.length && lines.some((l) => l.includes(columnLabel(name))));
    const missing = this.spec.columns.find((c) => c.optional && c.partOf && read.has(c.partOf) && !read.has(c.key) && columnNames(c).some(printed));
    return missing?.name ?? null;
  }
}

/** a gap of two spaces or more: spacing the extraction kept */
const WIDE_GAP_RE = / {2}/;
