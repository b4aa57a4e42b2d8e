/** A project form's funds block: its rows, its columns and its unit, as text or a page prints them. */
import type { SourceLine } from '../../ingest/text.js';
import { columnTexts } from '../../layout/grid.js';
import { FORM_TITLE, PROJECT_INFO_ROW, SCORE_NAMES, WEIGHT_NAMES } from './form-vocabulary.js';
import { normalizeLabel, type Token } from '../../layout/tokenize.js';
import { assigned, numberCell, sourceLocation } from '../cells.js';
import type { Cell, Form, FundsRow, Unit } from '../types.js';

/**
 * its rows: 年度资金总额 (or as other forms print it 资金总额, 项目资金总额; 四川's 总额), 其中：当年财政拨款
 * (其中：财政拨款 / 本年财政拨款 / 财政拨款资金; 四川's 财政资金), 上年结转资金, 其他资金; 四川's template
 * also 财政专户管理资金 and 单位资金
 */
export const FUNDS_ROW = /^((年度|项目)?资金总额|总额|(其中[:：]?)?((当年|本年)?财政拨款(资金)?|财政资金)|上年结转(资金)?|财政专户管理资金|单位资金|其他资金|其他)[:：]?$/;
const FUNDS_COLUMNS: Array<[RegExp, string]> = [
  [/年初预算/, '年初预算数'],
  // as other templates name them: 调整后预算数, 实际执行数
  [/全年预算|调整后?预算/, '全年预算数'],
  [/全年执行|实际执行|执行数/, '全年执行数'],
  [new RegExp(WEIGHT_NAMES), '分值'],
  [/执行率/, '执行率'],
  [new RegExp(SCORE_NAMES), '得分'],
];
/** the funds block's column keys (what rules read as funds.<row>.<column>) */
export const FUNDS_COLUMN_KEYS = FUNDS_COLUMNS.map(([, key]) => key);
/** the funds block's row keys */
export const FUNDS_ROW_KEYS = ['年度资金总额', '当年财政拨款', '上年结转资金', '财政专户管理资金', '单位资金', '其他资金'];
/**
 * the funds block's label, merged down its rows: 项目资金（万元）, 资金情况, 项目资金 / （元）, or wrapped
 * inside its unit (项目资金（万 / 元）) or before its closing bracket (项目资金（万元 / ）)
 */
export const FUNDS_LABEL = /^(项目)?资金(情况)?([（(](万元?|元)?[）)]?)?$|^[（(]?(万元|元)[）)]$|^[）)]$/;
export const FUNDS_LABEL_START = /^(项目)?资金(情况)?([（(](万元?|元)?[）)]?)?|^[（(]?(万元|元)[）)]|^[）)]/;

/**
 * The funds block's unit, from its label: before the first row in text, amid the rows on a
 * page (a merged cell's text is centred over its rows); up to the indicators' header.
 */
export function fundsUnit(lines: SourceLine[], from: number): Unit | null {
  let k = from;
  for (; k < lines.length; k++) {
    const text = lines[k].text;
    if (/一级指标/.test(text.replace(/[ \u3000]/g, '')) || (k > from && FORM_TITLE.test(text.trim()))) break;
    const u = /[（(](万元|元)[）)]/.exec(text);
    if (u) return u[1] as Unit;
  }
  // on a page the label may wrap (项目资金（万 / 元）): read by columns, from under the rows naming the
  // project and who runs it (their wide cells would run the columns together); in text set a cell to
  // a line, a label set down its cell is a character a line (项 / 目 / 资 / 金 / （ / 元 / ）)
  const block = lines.slice(from, k);
  const funds = block.filter((l, i) => i > 0 && !PROJECT_INFO_ROW.test(normalizeLabel(l.text)));
  const u = /[（(](万元|元)[）)]/.exec(lines[from]?.pieces ? columnTexts(funds).join(' ') : block.map((l) => l.text.trim()).join(''));
  return u ? (u[1] as Unit) : null;
}
/** a funds cell printed as a dash, or as a slash (not applicable: 其中 rows' 权重 and 得分) */
export const PLACEHOLDER = /^([—–\-－]+|[/／])$/;

export function fundsKey(label: string): string {
  if (/^总额|资金总额/.test(label)) return '年度资金总额';
  if (/财政拨款|财政资金/.test(label)) return '当年财政拨款';
  if (/上年结转/.test(label)) return '上年结转资金';
  if (/财政专户/.test(label)) return '财政专户管理资金';
  if (/单位资金/.test(label)) return '单位资金';
  return '其他资金';
}

/** the funds block's columns, in the order its header prints them */
export function fundsColumns(header: string): string[] {
  const found = FUNDS_COLUMNS.map(([re, key]) => ({ key, at: header.search(re) })).filter((c) => c.at >= 0);
  return found.sort((a, b) => a.at - b.at).map((c) => c.key);
}

const AMOUNT_COLUMN = /预算数|执行数/;

/** a column name's head and tail, printed on lines of their own where the name wraps (全年预算 / 数, 执行 / 率) */
const WRAPPING_NAMES: Array<[string, string]> = [
  ['年初预算', '数'],
  ['全年预算', '数'],
  ['全年执行', '数'],
  ['执行', '率'],
];

