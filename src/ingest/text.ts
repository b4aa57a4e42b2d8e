/**
 * Text ingest: bytes of an extracted-text disclosure → lines. Chinese offices still produce
 * GB18030/GBK text (GB18030 is a superset of GBK), some tools write UTF-16 with a byte-order mark.
 */
import { readFileSync } from 'node:fs';
import { officeKind, officeKindMessage } from './file-kinds.js';
import type { PagePicture, PageRulings } from './rulings.js';
import { foldRadicals } from './radicals.js';
import { emptyPages } from './empty-pages.js';
import type { PdfPageProblem } from './pdf-common.js';

/** a piece of a PDF line: its text and horizontal extent on the page (points, left to right) */
export interface PositionedPiece {
  text: string;
  x0: number;
  x1: number;
  /** 1-based column of the piece in the line's text */
  column?: number;
  /** font size, points */
  size?: number;
  /** baseline, points from the top of the page, where a stage needs it on the piece (header cells) */
  y?: number;
  /** where the piece is printed, when it was joined to a line of another page (layout/pages-across.ts) */
  printed?: PrintedAt;
}

/** a page, its line (counted on the page) and the 1-based column there */
export interface PrintedAt {
  page: number;
  line: number;
  column: number;
}

export interface SourceLine {
  /** 1-based line number, unique in the input (PDF: counted across pages) */
  line: number;
  text: string;
  /** 1-based page where the input marks pages (form feeds in text, real pages in PDF) */
  page?: number;
  /** PDF: the line's number on its page, which is what a reader counts */
  pageLine?: number;
  /** PDF: where each piece of the line stands */
  pieces?: PositionedPiece[];
  /** PDF: baseline, points from the top of the page, and font size */
  y?: number;
  size?: number;
  /** PDF: the line is a whole row of a ruled table (rules above and below): no name runs on from another line */
  ruledRow?: boolean;
  /** PDF: the lines (by number) whose text the layout joined into this one (a cell's wrapped lines): no narrative of their own */
  joined?: number[];
  /** tab-separated text: the empty leading fields taken off `text` (a sheet's empty first columns), for columns as in the file */
  tabMargin?: number;
  /** an extractor's gap tabs read as spaces (tabsAsSpaces): how wide its gaps are says nothing of where its words are printed */
  gapSpaced?: boolean;
}

export type Encoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** where text read as UTF-8 was not valid UTF-8 */
export interface InvalidBytes {
  /** byte offset (from 0) of the first invalid sequence, its line and column, and how many there are */
  offset: number;
  line: number;
  column: number;
  count: number;
}

export interface SourceText {
  file: string;
  encoding: Encoding;
  lines: SourceLine[];
  invalid?: InvalidBytes;
  /** PDF: the ruled lines (table borders) of the pages with text that draw any */
  rulings?: PageRulings[];
  /** PDF: where the pages with text paint pictures (a table pasted as one) */
  pictures?: PagePicture[];
  /** pages not read, or read in part (PDF: pdf-common.ts; text with pages: the pages holding no text) */
  problems?: PdfPageProblem[];
}

export class InputError extends Error {}

const REPLACEMENT = '\ufffd';

function replacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf(REPLACEMENT); i >= 0; i = text.indexOf(REPLACEMENT, i + 1)) n++;
  return n;
}

/** bytes EF BF BD: a replacement character the file itself holds, not one the decoder put in */
function literalReplacements(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(0xef); i >= 0; i = bytes.indexOf(0xef, i + 1)) if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) n++;
  return n;
}

/** where lenient UTF-8 decoding put a replacement character for bytes that are not UTF-8 */
function invalidUtf8(bytes: Uint8Array, text: string, bomLength: number): InvalidBytes | undefined {
  const count = replacements(text) - literalReplacements(bytes);
  if (count <= 0) return undefined;
  // up to the first invalid sequence the text re-encodes to the file's own bytes
  let byte = bomLength;
  let from = 0;
  for (let i = text.indexOf(REPLACEMENT); i >= 0; i = text.indexOf(REPLACEMENT, i + 1)) {
    byte += Buffer.byteLength(text.slice(from, i));
    from = i + 1;
    if (!(bytes[byte] === 0xef && bytes[byte + 1] === 0xbf && bytes[byte + 2] === 0xbd)) {
      const before = text.slice(0, i).split(/\r\n|\n|\r/);
      return { offset: byte, line: before.length, column: before[before.length - 1].length + 1, count };
    }
    byte += 3;
  }
  return undefined;
}

