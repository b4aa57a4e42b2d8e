/**
 * Text that sets each row of a coded table as a block of lines (MuPDF's and PyMuPDF's plain text:
 * the row's code and name on a line, each of its figures on a line of its own, a blank line after
 * the row). A figure alone on its line there still says which row it is in, though not which
 * column where the row leaves cells blank: the coded reader takes the block's figures as the
 * row's, a row printing every column in order, another its total only, its parts unplaced.
 */
import { joinedCode, type Token, type TokenLine } from '../../layout/tokenize.js';
import { isCode, TOTAL_NAME } from './lines.js';
import type { TableSpec } from './catalog.js';


/**
 * A line that opens a row's block: its code and name, or its code alone with its name on the next
 * line printed (the code's cell and the name's each a line), or 合计; no figure.
 */
function opensBlock(printed: Token[], next: Token[] | undefined, spec: TableSpec): boolean {
  if (printed.some((t) => t.kind === 'number' && !t.num!.integer)) return false;
  const [first, second] = printed;
  if (isCode(first, spec.codes)) return second ? second.kind === 'label' : !!next?.length && next.every((t) => t.kind === 'label');
  return first.kind === 'label' && printed.length === 1 && TOTAL_NAME.test(first.text.replace(/\s+/g, ''));
}

/**
 * Whether every figure alone on its line stands in a row's block (right after its name's last
 * line or the block's figure before it, before the blank line that closes it, no more of them
 * than the table has columns), two blocks at least, and no line prints two figures; the 栏次
 * numbers counted under their word (栏次 / 1 / 2 / 3) are the header's.
 */
export function inRowBlocks(lines: TokenLine[], spec: TableSpec): boolean {
  let open = false;
  let figures = 0;
  let blocks = 0;
  let alone = 0;
  let numbering = 0;
  const printedLines = lines.map((line) => line.tokens.filter((t) => t.kind !== 'blank'));
  for (const [k, printed] of printedLines.entries()) {
    if (!printed.length) {
      // a blank line closes a block, but not between its name's lines (before its first figure)
      if (figures > 0) open = false;
      continue;
    }
    const afterBlank = k > 0 && !printedLines[k - 1].length;
    const lone = printed.length === 1 && printed[0].kind === 'number' ? printed[0] : null;
    if (numbering && lone?.num!.integer && lone.num!.value === numbering) {
      numbering++;
      continue;
    }
    numbering = printed.length === 1 && printed[0].text === '栏次' ? 1 : 0;
    if (opensBlock(printed, nextPrinted(printedLines, k), spec)) {
      open = true;
      figures = 0;
      blocks++;
    } else if (lone) {
      // a block's figures follow its name's last line and each other, no blank line between
      // (pdftotext without -layout sets a blank line between any two cells, in no row's order)
      if (!open || afterBlank || ++figures > spec.columns.length) return false;
      alone++;
    } else if (printed.filter((t) => t.kind === 'number' && !t.num!.integer).length > 1) {
      // a line of several figures: the text sets rows otherwise (pdftotext sets a row's figures
      // over lines of one, two or three), and a figure alone is not known to be the row's
      return false;
    } else if (figures > 0 || printed.some((t) => t.kind === 'number')) {
      // words after a block's figures: no block goes on past them
      open = false;
    }
  }
  return blocks >= 2 && alone > 0;
}

/** the first line after line k that prints anything */
function nextPrinted(printedLines: Token[][], k: number): Token[] | undefined {
  for (let j = k + 1; j < printedLines.length; j++) if (printedLines[j].length) return printedLines[j];
  return undefined;
}

const CLASS_ALONE_RE = /^[23]\d{2}$/;
const PART_ALONE_RE = /^\d{2}$/;

/** the one token a line prints, if it is an integer matching `re` */
function alone(line: TokenLine | undefined, re: RegExp): Token | null {
  const printed = line?.tokens.filter((t) => t.kind !== 'blank') ?? [];
  return printed.length === 1 && printed[0].kind === 'number' && printed[0].num!.integer && re.test(printed[0].text) ? printed[0] : null;
}

const namesOnly = (line: TokenLine | undefined) => {
  const printed = line?.tokens.filter((t) => t.kind !== 'blank') ?? [];
  return printed.length > 0 && printed.every((t) => t.kind === 'label');
};

/**
 * A code whose 类, 款 and 项 cells each get a line (`208` / `05` / `02` / 事业单位离退休, MuPDF's
 * text of a table printing them in columns of their own) as one code on the class's line
 * (2080502), its name on the line after as before: the class code, then one or two parts of two
 * digits each alone on the lines right after it, then a line of words. A class alone over its
 * name is left as it is (already a code and a name).
 */
export function joinStackedCodes(lines: TokenLine[]): TokenLine[] {
  const out: TokenLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = alone(lines[i], CLASS_ALONE_RE);
    let k = 0;
    while (head && k < 2 && alone(lines[i + 1 + k], PART_ALONE_RE)) k++;
    if (!head || k === 0 || !namesOnly(lines[i + 1 + k])) {
      out.push(lines[i]);
      continue;
    }
    const parts = lines.slice(i + 1, i + 1 + k).map((l) => alone(l, PART_ALONE_RE)!);
    out.push({ ...lines[i], tokens: [joinedCode(head, parts)] });
    i += k;
  }
  return out;
}
