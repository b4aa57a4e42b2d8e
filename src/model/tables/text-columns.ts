/**
 * A 总表's [项目 金额] pairs side by side (收入 | 支出 by function | 支出 by purpose), and text laid
 * out as printed (pdftotext -layout), whose character columns stand in for positions on a page.
 */
import { width } from '../../common/width.js';
import type { PositionedPiece } from '../../ingest/text.js';
import type { Token, TokenLine } from '../../layout/tokenize.js';
import type { Column } from '../types.js';
import { overlap } from './geometry.js';
import { namedColumns } from './header.js';
import { cellsKept } from './lines.js';

/** one pair's header cells: where its 项目 and its 金额 stand */
export interface ColumnGroup {
  label: number;
  amount: number;
}

/** the header's pairs, left to right: null unless there are two or more, each 项目 before its 金额 */
export function pairedGroups(labels: number[], amounts: number[]): ColumnGroup[] | null {
  const paired = labels.length >= 2 && labels.length === amounts.length && labels.every((x, i) => x < amounts[i] && (i === 0 || amounts[i - 1] < x));
  return paired ? labels.map((label, i) => ({ label, amount: amounts[i] })) : null;
}

/** a token of aligned text placed at its character columns, as a piece on a page is at its points */
export function atTextColumn(t: Token): Token {
  return { ...t, x0: t.column, x1: t.endColumn };
}

export function atTextColumns(line: TokenLine): TokenLine {
  return { ...line, tokens: line.tokens.map(atTextColumn) };
}

/** a line's tokens placed at their columns as displayed, a CJK character two wide */
export function atDisplayColumns(line: TokenLine): TokenLine {
  return {
    ...line,
    tokens: line.tokens.map((t) => {
      const x0 = width(line.source.text.slice(0, t.column - 1)) + 1;
      return { ...t, x0, x1: x0 + width(t.text) };
    }),
  };
}

/**
 * Whether aligned text lines its figures up as displayed (a CJK character two wide, as a text
 * editor or a table printer pads it) rather than character by character (pdftotext -layout, which
 * sets each character where the page has it): the right edges of the rows printing the most
 * figures vary less so.
 */
export function alignedByDisplay(lines: TokenLine[]): boolean {
  const numbers = (l: TokenLine) => l.tokens.filter((t) => t.kind === 'number');
  const most = Math.max(0, ...lines.map((l) => numbers(l).length));
  const full = lines.filter((l) => most >= 2 && numbers(l).length === most);
  const spread = (place: (l: TokenLine) => TokenLine) => {
    const edges = full.map((l) => numbers(place(l)).map((t) => t.x1!));
    return edges[0]?.reduce((sum, _, k) => sum + Math.max(...edges.map((e) => e[k])) - Math.min(...edges.map((e) => e[k])), 0) ?? 0;
  };
  return full.length >= 2 && spread(atDisplayColumns) < spread(atTextColumns);
}

/**
 * most gaps between the words of the table's lines are runs of two or more spaces: laid out as
 * printed (not an extractor's gap tabs read as spaces, whose width is the same at every gap)
 */
export function isAlignedText(lines: TokenLine[]): boolean {
  let wide = 0;
  let all = 0;
  for (const l of lines) {
    if (l.source.gapSpaced) continue;
    for (const m of l.source.text.trim().matchAll(/ +/g)) {
      all++;
      if (m[0].length >= 2) wide++;
    }
  }
  return all >= 4 && wide >= 0.7 * all;
}

/** text laid out as printed, with no positions and no tabs: character columns stand in for positions */
export function isTextAsPrinted(lines: TokenLine[]): boolean {
  return !cellsKept(lines) && isAlignedText(lines);
}


/** how a 总表's item names end when they are whole (a wrapped one ends 管理 / 机动 / 预 …) */
export const WHOLE_NAME_RE = /(收入|支出|结余|资金|经费|拨款|结转|分配)$/;

/** a 总表 name that totals or carries over (合计, 小计, 年初结转和结余…): the 支出 side's own, never a second breakdown's */
export const TOTAL_OR_CARRY_RE = /(合计|总计|小计)$|结转|结余/;

/** a cell's words in aligned text: words at most two spaces apart (合  计) */
const CELL_WORDS_RE = /[^ \u3000]+(?:[ \u3000]{1,2}[^ \u3000]+)*/g;
const FIGURE_RE = /^[\d,.\-]+$/;

/** words printed from character column `start` as the span they cover, CJK counted two wide */
function spanOf(printed: string, start: number): PositionedPiece {
  const last = /[^ \u3000]+$/.exec(printed)![0];
  return { text: printed.replace(/[ \u3000]/g, ''), x0: start, x1: start + printed.length - last.length + width(last) };
}

/**
 * A line's cells' words (CELL_WORDS_RE), a run cut again before each year that starts a word:
 * narrow cells set one space apart (2022年预算 2023年预算 2023年预算数) are cells of their own.
 * Each with where it starts in the line (0-based).
 */
