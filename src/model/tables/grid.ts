/** Grid (三公经费): one line of values under a multi-level header. */
import type { PositionedPiece } from '../../ingest/text.js';
import { columnLabel, normalizeLabel, type Token, type TokenLine } from '../../layout/tokenize.js';
import { blankCell, numberCell } from '../cells.js';
import type { Cell, Column, Table } from '../types.js';
import { BaseBuilder, centreOf, columnReach } from './builder.js';
import { marksFlushLeft, matchInOrder, placeByLeftEdges } from './geometry.js';
import { columnNames } from './kind-columns.js';
import { isColumnNumbering, lineLocation } from './lines.js';
import { headerColumns, joinWrappedNames } from './header.js';
import { alignedByDisplay, atDisplayColumns, atTextColumn, atTextColumns, isAlignedText, isTextAsPrinted } from './text-columns.js';
import { cleanLabel, itemName, turnedItems, turnedRows, type TurnedGrid } from './grid-turned.js';
import { namingYearGroups } from './grid-years.js';
import { alignedHeaderRows, figureStacks, groupWords, headerCells, namedIn } from './grid-header.js';

export class GridBuilder extends BaseBuilder {
  private valueLine: TokenLine | null = null;

  /**
   * The columns in the order the page prints them: group by group (预算数 合计…公务接待费, then
   * 决算数 …) as the national form does, or item by item when the header alternates its group
   * words under each item (预算数 决算数 预算数 决算数 …, as Shanghai prints it).
   */
  private printedOrder(): Column[] {
    // an optional column counts where the header names it (陕西's 会议费, 培训费 beside the 三公),
    // on a page in a cell whose words may wrap (会议 / 费); a printed change is no column of the form's order
    const lines = this.headerLabelLines();
    const cells = this.headerRows.length ? headerCells(this.headerRows).map((c) => c.text) : [];
    const named = (c: Column) => columnNames(c).some((n) => namedIn(lines, normalizeLabel(n)) || cells.includes(cleanLabel(n)));
    const columns = this.spec.columns.filter((c) => !c.optional || (!c.change && named(c)));
    const groups = this.spec.groups ?? [];
    if (groups.length < 2) return columns;
    // on a page by position; in text, on the header line that prints them, in its order
    const words = this.headerPieces.length
      ? this.headerPieces
          .filter((p) => groups.includes(columnLabel(p.text)))
          .sort((a, b) => a.x0 - b.x0)
          .map((p) => columnLabel(p.text))
      : this.headerTokenLines
          .map((l) => l.tokens.filter((t) => t.kind === 'label').flatMap((t) => groupWords(normalizeLabel(t.text), groups)))
          .reduce((most, w) => (w.length > most.length ? w : most), [] as string[]);
    const alternating = words.length >= 2 * groups.length && words.every((w, i) => w === groups[i % groups.length]);
    if (!alternating) return columns;
    const items = columns.length / groups.length;
    return Array.from({ length: columns.length }, (_, i) => columns[(i % groups.length) * items + Math.floor(i / groups.length)]);
  }

  /** the header's group words printed with years named as the groups they are (grid-years.ts) */
  private nameYearGroups(): void {
    ({ tokenLines: this.headerTokenLines, pieces: this.headerPieces, rows: this.headerRows } = namingYearGroups({ tokenLines: this.headerTokenLines, pieces: this.headerPieces, rows: this.headerRows }, this.spec.groups ?? []));
  }

  /**
   * Text laid out as printed (pdftotext -layout) read as a page is: its character columns stand in
   * for positions, so that a row printing fewer figures than columns is placed by where its
   * figures stand. Null for other text, and for a page.
   */
  private alignedTurnedGrid(): TurnedGrid | null {
    const header = this.headerTokenLines.filter((l) => !isColumnNumbering(l));
    if (this.headerPieces.length || !header.length || !isTextAsPrinted([...header, ...this.lines])) return null;
    const display = alignedByDisplay(this.lines);
    // its header's lines as a page's rows, group words printed with years named as on a page
    const rows = namingYearGroups({ tokenLines: [], pieces: [], rows: alignedHeaderRows(header, display) }, this.spec.groups ?? []).rows;
    return { ...this.turnedGrid(), lines: this.lines.map(display ? atDisplayColumns : atTextColumns), headerRows: rows, positioned: true, groupWords: () => this.groupWords(rows) };
  }

