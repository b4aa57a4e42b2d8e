/** Coded rows: [code name values…], one row per code; names may wrap before their values. */
import { normalizeLabel, type Token, type TokenLine } from '../../layout/tokenize.js';
import { spanLocation } from '../cells.js';
import type { Row, Table } from '../types.js';
import { BaseBuilder, isCode, labelText, levelOf } from './builder.js';
import { centredWraps } from './centred-names.js';
import { functionClassCode } from './kinds.js';

interface PendingRow {
  code?: string;
  codeToken?: Token;
  labels: Token[];
  values: Token[];
  explicit: boolean;
  /** the code as printed where it is not a code of the table's scheme (上海 `7 11 02` for 210 11 02) */
  malformedCode?: Token[];
  /** that code's text, where the row is read all the same (its code from its place) */
  printedCode?: string;
  /** plain text: the lines of words only after the row's figures, before the next row */
  after: Token[][];
  /** plain text: a line after the row's figures that is neither words only nor a row */
  odd?: boolean;
  /** a figure broken into pieces among the row's figures (79 27. for 79.27), the first piece */
  broken?: Token;
}

/**
 * A piece of a figure the text broke apart (pdftotext of some cairo PDFs sets 79.27 as `79 27.`,
 * 1,215.34 as `,1 215 34`, its points on the next line, `. , .1 215 34`): digits ending in a
 * point, points and commas alone or opening digits, or a word's last character an ASCII comma
 * (the name's cell run into the figure's `,1`). Never a name's word in a coded table.
 */
const BROKEN_FIGURE_RE = /^(?:\d+\.|[.,]+\d*)$|,$/;

/** the first broken piece of a figure among a row's tokens, or undefined */
function brokenFigure(toks: Token[]): Token | undefined {
  return toks.find((t) => t.kind === 'label' && BROKEN_FIGURE_RE.test(t.text));
}

/** the words a line opens with, joined: a name spaced out over its cell (合    计, 江苏省委办公厅 2019) is one word */
function leadingLabels(line: TokenLine): string {
  const toks = line.tokens.filter((t) => t.kind !== 'blank');
  const end = toks.findIndex((t) => t.kind !== 'label');
  return normalizeLabel((end < 0 ? toks : toks.slice(0, end)).map((t) => t.text).join(''));
}

/** the name a coded table's one total row prints: 合计, or as other provinces print it (总计, 合计数, 支出合计, 本年收入合计) */
const TOTAL_ROW_RE = /^(?:合计数?|总计|(?:本年)?(?:收入|支出)合计)$/;

export class CodeBuilder extends BaseBuilder {
  private pending: PendingRow[] = [];

  protected override rowFigures(): Token[][] {
    return this.pending.map((p) => p.values.filter((t) => t.kind === 'number'));
  }
  private currentClass: string | null = null;

  /** an economic 款 printed alone (`02`) under the 类 read last (`301`), where the kind splits them */
  private isSplitCode(t: Token, line: TokenLine): boolean {
    // a 款 opens its row with its name or figures after it: a two-digit figure alone on its line
    // is no row (MuPDF's text of the 三公 table under the economic one: 15 / 21.56 / 464.64)
    const alone = line.tokens.every((o) => o === t || o.kind === 'blank');
    return !!this.spec.splitEconomicCodes && !alone && t.kind === 'number' && /^\d{2}$/.test(t.text) && this.currentClass !== null;
  }
  /** the table's one 合计 row, once read (a later 合计 is another table's header, or a part's) */
  private totalRow?: PendingRow;

  protected isDataLine(line: TokenLine): boolean {
    return this.opensRow(line);
  }

  opensRow(line: TokenLine): boolean {
    if (this.stopped) return false;
    const first = line.tokens.find((t) => t.kind !== 'blank');
    if (!first) return false;
    if (line.tabbed && first.cell !== 0) return false;
    if (isCode(first, this.spec.codes)) return true;
    if (this.isSplitCode(first, line)) return true;
    if (malformedCode(line)) return true;
    if (this.totalRow && !this.headerTotal()) return false;
    // one row of figures under a header that names its columns, with no name of its own
    // (江苏's 支出预算总表: 合计 基本支出 项目支出 … / 24169.74 15844.04 …): the 合计 row
    if (first.kind === 'number') return this.pending.length === 0 && this.headerLines.size > 0 && isFigureRow(line);
    // a table has one 合计 row: a later 合计 is another table's header, and so is a line of
    // 合计 and other words (合计 基本支出 项目支出…, or pieces of wrapped column names)
    return first.kind === 'label' && (TOTAL_ROW_RE.test(normalizeLabel(first.text)) || TOTAL_ROW_RE.test(leadingLabels(line))) && !isWordsOnly(line);
  }

