/**
 * A line of extracted text → tokens: labels, numbers and (in tab-separated exports) explicit
 * blank cells, each with its column span. Numbers glued to labels (`19,191.44一、…`) are split;
 * labels spread with spaces (`合   计`, `本  年  收  入  合  计`) are joined.
 */
import type { PositionedPiece, PrintedAt, SourceLine } from '../ingest/text.js';

export interface NumberInfo {
  value: number;
  decimals: number;
  /** printed without a decimal point or thousands separator: may be a code, 行次 or count */
  integer: boolean;
  percent: boolean;
}

export interface Token {
  kind: 'label' | 'number' | 'blank';
  text: string;
  line: number;
  /** 1-based, inclusive start; end is exclusive (ESLint's endColumn convention) */
  column: number;
  endColumn: number;
  page?: number;
  /** PDF: the line's number on its page */
  pageLine?: number;
  num?: NumberInfo;
  /** index of the tab-separated cell the token came from (tab layouts only) */
  cell?: number;
  /** PDF: horizontal extent on the page, points */
  x0?: number;
  x1?: number;
  /** PDF: font size, points */
  size?: number;
  /** PDF: where the token is printed, when its piece was joined from another page (layout/pages-across.ts) */
  printed?: PrintedAt;
}

export interface TokenLine {
  source: SourceLine;
  tokens: Token[];
  tabbed: boolean;
}

const NUMBER_RE = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$/;
/** where a label that follows another label starts a new item: 一、 二十七. （一） 1． 其中： */
const ENUMERATION_RE = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d+[、．])/;
const SPACE_RE = /[ \u3000\u00a0]+/g;
const ITEM_NUMBER_RE = /^\d{1,2}[.．、](?=[^\d]|$)/;
/** a 类 (3 digits), 款 (5) or 项 (7) code, or an economic class's (3, 5), and the hyphen joining it to a name */
const CODE_HYPHEN_RE = /^(\d{3}(?:\d{2}){0,2})[-－—–](?=[^\d\s\-－—–.．%])/;
/** a cell printed as a dash, or as a slash (not applicable): nothing, or zero */
export const DASH_RE = /^(?:[-－—–]{1,2}|[/／])$/;
// a digit run inside a word stays in it (`2023年`, `95.5%以上`), unless it ends the chunk as a
// figure with a decimal point or thousands comma: that is a figure set against the name (`工资福利支出100.00`)
const PIECE_RE = /-?\d[\d,]*(?:\.\d+)?%?|[^\d\s\u3000\u00a0]+(?:\d+(?!(?:,\d{3})*\.\d+$|(?:,\d{3})+$)[^\d\s\u3000\u00a0]+)*/g;

/** the currency sign a spreadsheet's currency or accounting format prints before a figure (¥1,234.50, -¥1,234.50) */
const CURRENCY_RE = /^(-?)[¥￥]/;
/**
 * A negative figure as the accounting format prints it: (1,234.50), in a spreadsheet's ASCII
 * brackets. Grouped or with decimals, so that no enumeration or count in brackets, (1) or (2023),
 * is one; full-width brackets are typed, not formatted, and stay words.
 */
const BRACKETED_RE = /^\((\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)(%?)\)(%?)$/;

/** a figure as written without the marks of money: ¥1,234.50 → 1,234.50, -¥1,234.50 and (1,234.50) → -1,234.50 */
function unmarkedFigure(text: string): string {
  const unsigned = text.replace(CURRENCY_RE, '$1');
  const bracketed = BRACKETED_RE.exec(unsigned);
  return bracketed ? `-${bracketed[1]}${bracketed[2] || bracketed[3]}` : unsigned;
}

