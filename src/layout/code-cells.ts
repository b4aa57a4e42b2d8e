/**
 * Tab-separated tables (a sheet saved as text) that print a code in cells of its own: 类 | 款 | 项
 * (`208⇥05⇥05⇥机关事业单位基本养老保险缴费支出⇥…`), or 类 | 款 for economic codes, once a row or
 * once in each of the groups printed side by side (`301⇥01⇥基本工资⇥147.01⇥302⇥01⇥办公费⇥10.64`).
 * The readers take a group as [code, name, values…]; here each group's code cells become one
 * cell in every line of the table, so that names and figures stand where they would with the
 * code printed whole. On a page, positions do this line by line (tokenize.ts joinSplitCode).
 */
import { joinedCode, type Token, type TokenLine } from './tokenize.js';

const CLASS_CODE_RE = /^[1-9]\d{2}$/;
const SUB_CODE_RE = /^\d{1,2}$/;

function cellTokens(line: TokenLine, cell: number): Token[] {
  return line.tokens.filter((t) => t.cell === cell);
}

const isBlankCell = (toks: Token[]) => toks.every((t) => t.kind === 'blank');
const isSubCode = (toks: Token[]) => toks.length === 1 && toks[0].kind === 'number' && toks[0].num!.integer && SUB_CODE_RE.test(toks[0].text);

/**
 * How many cells after a class code in cell `at` hold the rest of the code (1 or 2), or 0: the
 * class code, then short numbers or blanks, then the row's name. A line counts only where at
 * least one of those cells is printed (a 款 or 项 row), so that a name after one blank cell is
 * not taken for a split code.
 */
function subCodeCells(line: TokenLine, at: number): number {
  const head = cellTokens(line, at);
  if (head.length !== 1 || head[0].kind !== 'number' || !head[0].num!.integer || !CLASS_CODE_RE.test(head[0].text)) return 0;
  let k = 0;
  let printed = false;
  while (k < 2) {
    const toks = cellTokens(line, at + k + 1);
    if (isSubCode(toks)) printed = true;
    else if (!isBlankCell(toks) || !toks.length) break;
    k++;
  }
  const name = cellTokens(line, at + k + 1);
  return printed && name.length > 0 && name[0].kind === 'label' ? k : 0;
}

/** where the table's rows print a split code, and in how many cells after the class: cell → k */
function splitCodeCells(lines: TokenLine[]): Map<number, number> {
  const seen = new Map<number, Map<number, number>>();
  for (const line of lines) {
    if (!line.tabbed) continue;
    for (const t of line.tokens) {
      const k = t.cell === undefined ? 0 : subCodeCells(line, t.cell);
      if (!k) continue;
      const counts = seen.get(t.cell!) ?? new Map<number, number>();
      counts.set(k, (counts.get(k) ?? 0) + 1);
      seen.set(t.cell!, counts);
    }
  }
  const out = new Map<number, number>();
  // rows that disagree at a cell leave it as printed
  for (const [cell, counts] of seen) if (counts.size === 1) out.set(cell, [...counts.keys()][0]);
  return out;
}

/** cells at..at+k of one line as one cell: a code joined (208 05 05 → 2080505), words kept, blanks dropped */
function mergeAt(line: TokenLine, at: number, k: number): TokenLine {
  const inCode = (t: Token) => t.cell !== undefined && t.cell >= at && t.cell <= at + k;
  const head = line.tokens.filter(inCode);
  if (!head.length) return line;
  const printed = head.filter((t) => t.kind !== 'blank');
  let merged: Token[];
  if (printed.length && printed.every((t) => t.kind === 'number' && t.num!.integer) && CLASS_CODE_RE.test(printed[0].text) && printed.slice(1).every((t) => SUB_CODE_RE.test(t.text))) {
    merged = [{ ...joinedCode(printed[0], printed.slice(1)), cell: at }];
  } else if (printed.length) {
    merged = printed.map((t) => ({ ...t, cell: at }));
  } else {
    merged = [{ ...head[0], cell: at }];
  }
  const before = line.tokens.filter((t) => t.cell === undefined || t.cell < at);
  const after = line.tokens.filter((t) => t.cell !== undefined && t.cell > at + k).map((t) => ({ ...t, cell: t.cell! - k }));
  return { ...line, tokens: [...before, ...merged, ...after] };
}

/** the region's lines with each group's code cells merged into one, where its rows print the code split */
export function mergeCodeCells(lines: TokenLine[]): TokenLine[] {
  const starts = [...splitCodeCells(lines)].sort((a, b) => b[0] - a[0]);
  if (!starts.length) return lines;
  // right to left: merging a group shifts only the cells after it
  return lines.map((line) => (line.tabbed ? starts.reduce((l, [at, k]) => mergeAt(l, at, k), line) : line));
}
