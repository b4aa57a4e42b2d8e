/**
 * Where a 总表's cells stand: the header cells over its label and amount columns, the [项目 金额]
 * pairs they make, each side's cells in tab-separated text where the header prints more than the
 * kind's columns, and the names a 总表 prints that mean one line of the form.
 */
import { columnLabel, isEnumerated, normalizeLabel, type Token, type TokenLine } from '../../layout/tokenize.js';
import type { Column } from '../types.js';
import { columnNames } from './kind-columns.js';
import { centreOf } from './geometry.js';
import { COMPARISON_RE } from './spanned-columns.js';
import { pairedGroups, type ColumnGroup } from './text-columns.js';

/** tab-separated: one side's cells as its header line prints them */
export interface TabbedSide {
  label: number;
  lineNo?: number;
  /** its value cells, each under a column of the kind's or (null) one it does not hold */
  cells: Array<{ cell: number; column: Column | null; text: string }>;
}

/** the header cells over a 总表's label and amount columns */
// a header cell may wrap character by character (项目名 / 称): its first line is enough
export const LABEL_HEAD_RE = /^(项目|项目名称?|科目名称?|功能科目名称?|功能分类科目名称?|项目（按功能分类）|支出功能分类科目)$/;
/** the words an amount column's head ends in (预算 and 决算 alone only as a whole cell: in a line's text they are names' words) */
const AMOUNT_WORDS = '预算金额|决算金额|预算数|决算数|金额';
/** an amount column's head: 金额, 预算数, 2025年预算数, 本年预算, 本年决算数… */
const AMOUNT_HEAD_RE = new RegExp(`^(\\d{4}年度?)?(本年)?(${AMOUNT_WORDS}|预算|决算)$`);

/** the header's [项目 金额] pairs, left to right, from its cells where they stand (points, or characters) */
export function headerGroups(cells: Array<{ text: string; x0?: number; x1?: number }>): ColumnGroup[] | null {
  const xs = (re: RegExp) => cells.filter((c) => re.test(normalizeLabel(c.text))).map(centreOf).sort((a, b) => a - b);
  return pairedGroups(xs(LABEL_HEAD_RE), xs(AMOUNT_HEAD_RE));
}

/** an amount column's head within a header's text (not 上年预算数, a comparison) */
const AMOUNT_HEADS_IN_TEXT = new RegExp(`(?<!上年度?)(?:本年)?(?:${AMOUNT_WORDS})`, 'g');

/**
 * A header that prints more [项目 金额] pairs than the two sides (支出 by purpose, by economic
 * class and by function beside 收入: 项目 | 本年预算数 | 支出类别 | 本年预算数 | 政府预算经济分类 |
 * 本年预算数 …), asked where its pairs were not found where they stand (on a page, their name cells
 * are not headed 项目) or cannot be (text whose words are set one space apart): every breakdown
 * would be summed as one 支出, and a blank cell joins one pair's name to the next one's. Why the
 * table is not read, or null where it is not such.
 */
export function unplacedBreakdowns(header: TokenLine[]): string | null {
  // the header's words run together (项目本年预算数支出类别本年预算数…): its amount heads are counted in its text
  const amounts = header.reduce((n, l) => n + (normalizeLabel(l.source.text).match(AMOUNT_HEADS_IN_TEXT)?.length ?? 0), 0);
  if (amounts <= 2) return null;
  return `表头印有 ${amounts} 个金额列（收入之外，支出按几种分类并列），未能分清各组的项目与金额，不能确定每个数属于哪一组`;
}

/**
 * Tab-separated: where each side's cells stand, read off the header line that prints both sides'
 * 项目 cells, where it prints columns the kind does not hold beside its own (上年预算数 | 本年预算数
 * | 增减). Null where the kind's layout (label, 行次, its columns) is the printed one.
 */
