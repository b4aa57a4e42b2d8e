/**
 * What every table builder shares: a region's lines are taken one by one (header, rows, notes),
 * years and empty-table notes collected, and the table assembled; which columns the header
 * prints and where each figure goes is column-reader.ts's.
 */
import type { SourceLine } from '../../ingest/text.js';
import type { TableRegion } from '../../layout/regions.js';
import { normalizeLabel, type TokenLine } from '../../layout/tokenize.js';
import { sourceLocation } from '../cells.js';
import type { Cell, Location, ParseNote, Table } from '../types.js';
import type { Catalog, TableSpec } from './catalog.js';
import { kindsByTitle } from './kinds.js';
import { ColumnReader } from './column-reader.js';
import { isColumnNumbering, lineLocation, yearCell } from './lines.js';
import { ROW_GAP } from '../../layout/grid.js';

export { centreOf, columnReach } from './geometry.js';
export { isCode, labelText, levelOf, stripEnumeration } from './lines.js';

const FOOTER_RE = /^\s*[-—–]+\s*\d+\s*[-—–]+\s*$/;
const NOTE_RE = /^\s*(注|备注|说明)\s*[:：0-9]/;
const FURNITURE_RE = /单位\s*[:：]|^\s*部门\s*[:：]|^\s*栏次|^\s*附件\s*\d*\s*$/;
/**
 * A table's sign-off under its rows: who made and checked it (单位负责人：… 制表人：… 联系电话：…)
 * and when (填报日期：…, or a date alone): its digits (a phone number, 2025 of a date) are no figures
 */
const SIGN_OFF_RE = /(负责人|制表人?|填表人|填报人|审核人?|复核人?|经办人|联系人|联系电话|电\s*话|(填报|编制|报送|制表|打印|填表)日期)\s*[:：]|^\s*\d{4}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?\s*$/;
const TITLE_RE = /表\s*$/;
const EMPTY_NOTE_RE = /空表|为空|无数据|没有|不涉及|无相关|无此项|无该项|无.{0,12}(收入|支出|收支)/;
// a note that says this table itself has nothing in it (此表为空表, 故本表无数据), not only that something is absent
const SAID_EMPTY_RE = /(本|此|该)表\s*(为空|无数据|没有数据|数据为空)|空表/;
const YEAR_RE = /(?<!\d)(20\d{2})(?=\s*年)/g;

/** what a sentence that explains a change says: why a figure rose or fell against another year's (增减变化原因说明：因按照2023年预算…调增) */
const CHANGE_WORDS_RE = /增减|变化|变动|原因|调增|调减|增加|减少|增长|下降|上年/;

/** whether the sentence of text that holds position `at` explains a change */
function explainsChange(text: string, at: number): boolean {
  const start = Math.max(text.lastIndexOf('。', at), text.lastIndexOf('；', at), text.lastIndexOf(';', at)) + 1;
  const ends = [text.indexOf('。', at), text.indexOf('；', at), text.indexOf(';', at)].filter((i) => i >= 0);
  return CHANGE_WORDS_RE.test(text.slice(start, ends.length ? Math.min(...ends) : text.length));
}

export const SECTION_LABEL_RE = /^(栏次|项目|科目代码|科目名称|功能分类|经济分类|收入|支出|预算数|决算数)/;

export interface Builder {
  spec: TableSpec;
  region: TableRegion;
  /** does this line open a row of this table? */
  opensRow(line: TokenLine): boolean;
  accept(line: TokenLine): void;
  finish(): Table;
}

/** two PDF lines of one row of cells: on one page, baselines nearer than a row's gap (a cell's wrapped lines) */
function oneRowOfCells(a: SourceLine, b: SourceLine): boolean {
  return a.pieces !== undefined && b.pieces !== undefined && a.page === b.page && a.y !== undefined && b.y !== undefined && Math.abs(b.y - a.y) <= ROW_GAP * (b.size ?? 10);
}

/** a word that may be a 合计 row's label as well as a column's name */
const TOTAL_WORD_RE = /^(合计|总计|小计)$/;

export abstract class BaseBuilder extends ColumnReader implements Builder {
  protected started = false;
  protected stopped = false;
  protected noteLocations: Location[] = [];
  /** the notes saying the table itself is empty (此表为空表) */
  protected emptyNotes: Array<{ text: string; words: string; loc: Location }> = [];
  /** the first note saying the table is empty, whether it is or not */
  protected saidEmpty: { text: string; loc: Location } | null = null;
  protected years: Cell[] = [];

