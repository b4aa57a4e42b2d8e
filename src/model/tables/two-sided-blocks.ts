/**
 * MuPDF's and PyMuPDF's text of a two-sided 总表 (收入 on the left, 支出 on the right): each row a
 * block of lines, a blank line after it, its blank cells left out, the left side's figure set on
 * one line with the right side's name where both are printed (一、财政拨款收入 / 189,767,551 一、一般
 * 公共服务支出 / 3,296,600). A block read in order is the row as text laid out as printed gives it
 * (name, 行次, figure, then the other side's), so each block is joined into one line; every token
 * keeps its own line and column. Only where every block with a figure reads so: names and figures
 * in a row's order, at most two names (a third, 支出用途 beside 功能分类, is a table of three sides),
 * two figures and two 行次.
 */
import type { Token, TokenLine } from '../../layout/tokenize.js';

const printedOf = (line: TokenLine) => line.tokens.filter((t) => t.kind !== 'blank');
const ENUMERATED = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])/;

/** one side of a row: its name, a 行次 perhaps, its figure perhaps */
const SIDE = 'L(?:I)?(?:A)?';
/** a block's tokens as letters: L a name, I a whole number (a 行次 or an amount in 元), A an amount with decimals */
const ROW_GRAMMAR = new RegExp(`^${SIDE}(?:${SIDE})?$`);

function shape(tokens: Token[]): string {
  let out = '';
  for (const t of tokens) {
    const letter = t.kind === 'label' ? 'L' : t.num!.integer ? 'I' : 'A';
    // a name printed in several words, or wrapped onto the next line, is one name; words that open
    // with an item's number (三、教育支出, 一、基本支出) are another item's name
    if (letter === 'L' && out.endsWith('L') && !ENUMERATED.test(t.text)) continue;
    out += letter;
  }
  // a whole number that is the side's figure (元 amounts print no decimals): I at a side's end
  return out.replace(/I(?=L|$)/g, 'A').replace(/AA/g, 'IA');
}

/** the region's lines in blocks, a blank line (or none printed) between them */
function blocksOf(lines: TokenLine[]): TokenLine[][] {
  const blocks: TokenLine[][] = [];
  let open: TokenLine[] = [];
  for (const line of lines) {
    if (printedOf(line).length) open.push(line);
    else if (open.length) {
      blocks.push(open);
      open = [];
    }
  }
  if (open.length) blocks.push(open);
  return blocks;
}

/**
 * The region's lines with each row's block joined into one line, or the lines as they are: where
 * figures stand alone on lines (the text set a cell to a line) and every block that prints a figure
 * reads as a row.
 */
export function joinTwoSidedBlocks(lines: TokenLine[]): TokenLine[] {
  const blocks = blocksOf(lines);
  const withFigures = blocks.filter((b) => b.some((l) => printedOf(l).some((t) => t.kind === 'number')));
  const lone = lines.filter((l) => {
    const printed = printedOf(l);
    return printed.length === 1 && printed[0].kind === 'number';
  }).length;
  // MuPDF's mark: a left figure and the right side's name on one line (189,767,551 一、一般公共服务支出);
  // text that sets a column's figures apart from every name (pdfminer) never prints one so
  const sideBySide = lines.some((l) => {
    const printed = printedOf(l);
    return printed.length === 2 && printed[0].kind === 'number' && printed[1].kind === 'label';
  });
  if (withFigures.length < 3 || lone < 3 || !sideBySide) return lines;
  if (!withFigures.every((b) => b.length > 1 && ROW_GRAMMAR.test(shape(b.flatMap(printedOf))))) return lines;
  return blocks.map((b) => (b.length === 1 ? b[0] : { ...b[0], tokens: b.flatMap((l) => l.tokens) }));
}