  /** what reading the grid printed turned needs of this builder */
  private turnedGrid(): TurnedGrid {
    return {
      groups: this.spec.groups ?? [],
      lines: this.lines,
      file: this.file,
      unit: this.unit,
      headerRows: this.headerRows,
      positioned: this.headerPieces.length > 0,
      groupWords: () => this.groupWords(),
      columnNamed: (stack) => this.columnNamed(stack),
      headerText: this.headerTokenLines.map((l) => l.tokens.filter((t) => t.kind === 'label').map((t) => t.text).join(' ')),
      headerLabels: this.headerTokenLines.map((l) => l.tokens.filter((t) => t.kind === 'label').map((t) => t.text)),
      changeColumn: (item, rate) => {
        const to = this.spec.changes && this.columnNamed([this.spec.changes.to, item]);
        return (to && this.spec.columns.find((c) => c.change?.to === to.key && c.change.rate === rate)) || null;
      },
    };
  }

  /**
   * Text without positions or tabs whose header prints its group words run together with others
   * or cut (预算 决算 预算数 决算数 …, read as one word; their 数 on the lines under them, pdftotext
   * without -layout): no header line says the groups' order, yet the words are there, more than
   * once. Whether the figures go group by group or item by item is not known; it is not guessed.
   */
  private groupOrderUnread(line: TokenLine): boolean {
    const groups = this.spec.groups ?? [];
    if (groups.length < 2 || line.source.pieces || line.tabbed || this.groupWords().length) return false;
    const said = this.headerLabelLines().join('');
    const stems = groups.map((g) => g.replace(/数$/, ''));
    return stems.every((stem) => said.split(stem).length > 2);
  }

  /** the group words the header prints, left to right (预算数 决算数), each once */
  private groupWords(rows: PositionedPiece[][] | null = this.headerPieces.length ? this.headerRows : null): string[] {
    const groups = this.spec.groups ?? [];
    // on a page (or rows standing in for one), a group word wrapped in its cell (上年预算 / 数) is joined first
    const words = rows
      ? joinWrappedNames(rows).flat().sort((a, b) => a.x0 - b.x0).map((p) => columnLabel(p.text))
      : this.headerTokenLines.flatMap((l) => l.tokens.filter((t) => t.kind === 'label').flatMap((t) => groupWords(columnLabel(t.text), groups)));
    return words.filter((w, i) => groups.includes(w) && words.indexOf(w) === i);
  }

  /**
   * One group's columns printed alone, under no group word (合计 因公出国（境）费 … as a budget
   * prints this year's only): the last group's, this year's budget or the year's final account.
   */
  private soleGroup(values: Token[]): Column[] | null {
    const groups = this.spec.groups ?? [];
    if (groups.length < 2) return null;
    const group = this.spec.columns.filter((c) => c.group === groups[groups.length - 1]);
    const last = group.filter((c) => !c.optional);
    // tab-separated: every cell is one, blank or not; those after the last figure may be a copy's
    // empty cells past the table's edge (a web page's `1.7 | 0 | 1.7 | ||`), or its columns left blank
    const printed = this.valueLine?.tabbed ? values : values.filter((t) => t.kind === 'number');
    const trailing = [...printed].reverse().findIndex((t) => t.kind !== 'blank');
    const figures = trailing < 0 ? 0 : printed.length - trailing;
    if (this.valueLine?.tabbed ? !(figures <= last.length && last.length <= printed.length) : printed.length !== last.length) return null;
    if (this.printsGroupWord()) return null;
    const lines = this.headerLabelLines();
    // the header also names an optional column of the group (上海's 机关运行经费 beside the 三公
    // ones, wrapped over two lines): the figures then leave a cell blank, and text in one-space
    // lines does not say which (上海 prints 公务接待费 before 公务用车, under one 购置费 left blank)
    return group.some((c) => c.optional && columnNames(c).some((n) => namedIn(lines, normalizeLabel(n)))) ? null : this.inHeaderLineOrder(last);
  }

