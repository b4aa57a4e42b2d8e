/**
 * Table recognition: regions of tokenized lines → typed tables of the report model.
 * One builder per layout (two-sided 总表, coded rows, side-by-side economic groups, 三公 grid);
 * lines are dispatched to the builder whose row grammar they fit, which is how two tables
 * interleaved across a page break (qinghai 公开04/05) come apart again.
 */
import { economicItemNamed } from './economic-classes.js';
import { mergeCodeCells } from '../../layout/code-cells.js';
import { isTableMark, type TableRegion } from '../../layout/regions.js';
import { DASH_RE, type Token, type TokenLine } from '../../layout/tokenize.js';
import { placeWords, sourceLocation } from '../cells.js';
import type { ParseNote, Table } from '../types.js';
import type { SourceLine, SourceText } from '../../ingest/text.js';
import type { PagePicture } from '../../ingest/rulings.js';
import { pictureUnder } from './pictured.js';
import { inRowBlocks, joinStackedCodes } from './row-blocks.js';
import { cellsKept } from './lines.js';
import { joinTwoSidedBlocks } from './two-sided-blocks.js';
import { partsOutOfOrder, rowsOutOfStep } from './rows-in-step.js';
import { isTextAsPrinted } from './text-columns.js';
import { specFor, type Catalog, type TableSpec } from './catalog.js';
import type { Builder } from './builder.js';
import { kindsByTitle } from './kinds.js';
import { CodeBuilder } from './coded.js';
import { EconomicBuilder } from './economic.js';
import { GridBuilder } from './grid.js';
import { NamedBuilder } from './named.js';
import { OutlineBuilder } from './outline.js';
import { TwoSidedBuilder } from './two-sided.js';

/** plain text setting a cell to a line read as rows: a two-sided table's row blocks joined, a coded table's stacked code parts */
function withBlocksJoined(region: TableRegion, spec: TableSpec): TableRegion {
  if (cellsKept(region.lines)) return region;
  return { ...region, lines: spec.layout === 'two-sided' ? joinTwoSidedBlocks(region.lines) : joinStackedCodes(region.lines) };
}

function makeBuilder(spec: TableSpec, region: TableRegion, file: string, notes: ParseNote[], catalog: Catalog): Builder {
  switch (spec.layout) {
    case 'two-sided':
      return new TwoSidedBuilder(spec, region, file, notes, catalog);
    case 'economic':
      return new EconomicBuilder(spec, region, file, notes, catalog);
    case 'grid':
      return new GridBuilder(spec, region, file, notes, catalog);
    case 'outline':
      return new OutlineBuilder(spec, region, file, notes, catalog);
    case 'named':
      return new NamedBuilder(spec, region, file, notes, catalog);
    default:
      return new CodeBuilder(spec, region, file, notes, catalog);
  }
}