/**
 * A byte-order mark says UTF-16 or UTF-8. Otherwise the file is UTF-8 unless GB18030 reads it
 * with fewer replacement characters: a UTF-8 file with a stray bad byte stays UTF-8 (and says
 * where the byte is), since GB18030 misreads every UTF-8 ideograph next to an ASCII character.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding; invalid?: InvalidBytes } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  const text = new TextDecoder('utf-8').decode(bytes);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const invalid = text.includes(REPLACEMENT) ? invalidUtf8(bytes, text, bom) : undefined;
  if (!invalid) return { text, encoding: 'utf-8' };
  if (!bom) {
    const gb = new TextDecoder('gb18030').decode(bytes);
    if (replacements(gb) < replacements(text)) return { text: gb, encoding: 'gb18030' };
  }
  return { text, encoding: 'utf-8', invalid };
}

/**
 * Figures typed in full-width forms (１２，３４５．６７, ８．５％, as a Chinese input method in
 * full-width mode types them) as the ASCII figures they are: digits, a point between digits, a
 * comma grouping thousands (three digits after it, then no digit), a percent sign after a digit.
 * ASCII digits take the same marks between them (1，215.34, 12．50: Chinese punctuation typed there).
 * One character for one, so that columns stay where they are printed; full-width punctuation
 * elsewhere (，：（）, 第1，2项, 2022，2023年) is the text's own and stays.
 */
export function foldFullwidthFigures(text: string): string {
  // (％ after an ASCII digit is left: a PDF engine may part it from the digit, the narrative reads it as %)
  if (!/[\uff10-\uff19]|\d[，．]\d/.test(text)) return text;
  return text
    .replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/(?<=\d)．(?=\d)/g, '.')
    .replace(/(?<=\d)，(?=\d{3}(?!\d))/g, ',')
    .replace(/(?<=\d)％/g, '%');
}

export function splitLines(file: string, text: string, encoding: Encoding = 'utf-8'): SourceText {
  // a form feed after text on its line (pages joined with '\f' alone, as a script writing each
  // page's text may join them) also ends that line, as it does in Python's splitlines: else the
  // page's last row and the next page's first one would read as one line
  const raw = text.replace(/(?<=[^\r\n\f])\f/g, '\n\f').split(/\r\n|\n|\r/);
  const hasPages = text.includes('\f');
  let page = 1;
  let barred = 0;
  const lines: SourceLine[] = raw.map((t, i) => {
    let body = t;
    if (hasPages && body.includes('\f')) {
      page += body.split('\f').length - 1;
      body = body.replace(/\f/g, '');
    }
    body = foldRadicals(foldFullwidthFigures(body));
    const cells = barsAsTabs(body);
    if (cells.includes('\t') && !body.includes('\t')) barred++;
    body = cells;
    return hasPages ? { line: i + 1, text: body, page } : { line: i + 1, text: body };
  });
  const problems = hasPages ? emptyPages(lines, /\f\s*$/.test(text)) : [];
  // tabs bars stood for part cells, whatever tabs elsewhere in the file do (not one stray bar's: a page's header)
  const cells = barred >= BARRED_ROWS || tabsAreCells(lines) ? lines.map(unquotedFields) : lines.map(tabsAsSpaces);
  return { file, encoding, lines: withoutTabMargin(cells), ...(problems.length ? { problems } : {}) };
}

/** rows with a bar between two cells that make the file's tabs cells */
const BARRED_ROWS = 2;
/** a bar that parts a table's cells in text: ASCII, full-width, or a box-drawing line */
const BAR_RE = /[|｜│┃]/g;
/** a Markdown table's rule under its header (|---|:---:|): no row */
const BAR_RULE_RE = /^[ \u3000]*[|｜│┃]?(?:[ \u3000]*:?[-—–─━]{2,}:?[ \u3000]*[|｜│┃])+[ \u3000]*(?:[ \u3000]*:?[-—–─━]{2,}:?[ \u3000]*)?$/;
/** the bar that opens or closes a row (| a | b |, a page's cells copied as `18 |`): it closes no field of its own */
const OUTER_BARS_RE = /^([ \u3000]*)[|｜│┃]|[|｜│┃]([ \u3000]*)$/g;

/**
 * A table whose cells are parted by bars (a Markdown table; a web page's or a viewer's table
 * copied as text, `合 计 | 1.8 | 1.52 |`): each bar between two cells is a tab, so that the row
 * is read as a sheet's tab-separated row (`因公出国(境)费 | ||`: two blank cells); the bars that
 * open or close a row are spaces, one character for one, so that columns stay where they are printed.
 */