  /**
   * The columns in the order the header's lines print their names: the columns one line names
   * take the places they hold in the order so far, in the line's order (天津's 小计 公务用车运行维护费
   * 公务用车购置费 under 公务用车费: 运行维护费 before 购置费; 上海's 公务接待费 before 公务用车). A 小计
   * names the one column others are part of (公务用车费's, under it). A line naming a column twice says
   * no order.
   */
  private inHeaderLineOrder(columns: Column[]): Column[] {
    const out = [...columns];
    const spanning = columns.filter((c) => columns.some((p) => p.partOf === c.key));
    for (const line of this.headerTokenLines) {
      const named: number[] = [];
      for (const t of line.tokens) {
        if (t.kind !== 'label') continue;
        const label = cleanLabel(t.text);
        const column = label === '小计' ? (spanning.length === 1 ? spanning[0] : undefined) : out.find((c) => columnNames(c).some((n) => cleanLabel(n) === label));
        if (column) named.push(out.indexOf(column));
      }
      if (named.length < 2 || new Set(named).size !== named.length) continue;
      const places = [...named].sort((a, b) => a - b);
      const moved = named.map((i) => out[i]);
      places.forEach((at, k) => (out[at] = moved[k]));
    }
    return out;
  }

  /**
   * A header that prints no group word and more columns than the last group's own (江苏's 三公
   * with 小计, 会议费 and 培训费, one cell blank): the figures are this year's, the first is their
   * 合计, and which of the rest is which the text does not say. Null where the header prints a
   * group word, or in tab-separated text (its cells say).
   */
  private lastGroupTotal(values: Token[]): { cells: Record<string, Cell>; unplaced: Cell[] } | null {
    const groups = this.spec.groups ?? [];
    const total = this.spec.columns.find((c) => c.total && c.group === groups[groups.length - 1]);
    const printed = values.filter((t) => t.kind === 'number');
    if (groups.length < 2 || !total || this.valueLine?.tabbed || !printed.length || this.printsGroupWord()) return null;
    const cells: Record<string, Cell> = Object.create(null);
    cells[total.key] = numberCell(this.file, printed[0], this.unit);
    return { cells, unplaced: printed.slice(1).map((t) => numberCell(this.file, t, this.unit)) };
  }

  /** the header's words, a line each */
  private headerLabelLines(): string[] {
    return this.headerTokenLines.map((l) => l.tokens.filter((t) => t.kind === 'label').map((t) => normalizeLabel(t.text)).join(''));
  }

  private printsGroupWord(): boolean {
    const groups = this.spec.groups ?? [];
    return this.headerTokenLines.some((l) => l.tokens.some((t) => t.kind === 'label' && groups.some((g) => normalizeLabel(t.text).includes(g))));
  }

  /**
   * Every figure of the row not put in a column: no check adds a grid's loose figures up (as a code
   * table's parts of its total), so in text as on a page they are figures not read
   */
  protected override misplaced(): number {
    return this.rows.reduce((n, r) => n + r.unplaced.length, 0);
  }

  /** the form's columns, and the optional ones this document's header names (会议费, 培训费…) */
  protected override columns(): Table['columns'] {
    const printed = new Set(this.rows.flatMap((r) => Object.keys(r.cells)));
    return this.spec.columns.filter((c) => !c.optional || printed.has(c.key));
  }

  /**
   * The row of figures: one with an amount, or two or more figures and no words (a row printed
   * all `0` or `-`, an empty 三公 table's), or an item's name and its whole figures; not the 栏次
   * numbers.
   */
  protected isDataLine(line: TokenLine): boolean {
    if (line.tokens.some((t) => t.kind === 'number' && !t.num!.integer)) return true;
    const printed = line.tokens.filter((t) => t.kind !== 'blank');
    // the grid printed turned in whole 元 or 万元: an item's name, then its figures (合计 250000)
    if (printed[0]?.kind === 'label' && printed.length >= 2 && printed.slice(1).every((t) => t.kind === 'number') && this.columnNamed([itemName(printed[0].text)])) return true;
    return printed.length >= 2 && printed.every((t) => t.kind === 'number') && !isColumnNumbering(line);
  }

  opensRow(): boolean {
    return false;
  }

  protected take(line: TokenLine): void {
    if (!this.valueLine) this.valueLine = line;
    this.lines.push(line);
  }

  /** every line from the row of figures on: more rows of figures where the grid is printed turned */
  private lines: TokenLine[] = [];