  /**
   * The 合计 read so far was a word of the header (MuPDF's text sets each column's name on a line,
   * 合计 alone among them): no figure of its own, and coded rows read after it. The 合计 at the
   * table's foot is then the total row.
   */
  private headerTotal(): boolean {
    const total = this.totalRow;
    return !!total && !total.values.some((t) => t.kind === 'number') && this.pending.indexOf(total) < this.pending.length - 1 && this.pending.some((p) => p.code !== undefined);
  }

  protected take(line: TokenLine): void {
    const toks = line.tokens;
    const first = toks.find((t) => t.kind !== 'blank')!;
    if (this.opensRow(line)) {
      const row: PendingRow = { labels: [], values: [], explicit: line.tabbed, after: [] };
      let rest = toks.slice(toks.indexOf(first) + 1);
      const malformed = !isCode(first, this.spec.codes) && !this.isSplitCode(first, line) ? malformedCode(line) : null;
      if (malformed) {
        // its own row, left out with a note: its figures are not the row above's
        row.malformedCode = malformed;
        rest = rest.filter((t) => !malformed.includes(t));
      } else if (first.kind === 'number' && !isCode(first, this.spec.codes) && !this.isSplitCode(first, line)) {
        // the unnamed 合计 row: every figure is a value
        rest = toks.filter((t) => t.kind !== 'blank');
        this.totalRow = row;
      } else if (first.kind === 'number') {
        let code = first.text;
        if (this.spec.splitEconomicCodes) {
          if (code.length === 3) this.currentClass = code;
          else if (code.length === 2) code = this.currentClass + code;
        }
        row.code = code;
        row.codeToken = first;
      } else {
        row.labels.push(first);
        if (this.totalRow) this.pending.splice(this.pending.indexOf(this.totalRow), 1);
        this.totalRow = row;
      }
      if (line.tabbed) {
        // [code, name, v1…vn]: the name cell is cell 1, values follow positionally
        row.labels.push(...rest.filter((t) => t.cell === 1 && t.kind === 'label'));
        rest = rest.filter((t) => (t.cell ?? 0) >= 2);
        // every cell: which columns the header names is decided once the rows are read (finish)
        row.values.push(...rest);
      } else {
        this.absorb(row, rest);
        row.broken = brokenFigure(rest);
      }
      this.pending.push(row);
      return;
    }
    const cur = this.pending[this.pending.length - 1];
    if (!cur || cur.explicit) return;
    if (this.totalRow?.values.length && first.kind === 'label' && TOTAL_ROW_RE.test(leadingLabels(line)) && toks.some((t) => t.kind === 'number' && !t.num!.integer)) {
      // a second 合计 row with figures, the first having its own (a sheet's columns printed page
      // by page, each part its own 合计): whose total it is is not known, and its figures are no
      // part of the row above (a 合计 alone on a header line, its figures on the next, is one row)
      this.note(`又一行合计（${toks.filter((t) => t.kind !== 'blank').map((t) => t.text).join(' ')}），表中已有合计行，不知是哪一部分的合计，不参与核对`, first);
      return;
    }
    if (cur.values.length && !line.source.pieces && isFigureRow(line)) {
      // figures alone after a row's own are no more of that row's: a text in the order the PDF
      // draws (pdftotext -raw) prints the 合计 row's figures before its name, and a table's first
      // rows before its title; whose they are is not known
      this.note(`一行只有数字（${toks.filter((t) => t.kind !== 'blank').map((t) => t.text).join(' ')}），不知是哪一行的，不参与核对`, first);
      return;
    }
    cur.broken ??= brokenFigure(toks);
    if (cur.values.length) {
      // a name's lines after its row's figures: kept to put centred names together (finish)
      const printed = toks.filter((t) => t.kind !== 'blank');
      if (printed.every((t) => t.kind === 'label')) cur.after.push(printed);
      else cur.odd = true;
    }
    this.absorb(cur, toks);
  }