  constructor(spec: TableSpec, region: TableRegion, file: string, notes: ParseNote[], catalog: Catalog) {
    super(spec, region, file, notes, catalog);
    // the title's years stand alone, whatever header lines stand close under it
    if (region.titleSource) this.collectYears(region.titleSource);
    this.keepRowYears();
  }

  abstract opensRow(line: TokenLine): boolean;
  protected abstract take(line: TokenLine): void;
  protected abstract isDataLine(line: TokenLine): boolean;


  accept(line: TokenLine): void {
    const text = line.source.text;
    // a note's words are looked for with any spaces between its characters left out (本 表 为 空, as
    // text some extractors give of justified lines)
    const words = /\S\s+\S/.test(text) ? text.replace(/\s+/g, '') : text;
    const isNote = NOTE_RE.test(words) || EMPTY_NOTE_RE.test(words);
    // a table's years are in its title, header and notes; not in whatever text follows it
    if ((!this.stopped && !this.started) || isNote) this.collectYears(line.source, isNote);
    if (isNote) {
      if (EMPTY_NOTE_RE.test(words)) this.noteLocations.push(lineLocation(this.file, line));
      if (SAID_EMPTY_RE.test(words)) {
        const note = { text: text.trim(), words, loc: lineLocation(this.file, line) };
        this.saidEmpty ??= { text: note.text, loc: note.loc };
        this.emptyNotes.push(note);
      }
      // after its note (or its explanation of being empty) a table has no more rows
      this.stopped = true;
      return;
    }
    if (this.stopped) return;
    if (SIGN_OFF_RE.test(text)) {
      // under the rows it ends the table; above them (a date by the unit) it is furniture
      this.stopped = this.started;
      return;
    }
    if (this.numberingGoesOn(line)) return;
    // a table's own header block says where its columns stand (later pages repeat it)
    if (!this.started && isColumnNumbering(line)) this.columnMarks = line.tokens.filter((t) => t.kind === 'number');
    if (!line.tokens.some((t) => t.kind !== 'blank') || FOOTER_RE.test(text) || FURNITURE_RE.test(text)) return;
    if (TITLE_RE.test(text) && !line.tokens.some((t) => t.kind === 'number')) return; // the next table's title
    const key = text.replace(/[\s\u3000]/g, '');
    if (!this.started) {
      const held = this.held;
      this.held = null;
      const columnName = this.namesFigureColumn(line);
      if (columnName || !this.isDataLine(line)) {
        // PDF: figures set on a baseline of their own just above the first row's label
        // (合计 in a larger font sits lower) wait for that row
        if (line.source.pieces && !held && line.tokens.every((t) => t.kind === 'number' && !t.num!.integer)) {
          this.held = line;
          return;
        }
        if (held) this.addHeader(held);
        // a lone 合计 naming a column is no header line to skip where a page repeats it: a 合计 row's label alone on its line is
        this.addHeader(line, !(columnName && TOTAL_WORD_RE.test(normalizeLabel(text))));
        return;
      }
      this.started = true;
      if (held && !line.tokens.some((t) => t.kind === 'number')) line = { ...line, tokens: [...line.tokens, ...held.tokens] };
      else if (held) this.addHeader(held);
    } else if (this.headerLines.has(key)) {
      return; // a header repeated on a new page
    }
    this.body.push(line);
    this.take(this.withoutRowNumber(line));
  }

  /**
   * A row's 序号, where the header's first column is 序号 (河北: 序号 | 收入 项目 | 预算数 | 支出 项目
   * | 预算数): no figure of the row. Taken off where it stands before the row's first name and
   * counts on from the last (a 科目编码 where a row's 序号 is left blank does not); in
   * tab-separated text its cell stays, as the header's does.
   */
  private withoutRowNumber(line: TokenLine): TokenLine {
    if (line.tabbed || !this.numbersRows()) return line;
    const printed = line.tokens.filter((t) => t.kind !== 'blank');
    const [first, second] = printed;
    if (first?.kind !== 'number' || !first.num!.integer || first.num!.value !== this.lastRowNumber + 1 || second?.kind !== 'label') return line;
    this.lastRowNumber++;
    return { ...line, tokens: line.tokens.filter((t) => t !== first) };
  }

  private rowNumbers?: boolean;
  private lastRowNumber = 0;

