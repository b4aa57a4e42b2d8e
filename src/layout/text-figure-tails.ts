/**
 * Text laid out as printed (pdftotext -layout) of a PDF whose figures wrap in cells too narrow
 * for them (pdfmake's and jsPDF's tables): a figure's last characters stand on the next line,
 * under the figure (1,215.3 / 4; 1,21 / 5.34), that line perhaps also holding the rest of a name
 * wrapped in its cell (医疗保 4 4). Read as they stand, the row's figure is cut short and its tail
 * is read as a figure of another column. A tail is joined to the figure it stands under where
 * the figure alone is no amount as the document prints them (two decimals) and the two together
 * are one; every number of the tail's line must be such a tail. The tail takes the spaces after
 * its figure (all but one), so that the line's other words keep their columns where there is
 * room, and leaves spaces where it stood. Anything less certain is left as it stands (the readers then say what they could not
 * read). PDF lines, which have positions, are joined by cell-figures.ts.
 */
import type { SourceLine } from '../ingest/text.js';

/** an amount as disclosures print them: thousands' commas or none, two decimals */
const AMOUNT_RE = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{2}$/;
/** a figure cut short: digits with a thousands' comma or a point (not a code: 3100, 22102), ending in a digit, a point or a comma */
const CUT_RE = /^(?=.*[.,])(?:-?\d[\d,]*\.?\d?|-?\d[\d,]*[.,])$/;
/** the rest of a figure: digits, perhaps the point and decimals */
const TAIL_RE = /^\d{0,3}\.?\d{0,2}$/;
/** a document prints its amounts with two decimals where this many of its words are such amounts */
const AMOUNTS_PRINTED = 3;

interface Word {
  text: string;
  /** 0-based character columns, end exclusive */
  from: number;
  to: number;
}

const wordsOf = (text: string): Word[] => [...text.matchAll(/\S+/g)].map((m) => ({ text: m[0], from: m.index!, to: m.index! + m[0].length }));
const isNumberWord = (w: Word) => /^[-\d.,]+$/.test(w.text) && /\d/.test(w.text);

/** the two lines with each tail set after the figure it stands under, or null where a number of the lower line is no such tail */
function joinTails(above: string, below: string): { above: string; below: string } | null {
  const hosts = wordsOf(above);
  const words = wordsOf(below);
  const tails = words.filter(isNumberWord);
  // the rest of the line is names' words wrapped in their cells, with no figure of any kind (≥99%, =100%: a row of its own)
  if (!tails.length || words.some((w) => !isNumberWord(w) && /\d/.test(w.text))) return null;
  let top = above;
  let bottom = below;
  // right to left: a join moves nothing to its left
  for (const tail of [...tails].reverse()) {
    // under the figure's end (a figure set right in its cell wraps its last characters right under
    // its last), or a point and decimals anywhere under its cell (after the word before it, to its
    // end); in text laid out as printed: the figure after other words of its row, not a cell's words a line each
    const under = (w: Word, k: number) =>
      tail.text.includes('.') ? hosts[k - 1].to < tail.from && tail.to <= w.to + 1 : w.from <= tail.from && (tail.to === w.to || tail.to === w.to + 1);
    const host = hosts.find((w, k) => k > 0 && under(w, k));
    if (!host || AMOUNT_RE.test(host.text) || !CUT_RE.test(host.text) || !TAIL_RE.test(tail.text) || !AMOUNT_RE.test(host.text + tail.text)) return null;
    // the spaces after the figure make room for its tail, all but one (the rest of the line moves
    // right where they are fewer); at the line's end there is room enough
    const spaces = /^ */.exec(top.slice(host.to))![0].length;
    if (spaces === 0 && host.to < top.length) return null;
    const taken = host.to >= top.trimEnd().length ? 0 : Math.min(tail.text.length, spaces - 1);
    top = top.slice(0, host.to) + tail.text + top.slice(host.to + taken);
    bottom = bottom.slice(0, tail.from) + ' '.repeat(tail.text.length) + bottom.slice(tail.to);
  }
  return { above: top, below: bottom };
}

/** the lines with each figure's tail joined into the line above it (a line left with nothing is dropped) */
export function joinFigureTailsInText(lines: SourceLine[]): SourceLine[] {
  if (lines.some((l) => l.pieces) || !printsAmounts(lines)) return lines;
  const pagesLast = lastsOfPages(lines);
  let out: SourceLine[] | null = null;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    const above = out ? out[out.length - 1] : lines[i - 1];
    const plain = (l: SourceLine) => l.tabMargin === undefined && !l.text.includes('\t');
    // a page's last line of digits alone may be its number under a column; decimals (1.79) are no page's number
    const pageNumber = !line.text.includes('.') && pagesLast.has(i);
    const joined = line.page === above.page && plain(line) && plain(above) && !pageNumber ? joinTails(above.text, line.text) : null;
    if (!joined) {
      out?.push(line);
      continue;
    }
    out ??= lines.slice(0, i);
    const rest = joined.below.trim() ? [{ ...line, text: joined.below }] : [];
    out[out.length - 1] = { ...above, text: joined.above, joined: [...(above.joined ?? []), ...(rest.length ? [] : [line.line])] };
    out.push(...rest);
  }
  return out ?? lines;
}

/** whether the text prints its amounts with two decimals */
function printsAmounts(lines: SourceLine[]): boolean {
  let seen = 0;
  for (const l of lines) {
    if (!/\d\.\d\d/.test(l.text)) continue;
    for (const w of wordsOf(l.text)) if (AMOUNT_RE.test(w.text) && ++seen >= AMOUNTS_PRINTED) return true;
  }
  return false;
}

/**
 * The lines (by index) that are their page's last with words, and every blank line after it (a
 * page's number under a column is no tail): in one pass from the end, since a line-by-line look
 * ahead over a long run of blank lines is quadratic (100,000 of them took 47 s)
 */
function lastsOfPages(lines: SourceLine[]): Set<number> {
  const lasts = new Set<number>();
  let open = true;
  for (let k = lines.length - 1; k >= 0; k--) {
    if (k < lines.length - 1 && lines[k].page !== lines[k + 1].page) open = true;
    if (open) lasts.add(k);
    if (lines[k].text.trim()) open = false;
  }
  return lasts;
}