  /**
   * Plain text (no positions, no tabs) of a table coded by function: names wrapped around their
   * row's line (centred-names.ts) put together, where the lines of words between the rows fit
   * exactly one count; a class's name so made must be the class its code is. Whether it put any together.
   */
  private centreWrappedNames(): boolean {
    if (this.spec.codes !== 'function' || this.region.lines.some((l) => l.source.pieces) || this.pending.some((p) => p.explicit || p.odd)) return false;
    const rows = this.pending;
    if (!rows.length || rows.every((p) => !p.after.length)) return false;
    const header = this.headerTokenLines.map((l) => l.tokens.filter((t) => t.kind !== 'blank'));
    let before = 0;
    while (before < header.length && header[header.length - 1 - before].every((t) => t.kind === 'label')) before++;
    const wraps = centredWraps({
      gaps: rows.slice(0, -1).map((p) => p.after.length),
      before,
      after: rows[rows.length - 1].after.length,
      unnamed: rows.map((p) => p.code !== undefined && p.labels.length === 0),
      whole: rows.map((p) => p.code === undefined),
    });
    const wrapped = (j: number) => (wraps ? wraps.above[j] + wraps.below[j] > 0 : false);
    if (!wraps || !rows.some((_, j) => wrapped(j))) return false;
    const named = rows.map((p, j) => {
      const up = wraps.above[j];
      const above = up === 0 ? [] : j === 0 ? header.slice(header.length - up) : rows[j - 1].after.slice(rows[j - 1].after.length - up);
      return [...above.flat(), ...p.labels, ...p.after.slice(0, wraps.below[j]).flat()];
    });
    const misnamed = rows.some((p, j) => wrapped(j) && p.code?.length === 3 && functionClassCode(this.catalog, normalizeLabel(labelText(named[j]))) !== p.code);
    if (misnamed) return false;
    rows.forEach((p, j) => {
      if (wrapped(j)) p.labels = named[j];
    });
    return true;
  }

  /**
   * Text laid out as printed (pdftotext -layout) of a table whose name cells are set at the top:
   * a name too long for its cell goes on under its first line, in the name's own column
   * (20805 行政事业单位养老支 63.25 / 出). A line of one word after a row's figures is that row's
   * name's tail where it starts where the name starts and the name's first line fills the cell
   * (is as long as the longest name line of the table): a short name never wraps, and a word
   * under it is something else's. Not where any row prints no name on its line (names centred
   * around their row's line, centreWrappedNames).
   */
  private topSetTails(): void {
    const rows = this.pending;
    if (this.region.lines.some((l) => l.source.pieces) || !this.isLaidOut()) return;
    if (rows.some((p) => p.explicit || p.odd || (p.code !== undefined && p.labels.length === 0))) return;
    const width = (ts: Token[]) => ts[ts.length - 1].endColumn - ts[0].column;
    const named = rows.filter((p) => p.code !== undefined && p.labels.length > 0);
    const cell = Math.max(0, ...named.map((p) => width(p.labels)));
    for (const p of named) {
      if (!p.after.length || width(p.labels) < cell - 1) continue;
      const start = p.labels[0].column;
      const tails = p.after.every((ts) => ts.length === 1 && Math.abs(ts[0].column - start) <= 1 && width(ts) <= cell);
      if (tails) p.labels = [...p.labels, ...p.after.flat()];
    }
  }

  private absorb(row: PendingRow, toks: Token[]) {
    for (const t of toks) {
      if (t.kind === 'label') {
        if (row.values.length === 0) row.labels.push(t);
      } else if (t.kind === 'number') {
        row.values.push(t);
      }
    }
  }

  /**
   * A row whose code is misprinted: read as the code its place gives (its misprint is then the
   * rule 科目/编码印错's to report), or left out with a note. Whether it is read.
   */
  private readMisprint(p: PendingRow, name: string, byKey: Map<string, Row>): boolean {
    const printed = p.malformedCode!.map((t) => t.text).join(' ');
    const inferred = this.spec.codes === 'function' ? codeUnder(p.malformedCode!, this.rows, byKey) : null;
    if (!inferred) {
      this.note(`「${printed}${name ? ` ${name}` : ''}」的编码不是科目编码，本行不参与核对`, p.malformedCode![0]);
      return false;
    }
    p.code = inferred;
    p.codeToken = p.malformedCode![0];
    p.printedCode = printed;
    return true;
  }