  private numbersRows(): boolean {
    return (this.rowNumbers ??= this.headerTokenLines.some((l) => {
      const first = l.tokens.find((t) => t.kind !== 'blank');
      return first?.kind === 'label' && /^序\s*号/.test(first.text);
    }));
  }

  private laidOut?: boolean;

  /**
   * Text that keeps where words stand on the line (pdftotext -layout): some lines open with a run
   * of spaces (a row whose first cells are empty, the 支出 side alone, a name's tail under it)
   */
  protected isLaidOut(): boolean {
    return (this.laidOut ??= this.region.lines.some((l) => /^ {4,}\S/.test(l.source.text)));
  }

  /** the 栏次 number the next line holds alone, when the numbering runs on one number to a line */
  private numberingNext = 0;

  /**
   * Whether the line is one number of a 栏次 row copied one cell to a line (栏次 / 1 / 2 / 3: a
   * viewer's copy of a header repeated on a new page): the numbers count on from the 栏次 line, and
   * would otherwise read as a row's figures. Words alone between them do not stop the count
   * (pdftotext without -layout: 栏次 / 1 / 合计 / 2 / 3, the 合计 row's label read between the
   * columns' numbers; 栏次 / 合计 / 年初结转和结余 / 1 / 本年收入 / 2, each column's name over its number).
   */
  private numberingGoesOn(line: TokenLine): boolean {
    const printed = line.tokens.filter((t) => t.kind !== 'blank');
    const lone = printed.length === 1 && printed[0].kind === 'number' && printed[0].num!.integer ? printed[0].num!.value : NaN;
    if (this.numberingNext > 0 && lone === this.numberingNext) {
      this.numberingNext++;
      return true;
    }
    // words alone do not stop a count 栏次 started: the 合计 row's label, or the columns' names read between their numbers
    // (栏次 / 合计 / 年初结转和结余 / 1 / 本年收入 / 2 …, each name above its number)
    if (!printed.length || (this.numberingNext > 0 && printed.every((t) => t.kind === 'label') && !/^栏次$/.test(printed[0].text))) return false;
    // nor does a figure with decimals, which no 栏次 number is: a cell of the 合计 row read among them (小计 / 1 / 基本支出 / 2 / 0.00 / 项目支出 / 3)
    if (this.numberingNext > 0 && printed.length === 1 && printed[0].kind === 'number' && !printed[0].num!.integer) return false;
    const numbers = printed.filter((t) => t.kind === 'number');
    const numbering = printed[0]?.kind === 'label' && /^栏次$/.test(printed[0].text) && numbers.length === printed.length - 1;
    this.numberingNext = numbering ? (numbers.length ? numbers[numbers.length - 1].num!.value + 1 : 1) : 0;
    return false;
  }

  /** a line of figures only, waiting to see whether the first row's label comes next */
  private held: TokenLine | null = null;

  /**
   * PDF: a line of one word under the header's first line, standing over the figures of the rows
   * below (合计 centred in a header cell two lines high, beside names wrapped onto both lines: 基本支 /
   * 出): that column's name, not the 合计 row's label, which stands in the names' column.
   */
  private namesFigureColumn(line: TokenLine): boolean {
    const printed = line.tokens.filter((t) => t.kind !== 'blank');
    const word = printed.length === 1 && printed[0].kind === 'label' ? printed[0] : null;
    if (!word || word.x0 === undefined || !this.headerRows.length) return false;
    let under = 0;
    for (const l of this.region.lines) {
      if (l.source.line <= line.source.line || l.source.page !== line.source.page) continue;
      for (const t of l.tokens) if (t.kind === 'number' && !t.num!.integer && t.x0! < word.x1! && t.x1! > word.x0) under++;
      if (under >= 2) return true;
    }
    return false;
  }

  private addHeader(line: TokenLine, repeatable = true) {
    this.headerTokenLines.push(line);
    if (repeatable) this.headerLines.add(line.source.text.replace(/[\s\u3000]/g, ''));
    this.headerPieces.push(...(line.source.pieces ?? []));
    const { pieces, y } = line.source;
    // the 栏次 numbers are the columns' marks, not words of their names
    if (pieces && !isColumnNumbering(line)) this.headerRows.push(y === undefined ? pieces : pieces.map((p) => ({ ...p, y })));
  }


  /** the years of the last lines read that one PDF row of cells holds (a header whose names wrap), not yet kept */
  private rowYears: { last: SourceLine; found: Array<{ source: SourceLine; m: RegExpMatchArray }> } | null = null;

