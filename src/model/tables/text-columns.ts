/**
 * A 总表's [项目 金额] pairs side by side (收入 | 支出 by function | 支出 by purpose), and text laid
 * out as printed (pdftotext -layout), whose character columns stand in for positions on a page.
 */
import { width } from '../../common/width.js';
import type { PositionedPiece } from '../../ingest/text.js';
import type { Token, TokenLine } from '../../layout/tokenize.js';
import { overlap } from './geometry.js';

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

/** most gaps between the words of the table's lines are runs of two or more spaces: laid out as printed */
export function isAlignedText(lines: TokenLine[]): boolean {
  let wide = 0;
  let all = 0;
  for (const l of lines) {
    for (const m of l.source.text.trim().matchAll(/ +/g)) {
      all++;
      if (m[0].length >= 2) wide++;
    }
  }
  return all >= 4 && wide >= 0.7 * all;
}


/** how a 总表's item names end when they are whole (a wrapped one ends 管理 / 机动 / 预 …) */
export const WHOLE_NAME_RE = /(收入|支出|结余|资金|经费|拨款|结转|分配)$/;

/** a 总表 name that totals or carries over (合计, 小计, 年初结转和结余…): the 支出 side's own, never a second breakdown's */
export const TOTAL_OR_CARRY_RE = /(合计|总计|小计)$|结转|结余/;

/**
 * A word of aligned text as the span it covers on the page, in character columns. pdftotext
 * -layout starts each word at the column its place on the page gives, but writes a CJK character
 * in one column where the page gives it the width of two digits: so a word ends where it starts
 * plus its width with CJK characters counted double. A label joined from letters spread with
 * spaces (合  计) ends where its last word does.
 */
export function textSpan(t: Token, lineText: string): PositionedPiece {
  const printed = lineText.slice(t.column - 1, t.endColumn - 1);
  const last = /[^ \u3000\u00a0]+$/.exec(printed)?.[0] ?? t.text;
  return { text: t.text, x0: t.column, x1: t.endColumn - last.length + width(last) };
}

/**
 * A header line of aligned text as the spans of its cells' words, parted by runs of three or
 * more spaces: a line's tokens join every word a few spaces apart (公务接待费 … 数, two cells'
 * words on one line), where a cell's own words stand at most two spaces apart (合  计). Numbers
 * are left out.
 */
export function alignedHeaderSpans(line: TokenLine): PositionedPiece[] {
  const spans: PositionedPiece[] = [];
  for (const m of line.source.text.matchAll(/[^ \u3000]+(?:[ \u3000]{1,2}[^ \u3000]+)*/g)) {
    if (/^[\d,.\-]+$/.test(m[0])) continue;
    const start = m.index! + 1;
    const last = /[^ \u3000]+$/.exec(m[0])![0];
    spans.push({ text: m[0].replace(/[ \u3000]/g, ''), x0: start, x1: start + m[0].length - last.length + width(last) });
  }
  return spans;
}

/**
 * A header line of aligned text as the spans of its words. Two cells' names printed one space
 * apart (政府性基金预算 国有资本经营预算, where pdftotext had no room for more) are one token;
 * words of two characters or more set one space apart are taken as cells of their own (a
 * letter-spaced name, 合 计, has one-character words and stays whole).
 */
export function headerSpans(line: TokenLine): PositionedPiece[] {
  return line.tokens.filter((t) => t.kind === 'label').flatMap((t) => spacedWords(t, line.source.text) ?? [textSpan(t, line.source.text)]);
}

function spacedWords(t: Token, lineText: string): PositionedPiece[] | null {
  const printed = lineText.slice(t.column - 1, t.endColumn - 1);
  const words = [...printed.matchAll(/[^ \u3000\u00a0]+/g)];
  if (words.length < 2 || words.some((w) => [...w[0]].length < 2) || /[ \u3000\u00a0]{2}/.test(printed)) return null;
  return words.map((w) => {
    const x0 = t.column + w.index!;
    return { text: w[0], x0, x1: x0 + width(w[0]) };
  });
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
    const span = { x0: t.column, x1: t.endColumn };
    const overlaps = columns.map((c) => overlap(c, span));
    const best = Math.max(...overlaps);
    const at = overlaps.indexOf(best);
    if (best === 0 || overlaps.lastIndexOf(best) !== at || at <= after || shared.some((z) => overlap(z, span) > 0)) return null;
    after = at;
    placed.set(columns[at].key, t);
  }
  return placed;
}