function barsAsTabs(text: string): string {
  if (!text.includes('|') && !/[｜│┃]/.test(text)) return text;
  if (BAR_RULE_RE.test(text)) return '';
  return text.replace(OUTER_BARS_RE, (_bar, before: string | undefined, after: string | undefined) => `${before ?? ''} ${after ?? ''}`).replace(BAR_RE, '\t');
}

/** a tab-separated field in quotes, as a spreadsheet writes a text cell ("一般公共服务支出") */
const QUOTED_FIELD_RE = /(?<=^|\t)"([^"\t]*)"(?=\t|$)/g;

/**
 * a tab-separated line's quoted fields (a line of one field too: a sheet's title row), their
 * quotes set as spaces (columns stay where the file has them)
 */
function unquotedFields(l: SourceLine): SourceLine {
  if (!l.text.includes('"')) return l;
  return { ...l, text: l.text.replace(QUOTED_FIELD_RE, (_field, inner: string) => ` ${inner} `) };
}

/**
 * Whether the text's tabs part a sheet's cells (a spreadsheet saved as text: a blank cell is an
 * empty field, and a sheet's tables always have some, in their headers' merged cells if nowhere
 * else), or only mark where an extractor saw a gap between words (pdf.js-based tools join a
 * line's text items with tabs: a blank cell is no field at all, so a row's fields do not stand in
 * its table's columns). Not one empty field, and many tabbed lines or a field holding two amounts
 * (171,915,169 171,915,169⇥合计: a cell holds one): gaps.
 */
function tabsAreCells(lines: SourceLine[]): boolean {
  let tabbed = 0;
  let shared = false;
  for (const l of lines) {
    if (!l.text.includes('\t')) continue;
    if (EMPTY_FIELD_RE.test(l.text)) return true;
    tabbed++;
    shared ||= l.text.split('\t').some((field) => TWO_AMOUNTS_RE.test(field));
  }
  return tabbed < GAP_TABBED_LINES && !shared;
}

/** two amounts in one field, a space apart (with a thousands comma or decimals: not a code, a year or a 栏次) */
const TWO_AMOUNTS_RE = /(?:\d{1,3}(?:,\d{3})+|\d+\.\d+)(?:\.\d+)?[ \u3000]+-?(?:\d{1,3}(?:,\d{3})+|\d+\.\d+)/;

/** a field of nothing but spaces before a tab: a blank cell (leading fields included: a sheet's empty first columns) */
const EMPTY_FIELD_RE = /(?:^|\t)[ \u3000]*\t/;
/** how many tabbed lines without one empty field make the tabs an extractor's gaps (a 三公 grid's few lines of a sheet may have none) */
const GAP_TABBED_LINES = 20;

/** a gap's tab read as the space it stands for: one character for one, so columns stay */
function tabsAsSpaces(l: SourceLine): SourceLine {
  return l.text.includes('\t') ? { ...l, text: l.text.replace(/\t/g, ' '), gapSpaced: true } : l;
}

/**
 * A sheet saved as text whose first columns are empty on every row (the sheet laid out from
 * column B) leaves each tab-separated line opening with that many empty fields: they are taken
 * off, so that a row's code or name is its first field, as in a sheet laid out from column A.
 */
function withoutTabMargin(lines: SourceLine[]): SourceLine[] {
  let margin = Infinity;
  for (const l of lines) if (l.text.includes('\t')) margin = Math.min(margin, /^\t*/.exec(l.text)![0].length);
  if (!(margin > 0 && margin < Infinity)) return lines;
  return lines.map((l) => (l.text.includes('\t') ? { ...l, text: l.text.slice(margin), tabMargin: margin } : l));
}

/** A user's file as bytes, or an InputError that says why it cannot be read. */
export async function readInputFile(file: string): Promise<Uint8Array> {
  try {
    // read at once, as the Buffer it is (a Uint8Array): fs/promises reads in 512 KB pieces, each a
    // trip through libuv's threads the lint only waited for (60 ms a round of the 25 real PDFs), and
    // the copy made after it showed in profiles too
    return readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `找不到文件: ${file}` : `无法读取文件 ${file} (${code ?? String(err)})`);
  }
}

export async function readTextFile(file: string): Promise<SourceText> {
  return textFromBytes(file, await readInputFile(file));
}

export function textFromBytes(file: string, bytes: Uint8Array): SourceText {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && bytes.includes(0)) {
    const kind = officeKind(bytes);
    throw new InputError(kind ? officeKindMessage(file, kind) : `${file} 不是文本文件（含二进制内容）`);
  }
  const { text, encoding, invalid } = decodeText(bytes);
  const source = splitLines(file, text, encoding);
  return invalid ? { ...source, invalid } : source;
}