function cellWords(text: string): Array<{ text: string; at: number }> {
  return [...text.matchAll(CELL_WORDS_RE)].flatMap((m) => {
    let at = m.index!;
    return m[0].split(/ (?=\d{4} ?年)/).map((part) => {
      const word = { text: part, at };
      at += part.length + 1;
      return word;
    });
  });
}

/**
 * A header line of aligned text as the spans of its cells' words, parted by runs of three or
 * more spaces: a line's tokens join every word a few spaces apart (公务接待费 … 数, two cells'
 * words on one line), where a cell's own words stand at most two spaces apart (合  计). Numbers
 * are left out. Counted by character (pdftotext -layout): names one space apart are parted too
 * (headerSpans), each as wide as printed up to the next; display: counted as displayed, a CJK
 * character two wide (alignedByDisplay).
 */
export function alignedHeaderSpans(line: TokenLine, display = false): PositionedPiece[] {
  if (!display) return clampedSpans(headerSpans(line));
  const spans: PositionedPiece[] = [];
  for (const w of cellWords(line.source.text)) {
    if (FIGURE_RE.test(w.text)) continue;
    // as displayed: from the width of what precedes it, as wide as it shows
    const start = width(line.source.text.slice(0, w.at)) + 1;
    spans.push({ text: w.text.replace(/[ \u3000]/g, ''), x0: start, x1: start + width(w.text) });
  }
  return spans;
}

/**
 * Spans of words set character by character, each as wide as printed at most up to the next
 * word, which pdftotext sets where the page has it (公务用车购 reaches no further than the
 * 公务用车运 printed beside it).
 */
function clampedSpans(spans: PositionedPiece[]): PositionedPiece[] {
  return spans.map((s, i) => (i + 1 < spans.length ? { ...s, x1: Math.max(s.x0 + 1, Math.min(s.x1, spans[i + 1].x0 - 1)) } : s));
}

/**
 * A header line of aligned text as the spans of its column names: as alignedHeaderSpans, and
 * names printed one space apart (政府性基金预算 国有资本经营预算, where pdftotext had no room for
 * more) apart: words of two characters or more one space apart are cells of their own (a
 * letter-spaced name, 合 计, has one-character words and stays whole, as does 2022 年预算).
 */
export function headerSpans(line: TokenLine): PositionedPiece[] {
  const spans: PositionedPiece[] = [];
  for (const cell of cellWords(line.source.text)) {
    if (FIGURE_RE.test(cell.text)) continue;
    const start = cell.at + 1;
    const words = [...cell.text.matchAll(/[^ \u3000]+/g)];
    // a year set apart from its 年 (2022 年预算) is one name's words
    const names = words.length > 1 && !/[ \u3000]{2}|\u3000/.test(cell.text) && words.every((w) => [...w[0]].length >= 2 && !/^\d+$/.test(w[0]));
    if (names) spans.push(...words.map((w) => spanOf(w[0], start + w.index!)));
    else spans.push(spanOf(cell.text, start));
  }
  return spans;
}

/**
 * A row's figures in aligned text that omits blank cells, each in the column whose header it
 * overlaps most. Only a word's left edge is sure in such text: pdftotext -layout ends a figure
 * where it is printed, but a text that writes each character, CJK too, in one column (pdfplumber's
 * layout mode) ends words short, and a header counted two columns a CJK character may reach past
 * where the next begins; so a figure goes by overlap, not by where it ends. Null unless that is
 * unambiguous: each figure under one column's header more than under any other and clear of
 * where two headers' spans run into each other, the figures in the columns' order, no two in one
 * column. `columns`: value columns with their header spans, left to right.
 */
export function placeBySpans(printed: Token[], columns: Array<{ key: string; x0: number; x1: number }>): Map<string, Token> | null {
  // where neighbouring headers' spans run into each other, no figure can be told apart
  const shared = columns.slice(1).map((c, i) => ({ x0: c.x0, x1: Math.min(c.x1, columns[i].x1) }));
  const placed = new Map<string, Token>();
  let after = -1;
  for (const t of printed) {
    const at = mostUnder(t, columns);
    if (at < 0 || at <= after || shared.some((z) => overlap(z, { x0: t.column, x1: t.endColumn }) > 0)) return null;
    after = at;
    placed.set(columns[at].key, t);
  }
  return placed;
}

/**
 * Aligned text whose figures stand off their headers (a short name centred over a wide column,
 * its figures set flush right): where each column's figures end, as the table's rows show it. A
 * column's right edge is the end most of the figures standing wholly within it share (two at
 * least): from where its header starts to where the next one's does. Where figures are not set
 * flush right (pdfplumber's layout text, a character a column, ends a wide figure later than a
 * narrow one), a wide figure runs past the next header's start and sets no edge there.
 * `columns`: value columns with where their headers start, left to right.
 */
