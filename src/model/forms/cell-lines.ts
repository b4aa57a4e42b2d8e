/**
 * A project form's indicator rows in text that sets each cell on a line of its own and parts rows
 * with a blank line (MuPDF's `mutool draw -F txt`, PyMuPDF's `get_text()`): its blocks are its rows.
 * A blank cell is left out, so a row's words cannot close on its first two lone figures (an 实际值
 * printed as a bare number, 0 or 30, would be taken for the 分值): the row is read when its block
 * ends, its 分值 and 得分 being the last two figures standing each on a line, one under the other.
 */
import type { SourceLine } from '../../ingest/text.js';
import { tokenizeLine, type Token } from '../../layout/tokenize.js';
import { laidOut } from './row-words.js';
import { wrappedHeaderLine } from './header-order.js';
import { SCORE_NAMES, WEIGHT_NAMES } from './form-vocabulary.js';
import { PLACEHOLDER } from './funds.js';

/** a header set a name to a line has most of its names alone on their lines (text read line by line across wraps a few) */
const MIN_NAME_LINES = 3;
const WEIGHT = new RegExp(WEIGHT_NAMES);
const SCORE = new RegExp(SCORE_NAMES);

/**
 * Whether the indicator header at lines[k] is set in blocks of lines, a name (or a few) to a line,
 * three names at least alone on theirs, down to 分值 and 得分, and ends in a blank line: text read
 * block by block, a cell to a line.
 * Text that reads a table column by column (pdftotext without -layout) also gives a name a line,
 * but sets each column's cells under its name, never three lines of names one under another;
 * text laid out in columns (pdftotext -layout) parts its names with runs of spaces.
 */
export function cellPerLineHeader(lines: SourceLine[], k: number): boolean {
  const words: string[] = [];
  let single = 0;
  let j = k;
  for (; j < lines.length; j++) {
    const text = lines[j].text;
    if (!text.trim()) continue;
    if (laidOut(text) || !wrappedHeaderLine(text)) break;
    const own = text.trim().split(/\s+/);
    words.push(...own);
    if (own.length === 1) single++;
  }
  const names = words.join('');
  const weightAt = names.search(WEIGHT);
  const scoreAt = names.search(SCORE);
  // …its first name alone on its line: text read line by line across the header sets 一级指标 二级指标 三级指标 on one
  return lines[k].text.trim() === '一级指标' && single >= MIN_NAME_LINES && weightAt >= 0 && scoreAt > weightAt && (j >= lines.length || !lines[j - 1].text.trim());
}

/**
 * The 分值 and 得分 of a row's block: the last two figures standing alone on lines one under the
 * other (the 实际值 may be a third above them), the 得分 perhaps with its 未完成原因 run into its
 * line; else its last two figures, next to each other, where nothing but words follows them (a
 * 分值 run into the 实际值's line: `=2592 人次 8` / `8`). Null where the block prints neither (a
 * section's header alone, or a row without its 得分).
 */
export function blockScores(tokens: Token[]): { weight: Token; score: Token } | null {
  const byLine = new Map<number, Token[]>();
  for (const t of tokens) byLine.set(t.line, [...(byLine.get(t.line) ?? []), t]);
  const upright = uprightLabelLines(byLine);
  // a figure opening its line, alone or (得分 only) with words after it
  const figure = (n: number, words: boolean) => {
    if (upright.has(n)) return null;
    const on = byLine.get(n);
    const ok = on && isScore(on[0]) && (words ? on.slice(1).every((t) => t.kind === 'label') : on.length === 1);
    return ok ? on[0] : null;
  };
  const lineNumbers = [...byLine.keys()];
  for (let i = lineNumbers.length - 1; i > 0; i--) {
    const score = figure(lineNumbers[i], true);
    const weight = lineNumbers[i - 1] === lineNumbers[i] - 1 ? figure(lineNumbers[i - 1], false) : null;
    if (score && weight) return { weight, score };
  }
  const figures = tokens.filter((t) => t.kind === 'number' && !upright.has(t.line));
  const [weight, score] = figures.slice(-2);
  return figures.length >= 2 && isScore(weight) && isScore(score) && tokens[tokens.indexOf(weight) + 1] === score ? { weight, score } : null;
}

/**
 * The lines of a label set down its cell, a character a line (产 / 出 / 指 / 标 / （ / 5 / 0 / 分 / ）):
 * runs of lines of one character each, three of them at least not digits (a row's 优 / 5 / 5 is its
 * 实际值, 分值 and 得分). Its digits are no figures.
 */
function uprightLabelLines(byLine: Map<number, Token[]>): Set<number> {
  const single = (n: number) => {
    const on = byLine.get(n);
    return on?.length === 1 && Array.from(on[0].text).length === 1 ? on[0].text : null;
  };
  const out = new Set<number>();
  let run: number[] = [];
  const close = () => {
    if (run.filter((n) => !/\d/.test(single(n)!)).length >= 3) for (const n of run) out.add(n);
    run = [];
  };
  for (const n of byLine.keys()) {
    if (single(n) === null || (run.length && n !== run[run.length - 1] + 1)) close();
    if (single(n) !== null) run.push(n);
  }
  close();
  return out;
}

/** a figure that may be a 分值 or 得分: no rate, and not over 100 */
const isScore = (t: Token) => t.kind === 'number' && !t.num!.percent && t.num!.value <= 100;

/**
 * The tokens of the lines under lines[k] that print one figure each (or, where `placeholders`, a
 * placeholder: 500 / 520 / — / 95%), down to the first line that does not
 */
function loneFiguresBelow(lines: SourceLine[], k: number, placeholders: boolean): Token[] {
  const out: Token[] = [];
  for (let j = k + 1; j < lines.length; j++) {
    const printed = tokenizeLine(lines[j]).tokens.filter((t) => t.kind !== 'blank');
    if (printed.length !== 1 || !(printed[0].kind === 'number' || (placeholders && PLACEHOLDER.test(printed[0].text)))) break;
    out.push(printed[0]);
  }
  return out;
}

/**
 * A funds row's figures set a cell to a line under its label (年度资金总额 / 500 / 520 / 494 / 10 /
 * 95% / 9.5), a blank line after them: their tokens, one a line, where there are as many as the
 * header has columns (a blank cell is left out, so fewer cannot be placed); else none.
 */
export function figuresBelow(lines: SourceLine[], k: number, columns: number): Token[] {
  const below = loneFiguresBelow(lines, k, true);
  const after = lines[k + 1 + below.length];
  return below.length === columns && (!after || !after.text.trim()) ? below : [];
}

/** the lone figures under lines[k] (总分 / 100 / 96), one a line, down to the first line that is not one */
export function figureLinesBelow(lines: SourceLine[], k: number): Token[] {
  return loneFiguresBelow(lines, k, false);
}
