/**
 * A sheet printed with its row and column headings (Excel's and WPS's 打印行号列标, Calc's 行列标题):
 * a line of column letters (A B C …) over each page's cells, and each row's number in a gutter
 * left of them. They are no part of the tables: left in, a row's number reads as its first cell
 * (a code, a 行次), a title opens with one (2 河西县农业农村局2025年部门收支总表) and is no title.
 */
import { mostCommon } from '../common/counts.js';
import type { SourceLine } from '../ingest/text.js';

/** a spreadsheet's column name: A … Z, AA … */
const COLUMN_NAME_RE = /^[A-Z]{1,2}$/;
/** a row's number in the gutter */
const ROW_NUMBER_RE = /^\d{1,5}$/;
/**
 * at least this many column letters make the headings' line; fewer (a sheet's last column printed
 * on a page of its own: H) where at least as many rows under them print their numbers
 */
const MIN_COLUMNS = 3;

/** how far apart (points, or characters) the row numbers' middles may stand */
const CENTRED = 2;

/** A → 1, Z → 26, AA → 27 */
const columnIndex = (name: string) => [...name].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** a line's words with where each starts and ends: a PDF's pieces in points, text's words in characters */
function wordsOf(line: SourceLine): Array<{ text: string; from: number; to: number }> {
  if (line.pieces) return line.pieces.map((p) => ({ text: p.text.trim(), from: p.x0, to: p.x1 }));
  return [...line.text.matchAll(/\S+/g)].map((m) => ({ text: m[0], from: m.index!, to: m.index! + m[0].length }));
}

/** where the cells start, on a line of consecutive column letters (B C D …, or H alone); null on any other line */
function headingsEdge(line: SourceLine): number | null {
  const words = wordsOf(line);
  if (!words.length || !words.every((w) => COLUMN_NAME_RE.test(w.text))) return null;
  const first = columnIndex(words[0].text);
  // each letter is centred over its column: the column's left edge, and the gutter's right, are left of it
  return words.every((w, i) => columnIndex(w.text) === first + i) ? words[0].from : null;
}

/** the line without its word `k`, its row's number: a PDF line loses the piece, a text line keeps its columns */
function withoutRowNumber(line: SourceLine, k: number): SourceLine {
  if (line.pieces) {
    const number = line.pieces[k];
    const at = (number.column ?? 1) - 1;
    return { ...line, pieces: line.pieces.filter((_, i) => i !== k), text: line.text.slice(0, at) + ' '.repeat(number.text.length) + line.text.slice(at + number.text.length) };
  }
  const word = wordsOf(line)[k];
  return { ...line, text: line.text.slice(0, word.from) + ' '.repeat(word.to - word.from) + line.text.slice(word.to) };
}

/** the whole numbers standing left of where the cells start: a row's number among them (what the page's edge cut of a cell may stand before it) */
function gutterWords(line: SourceLine, edge: number): Array<{ k: number; text: string; from: number; to: number }> {
  return wordsOf(line)
    .map((w, k) => ({ k, ...w }))
    .filter((w) => w.to <= edge && ROW_NUMBER_RE.test(w.text));
}

/**
 * The lines without a sheet's printed headings: each line of column letters, and under it, on its
 * page, the row numbers standing centred in the gutter left of where its letters start, where they
 * count up line by line (a wrapped row's other lines print none). Where they do not, nothing is
 * taken away.
 */
export function withoutSheetHeadings(lines: SourceLine[]): SourceLine[] {
  if (!lines.some((l) => headingsEdge(l) !== null)) return lines;
  const out: SourceLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const edge = headingsEdge(lines[i]);
    if (edge === null) {
      out.push(lines[i]);
      continue;
    }
    // the block the headings stand over: to the next headings' line or the page's end
    let end = i + 1;
    while (end < lines.length && lines[end].page === lines[i].page && headingsEdge(lines[end]) === null) end++;
    const block = lines.slice(i + 1, end);
    const gutter = block.map((l) => gutterWords(l, edge));
    // the gutter's numbers stand centred in it, most lines' one: a code of a column's own (208, set
    // after the gutter) is none of them
    const middle = (w: { from: number; to: number }) => (w.from + w.to) / 2;
    const centredAt = mostCommon(gutter.flat().map((w) => Math.round(middle(w))));
    const numbered = gutter.map((ws) => (centredAt === undefined ? null : ws.find((w) => Math.abs(middle(w) - centredAt) <= CENTRED) ?? null));
    const numbers = numbered.filter((w) => w !== null).map((w) => Number(w.text));
    const enough = wordsOf(lines[i]).length >= MIN_COLUMNS ? 1 : MIN_COLUMNS;
    const counting = numbers.length >= enough && numbers.every((n, k) => k === 0 || n > numbers[k - 1]);
    if (!counting) out.push(...block);
    // a PDF line that printed only its row's number (an empty row) is no line
    else
      for (const [j, l] of block.entries()) {
        const w = numbered[j];
        out.push(...(w === null ? [l] : [withoutRowNumber(l, w.k)].filter((x) => !x.pieces || x.pieces.length)));
      }
    i = end - 1;
  }
  return out;
}