/**
 * Why the funds block's figures cannot be put under its header's columns (null where they can):
 * the header's words in the text's order, and the figures and placeholders a row prints (tabbed:
 * its cells parted by tabs, blank ones kept).
 * Text read line by line across a header whose names wrap sets a name's head on one line and its
 * tail on a later one, other names between them (全年预算 全年执行 / 资金来源 分值 / 数 数): the
 * columns' order is then not the text's order. A head with its tail next to it is one name; one
 * with no tail of its own printed anywhere is a name printed short (年初预算).
 */
export function fundsHeaderUnread(words: string[], columns: string[], values: Token[], tabbed = false): string | null {
  const parted = WRAPPING_NAMES.filter(([head, tail]) => {
    // a tail next to its head ends that name; a tail standing alone after a head without one is parted from it
    const alone = words.map((w, i) => w === tail && !WRAPPING_NAMES.some(([h, t]) => t === tail && words[i - 1] === h));
    return words.some((w, i) => w === head && words[i + 1] !== tail && alone.some((a, j) => a && j > i + 1));
  });
  if (parted.length) return `资金栏的栏名折行，「${parted.map(([head, tail]) => head + tail).join('」「')}」的上下两段被其他栏名隔开，分不清各栏的先后，资金执行一行及总分未读取`;
  if (values.length > columns.length) return `资金一行印有 ${values.length} 个数，表头只读出 ${columns.length} 栏（${columns.join('、')}），分不清各数属于哪一栏，资金执行一行及总分未读取`;
  // fewer: text leaves a blank cell out, and which one is not known where a figure follows the amounts
  // (880 880 880 10 10 under 分值 执行率 得分: 执行率 left blank, or 得分?); amounts then placeholders are the row's as printed.
  // Tabs keep a blank cell (20 \t 20 \t 10 \t 100% \t: the 得分 left blank, at the row's end)
  const amounts = columns.filter((c) => AMOUNT_COLUMN.test(c)).length;
  if (!tabbed && values.length < columns.length && values.slice(amounts).some((t) => t.kind === 'number')) {
    return `资金一行印有 ${values.length} 个数，表头有 ${columns.length} 栏（${columns.join('、')}），空着的是哪一栏分不清，资金执行一行及总分未读取`;
  }
  return null;
}

/**
 * Text: a line of figures alone after funds rows that printed none (pdftotext set a letter-spaced
 * 年 度资金总额 row's cells a line each: 1966 / 1966 / 10 / 100.00%): which row and column each is
 * cannot be told, and the funds' 分值 and 得分 are not known to be absent.
 */
export function figuresApart(funds: FundsRow[], tokens: Token[]): boolean {
  const blankRow = (f: FundsRow) => Object.values(f.cells).every((c) => c === null);
  return funds.some(blankRow) && tokens.every((t) => t.kind === 'number' || PLACEHOLDER.test(t.text));
}

export const FUNDS_FIGURES_APART = '资金栏的数字没有印在其所在的行上（提取的文字把各格的数字拆成了一行一个），分不清各数属于哪一行哪一栏，资金执行一行及总分未读取';

/**
 * A tabbed row's figures under its header's cells: each column's cell, where the header names it,
 * read at the same place in the row (undefined where it is blank), so that a blank cell keeps its
 * column. A web page's rows leave out a cell merged down from above them (四川's 预算执行情况(10分)
 * label), where a sheet keeps it blank: the row is read one or two cells to the left where that
 * puts a figure under each column (no words, no percentage under an amount) and in place it does
 * not. Null where the header is not one tabbed line naming every column, or no reading fits.
 */
export function alignedValues(headerLines: SourceLine[], columns: string[], tokens: Token[]): Array<Token | undefined> | null {
  const header = [...headerLines].reverse().find((l) => l.text.includes('\t') && fundsColumns(l.text).length === columns.length);
  if (!header || !tokens.length) return null;
  const cells = header.text.split('\t');
  const at = columns.map((key) => cells.findIndex((c) => FUNDS_COLUMNS.some(([re, k]) => k === key && re.test(c.replace(/\s+/g, '')))));
  if (at.some((h) => h < 0)) return null;
  const label = tokens[0].cell ?? 0;
  const inCell = (c: number) => tokens.filter((t) => t.cell === c);
  for (const shift of [0, -1, -2]) {
    const read = at.map((h, j) => {
      const printed = inCell(h + shift);
      if (h + shift <= label) return null;
      if (!printed.length) return undefined;
      const t = printed[0];
      const figure = printed.length === 1 && (t.kind === 'number' || PLACEHOLDER.test(t.text));
      return figure && !(AMOUNT_COLUMN.test(columns[j]) && t.num?.percent) ? t : null;
    });
    if (read.every((t) => t !== null) && read.some((t) => t !== undefined)) return read as Array<Token | undefined>;
  }
  return null;
}

/** a funds row labelled `label`: its figures and placeholders (`values`, undefined for a blank cell) under the form's columns */
export function fundsRow(file: string, form: Form, line: SourceLine, values: Array<Token | undefined>, label: string): FundsRow {
  const cells: Record<string, Cell | null> = Object.create(null);
  form.fundsColumns.forEach((c, j) => {
    const t = values[j];
    if (!t || t.kind !== 'number') cells[c] = null;
    else {
      let cell = numberCell(file, t, c === '执行率' || c === '分值' || c === '得分' ? null : form.unit);
      // 75.00 under 执行率 is a percentage even without its sign
      if (c === '执行率') cell.percent = true;
      if (c === '分值') cell = assigned(cell);
      cells[c] = cell;
    }
  });
  return { key: fundsKey(label), label, cells, loc: sourceLocation(file, line) };
}
