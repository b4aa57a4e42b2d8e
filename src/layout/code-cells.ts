/**
 * Tab-separated tables (a sheet saved as text) that print a code in cells of its own: 类 | 款 | 项
 * (`208⇥05⇥05⇥机关事业单位基本养老保险缴费支出⇥…`), or 类 | 款 for economic codes, once a row or
 * once in each of the groups printed side by side (`301⇥01⇥基本工资⇥147.01⇥302⇥01⇥办公费⇥10.64`).
 * The readers take a group as [code, name, values…]; here each group's code cells become one
 * cell in every line of the table, so that names and figures stand where they would with the
 * code printed whole. On a page, positions do this line by line (tokenize.ts joinSplitCode).
 *
 * A row may print only the part of its code that is its own (`208⇥⇥⇥社会保障和就业支出`, then
 * `⇥05⇥⇥行政事业单位养老支出`, then `⇥⇥05⇥机关事业单位…`), as a sheet whose 类 and 款 cells are
 * merged down over their rows is saved as text: the parts it leaves blank are those of the row
 * above, under a header that names the cells 类 款 项. On a page the same rows are told by where
 * their part stands: under the header's 款 or 项; in text laid out as printed (pdftotext
 * -layout), by the character columns of the part and of the header's words.
 */
import { joinedCode, type Token, type TokenLine } from './tokenize.js';

const CLASS_CODE_RE = /^[1-9]\d{2}$/;
const SUB_CODE_RE = /^\d{1,2}$/;
/** a class's code, or a code printed whole in the class's cell */
const WHOLE_CODE_RE = /^[1-9]\d{2}(\d{2}){0,2}$/;

function cellTokens(line: TokenLine, cell: number): Token[] {
  return line.tokens.filter((t) => t.cell === cell);
}

/** a line with an amount (a figure with decimals): the table's rows have begun, no header stands there */
const printsAmount = (line: TokenLine) => line.tokens.some((t) => t.kind === 'number' && !t.num!.integer);

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

/** where a header line names the code cells 类 | 款 (| 项): cell → k, before the table's first figure */
function headedCodeCells(lines: TokenLine[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const line of lines) {
    if (!line.tabbed) continue;
    if (printsAmount(line)) break;
    const text = (cell: number) => cellTokens(line, cell).map((t) => t.text.replace(/\s/g, '')).join('');
    for (const t of line.tokens) {
      if (t.cell === undefined || text(t.cell) !== '类' || text(t.cell + 1) !== '款') continue;
      out.set(t.cell, text(t.cell + 2) === '项' ? 2 : 1);
    }
    if (out.size) break;
  }
  return out;
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
  const out = headedCodeCells(lines);
  // rows that disagree at a cell leave it as printed
  for (const [cell, counts] of seen) if (counts.size === 1 && (out.get(cell) ?? [...counts.keys()][0]) === [...counts.keys()][0]) out.set(cell, [...counts.keys()][0]);
  return out;
}

/** the code of one line's cells at..at+k, its blank leading parts those of the code above (`above`, updated) */
function codeAt(printed: Token[], at: number, above: string[]): Token | null {
  if (!printed.length || !printed.every((t) => t.kind === 'number' && t.num!.integer)) return null;
  if (CLASS_CODE_RE.test(printed[0].text) && printed[0].cell === at) {
    if (!printed.slice(1).every((t) => SUB_CODE_RE.test(t.text))) return null;
    above.splice(0, above.length, ...printed.map((t) => t.text));
    return joinedCode(printed[0], printed.slice(1));
  }
  // only its own part printed: the parts before it are the row above's, which must have them
  const from = printed[0].cell! - at;
  if (!printed.every((t, i) => SUB_CODE_RE.test(t.text) && t.cell === printed[0].cell! + i) || above.length < from) return null;
  const parts = [...above.slice(0, from), ...printed.map((t) => t.text)];
  above.splice(0, above.length, ...parts);
  const [head, ...rest] = parts.map((text) => ({ ...printed[0], text }));
  return { ...joinedCode(head, rest), endColumn: printed[printed.length - 1].endColumn };
}

/** cells at..at+k of one line as one cell: a code joined (208 05 05 → 2080505), words kept, blanks dropped */
function mergeAt(line: TokenLine, at: number, k: number, above: string[]): TokenLine {
  const inCode = (t: Token) => t.cell !== undefined && t.cell >= at && t.cell <= at + k;
  const head = line.tokens.filter(inCode);
  if (!head.length) return line;
  const printed = head.filter((t) => t.kind !== 'blank');
  const code = codeAt(printed, at, above);
  let merged: Token[];
  if (code) {
    merged = [{ ...code, cell: at }];
  } else if (printed.length) {
    merged = printed.map((t) => ({ ...t, cell: at }));
  } else {
    merged = [{ ...head[0], cell: at }];
  }
  const before = line.tokens.filter((t) => t.cell === undefined || t.cell < at);
  const after = line.tokens.filter((t) => t.cell !== undefined && t.cell > at + k).map((t) => ({ ...t, cell: t.cell! - k }));
  return { ...line, tokens: [...before, ...merged, ...after] };
}