export function rightEdges(rows: Token[][], columns: Array<{ key: string; x0: number }>): Map<string, number> {
  const edges = new Map<string, number>();
  const figures = rows.flat();
  columns.forEach((c, i) => {
    const next = columns[i + 1]?.x0 ?? Infinity;
    const ends = new Map<number, number>();
    for (const t of figures) if (within(t, c.x0, next)) ends.set(t.endColumn, (ends.get(t.endColumn) ?? 0) + 1);
    let best = 1;
    for (const [end, n] of ends) {
      if (n <= best) continue;
      best = n;
      edges.set(c.key, end);
    }
  });
  return edges;
}

/**
 * Whether aligned text's header names stand over the rows' figures: no fewer rows print a figure
 * under the total column's name (wholly from its start to the next name's, or under it more than
 * under any other name) than print figures under other names only, as a row's total is printed
 * whenever its parts are. A header whose letter-spaced names pdftotext closed up (本年收入合计
 * 财政拨款收入 …, one space apart over columns twice as wide) names its columns left of their
 * figures: the totals then stand under the next name, and placing by the names would set each
 * row's figures a column to the right. Rows whose figures stand under no name (another table's
 * lines taken in) say nothing. True where no column totals.
 */
export function namesOverFigures(rows: Token[][], columns: Array<{ key: string; x0: number; x1: number }>, totalKey: string | undefined): boolean {
  const at = columns.findIndex((c) => c.key === totalKey);
  if (at < 0) return true;
  const next = columns[at + 1]?.x0 ?? Infinity;
  const under = (t: Token) => (within(t, columns[at].x0, next) ? at : mostUnder(t, columns));
  let total = 0;
  let others = 0;
  for (const row of rows) {
    const columnsUnder = row.map(under);
    if (columnsUnder.includes(at)) total++;
    else if (columnsUnder.some((c) => c >= 0)) others++;
  }
  return total >= others;
}

/** the column whose header span a figure overlaps more than any other's, or -1 (none, or two alike) */
function mostUnder(t: Token, columns: Array<{ x0: number; x1: number }>): number {
  const overlaps = columns.map((c) => overlap(c, { x0: t.column, x1: t.endColumn }));
  const best = Math.max(...overlaps);
  const at = overlaps.indexOf(best);
  return best > 0 && overlaps.lastIndexOf(best) === at ? at : -1;
}

/** a figure standing wholly from a header's start to the next's */
const within = (t: Token, from: number, to: number) => t.column >= from && t.endColumn <= to;

/**
 * A row's figures each in the column whose right edge it ends at, standing within it (rightEdges):
 * the figures in the columns' order, no two in one. Null unless every figure so stands: a row
 * pdftotext closed up ends its figures elsewhere.
 */
export function placeByEdges(printed: Token[], columns: Array<{ key: string; x0: number }>, edges: Map<string, number>): Map<string, Token> | null {
  const placed = new Map<string, Token>();
  let after = -1;
  for (const t of printed) {
    const at = columns.findIndex((c, i) => edges.get(c.key) === t.endColumn && within(t, c.x0, columns[i + 1]?.x0 ?? Infinity));
    if (at <= after) return null;
    after = at;
    placed.set(columns[at].key, t);
  }
  return placed;
}

/**
 * Aligned text: the value columns its header names, left to right, told by where the names stand
 * (a name wrapped over lines, 事业单位 / 经营收入, joined), where a header line's words alone
 * cannot tell them. Each column named exactly, the total among them; the rows' figures confirm
 * the names (below). Null otherwise. `header`: the header lines' spans (headerSpans).
 */
export function columnsBySpans(spec: Column[], header: PositionedPiece[][], rows: Token[][]): Column[] | null {
  if (!rows.some((r) => r.length)) return null;
  const found = namedColumns(spec, header, header.flat(), true);
  const total = spec.find((c) => c.total);
  if (found.size < 2 || (total && !found.has(total.key))) return null;
  const spans = [...found].map(([key, s]) => ({ key, x0: s.x0, x1: s.x1 }));
  // the names are confirmed where the rows' figures stand under them (each under one name, no two
  // under the same; one row at least). A row printing a figure for every named column reads by
  // order wherever pdftotext set it (it closes up the gaps of a page's rows when they run long);
  // a row that does neither (one in ten at most) keeps its parts unplaced
  const underNames = (row: Token[]) => {
    const under = row.map((t) => spans.filter((s) => overlap(s, { x0: t.column, x1: t.endColumn }) > 0));
    return under.every((u) => u.length === 1) && new Set(under.map((u) => u[0].key)).size === row.length;
  };
  const printing = rows.filter((r) => r.length).map((r) => ({ full: r.length === spans.length, under: underNames(r) }));
  const confirmed = printing.filter((r) => r.full || r.under).length;
  if (!printing.some((r) => r.under) || confirmed < 0.9 * printing.length) return null;
  return spec
    .filter((c) => found.has(c.key))
    .sort((a, b) => found.get(a.key)!.x0 - found.get(b.key)!.x0)
    .map((c, i) => ({ ...c, index: i + 1 }));
}