export function parseNumber(text: string): NumberInfo | null {
  // a figure starts with a digit, a minus, a currency sign or a bracket: a word is passed at once
  // (this runs for every token, and most tokens are words)
  const first = text.charCodeAt(0);
  const digit = first >= 0x30 && first <= 0x39;
  if (!digit && first !== 0x2d && first !== 0x28 && first !== 0xa5 && first !== 0xffe5) return null;
  const figure = digit ? text : unmarkedFigure(text);
  if (!NUMBER_RE.test(figure)) return null;
  const percent = figure.endsWith('%');
  const body = percent ? figure.slice(0, -1) : figure;
  const dot = body.indexOf('.');
  return {
    value: Number(body.includes(',') ? body.replace(/,/g, '') : body),
    decimals: dot < 0 ? 0 : body.length - dot - 1,
    // a figure signed as money is no code or count
    integer: dot < 0 && !body.includes(',') && figure === text,
    percent,
  };
}

/**
 * A date or a time of day, printed whole (a portal's stamp 2025-06-30 已公开, a browser's print
 * header 2025/6/30 16:08 or 12/6/26, 4:19 AM), or numbers joined by slashes (a page count 2/21):
 * one word, never a year and two negative figures, nor 2025.06 and 30. No amount has a slash in
 * it; a year.month alone (2025.06) may be a figure, and stays one.
 */
export const DATE_OR_TIME_RE = /(?<![\d.,])(?:(?:19|20)\d{2}([-.])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])|\d{1,4}(?:\/\d{1,4}){1,2}|(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?)(?![\d.,])/;

/** a figure signed as money or bracketed as negative, taken whole: ¥1,234.50, (1,234.50) */
const MARKED_FIGURE_RE = /^-?[¥￥]|^\(/;
/** a currency sign alone: the accounting format sets it at the cell's left edge, apart from the figure */
const CURRENCY_ALONE_RE = /^[¥￥]$/;
const WHOLE_RE = /^.+$/gs;

/**
 * Split one chunk (no spaces inside) into numbers and labels. A digit run inside a label word
 * (`2023年`, `30101基本工资` aside) stays a label when letters surround it on both sides.
 */
function splitChunk(chunk: string, offset: number, source: SourceLine, cell?: number, piece?: PositionedPiece): Token[] {
  const out: Token[] = [];
  if (CURRENCY_ALONE_RE.test(chunk)) return out;
  // ¥1,234.50, -¥1,234.50, (1,234.50): one figure, whose sign no dash or bracket rule below may take off
  const marked = MARKED_FIGURE_RE.test(chunk) && parseNumber(chunk) !== null;
  const perChar = piece ? (piece.x1 - piece.x0) / Math.max(1, piece.text.length) : 0;
  /** the characters from..to of the chunk, split on their own, a PDF piece's extent shared by character count */
  const part = (from: number, to: number) => {
    const text = chunk.slice(from, to);
    return splitChunk(text, offset + from, source, cell, piece && { ...piece, x0: piece.x0 + from * perChar, x1: to === chunk.length ? piece.x1 : piece.x0 + to * perChar, text });
  };
  // a date or a time: one word, no rule below may part it (the words around it are words of their own)
  const dated = marked ? null : DATE_OR_TIME_RE.exec(chunk);
  if (dated && dated[0].length < chunk.length) return [...part(0, dated.index), ...part(dated.index, dated.index + dated[0].length), ...part(dated.index + dated[0].length, chunk.length)];
  const whole = marked || dated !== null;
  // a dash standing against a name (`-三、教育支出`, a cell printed `-` set close to the next) is a
  // cell of its own: no name starts or ends with one
  const dash = /^([-－—–]{1,2})(?=[^\d\s\-－—–.])|(?<=[^\d\s\-－—–])([-－—–]{1,2})$/.exec(chunk);
  if (dash && chunk.length > dash[0].length && !whole) {
    const at = dash.index === 0 ? dash[0].length : dash.index;
    return [...part(0, at), ...part(at, chunk.length)];
  }
  // a subject code joined to its name by a hyphen (`201-一般公共服务支出`, 泉州): the code, and the name without it
  const coded = whole ? null : CODE_HYPHEN_RE.exec(chunk);
  if (coded) return [...part(0, coded[1].length), ...part(coded[0].length, chunk.length)];
  // an item number (`1.`, `2．一般公共预算`) is part of the label, not a figure
  const item = whole ? null : ITEM_NUMBER_RE.exec(chunk);
  if (item) {
    const head = item[0];
    const rest = part(head.length, chunk.length);
    const label: Token = { kind: 'label', text: head, line: source.line, column: offset + 1, endColumn: offset + 1 + head.length, page: source.page, pageLine: source.pageLine, cell, x0: piece?.x0, x1: piece ? piece.x0 + head.length * perChar : undefined, size: piece?.size };
    if (rest[0]?.kind === 'label') return [{ ...rest[0], text: head + rest[0].text, column: label.column, x0: label.x0 }, ...rest.slice(1)];
    return [label, ...rest];
  }
  const pieces = whole ? WHOLE_RE : PIECE_RE;
  pieces.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = pieces.exec(chunk))) {
    // a figure signed as money is read, and quoted, as its figure; its place is where it is printed
    const text = marked ? unmarkedFigure(m[0]) : m[0];
    const column = offset + m.index + 1;
    const num = parseNumber(text);
    out.push({
      kind: num ? 'number' : 'label',
      text,
      line: source.line,
      column,
      endColumn: column + m[0].length,
      page: source.page,
      pageLine: source.pageLine,
      num: num ?? undefined,
      cell,
      // a PDF piece's extent is shared among its tokens by character count
      x0: piece ? piece.x0 + m.index * perChar : undefined,
      x1: piece ? piece.x0 + (m.index + m[0].length) * perChar : undefined,
      size: piece?.size,
      ...(piece?.printed ? { printed: { ...piece.printed, column: piece.printed.column + (column - (piece.column ?? 1)) } } : {}),
    });
  }
  return out;
}