export function buildTables(regions: TableRegion[], file: string, notes: ParseNote[], catalog: Catalog, source?: Pick<SourceText, 'lines' | 'pictures' | 'rulings'>): Table[] {
  const builders: Builder[] = [];
  const unread: Table[] = [];
  for (const printed of regions) {
    const spec = specFor(catalog, printed.id);
    if (!spec) {
      notes.push({
        message: `不认识的表 ${printed.id}，未核对`,
        loc: sourceLocation(file, printed.anchor),
      });
      continue;
    }
    if (spec.layout === 'unread') {
      unread.push(unreadTable(spec, printed, file, catalog, '本工具尚不核对这种表'));
      continue;
    }
    if (printed.scattered) {
      // a table of a kind that is read, not read here: said (a kind only listed is not)
      unread.push({ ...unreadTable(spec, printed, file, catalog, '标题之下没有它的表头和各行（提取的文字打乱了表格的行，它们印在别处）'), layout: spec.layout });
      continue;
    }
    const unprinted = unprintedFigures(printed);
    if (unprinted) {
      // what is not printed cannot be read: the table is said unread, not read with the figure as blank
      unread.push({ ...unreadTable(spec, printed, file, catalog, unprinted), layout: spec.layout });
      continue;
    }
    // only the tables read: a table said unread or of no known kind keeps its lines as printed
    const region = withBlocksJoined(printed, spec);
    const builder = makeBuilder(spec, source?.rulings?.length ? { ...region, rulings: source.rulings } : region, file, notes, catalog);
    const prev = builders[builders.length - 1];
    builders.push(builder);
    // A line goes to the table whose rows it opens; a line that opens none continues the row
    // before it. The previous table may still be receiving rows (tables interleaved across pages).
    let owner: Builder = builder;
    const aligned = isTextAsPrinted(region.lines);
    for (const line of mergeCodeCells(region.lines).map(dashesAsBlanks)) {
      // a table's number (表 5, 续表 5) or a mark that it goes on (续上表) is no row of either table,
      // though its 5 could pass for a 行次; nor, in text laid out as printed, is a number alone
      // from a line's first column, where rows are indented or named: a page number printed
      // upright on a page turned for a wide table, set there by pdftotext (a copy a space apart
      // prints a wrapped row's 行次 so: 7 / 七、文化…)
      if (isTableMark(line.source.text) || (aligned && strayNumber(line))) continue;
      if (builder.opensRow(line)) owner = builder;
      else if (prev && prev.spec.layout !== spec.layout && prev.opensRow(line)) owner = prev;
      owner.accept(line);
    }
  }
  const pictured = source?.pictures?.length ? pictureUnder(regions, source) : () => null;
  const byBlocks = builders.map((b) => b.spec.layout === 'code' && !cellsKept(b.region.lines) && inRowBlocks(b.region.lines, b.spec));
  const lost = builders.map((b, i) => layoutLost(b.region, b.spec, byBlocks[i]));
  const built = builders.map((b, i) => {
    const table = namingEconomicItems(b.finish(), catalog);
    const inStep = () => rowsOutOfStep(table) ?? (byBlocks[i] ? partsOutOfOrder(table) : null);
    const why = lost[i] ?? (table.unread === null ? (notWhole(table, b.region, pictured) ?? (b.spec.layout === 'code' ? inStep() : null)) : null);
    if (why) return { ...table, unread: why };
    const cut = table.unread === null ? endsMissing(table, b.spec) : null;
    return cut ? { ...table, cutShort: cut } : table;
  });
  // where the text lost other tables' layout (pdfminer sets a column's figures as a block apart),
  // a table read without a figure in any cell that says nothing of being empty, and prints codes
  // or many lines (items, not only a header and 合计), is not known to be empty: its figures stand elsewhere
  const anyLost = lost.some((why) => why !== null);
  const displaced = (t: Table, i: number) => anyLost && t.unread === null && showsNoFigure(t) && printsItems(builders[i].region);
  return [...built.map((t, i) => (displaced(t, i) ? { ...t, unread: LAYOUT_LOST } : t)), ...unread];
}

/** each economic item's row with the item its printed name names, and its code's own name (科目/经济分类编码与名称) */
function namingEconomicItems(table: Table, catalog: Catalog): Table {
  if (!catalog.economicClasses.size) return table;
  for (const row of table.rows) {
    const named = economicItemNamed(catalog.economicClasses, row);
    if (named) Object.assign(row, named);
  }
  return table;
}

/** read with no figure in any cell, and with no note that it is empty */
const showsNoFigure = (t: Table) => !t.emptyNote && !t.saidEmpty && t.rows.every((r) => Object.values(r.cells).every((c) => c.blank) && !r.unplaced.length);

/** printed lines an empty table fills at most: unit, department, a header of wrapped names, 合计 and a note */
const EMPTY_TABLE_LINES = 12;

/** a region with items of its own: a line opening with a code, or more lines than an empty table prints */
function printsItems(region: TableRegion): boolean {
  const printed = region.lines.filter((l) => l.tokens.some((t) => t.kind !== 'blank'));
  return printed.length > EMPTY_TABLE_LINES || printed.some((l) => /^\s*\d{3}(?:\s?\d{2}){0,2}\s/.test(l.source.text));
}

/**
 * #s where a figure stands (########): a spreadsheet's sign that the number did not fit its
 * column. Three or more anywhere (text may set the next cell's words against them), two as a
 * cell of their own; one # is a name's (1#楼).
 */
const HASHED_RE = /#{3,}|(?<=^|[\s\u3000])##(?=[\s\u3000]|$)/g;
/**
 * A figure in scientific notation (7.46E+06): how a spreadsheet prints a number of the General
 * format that does not fit its column. Only its first digits are printed, not the amount.
 */
const EXPONENT_RE = /(?<![\d.,])-?\d(?:\.\d+)?[Ee][+-]\d{2,3}(?![\d.])/g;

/**
 * Why a table cannot be read for figures not printed whole, or null: ######## (Excel prints a
 * number wider than its column so, and a PDF made from the sheet carries the #s), or 7.46E+06
 * (only its first digits). Which row and column lost a figure is said; the amount is printed
 * nowhere, for the reader of the published table either.
 */
