/**
 * Table recognition: regions of tokenized lines → typed tables of the report model.
 * One builder per layout (two-sided 总表, coded rows, side-by-side economic groups, 三公 grid);
 * lines are dispatched to the builder whose row grammar they fit, which is how two tables
 * interleaved across a page break (qinghai 公开04/05) come apart again.
 */
import type { PositionedPiece, SourceLine } from '../../ingest/text.js';
import type { TableRegion } from '../../layout/regions.js';
import { isEnumerated, normalizeLabel, type Token, type TokenLine } from '../../layout/tokenize.js';
import { blankCell, isPlaceholderZero, numberCell, sourceLocation, spanLocation, tokenLocation } from '../cells.js';
import type { Cell, Column, Location, ParseNote, Row, RowKind, Side, Table, Unit } from '../types.js';
import { specFor, type Catalog, type TableSpec } from './catalog.js';
import { functionClassCode, sideByName } from './kinds.js';

const FOOTER_RE = /^\s*[-—–]+\s*\d+\s*[-—–]+\s*$/;
const NOTE_RE = /^\s*(注|备注|说明)\s*[:：0-9]/;
const FURNITURE_RE = /单位\s*[:：]|^\s*部门\s*[:：]|^\s*栏次|^\s*附件\s*\d*\s*$/;
const TITLE_RE = /表\s*$/;
const EMPTY_NOTE_RE = /空表|为空|无数据|没有|不涉及|无相关|无此项|无该项|无.{0,12}(收入|支出|收支)/;
const YEAR_RE = /(?<!\d)(20\d{2})(?=\s*年)/g;
const SECTION_LABEL_RE = /^(栏次|项目|科目代码|科目名称|功能分类|经济分类|收入|支出|预算数|决算数)/;

interface Builder {
  spec: TableSpec;
  region: TableRegion;
  /** does this line open a row of this table? */
  opensRow(line: TokenLine): boolean;
  accept(line: TokenLine): void;
  finish(): Table;
}

function stripEnumeration(name: string): string {
  return name
    .replace(/^[一二三四五六七八九十]+[、.．]/, '')
    .replace(/^[（(][一二三四五六七八九十]+[）)]/, '')
    .replace(/^\d+[、.．]/, '')
    .replace(/^其中[:：]/, '');
}

function labelText(tokens: Token[]): string {
  return normalizeLabel(tokens.map((t) => t.text).join(''));
}

function isCode(t: Token | undefined, kind: TableSpec['codes']): boolean {
  if (!t || t.kind !== 'number' || !t.num!.integer) return false;
  if (kind === 'function') return /^2\d{2}(\d{2}){0,2}$/.test(t.text);
  if (kind === 'economic') return /^3\d{2}(\d{2})?$/.test(t.text);
  if (kind === 'unit') return /^\d{3,}$/.test(t.text);
  return false;
}

function levelOf(code: string, kind: TableSpec['codes']): number {
  if (kind === 'unit') return code.length <= 3 ? 1 : 2;
  return code.length <= 3 ? 1 : code.length <= 5 ? 2 : 3;
}

