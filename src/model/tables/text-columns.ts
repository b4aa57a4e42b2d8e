/**
 * A 总表's [项目 金额] pairs side by side (收入 | 支出 by function | 支出 by purpose), and text laid
 * out as printed (pdftotext -layout), whose character columns stand in for positions on a page.
 */
import type { Token, TokenLine } from '../../layout/tokenize.js';

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