  /**
   * Text laid out as printed: a blank cell's 0 set a little below the row (pdftotext puts it on a
   * line of its own, 江苏人大 2017's 购置费) is the row's, where the line below the row prints
   * nothing else and the 0 stands clear of every figure of the row.
   */
  private joinFigureBelow(): void {
    const [row, below, ...rest] = this.lines;
    if (!below || row.source.pieces || row.tabbed || below.tabbed) return;
    const printed = below.tokens.filter((t) => t.kind !== 'blank');
    const figures = row.tokens.filter((t) => t.kind === 'number');
    const zero = (t: Token) => t.kind === 'number' && t.num!.value === 0 && t.num!.integer;
    if (!printed.length || !printed.every(zero) || printed.some((t) => figures.some((f) => f.column <= t.endColumn && t.column <= f.endColumn))) return;
    const joined = { ...row, tokens: [...row.tokens, ...printed].sort((a, b) => a.column - b.column) };
    this.lines = [joined, ...rest];
    this.valueLine = joined;
  }

  finish(): Table {
    this.nameYearGroups();
    this.joinFigureBelow();
    const line = this.valueLine;
    const grid = this.turnedGrid();
    const read = turnedItems(grid);
    // text whose rows the words alone cannot place, laid out as printed: placed by its character columns
    const aligned = this.alignedTurnedGrid();
    const turned = turnedRows(grid, read) ?? (aligned && turnedRows(aligned, turnedItems(aligned)));
    const below = line ? this.moreFiguresBelow(line) : undefined;
    const items = turned ? [] : read.filter((x) => x.values.some((t) => t.kind === 'number') && this.columnNamed([x.name]));
    if (turned) this.rows.push(...turned);
    // printed turned, and not read so: its first row alone is not the grid
    else if (items.length >= 2) this.unsure = `表格按项目逐行排列（「${items[0].name}」「${items[1].name}」…各占一行），未能确定每行的数字各在哪一列`;
    else if (line && below) {
      // the line taken for the row prints fewer figures than one under it: a figure set on a header line (a
      // column's cell spanning the header's lines), not the row; which line is the row's is not told
      this.unsure = `第 ${lineLocation(this.file, below).line} 行的数字（${figuresOf(below).length} 个）多于其上被当作数字行的第 ${lineLocation(this.file, line).line} 行（${figuresOf(line).length} 个），分不清哪一行是表中的数字`;
    } else if (line && this.groupOrderUnread(line)) {
      this.unsure = `表头的${(this.spec.groups ?? []).join('、')}与各项的先后未能读出（提取的文本没有保留版面，表头的字连在一起），未能确定每个数字所在的列`;
    } else if (line) {
      const values = line.tabbed ? line.tokens : line.tokens.filter((t) => t.kind === 'number');
      const loc = lineLocation(this.file, line);
      const byHeader = line.source.pieces ? this.cellsByHeader(values) : line.tabbed ? this.cellsByTabbedHeader(line) : this.cellsByAlignedHeader(line);
      const sole = byHeader ? null : this.soleGroup(values);
      const { cells, unplaced } = byHeader ? { cells: byHeader, unplaced: [] } : sole ? this.cellsFor(values, sole, loc, line.tabbed) : (this.lastGroupTotal(values) ?? this.cellsFor(values, this.printedOrder(), loc, line.tabbed));
      this.rows.push({ key: '合计', name: '合计', kind: 'total', cells, unplaced, loc });
    }
    return this.baseTable();
  }

  /** a line of figures under the row's line that prints more figures than it (a grid printed turned aside) */
  private moreFiguresBelow(line: TokenLine): TokenLine | undefined {
    return this.lines.find((l) => l !== line && figuresOf(l).length > figuresOf(line).length);
  }