const HEADS = ['类', '款', '项'];

/** a header label's span on the page */
interface Span {
  x0: number;
  x1: number;
}

/**
 * The spans of a page header's 类 款 (项) labels, a list for each group of code cells printed
 * side by side (类 款 … 类 款), before the table's first figure; null where none.
 */
function headedCodeColumns(lines: TokenLine[]): Span[][] | null {
  for (const line of lines) {
    if (line.tabbed || printsAmount(line)) return null;
    const groups = headerGroups(line);
    if (groups) return groups;
  }
  return null;
}

/** the spans of the 类 款 (项) labels one header line prints, by group; null where it prints none */
function headerGroups(line: TokenLine): Span[][] | null {
  // the pieces as drawn (the tokens join words that stand close: 款 项 → 款项); in text laid
  // out as printed, the words 类 款 项 each standing alone, at their character columns
  const words = line.source.pieces
    ? [...line.source.pieces].sort((a, b) => a.x0 - b.x0)
    : [...line.source.text.matchAll(HEAD_WORD_RE)].map((m) => ({ text: m[0], x0: m.index! + 1, x1: m.index! + 2 }));
  const groups: Span[][] = [];
  for (const p of words) {
    const level = HEADS.indexOf(p.text.replace(/\s/g, ''));
    if (level === 0) groups.push([]);
    if (level >= 0 && groups.at(-1)?.length === level) groups.at(-1)!.push({ x0: p.x0, x1: p.x1 });
  }
  const whole = groups.filter((g) => g.length >= 2);
  return whole.length ? whole : null;
}

/**
 * a header word 类, 款 or 项 standing alone between spaces (text laid out as printed; a narrow
 * group's header may set them one space apart, `类 款`): a group is only 类 then 款 (then 项)
 */
const HEAD_WORD_RE = /(?<=^|\s)[类款项](?=\s|$)/g;

/**
 * What follows a row's own code part: its name, or (the name wrapped above and below the line,
 * which then prints none) its first figure
 */
const beforeName = (next: Token | undefined) => next !== undefined && (next.kind === 'label' || (next.kind === 'number' && /[,.]/.test(next.text)));

/** where a token stands: on a page, in points; in text laid out as printed, in character columns */
function spanOf(t: Token, line: TokenLine): Span | null {
  if (t.x0 !== undefined) return { x0: t.x0, x1: t.x1! };
  return line.source.pieces || line.tabbed ? null : { x0: t.column, x1: t.endColumn };
}
const centre = (p: { x0?: number; x1?: number }) => (p.x0! + p.x1!) / 2;

/**
 * Whether a group's code cells are set flush right under labels set flush left (WeasyPrint sets
 * header cells so): its class codes (208, then a name) stand wholly between the 类 label and the
 * 款 label, clear of both. A 款 part, set right in its cell, then stands nearer the 项 label than
 * its own; each part is its cell's whose label is the last to start at or before it.
 */
function setFlushRight(lines: TokenLine[], labels: Span[]): boolean {
  let seen = 0;
  for (const line of lines) {
    for (let i = 0; i < line.tokens.length; i++) {
      const t = line.tokens[i];
      const at = spanOf(t, line);
      if (t.kind !== 'number' || !at || !CLASS_CODE_RE.test(t.text) || line.tokens[i + 1]?.kind !== 'label') continue;
      if (at.x1 <= labels[0].x0 || at.x0 >= labels[1].x1) continue;
      if (at.x0 <= labels[0].x1 || at.x1 >= labels[1].x0) return false;
      seen++;
    }
  }
  return seen > 0;
}

/** in text laid out as printed, how many gaps between labels a code part may stand off its own */
const TEXT_REACH = 1.5;
/** …and at least this many characters: a header may set its 类 款 closer than their cells (`类 款`, the rows' `310` and `09` four characters apart) */
const TEXT_MIN_REACH = 4;

/** the code cells of a group: where each stands, and which part of a code it holds */
interface CodeColumn {
  g: number;
  level: number;
  /** how far from the cell's mark a number centred at x stands: the nearest cell takes it, within reach */
  distance(x: number): number;
  reach: number;
}