/** on a page, labels further apart than this many ems stand in different cells */
const CELL_GAP_EMS = 2.5;
/** …and two words of three or more characters further apart than this */
const WORD_GAP_EMS = 1.2;
/** in text, where a CJK character is one column and a space another: three spaces or more */
const TEXT_WORD_GAP = 2;

/** Adjacent labels are one label unless the second opens a new enumerated item or another cell. */
function joinLabels(tokens: Token[]): Token[] {
  const out: Token[] = [];
  let lastWord = '';
  for (const t of tokens) {
    const prev = out[out.length - 1];
    const positioned = prev?.x1 !== undefined && t.x0 !== undefined;
    // on a page in points, in text in characters (a CJK character is an em)
    const gap = positioned ? t.x0! - prev.x1! : prev ? t.column - prev.endColumn : 0;
    const em = positioned ? t.size ?? 10 : 1;
    // letters spread over a cell stand one or two apart; two words a wide gap apart are two cells
    const words = positioned ? lastWord.length >= 3 && t.text.length >= 3 : lastWord.length >= 2 && t.text.length >= 2;
    const apart = (positioned && gap > CELL_GAP_EMS * em) || (words && gap > (positioned ? WORD_GAP_EMS * em : TEXT_WORD_GAP));
    lastWord = t.text;
    if (
      prev &&
      prev.kind === 'label' &&
      t.kind === 'label' &&
      prev.line === t.line &&
      prev.cell === t.cell &&
      !apart &&
      !ENUMERATION_RE.test(t.text) &&
      // a cell printed `-` is a cell of its own, never part of the name beside it
      !DASH_RE.test(prev.text) &&
      !DASH_RE.test(t.text)
    ) {
      out[out.length - 1] = { ...prev, text: prev.text + t.text, endColumn: t.endColumn, x1: t.x1 };
    } else {
      out.push(t);
    }
  }
  return out;
}

function tokenizePlain(text: string, offset: number, source: SourceLine, cell?: number): Token[] {
  const tokens: Token[] = [];
  const re = /[^ \u3000\u00a0]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) tokens.push(...splitChunk(m[0], offset + m.index, source, cell));
  return tokens;
}

/** PDF pieces: tokens take their share of the piece's extent on the page */
function tokenizePieces(source: SourceLine): Token[] {
  return source.pieces!.flatMap((piece) => splitChunk(piece.text, (piece.column ?? 1) - 1, source, undefined, piece));
}

