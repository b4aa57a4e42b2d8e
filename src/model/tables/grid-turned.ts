/**
 * A 三公 grid printed turned: a row per item (合计, 1.因公出国（境）费 …), a column per group (预算数
 * 决算数, or one unnamed), as counties publishing the table alone print it.
 */
import type { PositionedPiece } from '../../ingest/text.js';
import { columnLabel, type Token, type TokenLine } from '../../layout/tokenize.js';
import { blankCell, numberCell, rateCell, tokenLocation } from '../cells.js';
import type { Cell, Column, Row, Unit } from '../types.js';
import { groupPlacer, halfwayFrom } from './geometry.js';
import { ITEMS_HEADING, joinWrappedNames, squeezed } from './header.js';
import { changeFigures, reasonsEdge } from './grid-changes.js';
import { lineLocation, stripEnumeration } from './lines.js';

/** what the grid's builder knows that reading it turned needs */
export interface TurnedGrid {
  groups: string[];
  /** the lines from the first row of figures on */
  lines: TokenLine[];
  file: string;
  unit: Unit | null;
  headerRows: PositionedPiece[][];
  /** read from a page (pieces with positions), not text */
  positioned: boolean;
  groupWords(): string[];
  columnNamed(stack: string[]): Column | null;
  /** text: the header's words, line by line */
  headerText: string[];
  /** text: the header's labels, line by line */
  headerLabels: string[][];
  /** the column of an item's printed change (its amount, or its rate) where the kind has one */
  changeColumn(item: string, rate: boolean): Column | null;
}

