/**
 * Tab-separated tables (a sheet saved as text) that print a code in cells of its own: 类 | 款 | 项
 * (`208⇥05⇥05⇥机关事业单位基本养老保险缴费支出⇥…`), or 类 | 款 for economic codes. The readers take a
 * row as [code, name, values…]; here the code cells of every line of the table become one cell,
 * so that names and figures stand in the cells they would with the code printed whole.
 * On a page, positions do this line by line (tokenize.ts joinSplitCode).
 */
import type { Token, TokenLine } from './tokenize.js';

const CLASS_CODE_RE = /^[1-9]\d{2}$/;
const SUB_CODE_RE = /^\d{1,2}$/;

function cellTokens(line: TokenLine, cell: number): Token[] {
  return line.tokens.filter((t) => t.cell === cell);
}

const isBlankCell = (toks: Token[]) => toks.every((t) => t.kind === 'blank');
const isSubCode = (toks: Token[]) => toks.length === 1 && toks[0].kind === 'number' && toks[0].num!.integer && SUB_CODE_RE.test(toks[0].text);

/**
 * How many cells after a class code hold the rest of the code on this line (1 or 2), or 0: the
 * class code in cell 0, then short numbers or blanks, then the row's name. A line counts only
 * where at least one of those cells is printed (a 款 or 项 row), so that a name after one blank
 * cell is not taken for a split code.
 */
function subCodeCells(line: TokenLine): number {
  const head = cellTokens(line, 0);
  if (head.length !== 1 || head[0].kind !== 'number' || !head[0].num!.integer || !CLASS_CODE_RE.test(head[0].text)) return 0;
  let k = 0;
  let printed = false;
  while (k < 2) {
    const toks = cellTokens(line, k + 1);
    if (isSubCode(toks)) printed = true;
    else if (!isBlankCell(toks) || !toks.length) break;
    k++;
  }
  const name = cellTokens(line, k + 1);
  return printed && name.length > 0 && name[0].kind === 'label' ? k : 0;
}

/** the number of sub-code cells the table's rows agree on, or 0 */
function tableSubCodeCells(lines: TokenLine[]): number {
  const counts = new Map<number, number>();
  for (const line of lines) {
    if (!line.tabbed) continue;
    const k = subCodeCells(line);
    if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  if (counts.size !== 1) return 0; // none, or rows that disagree: leave the cells as printed
  return [...counts.keys()][0];
}

/** cells 0..k of one line as one cell: a code joined (208 05 05 → 2080505), words kept, blanks dropped */
function mergeLine(line: TokenLine, k: number): TokenLine {
  if (!line.tabbed) return line;
  const head = line.tokens.filter((t) => (t.cell ?? 0) <= k);
  const tail = line.tokens.filter((t) => (t.cell ?? 0) > k).map((t) => ({ ...t, cell: t.cell! - k }));
  const printed = head.filter((t) => t.kind !== 'blank');
  let merged: Token[];
  if (printed.length && printed.every((t) => t.kind === 'number' && t.num!.integer) && CLASS_CODE_RE.test(printed[0].text) && printed.slice(1).every((t) => SUB_CODE_RE.test(t.text))) {
    const text = printed[0].text + printed.slice(1).map((t) => t.text.padStart(2, '0')).join('');
    const last = printed[printed.length - 1];
    merged = [{ ...printed[0], text, endColumn: last.endColumn, cell: 0, num: { value: Number(text), decimals: 0, integer: true, percent: false } }];
  } else if (printed.length) {
    merged = printed.map((t) => ({ ...t, cell: 0 }));
  } else {
    merged = [{ ...head[0], cell: 0 }];
  }
  return { ...line, tokens: [...merged, ...tail] };
}

/** the region's lines with a code's cells merged into one, where its rows print the code split */
export function mergeCodeCells(lines: TokenLine[]): TokenLine[] {
  const k = tableSubCodeCells(lines);
  return k ? lines.map((l) => mergeLine(l, k)) : lines;
}