  protected collectYears(source: SourceLine, note = false) {
    // a header that prints two years (2016年执行数 | 2017年预算数) compares the table's year with the
    // one before: the latest is the table's. On a page its names may wrap, each year on a line of
    // its own (2016年执行 / 项目 2017年预算数 / 数): the lines of one row of cells count as one
    const row = this.rowYears;
    // a note's sentence that explains a change names the year compared with, not the table's
    const found = [...source.text.matchAll(YEAR_RE)].filter((m) => !note || !explainsChange(source.text, m.index!)).map((m) => ({ source, m }));
    if (row && oneRowOfCells(row.last, source)) {
      row.found.push(...found);
      row.last = source;
      return;
    }
    this.keepRowYears();
    this.rowYears = { last: source, found };
  }

  /** the latest year of the row's lines kept as the table's */
  private keepRowYears() {
    const found = this.rowYears?.found ?? [];
    this.rowYears = null;
    const latest = Math.max(...found.map(({ m }) => Number(m[1])));
    for (const { source, m } of found) if (Number(m[1]) === latest) this.years.push(yearCell(this.file, source, m));
  }

  /** the sides of the rows left out, where every one's is known */
  private sidesDropped(): { droppedSides?: string[] } {
    const sides = this.droppedSides;
    return sides.length && sides.every((s) => s !== null) ? { droppedSides: [...new Set(sides as string[])] } : {};
  }

  protected baseTable(): Table {
    // the header row read last is weighed now: no line after it came close enough to join it
    this.keepRowYears();
    const cells = this.rows.flatMap((r) => [...Object.values(r.cells), ...r.unplaced]);
    // a blank cell is printed to the table's precision: a sum over blanks of a table in whole 元 shows whole 元
    const printed = cells.filter((c) => !c.blank);
    if (printed.length) {
      const decimals = Math.max(...printed.map((c) => c.decimals));
      for (const c of cells) if (c.blank) c.decimals = decimals;
    }
    // a table whose rows could not all be read is not known to be empty
    const empty = this.dropped === 0 && cells.every((c) => c.blank || c.value === 0);
    const figures = this.region.lines.reduce((n, l) => n + l.tokens.filter((t) => t.kind === 'number').length, 0);
    const misplaced = this.misplaced();
    if (misplaced > 0 && this.placement.namesAstray) {
      const header = this.headerTokenLines[0]?.source ?? this.region.anchor;
      this.notes.push({ message: `${this.spec.id}: ${NAMES_ASTRAY}`, loc: sourceLocation(this.file, header) });
    }
    let unread: string | null = null;
    if (this.rows.length === 0 && figures > this.columnMarks.length && !this.unsure) unread = '表中印有数字，但没有一行能按这种表的版式读出（版式与已知的不同）';
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
      titleKinds: this.region.title ? kindsByTitle(this.catalog, this.region.title) : [],
      unread,
      reading: { unplaced: misplaced, dropped: this.dropped, ...this.sidesDropped() },
      layout: this.spec.layout,
      unit: this.unit,
      columns: this.columns(),
      columnSource: this.columnSource,
      rows: this.rows,
      empty,
      emptyNote: empty ? this.noteLocations[0] ?? null : null,
      saidEmpty: this.saidEmpty,
      noteOfOther: this.noteOfOther(),
      nilInNarrative: null,
      years: this.years,
      loc: sourceLocation(this.file, this.region.anchor),
    };
  }

  abstract finish(): Table;

  /**
   * An empty table's note that speaks of another kind's subject and not of its own (under the
   * 国有资本经营 table: 本部门无政府性基金预算…，故本表为空表): the note copied from the table before
   */
  private noteOfOther(): Table['noteOfOther'] {
    const own = this.spec.subjects;
    if (!own.length) return null;
    const others = new Set(this.catalog.specs.flatMap((s) => s.subjects).filter((x) => !own.some((o) => o.includes(x) || x.includes(o))));
    for (const { text, words, loc } of this.emptyNotes) {
      if (own.some((o) => words.includes(o))) continue;
      const other = [...others].find((x) => words.includes(x));
      if (other) return { subject: other, text, loc };
    }
    return null;
  }
}

/** text whose header names do not stand over their columns' figures (text-columns.ts namesOverFigures) */
const NAMES_ASTRAY = '表头各栏名挤在一起，没有印在各栏的数字之上（拉开字距的栏名被提取成了紧挨着的字），分不清各数属于哪一栏';