  /**
   * PDF: each figure named by the header cells stacked above it, the lowest that names a column
   * winning (公务用车运行 / 维护费 over the 公务用车购置及运行费 that spans it); a 小计 is named by the
   * cell spanning it. Null unless every figure names a column of its own: a grid's figures are
   * never placed by guess (where one is not found, the table is said unread).
   */
  private cellsByHeader(values: Token[], rows: PositionedPiece[][] = this.headerRows): Record<string, Cell> | null {
    const figures = values.filter((t) => t.kind === 'number' && t.x0 !== undefined).map((t) => ({ t, x: centreOf(t) }));
    if (!figures.length || !rows.length) return null;
    const byMarks = this.cellsByColumnMarks(figures);
    if (byMarks) return byMarks;
    const cells: Record<string, Cell> = Object.create(null);
    const xs = figures.map((f) => f.x);
    const ordered = this.columnsInPrintedOrder(headerCells(rows)) ?? this.columnsInPrintedOrder(figureStacks(figures, rows), true);
    if (ordered) {
      const placed = matchInOrder(xs, ordered);
      if (placed) {
        for (const [i, f] of figures.entries()) cells[placed[i].column.key] = numberCell(this.file, f.t, this.unit);
        return cells;
      }
    }
    // the header's lowest cells, one a column: a figure stands under one of them (a narrow 0
    // right-aligned in its cell is nearer the centre of a cell spanning two columns), and is
    // named by that cell and the cells spanning it
    const leaves = matchInOrder(xs, headerColumns(rows));
    for (const [i, f] of figures.entries()) {
      const gaps = [figures[i - 1], figures[i + 1]].filter(Boolean).map((n) => Math.abs(n.x - f.x));
      const half = gaps.length ? Math.min(...gaps) / 2 : Infinity;
      const leaf = leaves && Math.abs(leaves[i].x - f.x) <= 2 * half ? leaves[i] : null;
      const column = (leaf && this.columnNamed(leaf.path.map(cleanLabel))) ?? this.columnAbove(rows, f.x, half) ?? this.columnAbove(rows, f.x, 2 * half);
      if (!column || column.key in cells) return null;
      cells[column.key] = numberCell(this.file, f.t, this.unit);
    }
    return cells;
  }

  /**
   * Text laid out as printed (pdftotext -layout): the header's words and the figures at their
   * character columns stand in for positions on the page, and each figure is named by the header
   * words over it as on a page (cellsByHeader). A header whose items print in an order of their
   * own (上海: 合计 因公出国（境）费 公务接待费 公务用车…) is then read as printed, not in the
   * catalogue's order. Null where the text is not so laid out.
   */
  private cellsByAlignedHeader(line: TokenLine): Record<string, Cell> | null {
    const header = this.headerTokenLines.filter((l) => !isColumnNumbering(l));
    if (!header.length || !isAlignedText([...header, line])) return null;
    return this.cellsByHeader(line.tokens.filter((t) => t.kind === 'number').map(atTextColumn), alignedHeaderRows(header));
  }

  /**
   * PDF: where the header prints 栏次 numbers for every column of the form, the figures go to
   * the numbers in order, least distance first (the form's order: 预算数 合计…, then 决算数 …).
   */
  private cellsByColumnMarks(figures: Array<{ t: Token; x: number }>): Record<string, Cell> | null {
    const order = this.printedOrder();
    const marks = this.columnMarks.filter((m) => m.x0 !== undefined);
    if (marks.length !== order.length || !marks.every((m, i) => m.num!.value === i + 1)) return null;
    const cells: Record<string, Cell> = Object.create(null);
    if (marksFlushLeft(marks, this.headerRows)) {
      // flush left: each figure in the column whose number is the last to start at or before it
      const byEdge = placeByLeftEdges(figures.map((f) => f.t), marks.map((m, i) => ({ key: order[i].key, x: m.x0! })));
      if (!byEdge) return null;
      for (const [key, t] of byEdge) cells[key] = numberCell(this.file, t, this.unit);
    } else {
      // a ruled grid: each figure in the cell of its column's number, however far a wide cell sets it off the number
      const byRules = this.placeByRulings(figures.map((f) => f.t), marks.map((m, i) => ({ key: order[i].key, x: centreOf(m) })));
      if (byRules) for (const [key, t] of byRules) cells[key] = numberCell(this.file, t, this.unit);
      else {
        const columns = marks.map((m, i) => ({ x: centreOf(m), column: order[i] }));
        // in order, least distance: a figure right-aligned in a wide cell stands off its number
        const placed = matchInOrder(figures.map((f) => f.x), columns);
        const reach = 2 * columnReach(columns.map((c) => c.x));
        if (!placed || placed.some((c, i) => Math.abs(c.x - figures[i].x) > reach)) return null;
        figures.forEach((f, i) => (cells[placed[i].column.key] = numberCell(this.file, f.t, this.unit)));
      }
    }
    // every column is numbered, so one without a figure is printed blank: zero
    const loc = lineLocation(this.file, this.valueLine!);
    for (const c of order) if (!(c.key in cells)) cells[c.key] = blankCell(loc, this.unit);
    return cells;
  }