/** a group's cells: by the labels' left edges where set flush right under them, else by the labels' centres */
function codeColumns(lines: TokenLine[], labels: Span[], g: number): CodeColumn[] {
  const xs = labels.map(centre);
  if (setFlushRight(lines, labels)) {
    // the last cell as wide as the one before it
    const ends = [...labels.slice(1).map((l) => l.x0), labels.at(-1)!.x0 + (labels.at(-1)!.x0 - labels.at(-2)!.x0)];
    return labels.map((l, level) => ({ g, level, distance: (x) => (x >= l.x0 && x < ends[level] ? 0 : Infinity), reach: 0 }));
  }
  // a code part stands under its header label, nearer than the next label is (a figure far right
  // is none); character columns are coarse, and a part set right in its cell half a gap farther
  const gap = Math.min(...xs.slice(1).map((v, k) => v - xs[k]));
  const reach = lines.some((l) => l.source.pieces) ? gap : Math.max(TEXT_REACH * gap, TEXT_MIN_REACH);
  return xs.map((x0, level) => ({ g, level, distance: (x) => Math.abs(x - x0), reach }));
}

/** the code cell nearest a part centred at x (of those given, or `from` where none is nearer) */
function nearestColumn(columns: CodeColumn[], x: number, from?: CodeColumn): CodeColumn {
  return columns.reduce((best, c) => (c.distance(x) < best.distance(x) ? c : best), from ?? columns[0]);
}

/**
 * Lines of a table on a page, or laid out as printed, under a 类 款 (项) header whose rows print
 * only their own part of the code: a short number followed by a name (or by a figure, the name
 * wrapped around its line) takes the parts before its own from the code above it in its group;
 * which part it is, the header cell it stands in says.
 */
function fillDownByPlace(lines: TokenLine[]): TokenLine[] {
  const groups = headedCodeColumns(lines);
  if (!groups) return lines;
  let columns = groups.flatMap((labels, g) => codeColumns(lines, labels, g));
  const above = groups.map(() => [] as string[]);
  return lines.map((line) => {
    // the header repeated on a new page: its cells stand where that page sets them (text laid
    // out as printed spaces each page's columns anew)
    const repeated = printsAmount(line) ? null : headerGroups(line);
    if (repeated?.length === groups.length) {
      columns = repeated.flatMap((labels, g) => codeColumns(lines, labels, g));
      return line;
    }
    let changed = false;
    // the groups whose code cells this line prints something in, so far: a part after another is no row's own
    const printed = new Set<number>();
    const tokens = line.tokens.map((t, i) => {
      const at = spanOf(t, line);
      if (t.kind !== 'number' || !t.num!.integer || !at) return t;
      const x = centre(at);
      const nearest = nearestColumn(columns, x);
      if (nearest.distance(x) > nearest.reach) return t;
      const { g } = nearest;
      // a code's shape says its part where the cell it stands in does not (a header setting 类 款
      // closer than their cells): a whole code or class is the first part; one or two digits are
      // the nearest later part's, unless the first part's cell is nearer still
      const later = () => nearestColumn(columns.filter((c) => c.g === g && c.level > 0), x, nearest).level;
      const level = WHOLE_CODE_RE.test(t.text) ? 0 : SUB_CODE_RE.test(t.text) ? later() : nearest.level;
      const opens = !printed.has(g);
      printed.add(g);
      if (level === 0) {
        // a class code starts the parts anew; anything else there leaves none to take
        above[g] = WHOLE_CODE_RE.test(t.text) ? t.text.match(/^\d{3}|\d{2}/g)! : [];
        return t;
      }
      if (!opens || !SUB_CODE_RE.test(t.text) || !beforeName(line.tokens[i + 1]) || above[g].length < level) return t;
      above[g] = [...above[g].slice(0, level), t.text.padStart(2, '0')];
      const [first, ...rest] = above[g].map((text) => ({ ...t, text }));
      changed = true;
      const code = joinedCode(first, rest);
      return t.x0 === undefined ? code : { ...code, x0: t.x0, x1: t.x1 };
    });
    return changed ? { ...line, tokens } : line;
  });
}

/** the region's lines with each group's code cells merged into one, where its rows print the code split */
export function mergeCodeCells(lines: TokenLine[]): TokenLine[] {
  if (!lines.some((l) => l.tabbed)) return fillDownByPlace(lines);
  const starts = [...splitCodeCells(lines)].sort((a, b) => b[0] - a[0]);
  if (!starts.length) return lines;
  // each group's code parts of the row above, for a row that prints only its own
  const above = new Map(starts.map(([at]) => [at, [] as string[]]));
  // right to left: merging a group shifts only the cells after it
  return lines.map((line) => (line.tabbed ? starts.reduce((l, [at, k]) => mergeAt(l, at, k, above.get(at)!), line) : line));
}