export const cleanLabel = (text: string) => columnLabel(text).replace(/[“”"]/g, '');

/** an item's name as a row prints it, without its number (1.因公出国（境）费, （1）公务用车购置费) */
export const itemName = (text: string) => stripEnumeration(cleanLabel(text)).replace(/^[（(]\d+[）)]/, '');

/** a line of the grid read as an item: its name and the cells after it */
export type TurnedItem = { line: TokenLine; name: string; values: Token[] };

/**
 * The grid printed turned: a row per item (合计, 1.因公出国（境）费, （1）公务用车购置费 …), a
 * column per group (预算数 决算数, or one unnamed: the last group). Each figure is named by its
 * row's item and the group words the header prints, left to right; on a page, a row that prints
 * fewer figures than groups (因公出国（境）费 20, its 决算数 left blank) by where they stand.
 * Null where fewer than two rows name an item, or where a figure names no column of its own:
 * the grid is then read as one row, or said unread where more rows print figures.
 */
export function turnedRows(g: TurnedGrid, items: TurnedItem[]): Row[] | null {
  const groups = g.groups;
  const printed = items.filter((x) => x.values.some((t) => t.kind === 'number'));
  if (printed.length < 2 || items.some((x) => !g.columnNamed([x.name]))) return null;
  // the header's rows with the names wrapped in their cells joined, read by each of the steps below
  const joined = joinWrappedNames(g.headerRows);
  const pair = lastYearPair(g, joined);
  const spans = g.positioned ? groupSpans(g, joined) : [];
  const words = g.groupWords();
  const named = pair ? [pair.group] : spans.length > words.length ? spans.map((s) => s.word) : words.length ? words : groups.slice(-1);
  const place = spans.length === named.length && named.length > 1 ? groupPlacer(printed.map((x) => x.values), spans) : null;
  const funds = pair ? (values: Token[]) => values : named.length === 1 ? groupFigures(g, joined) : fundsUnderEachGroup(g, joined, named.length);
  const changes = changeFigures(g.positioned, g.headerRows, g.headerLabels, pair ? 2 : named.length, printed.map((x) => x.values));
  const thisYear = pair ? thisYearFigure(pair, printed.map((x) => changes(x.values)?.years ?? [])) : (values: Token[]) => values;
  const ownGroup = (values: Token[]) => {
    const own = changes(values);
    const year = own && thisYear(own.years);
    const figures = year && funds(year);
    return figures && { figures, changes: own.changes };
  };
  const cells: Record<string, Cell> = Object.create(null);
  const loc = lineLocation(g.file, items[0].line);
  for (const item of items) {
    const { line, name } = item;
    const own = ownGroup(item.values);
    if (!own) return null;
    const values = own.figures;
    for (const { rate, token } of own.changes) {
      const column = g.changeColumn(name, rate);
      if (column && !(column.key in cells)) cells[column.key] = rate ? rateCell(g.file, token) : numberCell(g.file, token, g.unit);
    }
    // a row that prints nothing is blank in every group; else one value a group, in order, or by place
    const numbers = values.filter((t) => t.kind === 'number');
    const slots = numbers.length && numbers.length < named.length && place ? place(numbers) : values.length > named.length || (values.length < named.length && numbers.length) ? null : values;
    if (!slots) return null;
    for (const [i, group] of named.entries()) {
      const column = g.columnNamed([group, name]);
      if (!column || column.key in cells) return null;
      const t = slots[i];
      cells[column.key] = t?.kind === 'number' ? numberCell(g.file, t, g.unit) : blankCell(t ? tokenLocation(g.file, t) : lineLocation(g.file, line), g.unit);
    }
  }
  return [{ key: '合计', name: '合计', kind: 'total', cells, unplaced: [], loc }];
}

/**
 * Columns after the one group's that split it by source of funds (其中：公共预算财政拨款, or 公共财政预算拨款 |
 * 政府性基金预算拨款 | 国有资本经营预算拨款): their figures are no item's of the grid. A row's own
 * figures are those left of the first such column on a page, the first in text (in tab-separated
 * text, the first cell); null where a row prints more figures than the columns, or the header
 * names none or only one without its 其中 (a caption over the whole grid may name a fund too).
 */
function groupFigures(g: TurnedGrid, joined: PositionedPiece[][]): (values: Token[]) => Token[] | null {
  // the words as printed (a label drops its 其中); a name wrapped in its cell (其中：公共预算财 / 政拨款) joined
  const funds = (rows: PositionedPiece[][]) => rows.flat().filter((p) => FUND_COLUMN.test(squeezed(p.text)));
  const own = funds(g.headerRows);
  const rows = own.length ? g.headerRows : joined;
  const pieces = own.length ? own : funds(rows);
  const said = (found: string[]) => found.length > 1 || (found.length === 1 && found[0].startsWith('其中'));
  // text: a name wrapped over the header's lines (其中:一般公共 / 预算安排数) is read from the lines joined
  const inLines = g.headerText.flatMap((l) => squeezed(l).match(FUND_WORDS) ?? []);
  const words = g.positioned ? pieces.map((p) => squeezed(p.text)) : said(inLines) ? inLines : (squeezed(g.headerText.join('')).match(FUND_WORDS) ?? []);
  if (!said(words)) return (values) => values;
  // on a page, the funds' columns start halfway between the first fund's word and the word before it
  // (the items' heading and a group word spanning the group's columns aside): a figure starting
  // there or after is a fund's, however the figures align in their cells
  const first = Math.min(...pieces.map((p) => p.x0));
  const edge = halfwayFrom(first, rows.flat().filter((p) => p.x1 <= first && !ITEMS_HEADING.test(squeezed(p.text)) && !g.groups.includes(cleanLabel(p.text))));
  return (values) => {
    if (values.filter((t) => t.kind === 'number').length > 1 + words.length) return null;
    if (!g.positioned) return values.slice(0, 1);
    return values.filter((t) => t.x0 !== undefined && t.x0 < edge);
  };
}
/** a source of funds named in a header (一般公共预算, 政府性基金预算拨款, 国有资本经营预算) */
const FUND_NAME = /一般公共预算|政府性基金|国有资本经营/g;

/**
 * Each group split by source of funds (预算数: 合计 | 一般公共预算 | 政府性基金, and 决算数 likewise,
 * 巢湖市人民法院 2021): the header names k funds under each group and a 合计 over each, a row prints
 * groups × (1 + k) figures, and each group's own figure is the first of its run, its 合计. The
 * figures as printed where the header names no such funds; null where a row prints another count.
 */
function fundsUnderEachGroup(g: TurnedGrid, joined: PositionedPiece[][], groups: number): (values: Token[]) => Token[] | null {
  const text = squeezed(g.positioned ? joined.flat().map((p) => p.text).join('') : g.headerText.join(''));
  const k = (text.match(FUND_NAME) ?? []).length / groups;
  if (!Number.isInteger(k) || k < 1 || (text.match(/合计/g) ?? []).length !== groups) return (values) => values;
  return (values) => (values.length === groups * (1 + k) ? values.filter((_, i) => i % (1 + k) === 0) : null);
}

/**
 * 上年决算数 | 本年决算数 printed where the kind's groups are 预算数 | 决算数 (a final account's 三公 table
 * comparing two years, as 施甸 prints it): this year's figures are the group's; last year's are
 * no column the kind has, and are left out. The group, and on a page where each year's words
 * stand; null where the header prints no such pair.
 */
function lastYearPair(g: TurnedGrid, joined: PositionedPiece[][]): { group: string; lastFirst: boolean; xs: number[] } | null {
  const page = g.positioned ? textOfPieces(joined.flatMap((row) => [...row].sort((a, b) => a.x0 - b.x0))) : null;
  const text = page ? page.text : g.headerText.map(cleanLabel).join('');
  for (const group of g.groups) {
    if (g.groups.includes(`上年${group}`)) continue;
    const last = text.indexOf(`上年${group}`);
    const now = text.indexOf(`本年${group}`);
    if (last < 0 || now < 0) continue;
    const xs = page ? [last, now].sort((a, b) => a - b).map((i) => page.middle(i, `本年${group}`.length)) : [];
    return { group, lastFirst: last < now, xs };
  }
  return null;
}

/**
 * Each row's figure of this year, where it prints both years' (lastYearPair): by their order, or
 * its cell in tab-separated text; a row printing one, on a page by where it stands, in other text
 * not at all (which year's it is the text does not say: null)
 */
function thisYearFigure(pair: { lastFirst: boolean; xs: number[] }, rows: Token[][]): (values: Token[]) => Token[] | null {
  const own = pair.lastFirst ? 1 : 0;
  const place = pair.xs.length === 2 ? groupPlacer(rows, pair.xs.map((x) => ({ x }))) : null;
  return (values) => {
    // tab-separated: each year in its own cell, blank or printed
    if (values.some((t) => t.cell !== undefined)) return values.length === 2 ? [values[own]] : null;
    const numbers = values.filter((t) => t.kind === 'number');
    if (numbers.length === 0) return [];
    if (numbers.length === 2) return [numbers[own]];
    const slots = numbers.length === 1 && place ? place(numbers) : null;
    if (!slots) return null;
    return slots[own] ? [slots[own]] : [];
  };
}

const FUND_COLUMN = /^(其中[:：]?)?[^\d]{0,14}(拨款|安排数)$/;
const FUND_WORDS = /(其中[:：]?)?[^\d其拨数]{0,14}?(拨款|安排数)/g;

/**
 * The grid's lines read as items: each line's name and the cells after it, as far as the money
 * rows reach. On a page (or in text laid out as printed), a name wrapped in its cell is joined:
 * its last part on the line below the figures (其中:(1)公务用车运转 / 维护费), or its parts above and
 * below a line of figures set in the middle of the cell; and a line printing words only right of
 * where the figures start (a reason's prose wrapped in its cell) is no item's.
 */
export function turnedItems(g: TurnedGrid): TurnedItem[] {
  // on a page, a column of reasons' prose is no item's (its lines above and below a row's figures left out)
  const edge = g.positioned ? reasonsEdge(g.headerRows) : null;
  const lines = edge === null ? g.lines : g.lines.map((line) => ({ ...line, tokens: line.tokens.filter((t) => t.x0 === undefined || t.x0 < edge) }));
  const figuresFrom = g.positioned ? Math.min(...lines.flatMap((l) => l.tokens.filter((t) => t.kind === 'number' && t.x0 !== undefined).map((t) => t.x0!))) : Infinity;
  const read = lines.flatMap((line): ReadLine[] => {
    const label = line.tokens.find((t) => t.kind !== 'blank');
    if (!label) return [];
    // a line of figures alone: the middle of a cell whose name wraps around it (on a page only)
    if (label.kind !== 'label') return g.positioned ? [{ line, name: null, values: line.tokens.filter((t) => t.kind === 'number') }] : [];
    // tab-separated: every cell after the name, blank or printed; else the figures printed
    const values = line.tabbed ? line.tokens.filter((t) => t.cell! > label.cell! && t.kind !== 'label') : line.tokens.filter((t) => t.kind === 'number');
    // words alone right of where the figures start: no name of the items' column
    if (!values.length && label.x0 !== undefined && label.x0 >= figuresFrom) return [];
    return [{ line, name: itemName(label.text), values }];
  });
  // lines of figures alone that joined no name are left out
  const joined = g.positioned ? joinWrappedItems(read, (name) => g.columnNamed([name]) !== null) : read;
  const own = joined.filter((x): x is TurnedItem => x.name !== null);
  // tab-separated, a column no row prints in (2016年执行数 left empty beside 2017年预算数) holds nothing of the grid
  const printedCells = new Set(own.flatMap((x) => x.values.filter((t) => t.kind === 'number').map((t) => t.cell)));
  const items = own.map((x) => (x.line.tabbed ? { ...x, values: x.values.filter((t) => printedCells.has(t.cell)) } : x));
  // the money rows end at the first line that names no item and prints no figure (二、相关统计数, the
  // heading of the 说明 after the grid) or counts (1.因公出国（境）团组数（个） 0): what follows is not the grid's
  const end = items.findIndex((x) => !g.columnNamed([x.name]) && (!x.values.some((t) => t.kind === 'number') || COUNTED.test(x.name)));
  return end < 0 ? items : items.slice(0, end);
}

/** a line of the grid: an item, or (on a page) a line of figures alone, the middle of a cell whose name wraps around it */
type ReadLine = TurnedItem | { line: TokenLine; name: null; values: Token[] };

/**
 * A name that names no item, joined with the words of the line below where together they name
 * one: below its figures (公务用车运转 1007.23 … / 维护费), or around a line of figures alone
 * (公务用车运转维 / 1007.23 … / 护费).
 */
function joinWrappedItems(read: ReadLine[], names: (name: string) => boolean): ReadLine[] {
  const out: ReadLine[] = [];
  const words = (x: ReadLine | undefined) => (x && x.name !== null && !x.values.some((t) => t.kind === 'number') ? x.name : null);
  for (let i = 0; i < read.length; i++) {
    const x = read[i];
    if (x.name !== null && !names(x.name)) {
      const next = read[i + 1];
      const figures = next && next.name === null && !x.values.length ? next : null;
      const tail = words(figures ? read[i + 2] : next);
      if (tail !== null && names(x.name + tail)) {
        out.push({ line: (figures ?? x).line, name: x.name + tail, values: (figures ?? x).values });
        i += figures ? 2 : 1;
        continue;
      }
    }
    out.push(x);
  }
  return out;
}

/**
 * Where the header prints each group word (预算数, 决算数), left to right, found in the text of
 * its rows: a word may come as one piece or as a piece a character (预 算 数 set apart)
 */
function groupSpans(g: TurnedGrid, joined: PositionedPiece[][]): Array<{ word: string; x: number }> {
  const groups = g.groups;
  const spans: Array<{ word: string; x: number }> = [];
  for (const row of joined) {
    const { text, middle } = textOfPieces([...row].sort((a, b) => a.x0 - b.x0));
    for (const word of groups) {
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) spans.push({ word, x: middle(at, word.length) });
    }
  }
  return spans.sort((a, b) => a.x - b.x).filter((s, i, all) => all.findIndex((o) => o.word === s.word) === i);
}

/**
 * Pieces read as one text, left to right as given, each character knowing its piece: where a word
 * found in the text stands (the middle of the pieces it runs over)
 */
function textOfPieces(pieces: PositionedPiece[]): { text: string; middle: (at: number, length: number) => number } {
  let text = '';
  const owner: PositionedPiece[] = [];
  for (const p of pieces) {
    const t = cleanLabel(p.text);
    text += t;
    for (let k = 0; k < t.length; k++) owner.push(p);
  }
  return { text, middle: (at, length) => (owner[at].x0 + owner[at + length - 1].x1) / 2 };
}

/** a row that counts (团组数（个）, 公务用车保有量（辆）, 公务接待人数（人次）), not money */
const COUNTED = /[（(](个|人|人次|辆|批|批次|次)[)）]$/;