export function tokenizeLine(source: SourceLine): TokenLine {
  const text = source.text;
  if (source.pieces) return { source, tokens: joinSplitCode(joinLabels(tokenizePieces(source))), tabbed: false };
  if (text.includes('\t')) {
    const tokens: Token[] = [];
    // columns as in the file, whose empty leading fields were taken off (text.ts withoutTabMargin)
    let offset = source.tabMargin ?? 0;
    text.split('\t').forEach((cellText, cell) => {
      if (cellText.replace(SPACE_RE, '') === '') {
        tokens.push({
          kind: 'blank',
          text: '',
          line: source.line,
          column: offset + 1,
          endColumn: offset + 1,
          page: source.page,
          cell,
        });
      } else {
        tokens.push(...joinLabels(tokenizePlain(cellText, offset, source, cell)));
      }
      offset += cellText.length + 1;
    });
    return { source, tokens, tabbed: true };
  }
  return { source, tokens: joinSplitCode(joinLabels(tokenizePlain(text, 0, source))), tabbed: false };
}

const CLASS_CODE_RE = /^[23]\d{2}$/;
const SUB_CODE_RE = /^\d{1,2}$/;

/**
 * A code printed in separate 类 / 款 / 项 columns (`201 05 07 专项普查活动`, `301 2 津贴补贴`) is
 * one code (2010507, 30102): a class code, then one or two short numbers, then the row's name.
 * Side-by-side economic groups print one in each group (`301 01 基本工资 147.01 302 01 办公费`):
 * past the line's start, in a row that starts with a code.
 */
export function joinSplitCode(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const head = tokens[i];
    const before = out[out.length - 1];
    // past the line's start, only in a row that starts with a code (a 元 amount 301 then a 行次 12
    // on a two-sided row is no code), after the group before has its name or figure
    const codeRow = !before || (out[0].kind === 'number' && out[0].num!.integer && /^[23]\d{2,6}$/.test(out[0].text));
    const starts = !before || (codeRow && out.length > 1);
    if (!starts || head.kind !== 'number' || !head.num!.integer || !CLASS_CODE_RE.test(head.text)) {
      out.push(head);
      continue;
    }
    let k = 0;
    while (k < 2 && isSubCode(tokens[i + 1 + k])) k++;
    // the name is what follows, except where it wrapped around the line (above and below it):
    // then zero-padded parts (208 05 05, an economic 301 08) and a figure are still a code, at
    // the line's start or after a group before it in a code row
    const next = tokens[i + 1 + k];
    // (a group whose row is blank ends a code row: 399 08 with nothing after it)
    const padded = k > 0 && tokens.slice(i + 1, i + 1 + k).every((t) => t.text.length === 2);
    const nameless = padded && ((next?.kind === 'number' && /[,.]/.test(next.text)) || (next === undefined && before !== undefined));
    if (k === 0 || (next?.kind !== 'label' && !nameless)) {
      out.push(head);
      continue;
    }
    out.push(joinedCode(head, tokens.slice(i + 1, i + 1 + k)));
    i += k;
  }
  return out;
}

/** a class code and the short numbers after it as one code token (208 05 05 → 2080505), spanning them all */
export function joinedCode(head: Token, parts: Token[]): Token {
  const last = parts[parts.length - 1] ?? head;
  const text = head.text + parts.map((p) => p.text.padStart(2, '0')).join('');
  const joined: Token = { ...head, text, endColumn: last.endColumn, num: { value: Number(text), decimals: 0, integer: true, percent: false } };
  if (last.x1 !== undefined) joined.x1 = last.x1;
  return joined;
}

const isSubCode = (t: Token | undefined) => t !== undefined && t.kind === 'number' && t.num!.integer && SUB_CODE_RE.test(t.text);

/** A label without spaces, brackets unified, for matching names across documents. */
export function normalizeLabel(text: string): string {
  return text
    .replace(SPACE_RE, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/[:：]$/, '');
}

/** a normalized header label without the unit printed in its cell (合计（万元） → 合计): what names a column */
export function columnLabel(text: string): string {
  return normalizeLabel(text).replace(/（(千元|万元|亿元|元)）$/, '');
}

export function isEnumerated(text: string): boolean {
  return ENUMERATION_RE.test(text);
}