  finish(): Table {
    if (!this.centreWrappedNames()) this.topSetTails();
    // half the rows' figures broken apart or more: the text, not the table, is at fault
    const broken = this.pending.filter((p) => p.broken);
    if (broken.length && 2 * broken.length >= this.pending.length) this.unsure = `${broken.length} 行的数字在提取的文本中被拆开了（如「${broken[0].broken!.text}」），读不出各数`;
    const byKey = new Map<string, Row>();
    let total: Row | undefined;
    let lastCode: string | undefined;
    let runHead: Row | undefined;
    for (const p of this.pending) {
      const name = labelText(p.labels);
      if (p.malformedCode && !this.readMisprint(p, name, byKey)) continue;
      if (p.broken) {
        this.note(`「${[p.code, name].filter(Boolean).join(' ')}」的数字在提取的文本中被拆开了（${p.broken.text}），读不出各数，本行不参与核对`, p.broken);
        continue;
      }
      const first = p.codeToken ?? p.labels[0] ?? p.values[0];
      const lastTok = p.values[p.values.length - 1] ?? p.labels[p.labels.length - 1] ?? first;
      const loc = spanLocation(this.file, first, lastTok);
      const { cells, unplaced } = this.cellsFor(p.values, this.columns(), loc, p.explicit);
      if (!p.code) {
        // a 合计 line without a single figure, in a table that omits blanks, is a header
        // whose figures did not reach the text: unknown, not zeros (with positions, blanks are seen)
        const unprinted = !p.explicit && p.values.length === 0 && this.columnCentres() === null;
        const row: Row = { key: '合计', name: '合计', kind: 'total', cells: unprinted ? Object.create(null) : cells, unplaced, loc };
        if (!total) {
          total = row;
          this.rows.push(row);
          byKey.set(row.key, row);
        }
        continue;
      }
      const row: Row = { key: p.code, name, code: p.code, level: levelOf(p.code, this.spec.codes), kind: 'item', cells, unplaced, loc };
      if (p.printedCode) row.printedCode = p.printedCode;
      if (byKey.has(p.code)) {
        if (this.spec.repeatedCodes && lastCode === p.code && runHead) {
          // budget 表3 prints each 项 once in total, then once per sub-unit below it
          let k = 2;
          while (byKey.has(`${p.code}#${k}`)) k++;
          row.key = `${p.code}#${k}`;
          row.kind = 'detail';
          row.parent = runHead.key;
        } else {
          this.note(`科目 ${p.code} 出现了不止一次，后一次不参与核对`, p.codeToken!);
          continue;
        }
      } else {
        runHead = row;
      }
      lastCode = p.code;
      byKey.set(row.key, row);
      this.rows.push(row);
    }
    // parent: the longest other code that is a prefix; top-level codes belong to 合计
    const codes = this.rows.filter((r) => r.code && r.kind !== 'detail');
    for (const r of codes) {
      let parent: string | undefined;
      for (const other of codes) {
        if (other !== r && r.code!.startsWith(other.code!) && other.code!.length < r.code!.length) {
          if (!parent || other.code!.length > parent.length) parent = other.code!;
        }
      }
      if (parent) r.parent = parent;
      else if (total && r.level === 1) r.parent = total.key;
    }
    return this.baseTable();
  }
}

/**
 * A row whose code cells hold numbers that are no code of the table's (`7 11 02 事业单位医疗
 * 503,724`; a unit's 506001 in a table coded by function): short integers, or one integer of
 * four to nine digits, then the row's name, then its figures. The code tokens, or null.
 */
function malformedCode(line: TokenLine): Token[] | null {
  const toks = line.tokens.filter((t) => t.kind !== 'blank');
  const code: Token[] = [];
  if (toks[0]?.kind === 'number' && toks[0].num!.integer && /^\d{4,9}$/.test(toks[0].text)) code.push(toks[0]);
  else
    for (const t of toks) {
      if (t.kind !== 'number' || !t.num!.integer || !/^\d{1,3}$/.test(t.text)) break;
      code.push(t);
    }
  const rest = toks.slice(code.length);
  if (!code.length || rest[0]?.kind !== 'label') return null;
  return rest.some((t) => t.kind === 'number' && (!t.num!.integer || t.text.length >= 4)) ? code : null;
}

/**
 * The function code a misprinted one stands for, where only its 类 is wrong and its place says
 * which it is: `7 11 02` read right after 210 or 21011 (its 款 and 项 printed whole, the row of
 * its 款 already read under the class read last) is 2101102. Null where any of that is not so.
 */
function codeUnder(printed: Token[], rows: Row[], byKey: Map<string, Row>): string | null {
  const tail = printed.slice(1).map((t) => t.text);
  if (tail.length < 1 || tail.length > 2 || !tail.every((x) => /^\d{2}$/.test(x))) return null;
  const above = rows[rows.length - 1]?.code;
  if (!above || !/^\d{3}(\d{2}){0,2}$/.test(above)) return null;
  const code = above.slice(0, 3) + tail.join('');
  const parent = code.slice(0, code.length - 2);
  return byKey.has(parent) && !byKey.has(code) ? code : null;
}

/** a line of two or more words and no figure: a header line */
function isWordsOnly(line: TokenLine): boolean {
  const toks = line.tokens.filter((t) => t.kind !== 'blank');
  return toks.length >= 2 && toks.every((t) => t.kind === 'label');
}

/** two or more figures and nothing else: amounts (with a decimal point or thousands separator), not codes */
function isFigureRow(line: TokenLine): boolean {
  const toks = line.tokens.filter((t) => t.kind !== 'blank');
  return toks.length >= 2 && toks.every((t) => t.kind === 'number' && !t.num!.integer);
}