export function printedSides(header: TokenLine[], kindColumns: Column[]): TabbedSide[] | null {
  for (const line of header.filter((l) => l.tabbed)) {
    const words = line.tokens.filter((t) => t.kind === 'label' && t.cell !== undefined);
    const starts = words.filter((t) => LABEL_HEAD_RE.test(normalizeLabel(t.text))).map((t) => t.cell!);
    if (starts.length !== 2) continue;
    const sides = (['收入', '支出'] as const).map((side, i) => {
      const own = words.filter((t) => t.cell! > starts[i] && (i === 1 || t.cell! < starts[1]));
      const lineNo = own.find((t) => normalizeLabel(t.text) === '行次')?.cell;
      const columns = kindColumns.filter((c) => c.side === side);
      const cells = own.filter((t) => t.cell !== lineNo).map((t) => ({ cell: t.cell!, column: columns.find((c) => columnNames(c).some((n) => columnLabel(n) === columnLabel(t.text))) ?? null, text: columnLabel(t.text) }));
      return { label: starts[i], lineNo, cells };
    });
    // only columns the kind holds, and ones that compare with another year
    const known = sides.flatMap((s) => s.cells.filter((c) => c.column));
    const skipped = sides.flatMap((s) => s.cells.filter((c) => !c.column));
    if (!skipped.length || !skipped.every((c) => COMPARISON_RE.test(c.text)) || !sides.every((s) => s.cells.some((c) => c.column?.total || c.column?.side === '收入'))) return null;
    if (new Set(known.map((c) => c.column!.key)).size !== known.length) return null;
    return sides;
  }
  return null;
}

/** two PDF lines whose baselines are nearer than a font size: one printed row */
export function close(a: TokenLine, b: TokenLine): boolean {
  const { y: ya, size } = a.source;
  const yb = b.source.y;
  return ya !== undefined && yb !== undefined && a.source.page === b.source.page && Math.abs(yb - ya) < (size ?? 10);
}

/** names that differ between documents but mean one line of the form */
export function canonicalTotalName(name: string, hasYearTotals: boolean): string {
  return name
    .replace(/^(收入|支出)总计$/, '总计')
    // Jiangsu: 当年收入小计 … 收入合计 (the year's total, then with carry-overs); 当年收入 where its 小计 wraps away
    .replace(/^(?:当年|本年)(收入|支出)(?:小计)?$/, '本年$1合计')
    // elsewhere, beside a 总计 (or the other side's 本年收入合计), 收入合计 is the year's
    .replace(/^(收入|支出)合计$/, (_whole: string, side: string) => (hasYearTotals ? '总计' : `本年${side}合计`))
    .replace(/^年初财政拨款结转和结余$/, '年初结转和结余')
    .replace(/^年末财政拨款结转和结余$/, '年末结转和结余')
    .replace(/^使用非财政拨款结余.*$/, '使用非财政拨款结余');
}

export function blankToken(line: TokenLine, cell: number): Token {
  return { kind: 'blank', text: '', line: line.source.line, column: 1, endColumn: 1, page: line.source.page, cell };
}

/** a few characters that are no item's name: the tail of a name wrapped in its cell (出, 业支出, 计) */
export function isNamePiece(name: string): boolean {
  return name.length > 0 && name.length <= 3 && !isEnumerated(name) && !/^(合计|小计|总计)$/.test(name);
}

/**
 * Whether tab-separated rows hold a 行次 cell after each side's name: as the kind prints it,
 * unless a header line names both sides' 项目 and no 行次 (a 收入支出决算总表 printed without them)
 */
export function printsTabbedLineNos(headerLines: TokenLine[]): boolean {
  const heads = headerLines.filter((l) => l.tabbed).map((l) => l.tokens.filter((t) => t.kind === 'label').map((t) => normalizeLabel(t.text)));
  return !heads.some((words) => words.filter((w) => LABEL_HEAD_RE.test(w)).length === 2 && !words.includes('行次'));
}