function unprintedFigures(region: TableRegion): string | null {
  let count = 0;
  let first: { line: SourceLine; mark: string } | null = null;
  for (const { source } of region.lines) {
    for (const m of [...source.text.matchAll(HASHED_RE), ...source.text.matchAll(EXPONENT_RE)]) {
      count++;
      first ??= { line: source, mark: m[0] };
    }
  }
  if (!first) return null;
  const { line, mark } = first;
  const why = mark.includes('#') ? '栏宽不够，数字没有印出来，公开的表上也看不到' : '科学记数法：栏宽不够，只印出了前几位，公开的表上也看不到准确的数';
  return `${placeWords(sourceLocation('', line))}${count > 1 ? `等 ${count} 处` : ''}的数字印成了「${mark}」（${why}）`;
}

/** a line that is one or two digits from its first column: a page number; a 类 code standing alone on its line (208) has three */
const strayNumber = (line: TokenLine) => /^\d{1,2}\s*$/.test(line.source.text);

/**
 * Why a table read without complaint is still not what was printed, or null: it runs onto a page
 * not read (what was read of it would be checked as if whole), or nothing of it was read and a
 * picture stands under its title (the grid was pasted as one, not left empty).
 */
function notWhole(table: Table, region: TableRegion, pictured: (region: TableRegion) => PagePicture | null): string | null {
  if (region.cutAt !== undefined) return `表的后续印在第 ${region.cutAt} 页，该页未能读取，读到的不全`;
  if (table.rows.length || table.emptyNote || table.saidEmpty) return null;
  const picture = pictured(region);
  return picture ? `表格印成了图片（第 ${picture.page} 页），其中的数字无法读取` : null;
}

/** at least this many of a table's amounts, and this share of its lines of amounts, alone on their lines */
const ALONE_AMOUNTS = 4;
const ALONE_SHARE = 0.3;

/**
 * Text extracted without its layout (pdftotext without -layout, a copy from a PDF viewer) breaks
 * a table's rows apart: each cell on a line of its own, or a column's amounts run together on one
 * line, far from the names they belong to; which row and column an amount stands in is lost.
 * Such a table is said unread, never read by guess (its amounts would be checked against the
 * wrong rows). Only text is asked: a PDF's lines are built by position, and an amount alone on
 * its line there is one beside a wrapped name, which the table readers place.
 */
function layoutLost(region: TableRegion, spec: TableSpec, blocks: boolean): string | null {
  if (cellsKept(region.lines)) return null;
  let lines = 0;
  let alone = 0;
  const printedLines = region.lines.map((line) => line.tokens.filter((t) => t.kind !== 'blank')).filter((p) => p.length);
  // 栏次 numbers one to a line (1 / 2 / 3): the header's cells each on a line of their own
  if (countsOnAlone(printedLines)) return LAYOUT_LOST;
  // each row a block of lines, its figures one to a line (MuPDF's text, `blocks`): which row is still known
  for (const [k, printed] of printedLines.entries()) {
    if (spec.layout === 'code' && rowsRunTogether(printed)) return ROWS_RUN_TOGETHER;
    // amounts, not codes nor 栏次 numbers
    const amounts = printed.filter((t) => t.kind === 'number' && !t.num!.integer).length;
    // a column's amounts run together: more than the table has columns, many times over
    if (amounts > 2 * Math.max(2, spec.columns.length)) return LAYOUT_LOST;
    // …or each cell on a line of its own: an amount, or whole numbers on lines one after another
    // (an empty table's 栏次 numbers and zeros, 1 / 2 / 3 / 0 / 0, which a row of it would take for
    // its figures); a 行次 alone between a wrapped name's lines is the name's row's
    const wholeAlone = loneNumber(printed) && !amounts && (loneNumber(printedLines[k - 1]) || loneNumber(printedLines[k + 1]));
    if (!amounts && !wholeAlone) continue;
    lines++;
    if (loneNumber(printed) || endsRowOpensNext(printed)) alone++;
  }
  return !blocks && alone >= ALONE_AMOUNTS && alone >= ALONE_SHARE * lines ? LAYOUT_LOST : null;
}

/** a line's printed tokens that are one number alone */
const loneNumber = (printed: Token[] | undefined) => printed?.length === 1 && printed[0].kind === 'number';

/**
 * A line that opens with an amount and goes on with a code (450.03 30201, 1,542.87 302): the end
 * of one row's cells and the start of the next row's on a line, as text read a cell at a time
 * sets a sheet's cells (Calc through pdftotext). A row's line opens with its code or its name.
 */