  /**
   * Tab-separated text (a sheet saved as text): each figure named by the header words of its cell
   * and, on the header lines above its own words, the nearest word to its left (a merged cell's
   * word stands in its first cell). Null unless every figure names a column of its own.
   */
  private cellsByTabbedHeader(line: TokenLine): Record<string, Cell> | null {
    const header = this.headerTokenLines.filter((l) => l.tabbed).map((l) => l.tokens.filter((t) => t.kind !== 'blank' && t.cell !== undefined));
    if (!header.length) return null;
    const cells: Record<string, Cell> = Object.create(null);
    for (const t of line.tokens) {
      if (t.kind !== 'number' || t.cell === undefined) continue;
      const own = header.map((row) => row.find((h) => h.cell === t.cell));
      const lowest = own.reduce((last, h, r) => (h ? r : last), -1);
      if (lowest < 0) return null;
      const path = header.slice(0, lowest + 1).map((row, r) => own[r] ?? [...row].reverse().find((h) => h.cell! < t.cell!)).filter((h) => h !== undefined);
      const column = this.columnNamed(path.map((h) => cleanLabel(h.text)));
      if (!column || column.key in cells) return null;
      cells[column.key] = numberCell(this.file, t, this.unit);
    }
    return Object.keys(cells).length ? cells : null;
  }

  /**
   * Where each column of an order the catalogue knows this kind printed in stands: the header's
   * cells (wrapped names joined), left to right, taken in turn by the order's columns, each by a
   * cell that names it (or a 小计 for a subtotal; the cells spanning others are passed over).
   * Null unless every column of some order is found so. stacked: the cells are the words stacked
   * over each figure, one a figure, and one whose words end in a column's whole name names it.
   */
  private columnsInPrintedOrder(cells: Array<{ x: number; text: string }>, stacked = false): Array<{ x: number; column: Column }> | null {
    const groups = this.spec.groups ?? [];
    const group = groups[groups.length - 1];
    for (const order of this.spec.printedOrders ?? []) {
      const found: Array<{ x: number; column: Column }> = [];
      let k = 0;
      for (const key of order) {
        const column = this.spec.columns.find((c) => c.key === (group ? `${group}.${key}` : key));
        if (!column) break;
        const names = columnNames(column).map(cleanLabel);
        // a column others are part of may print as 小计 under the cell that names it
        const subtotal = this.spec.columns.some((c) => c.partOf === column.key);
        // the words stacked over a figure may begin with a spanning cell's (公务用车购置及运行维护费 /
        // 公务接待费 in text whose lines stand close): its lowest words, a whole name, name it
        const named = (text: string) => names.includes(text) || (stacked && names.some((n) => n.length >= 4 && text.endsWith(n)));
        while (k < cells.length && !(named(cells[k].text) || (subtotal && cells[k].text === '小计'))) k++;
        if (k === cells.length) break;
        found.push({ x: cells[k].x, column });
        k++;
      }
      if (found.length === order.length) return found;
    }
    return null;
  }

  /** the column named by the header cells above x, within reach of it */
  private columnAbove(rows: PositionedPiece[][], x: number, reach: number): Column | null {
    const stack = rows
      .map((row) => row.reduce<PositionedPiece | null>((best, p) => (Math.abs(centreOf(p) - x) <= reach && (!best || Math.abs(centreOf(p) - x) < Math.abs(centreOf(best) - x)) ? p : best), null))
      .filter((p): p is PositionedPiece => p !== null)
      .map((p) => cleanLabel(p.text));
    return this.columnNamed(stack);
  }

  /** the column the header words stacked over a figure name, the lowest words first */
  private columnNamed(stack: string[]): Column | null {
    const groups = this.spec.groups ?? [];
    const group = [...stack].reverse().find((t) => groups.includes(t)) ?? groups[groups.length - 1];
    const words = stack.filter((t) => !groups.includes(t));
    for (let k = 1; k <= words.length; k++) {
      const text = words.slice(words.length - k).join('');
      let best: { column: Column; end: number; length: number } | null = null;
      for (const c of this.spec.columns) {
        if (group !== undefined && c.group !== group) continue;
        for (const name of columnNames(c).map(normalizeLabel)) {
          const at = text.lastIndexOf(name);
          if (at < 0) continue;
          const end = at + name.length;
          if (!best || end > best.end || (end === best.end && name.length > best.length)) best = { column: c, end, length: name.length };
        }
      }
      if (best) return best.column;
    }
    return null;
  }
}

/** a line's figures */
const figuresOf = (line: TokenLine) => line.tokens.filter((t) => t.kind === 'number');