abstract class BaseBuilder implements Builder {
  readonly rows: Row[] = [];
  readonly notes: ParseNote[];
  protected headerLines = new Set<string>();
  protected started = false;
  protected stopped = false;
  protected noteLocations: Location[] = [];
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
    this.headerLines.add(line.source.text.replace(/[\s\u3000]/g, ''));
    this.headerPieces.push(...(line.source.pieces ?? []));
  }

  protected collectYears(source: SourceLine) {
    for (const m of source.text.matchAll(YEAR_RE)) this.years.push(yearCell(this.file, source, m));
  }

  protected cellsFor(values: Token[], columns: Table['columns'], rowLoc: Location, explicit: boolean): { cells: Record<string, Cell>; unplaced: Cell[] } {
    const cells: Record<string, Cell> = Object.create(null);
    const unplaced: Cell[] = [];
    const printed = values.filter((t) => t.kind === 'number');
    if (explicit) {
      // tab-separated: every column has its own cell, blank or printed
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
    if (printed.length > columns.length) {
      this.note(`一行有 ${printed.length} 个数字，多于 ${columns.length} 列，本行不参与核对`, printed[0]);
      return { cells, unplaced };
    }
    const byX = this.placeByPosition(printed, columns);
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
    const centre = (t: Token) => (t.x0! + t.x1!) / 2;
    const byMark = new Map<string, number>();
    for (const c of all) {
      const mark = this.columnMarks.find((t) => t.x0 !== undefined && t.num!.value === c.index);
      if (mark) byMark.set(c.key, centre(mark));
    }
    if (byMark.size === all.length) return (this.centres = byMark);
    const byLabel = this.headerLabels(all);
    return (this.centres = byLabel.size === all.length ? byLabel : null);
  }

  /**
   * PDF: the header cells that name the given columns, by the column's name, key or a synonym;
   * where none names it exactly, a cell whose text starts the name (a name wrapped: 一般公共预算财…).
   */
  private headerLabels(columns: Column[], exactOnly = false): Map<string, number> {
    const found = new Map<string, number>();
    const used = new Set<PositionedPiece>();
    const pieces = this.headerPieces.map((p) => ({ p, text: normalizeLabel(p.text) }));
    for (const exact of exactOnly ? [true] : [true, false]) {
      for (const c of columns) {
        if (found.has(c.key)) continue;
        const names = [c.name, c.key.replace(/^.*\./, ''), ...(c.synonyms ?? [])].map(normalizeLabel);
        for (const n of names) {
          const hit = pieces.find(({ p, text }) => !used.has(p) && (exact ? text === n : text.length >= 3 && n.startsWith(text)));
          if (!hit) continue;
          used.add(hit.p);
          found.set(c.key, (hit.p.x0 + hit.p.x1) / 2);
          break;
        }
      }
    }
    return found;
  }

  /** each printed figure to the column whose band (between neighbouring centres) holds it */
  private placeByPosition(printed: Token[], columns: Table['columns']): Map<string, Token> | null {
    if (!printed.every((t) => t.x0 !== undefined)) return null;
    const centres = this.columnCentres();
    if (!centres) return null;
    const cols = columns.map((c) => ({ key: c.key, x: centres.get(c.key)! })).sort((a, b) => a.x - b.x);
    // a figure further from every known column than columns stand apart is under a column the
    // catalogue does not know: the positions do not tell where it belongs
    const reach = cols.length > 1 ? 0.75 * Math.min(...cols.slice(1).map((c, i) => c.x - cols[i].x)) : Infinity;
    const placed = new Map<string, Token>();
    for (const t of printed) {
      const x = (t.x0! + t.x1!) / 2;
      let best = cols[0];
      for (const c of cols) if (Math.abs(c.x - x) < Math.abs(best.x - x)) best = c;
      if (Math.abs(best.x - x) > reach) return null;
      // two figures in one column: the positions do not tell, fall back to the text's reading
      if (placed.has(best.key)) return null;
      placed.set(best.key, t);
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
    if (this.spec.layout !== 'code') return spec;
    const fromPage = this.headerPieces.length ? this.columnsFromPage() : null;
    if (fromPage) {
      this.ordered = fromPage;
      this.columnSource = 'header';
      return fromPage;
    }
    if (spec.length < 2) return spec;
    const fromText = this.columnsFromHeaderText(spec);
    if (fromText) {
      this.ordered = fromText;
      this.columnSource = 'header';
      return fromText;
    }
    for (const header of this.headerLines) {
      const at = spec.map((c) => header.indexOf(normalizeLabel(c.name)));
      if (at.some((i) => i < 0)) continue;
      const order = spec.map((c, i) => ({ c, at: at[i] })).sort((a, b) => a.at - b.at);
      // the total column stays first: the rest of the model reads it that way
      if (!order[0].c.total && spec[0].total) continue;
      this.ordered = order.map((o, i) => ({ ...o.c, index: i + 1 }));
      this.columnSource = 'header';
      break;
    }
    return this.ordered;
  }

  protected columnSource: Table['columnSource'] = 'catalog';

  /**
   * Text: a header line naming some of the form's columns, the total first, where no row prints
   * more figures than it names (a province that prints 合计 基本支出 项目支出 of six)
   */
  private columnsFromHeaderText(spec: Column[]): Column[] | null {
    const counts = this.dataFigures().length ? this.rowFigureCounts() : [];
    if (!counts.length) return null;
    for (const header of this.headerLines) {
      const named = spec
        .map((c) => ({ c, at: [c.name, ...(c.synonyms ?? [])].map((n) => header.indexOf(normalizeLabel(n))).find((i) => i >= 0) ?? -1 }))
        .filter((x) => x.at >= 0)
        .sort((a, b) => a.at - b.at);
      if (named.length < 2 || named.length === spec.length || !named[0].c.total) continue;
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
    const found = this.headerLabels(this.spec.columns, true);
    const total = this.spec.columns.find((c) => c.total);
    if (!found.size || (total && !found.has(total.key))) return null;
    // the header's cells must account for every figure below them; else a name wrapped past
    // recognition hides a column, and the form's own columns are the better guess
    const xs = [...found.values()].sort((a, b) => a - b);
    const reach = xs.length > 1 ? 0.75 * Math.min(...xs.slice(1).map((x, i) => x - xs[i])) : Infinity;
    const figures = this.dataFigures().filter((t) => t.x0 !== undefined);
    if (!figures.every((t) => xs.some((x) => Math.abs(x - (t.x0! + t.x1!) / 2) <= reach))) return null;
    return this.spec.columns
      .filter((c) => found.has(c.key))
      .sort((a, b) => found.get(a.key)! - found.get(b.key)!)
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

  protected baseTable(): Table {
    const cells = this.rows.flatMap((r) => [...Object.values(r.cells), ...r.unplaced]);
    const empty = cells.every((c) => c.blank || c.value === 0);
    const figures = this.region.lines.reduce((n, l) => n + l.tokens.filter((t) => t.kind === 'number').length, 0);
    const misplaced = this.misplaced();
    let unread: string | null = null;
    if (this.rows.length === 0 && figures > this.columnMarks.length) unread = '表中印有数字，但没有一行能按这种表的版式读出（版式与已知的不同）';
    // a grid is one row under a many-level header: a figure out of place misplaces its neighbours too
    else if (this.spec.layout === 'grid' && misplaced > 0) unread = `表头的 ${this.columns().length} 列与这一行的数字对不上（多层表头），未能确定每个数字所在的列`;
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
      years: this.years,
      loc: sourceLocation(this.file, this.region.anchor),
    };
  }

  abstract finish(): Table;
}

/** the 栏次 row: `栏次 1 2 3` or a bare `1 2 3 … n` */
function isColumnNumbering(line: TokenLine): boolean {
  const toks = line.tokens.filter((t) => t.kind !== 'blank');
  const nums = toks.filter((t) => t.kind === 'number');
  if (nums.length < 2 || !nums.every((t) => t.num!.integer)) return false;
  if (toks.some((t) => t.kind === 'label' && !/^栏次$/.test(t.text))) return false;
  return nums.every((t, i) => i === 0 || t.num!.value > nums[i - 1].num!.value) && nums[0].num!.value <= 2;
}

function yearCell(file: string, source: SourceLine, m: RegExpMatchArray): Cell {
  const column = m.index! + 1;
  const value = Number(m[1]);
  const n = source.pageLine ?? source.line;
  const loc: Location = { file, line: n, column, endLine: n, endColumn: column + 4 };
  if (source.page !== undefined) loc.page = source.page;
  return { raw: m[1], value, decimals: 0, lo: value, hi: value, unit: null, blank: false, loc };
}

function lineLocation(file: string, line: TokenLine): Location {
  const first = line.tokens.find((t) => t.kind !== 'blank');
  const last = [...line.tokens].reverse().find((t) => t.kind !== 'blank');
  if (first && last) return spanLocation(file, first, last);
  return sourceLocation(file, line.source);
}

// ---------------------------------------------------------------------------------------------
// Two-sided 总表: [项目 行次 金额] [项目 行次 金额…] per line; labels may wrap over lines.

interface Segment {
  labels: Token[];
  lineNo?: Token;
  values: Token[];
  /** tab layouts: values are positional, blanks included */
  explicit: boolean;
  /** first or later segment on its physical line */
  position: number;
  line: number;
}

class TwoSidedBuilder extends BaseBuilder {
  private segments: Segment[] = [];
  private lastLeft = 0;
  private lastRight = 0;
  private readonly hasLineNos: boolean;

  constructor(spec: TableSpec, region: TableRegion, file: string, notes: ParseNote[], catalog: Catalog) {
    super(spec, region, file, notes, catalog);
    this.hasLineNos = spec.leftMaxLineNo !== undefined;
  }

  private get leftCount() {
    return this.spec.columns.filter((c) => c.side === '收入').length;
  }

  protected isDataLine(line: TokenLine): boolean {
    const toks = line.tokens.filter((t) => t.kind !== 'blank');
    if (toks.some((t) => t.kind === 'number' && !t.num!.integer)) return true;
    if (!this.hasLineNos) return false;
    return toks.some((t, i) => t.kind === 'label' && !/栏次/.test(t.text) && toks[i + 1]?.kind === 'number');
  }

  opensRow(line: TokenLine): boolean {
    if (!this.hasLineNos || this.stopped) return false;
    const toks = line.tokens.filter((t) => t.kind !== 'blank');
    const [a, b] = toks;
    if (!a) return false;
    if (a.kind === 'number' && a.num!.integer) return a.num!.value === this.lastLeft + 1 && (!b || b.kind === 'label');
    return a.kind === 'label' && !SECTION_LABEL_RE.test(a.text) && b?.kind === 'number' && b.num!.integer && b.num!.value <= 99;
  }

  protected take(line: TokenLine): void {
    if (line.tabbed) return this.takeTabbed(line);
    let position = 0;
    line.tokens.forEach((t, i) => {
      const cur = this.segments[this.segments.length - 1];
      const open = cur !== undefined;
      if (t.kind === 'label') {
        // a label wraps onto the next line only in tables with 行次, where the 行次 closes it
        const wraps = this.hasLineNos || cur?.line === t.line;
        const startsTotal = /(合计|总计)$/.test(normalizeLabel(t.text));
        if (open && wraps && !startsTotal && !cur.lineNo && cur.values.length === 0 && cur.labels.length > 0 && !isEnumerated(t.text) && !cur.explicit) {
          cur.labels.push(t);
        } else {
          this.segments.push({ labels: [t], values: [], explicit: false, position: position++, line: t.line });
        }
        return;
      }
      if (t.kind !== 'number') return;
      const n = t.num!;
      const lineNoLike = this.hasLineNos && n.integer && n.value >= 1 && n.value <= 99;
      if (lineNoLike && open && cur.labels.length > 0 && !cur.lineNo && cur.values.length === 0 && !cur.explicit) {
        this.setLineNo(cur, t);
      } else if (lineNoLike && (i === 0 || n.value === this.lastRight + 1)) {
        const seg: Segment = { labels: [], values: [], explicit: false, position: position++, line: t.line };
        this.setLineNo(seg, t);
        this.segments.push(seg);
      } else if (open) {
        cur.values.push(t);
      } else {
        this.note(`数字 ${t.text} 找不到所属的行`, t);
      }
    });
  }

  private setLineNo(seg: Segment, t: Token) {
    seg.lineNo = t;
    const n = t.num!.value;
    if (n > (this.spec.leftMaxLineNo ?? 99)) this.lastRight = n;
    else this.lastLeft = n;
  }

  /** tab-separated: label, 行次, values of the left side, then the same for the right side */
  private takeTabbed(line: TokenLine): void {
    const byCell = new Map<number, Token[]>();
    for (const t of line.tokens) {
      const list = byCell.get(t.cell!) ?? [];
      list.push(t);
      byCell.set(t.cell!, list);
    }
    const cell = (i: number) => byCell.get(i) ?? [];
    const width = (this.hasLineNos ? 2 : 1) + this.leftCount;
    const rightValues = this.spec.columns.length - this.leftCount;
    const sides: Array<[number, number]> = [
      [0, this.leftCount],
      [width, rightValues],
    ];
    sides.forEach(([start, count], position) => {
      const labels = cell(start).filter((t) => t.kind === 'label');
      const lineNoTok = this.hasLineNos ? cell(start + 1).find((t) => t.kind === 'number') : undefined;
      const values: Token[] = [];
      const base = start + (this.hasLineNos ? 2 : 1);
      for (let k = 0; k < count; k++) values.push(cell(base + k)[0] ?? blankToken(line, base + k));
      if (!labels.length && !lineNoTok && values.every((v) => v.kind === 'blank')) return;
      const seg: Segment = { labels, values, explicit: true, position, line: line.source.line };
      if (lineNoTok) this.setLineNo(seg, lineNoTok);
      this.segments.push(seg);
    });
  }

  finish(): Table {
    const left = this.spec.columns.filter((c) => c.side === '收入');
    const right = this.spec.columns.filter((c) => c.side === '支出');
    const seen = new Map<string, number>();
    let inOpening = false;
    const perLine = new Map<number, number>();
    for (const seg of this.segments) perLine.set(seg.line, (perLine.get(seg.line) ?? 0) + 1);
    for (const seg of this.segments) {
      const rawName = labelText(seg.labels);
      const name = stripEnumeration(rawName);
      const n = seg.lineNo?.num!.value;
      let side: Side | undefined;
      if (n !== undefined && this.hasLineNos) side = n > (this.spec.leftMaxLineNo ?? 99) ? '支出' : '收入';
      else if (perLine.get(seg.line)! > 1) side = seg.position === 0 ? '收入' : '支出';
      else side = sideByName(this.catalog, name) ?? '收入';
      const printedValues = seg.values.filter((v) => v.kind === 'number');
      if (!name && printedValues.every((v) => isPlaceholderZero(v))) continue; // an unused 行次
      if (!name) {
        this.note(`行次 ${n ?? '?'} 有数字却没有项目名称`, seg.lineNo ?? seg.values[0]);
        continue;
      }
      const canonical = canonicalTotalName(name);
      let kind: RowKind = 'item';
      if (/总计$/.test(canonical) || /^本年(收入|支出)合计$/.test(canonical)) kind = 'total';
      else if (/结转|结余/.test(canonical)) kind = 'carry';
      else if (side === '收入' && inOpening) kind = 'carry-detail';
      if (side === '收入') {
        if (kind === 'carry' && /^(年初|上年)/.test(canonical)) inOpening = true;
        else if (kind !== 'carry-detail') inOpening = false;
      }
      const first = seg.labels[0] ?? seg.lineNo ?? seg.values[0];
      const last = seg.values[seg.values.length - 1] ?? seg.lineNo ?? seg.labels[seg.labels.length - 1];
      const loc = spanLocation(this.file, first, last);
      const columns = side === '收入' ? left : right;
      const { cells, unplaced } = this.cellsFor(seg.values, columns, loc, seg.explicit);
      const base = `${side}:${kind === 'carry-detail' ? '年初结转和结余/' : ''}${canonical}`;
      const count = (seen.get(base) ?? 0) + 1;
      seen.set(base, count);
      const row: Row = { key: count > 1 ? `${base}#${count}` : base, name: rawName, kind, side, cells, unplaced, loc };
      if (n !== undefined) row.lineNo = n;
      const code = side === '支出' && kind === 'item' ? functionClassCode(this.catalog, canonical) : undefined;
      if (code) {
        row.code = code;
        row.level = 1;
      }
      this.rows.push(row);
    }
    return this.baseTable();
  }
}

/** names that differ between documents but mean one line of the form */
function canonicalTotalName(name: string): string {
  return name
    .replace(/^(收入|支出)总计$/, '总计')
    .replace(/^年初财政拨款结转和结余$/, '年初结转和结余')
    .replace(/^年末财政拨款结转和结余$/, '年末结转和结余')
    .replace(/^使用非财政拨款结余.*$/, '使用非财政拨款结余');
}

function blankToken(line: TokenLine, cell: number): Token {
  return { kind: 'blank', text: '', line: line.source.line, column: 1, endColumn: 1, page: line.source.page, cell };
}

// ---------------------------------------------------------------------------------------------
// Coded rows: [code name values…], one row per code; names may wrap before their values.

interface PendingRow {
  code?: string;
  codeToken?: Token;
  labels: Token[];
  values: Token[];
  explicit: boolean;
}

class CodeBuilder extends BaseBuilder {
  private pending: PendingRow[] = [];

  protected override dataFigures(): Token[] {
    return this.pending.flatMap((p) => p.values.filter((t) => t.kind === 'number'));
  }

  protected override rowFigureCounts(): number[] {
    return this.pending.map((p) => p.values.filter((t) => t.kind === 'number').length);
  }
  private currentClass: string | null = null;
  private hasTotal = false;

  protected isDataLine(line: TokenLine): boolean {
    return this.opensRow(line);
  }

  opensRow(line: TokenLine): boolean {
    if (this.stopped) return false;
    const first = line.tokens.find((t) => t.kind !== 'blank');
    if (!first) return false;
    if (line.tabbed && first.cell !== 0) return false;
    if (isCode(first, this.spec.codes)) return true;
    if (this.spec.splitEconomicCodes && first.kind === 'number' && /^\d{2}$/.test(first.text) && this.currentClass) return true;
    // a table has one 合计 row: a later 合计 is another table's header
    return first.kind === 'label' && normalizeLabel(first.text) === '合计' && !this.hasTotal;
  }

  protected take(line: TokenLine): void {
    const toks = line.tokens;
    const first = toks.find((t) => t.kind !== 'blank')!;
    if (this.opensRow(line)) {
      const row: PendingRow = { labels: [], values: [], explicit: line.tabbed };
      let rest = toks.slice(toks.indexOf(first) + 1);
      if (first.kind === 'number') {
        let code = first.text;
        if (this.spec.splitEconomicCodes) {
          if (code.length === 3) this.currentClass = code;
          else if (code.length === 2) code = this.currentClass + code;
        }
        row.code = code;
        row.codeToken = first;
      } else {
        row.labels.push(first);
        this.hasTotal = true;
      }
      if (line.tabbed) {
        // [code, name, v1…vn]: the name cell is cell 1, values follow positionally
        row.labels.push(...rest.filter((t) => t.cell === 1 && t.kind === 'label'));
        rest = rest.filter((t) => (t.cell ?? 0) >= 2);
        row.values.push(...rest.slice(0, this.columns().length));
      } else {
        this.absorb(row, rest);
      }
      this.pending.push(row);
      return;
    }
    const cur = this.pending[this.pending.length - 1];
    if (!cur || cur.explicit) return;
    this.absorb(cur, toks);
  }

  private absorb(row: PendingRow, toks: Token[]) {
    for (const t of toks) {
      if (t.kind === 'label') {
        if (row.values.length === 0) row.labels.push(t);
      } else if (t.kind === 'number') {
        row.values.push(t);
      }
    }
  }

  finish(): Table {
    const byKey = new Map<string, Row>();
    let total: Row | undefined;
    let lastCode: string | undefined;
    let runHead: Row | undefined;
    for (const p of this.pending) {
      const first = p.codeToken ?? p.labels[0] ?? p.values[0];
      const lastTok = p.values[p.values.length - 1] ?? p.labels[p.labels.length - 1] ?? first;
      const loc = spanLocation(this.file, first, lastTok);
      const name = labelText(p.labels);
      const { cells, unplaced } = this.cellsFor(p.values, this.columns(), loc, p.explicit);
      if (!p.code) {
        // a 合计 line without a single figure, in a table that omits blanks, is a header
        // whose figures did not reach the text: unknown, not zeros (with positions, blanks are seen)
        const unprinted = !p.explicit && p.values.length === 0 && this.columnCentres() === null;
        const row: Row = { key: '合计', name: '合计', kind: 'total', cells: unprinted ? Object.create(null) : cells, unplaced, loc };
        if (!total) {
          total = row;
          this.rows.push(row);
          byKey.set(row.key, row);
        }
        continue;
      }
      const row: Row = { key: p.code, name, code: p.code, level: levelOf(p.code, this.spec.codes), kind: 'item', cells, unplaced, loc };
      if (byKey.has(p.code)) {
        if (this.spec.repeatedCodes && lastCode === p.code && runHead) {
          // budget 表3 prints each 项 once in total, then once per sub-unit below it
          let k = 2;
          while (byKey.has(`${p.code}#${k}`)) k++;
          row.key = `${p.code}#${k}`;
          row.kind = 'detail';
          row.parent = runHead.key;
        } else {
          this.note(`科目 ${p.code} 出现了不止一次，后一次不参与核对`, p.codeToken!);
          continue;
        }
      } else {
        runHead = row;
      }
      lastCode = p.code;
      byKey.set(row.key, row);
      this.rows.push(row);
    }
    // parent: the longest other code that is a prefix; top-level codes belong to 合计
    const codes = this.rows.filter((r) => r.code && r.kind !== 'detail');
    for (const r of codes) {
      let parent: string | undefined;
      for (const other of codes) {
        if (other !== r && r.code!.startsWith(other.code!) && other.code!.length < r.code!.length) {
          if (!parent || other.code!.length > parent.length) parent = other.code!;
        }
      }
      if (parent) r.parent = parent;
      else if (total && r.level === 1) r.parent = total.key;
    }
    return this.baseTable();
  }
}

// ---------------------------------------------------------------------------------------------
// Economic detail (公开06): [code name value] groups side by side, totals at the bottom.

interface EconomicSegment {
  code?: Token;
  labels: Token[];
  value?: Token;
}

class EconomicBuilder extends BaseBuilder {
  private segments: EconomicSegment[] = [];

  protected isDataLine(line: TokenLine): boolean {
    return line.tokens.some((t) => isCode(t, 'economic'));
  }

  opensRow(line: TokenLine): boolean {
    const first = line.tokens.find((t) => t.kind !== 'blank');
    return !this.stopped && isCode(first, 'economic');
  }

  protected take(line: TokenLine): void {
    for (const t of line.tokens) {
      const cur = this.segments[this.segments.length - 1];
      if (isCode(t, 'economic')) {
        this.segments.push({ code: t, labels: [] });
      } else if (t.kind === 'label') {
        if (/合计$/.test(normalizeLabel(t.text))) this.segments.push({ labels: [t] });
        else if (cur && !cur.value) cur.labels.push(t);
      } else if (t.kind === 'number') {
        // a `0` standing in for an empty group belongs to no row
        if (cur && !cur.value && !(isPlaceholderZero(t) && cur.labels.length === 0)) cur.value = t;
      }
    }
  }

  finish(): Table {
    const column = this.spec.columns[0];
    const seen = new Set<string>();
    for (const s of this.segments) {
      const name = labelText(s.labels);
      const head = s.code ?? s.labels[0];
      if (!head) continue;
      const loc = spanLocation(this.file, head, s.value ?? s.labels[s.labels.length - 1] ?? head);
      const cells: Record<string, Cell> = Object.create(null);
      cells[column.key] = s.value ? numberCell(this.file, s.value, this.unit) : blankCell(loc, this.unit);
      const key = s.code ? s.code.text : name;
      if (seen.has(key)) {
        this.note(`${key} 出现了不止一次，后一次不参与核对`, head);
        continue;
      }
      seen.add(key);
      const row: Row = s.code
        ? { key, name, code: key, level: levelOf(key, 'economic'), kind: 'item', cells, unplaced: [], loc }
        : { key, name, kind: 'total', cells, unplaced: [], loc };
      if (s.code && key.length === 5) row.parent = key.slice(0, 3);
      this.rows.push(row);
    }
    return this.baseTable();
  }
}

// ---------------------------------------------------------------------------------------------
// Grid (三公经费): one line of values under a multi-level header.

class GridBuilder extends BaseBuilder {
  private valueLine: TokenLine | null = null;

  /**
   * The columns in the order the page prints them: group by group (预算数 合计…公务接待费, then
   * 决算数 …) as the national form does, or item by item when the header alternates its group
   * words under each item (预算数 决算数 预算数 决算数 …, as Shanghai prints it).
   */
  private printedOrder(): Column[] {
    const columns = this.spec.columns;
    const groups = this.spec.groups ?? [];
    if (groups.length < 2) return columns;
    const words = this.headerPieces
      .filter((p) => groups.includes(normalizeLabel(p.text)))
      .sort((a, b) => a.x0 - b.x0)
      .map((p) => normalizeLabel(p.text));
    const alternating = words.length >= 2 * groups.length && words.every((w, i) => w === groups[i % groups.length]);
    if (!alternating) return columns;
    const items = columns.length / groups.length;
    return Array.from({ length: columns.length }, (_, i) => columns[(i % groups.length) * items + Math.floor(i / groups.length)]);
  }

  protected isDataLine(line: TokenLine): boolean {
    return line.tokens.some((t) => t.kind === 'number' && !t.num!.integer);
  }

  opensRow(): boolean {
    return false;
  }

  protected take(line: TokenLine): void {
    if (!this.valueLine) this.valueLine = line;
  }

  finish(): Table {
    const line = this.valueLine;
    if (line) {
      const values = line.tabbed ? line.tokens : line.tokens.filter((t) => t.kind === 'number');
      const loc = lineLocation(this.file, line);
      const { cells, unplaced } = this.cellsFor(values, this.printedOrder(), loc, line.tabbed);
      this.rows.push({ key: '合计', name: '合计', kind: 'total', cells, unplaced, loc });
    }
    return this.baseTable();
  }
}

// ---------------------------------------------------------------------------------------------

function makeBuilder(spec: TableSpec, region: TableRegion, file: string, notes: ParseNote[], catalog: Catalog): Builder {
  switch (spec.layout) {
    case 'two-sided':
      return new TwoSidedBuilder(spec, region, file, notes, catalog);
    case 'economic':
      return new EconomicBuilder(spec, region, file, notes, catalog);
    case 'grid':
      return new GridBuilder(spec, region, file, notes, catalog);
    default:
      return new CodeBuilder(spec, region, file, notes, catalog);
  }
}

export function buildTables(regions: TableRegion[], file: string, notes: ParseNote[], catalog: Catalog): Table[] {
  const builders: Builder[] = [];
  const unread: Table[] = [];
  for (const region of regions) {
    const spec = specFor(catalog, region.id);
    if (!spec) {
      notes.push({
        message: `不认识的表 ${region.id}，未核对`,
        loc: sourceLocation(file, region.anchor),
      });
      continue;
    }
    if (spec.layout === 'unread') {
      unread.push(unreadTable(spec, region, file, '本工具尚不核对这种表'));
      continue;
    }
    const builder = makeBuilder(spec, region, file, notes, catalog);
    const prev = builders[builders.length - 1];
    builders.push(builder);
    // A line goes to the table whose rows it opens; a line that opens none continues the row
    // before it. The previous table may still be receiving rows (tables interleaved across pages).
    let owner: Builder = builder;
    for (const line of region.lines) {
      if (builder.opensRow(line)) owner = builder;
      else if (prev && prev.spec.layout !== spec.layout && prev.opensRow(line)) owner = prev;
      owner.accept(line);
    }
  }
  return [...builders.map((b) => b.finish()), ...unread];
}

/** a table found and named but not modelled: listed, with why, and left out of every check */
function unreadTable(spec: TableSpec, region: TableRegion, file: string, reason: string): Table {
  return {
    id: spec.id,
    kindName: spec.title,
    printedId: region.printedId,
    title: region.title ?? spec.title,
    unread: reason,
    reading: { unplaced: 0, dropped: 0 },
    layout: 'unread',
    unit: region.unit,
    columns: [],
    columnSource: 'catalog',
    rows: [],
    empty: false,
    emptyNote: null,
    years: [],
    loc: sourceLocation(file, region.anchor),
  };
}