function endsRowOpensNext(printed: Token[]): boolean {
  return printed[0].kind === 'number' && !printed[0].num!.integer && printed.slice(1).some((t) => t.kind === 'number' && t.num!.integer && /^\d{3,7}$/.test(t.text));
}

/**
 * A table's 栏次 counted 1, 2, 3 … on lines one after another, each number alone on its line,
 * after the header's other words (基本支 / 出 / 项目支出 / 1 / 2 / 3): its cells each stood on a
 * line of their own. Right under the word 栏次 they are a repeated header copied a cell to a
 * line, which the readers pass over (builder.ts numberingGoesOn).
 */
function countsOnAlone(printedLines: Token[][]): boolean {
  let next = 1;
  for (const [k, printed] of printedLines.entries()) {
    const lone = loneNumber(printed) && printed[0].num!.integer ? printed[0].num!.value : NaN;
    const afterWord = k > 0 && !/^栏次$/.test(printedLines[k - 1].map((t) => t.text).join(''));
    if (lone === next && (next > 1 || afterWord)) next++;
    else next = lone === 1 && afterWord ? 2 : 1;
    if (next > COUNTED_ALONE) return true;
  }
  return false;
}

/** 栏次 numbers alone on their lines, counted on from 1, that say the table's layout was lost */
const COUNTED_ALONE = 3;

/**
 * A coded row's line that goes on past its figures into the 合计 row (PDFium's page text of
 * WPS PDFs: 221 03 99 其他城乡社区住宅支出 2,177,200 2,177,200 合计 164,978,640 …, or a whole
 * table on one line): its rows ran together, and where one ends among the figures is not said.
 */
function rowsRunTogether(printed: Token[]): boolean {
  // a coded row's line (a two-sided table's line, 总计 32 29,210.05 总计 64 …, may fall in the region)
  if (printed[0]?.kind !== 'number' || !printed[0].num!.integer) return false;
  return printed.some((t, i) => i > 0 && t.kind === 'label' && TOTAL_WORD_RE.test(t.text) && printed[i - 1].kind === 'number');
}

const TOTAL_WORD_RE = /^(合计|总计)$/;
const ROWS_RUN_TOGETHER = '各行连成了一行（提取的文字没有在行末断开，合计行接在其他行的数字之后），分不清各数字属于哪一行';

const LAYOUT_LOST = '提取的文本没有保留表格的版面（单元格各占一行，或一栏的数字连成一行，如 pdftotext 未加 -layout），分不出各数字属于哪一行哪一栏；请检查 PDF，或按版面提取文本（pdftotext -layout）';

/** why a table read lacks the rows its kind ends with (endRows), or null: its last rows were not printed */
function endsMissing(table: Table, spec: TableSpec): string | null {
  const ends = spec.endRows ?? [];
  if (!ends.length || !table.rows.length || table.rows.some((r) => ends.includes(r.key))) return null;
  const pages = table.rows.map((r) => r.loc.page).filter((p): p is number => p !== undefined);
  const upTo = pages.length ? `读到第 ${Math.max(...pages)} 页为止，` : '';
  return `表末的${ends.join('、')}行没有读到（${upTo}其后的行没有印出）`;
}

/** a table cell printed `-` (a dash of any width) states nothing: an empty amount, like a blank */
function dashesAsBlanks(line: TokenLine): TokenLine {
  if (!line.tokens.some((t) => t.kind === 'label' && DASH_RE.test(t.text))) return line;
  const num = { value: 0, decimals: 0, integer: true, percent: false };
  return { ...line, tokens: line.tokens.map((t) => (t.kind === 'label' && DASH_RE.test(t.text) ? { ...t, kind: 'number' as const, num } : t)) };
}

/** a table found and named but not modelled: listed, with why, and left out of every check */
function unreadTable(spec: TableSpec, region: TableRegion, file: string, catalog: Catalog, reason: string): Table {
  return {
    id: spec.id,
    kindName: spec.title,
    printedId: region.printedId,
    title: region.title ?? spec.title,
    titleKinds: region.title ? kindsByTitle(catalog, region.title) : [],
    unread: reason,
    reading: { unplaced: 0, dropped: 0 },
    layout: 'unread',
    unit: region.unit,
    columns: [],
    columnSource: 'catalog',
    rows: [],
    empty: false,
    emptyNote: null,
    saidEmpty: null,
    noteOfOther: null,
    nilInNarrative: null,
    years: [],
    loc: sourceLocation(file, region.anchor),
  };
}
