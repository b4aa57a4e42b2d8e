/**
 * 整体支出绩效自评表: the department's own form. A task block (任务名称, 完成情况, 预算数, 其中：财政拨款,
 * 执行数, 其中：财政拨款) closed by 金额合计, then indicators (一级/二级/指标内容/预期/实际) without
 * scores. Cells are read by column (layout/grid.ts): by tab position in spreadsheet exports, by
 * the header's column edges in a PDF.
 */
import type { PageRulings } from '../../ingest/rulings.js';
import type { SourceLine } from '../../ingest/text.js';
import { readGrid, type GridRow } from '../../layout/grid.js';
import { normalizeLabel } from '../../layout/tokenize.js';
import { assigned, numberCell, sourceLocation } from '../cells.js';
import { LEVEL_ONE_NAME, oneHeaderCell } from './form-vocabulary.js';
import { newForm } from './new-form.js';
import { ruledApart } from './ruled-grid.js';
import type { Cell, Form, FormIndicator, FormSection, FormTask, ParseNote, Unit } from '../types.js';

export const OVERALL_TITLE = /整体支出绩效(目标)?自评表/;
/** the form's first row: 部门（单位）名称, its 称 maybe wrapped to the cell's next line (部门(单位)名 / 称) */
const NAME_LINE = /^\s*部门[（(]单位[）)]名/;
/** a task header's money columns, by what its cells say, in printed order */
export const TASK_COLUMN_KEYS = ['预算数', '预算财政拨款', '执行数', '执行财政拨款'];

const isHeader = (cells: string[]) => cells.some((c) => c === '任务名称' || c === '一级指标');

/** which cell holds which money column: 预算数 and 执行数 each followed by its 其中：财政拨款 */
function taskColumns(cells: string[]): Map<number, string> {
  const columns = new Map<number, string>();
  let last = '';
  cells.forEach((c, i) => {
    if (/^预算数/.test(c)) columns.set(i, (last = '预算数'));
    else if (/^执行数/.test(c)) columns.set(i, (last = '执行数'));
    else if (/财政拨款/.test(c) && last) columns.set(i, last === '预算数' ? '预算财政拨款' : '执行财政拨款');
  });
  return columns;
}

function taskRow(file: string, row: GridRow, nameCell: number, columns: Map<number, string>, shift = 0): FormTask {
  const values: Record<string, Cell | null> = Object.create(null);
  for (const key of TASK_COLUMN_KEYS) values[key] = null;
  for (const [at, key] of columns) {
    const t = row.tokens.find((x) => x.cell === at + shift && x.kind === 'number');
    values[key] = t ? numberCell(file, t, null) : null;
  }
  // a wrapped row is found at the line that holds its figures
  const figures = row.tokens.find((x) => x.kind === 'number');
  const line = row.lines.find((l) => l.line === figures?.line) ?? row.lines[0];
  return { name: row.cells[nameCell] ?? '', outcome: row.cells[nameCell + 1] ?? '', cells: values, loc: sourceLocation(file, line) };
}

/** the cells a row fills among the money columns */
const filled = (row: GridRow, at: number[]) => at.filter((c) => row.tokens.some((t) => t.cell === c && t.kind === 'number'));

/** where an indicator header puts each column (-1: none); null where it names too few to place cells by */
type IndicatorColumns = Record<'level1' | 'level2' | 'name' | 'target' | 'actual' | 'weight' | 'score' | 'note', number>;
function indicatorHeader(cells: string[]): IndicatorColumns | null {
  const at = (re: RegExp) => cells.findIndex((c) => re.test(c));
  const col = { level1: at(/^一级指标$/), level2: at(/^二级指标$/), name: at(/^(三级指标|指标内容|指标名称)$/), target: at(/指标值|预期/), actual: at(/实际/), weight: at(/^分值$/), score: at(/^得分$/), note: at(/原因/) };
  // without 分值 and 得分 the form is read from the right, as before (its cells drift in exports)
  return col.level1 >= 0 && col.name >= 0 && col.target >= 0 && col.actual >= 0 && col.weight >= 0 && col.score >= 0 ? col : null;
}

interface IndicatorCells {
  level1: string | null;
  level2: string | null;
  name: string;
  target: string;
  actual: string;
  weight: Cell | null;
  weightText: string;
  score: Cell | null;
  note?: string;
}

/** a row read from the right: 实际, 预期, 指标内容, then 二级 and 一级 (where cells drift in the export) */
function fromTheRight(cells: string[]): IndicatorCells | null {
  const present = cells.filter((c) => c);
  if (present.length < 3) return null;
  const [actual, target, name] = present.slice(-3).reverse();
  const before = present.slice(0, -3);
  const level1 = before.find((c) => LEVEL_ONE_NAME.test(c)) ?? null;
  const level2 = [...before].reverse().find((c) => !LEVEL_ONE_NAME.test(c)) ?? null;
  return { level1, level2, name, target, actual, weight: null, weightText: '', score: null };
}

/**
 * A row under a header that names its columns (分值 and 得分 among them): each cell where the
 * header puts it, or a cell to the left or right where the row stands off by one (its name,
 * 指标值 and 实际值 all filled there and not where the header puts them). Null where neither fits.
 */
function byHeader(file: string, row: GridRow, col: IndicatorColumns): IndicatorCells | null | 'merged' {
  const cells = row.cells;
  // two rows' figures in one 分值 or 得分 cell: rows set too close to part (a page's lines)
  if ([col.weight, col.score].some((c) => row.tokens.filter((t) => t.cell === c && t.kind === 'number').length > 1)) return 'merged';
  const fits = (d: number) => [col.name, col.target, col.actual].every((c) => cells[c + d]);
  const shift = [0, -1, 1].find(fits);
  if (shift === undefined) return null;
  const cell = (c: number) => (c >= 0 ? cells[c + shift] || null : null);
  const figure = (c: number) => {
    const t = row.tokens.find((x) => x.cell === c + shift && x.kind === 'number' && !x.num!.percent);
    return t && normalizeLabel(t.text) === cell(c) ? assigned(numberCell(file, t, null)) : null;
  };
  return { level1: cell(col.level1), level2: cell(col.level2), name: cell(col.name)!, target: cell(col.target)!, actual: cell(col.actual)!, weight: figure(col.weight), weightText: cell(col.weight) ?? '', score: figure(col.score), ...(cell(col.note) ? { note: cell(col.note)! } : {}) };
}

/**
 * Reads the overall form whose title is at lines[i], or returns null when no 部门（单位）名称 line
 * follows it or nothing of it could be read by cells (then with a note). `end` is the index
 * just past what was read.
 */
export function readOverallForm(lines: SourceLine[], i: number, file: string, id: string, unitFallback: Unit | null, notes: ParseNote[], rulings?: PageRulings[]): { form: Form; end: number } | null {
  const tried: ParseNote[] = [];
  const read = readOverallGrid(lines, i, file, id, unitFallback, tried);
  // A form set so densely that its rows stand as close as a cell's wrapped lines (AbiWord's,
  // Chromium's at 6 pt) reads as one row: where nothing was read so, the page's rules part its
  // rows. Only then: a rule also parts a merged cell's lines from the rows beside them.
  if (!read && tried.some((n) => n.unread) && rulings?.length) {
    const again: ParseNote[] = [];
    const byRules = readOverallGrid(lines, i, file, id, unitFallback, again, ruledApart(rulings));
    if (byRules) {
      notes.push(...again);
      return byRules;
    }
  }
  notes.push(...tried);
  return read;
}

/** the overall form at lines[i] read by its grid's rows; apart: the page's rules, which part rows set close */
function readOverallGrid(lines: SourceLine[], i: number, file: string, id: string, unitFallback: Unit | null, notes: ParseNote[], apart?: (above: SourceLine, below: SourceLine) => boolean): { form: Form; end: number } | null {
  // spaces as a typesetter leaves them round the brackets (部门 （单位） 名称) say nothing
  const nameAt = lines.slice(i + 1, i + 8).findIndex((l) => NAME_LINE.test(l.text.replace(/[ \u3000]+/g, '')));
  if (nameAt < 0) {
    // a title with no form under it is said, not passed over: its checks are not made
    const title = normalizeLabel(lines[i].text.trim());
    const reason = '标题下未找到「部门（单位）名称」一行，表未读取';
    notes.push({ message: `${title}: ${reason}`, loc: sourceLocation(file, lines[i]), unread: { title, reason } });
    return null;
  }
  const grid = readGrid(lines, i + 1 + nameAt, isHeader, oneHeaderCell, false, apart);
  const project = grid.rows[0]?.cells.slice(1).find((c) => c) ?? '';
  const form = newForm({ id, kind: 'overall', title: normalizeLabel(lines[i].text.trim()), project, unit: unitFallback, loc: sourceLocation(file, lines[i]) });
  let columns = new Map<number, string>();
  let nameCell = 1;
  let block: 'start' | 'tasks' | 'goals' | 'indicators' = 'start';
  let totalRow: GridRow | null = null;
  let levelOne: string | null = null;
  let levelTwo: string | null = null;
  let indicatorColumns: IndicatorColumns | null = null;
  /** an indicator row whose cells hold two rows' figures: the indicators cannot be told apart */
  let merged = false;
  for (const row of grid.rows.slice(1)) {
    const cells = row.cells;
    const joined = cells.join('');
    const at = sourceLocation(file, row.lines[0]);
    if (/任务名称/.test(joined) && /预算数/.test(joined)) {
      block = 'tasks';
      columns = taskColumns(cells);
      nameCell = cells.findIndex((c) => c === '任务名称');
      const u = /[（(](万元|元)[）)]/.exec(joined);
      if (u) form.unit = u[1] as Unit;
      continue;
    }
    if (/总体目标/.test(cells[0] ?? '')) {
      block = 'goals';
      continue;
    }
    if (/一级指标/.test(joined)) {
      block = 'indicators';
      indicatorColumns = indicatorHeader(cells);
      continue;
    }
    if (block === 'tasks') {
      if (/合计/.test(cells[nameCell] ?? '')) totalRow = row;
      else if (cells[nameCell]) form.tasks.push(taskRow(file, row, nameCell, columns));
    } else if (block === 'indicators') {
      const read = indicatorColumns ? byHeader(file, row, indicatorColumns) : fromTheRight(cells);
      if (read === 'merged') merged = true;
      if (!read || read === 'merged') continue;
      const level1 = read.level1 ?? '';
      if (LEVEL_ONE_NAME.test(level1)) {
        levelOne = level1;
        levelTwo = null;
      }
      if (read.level2) levelTwo = read.level2;
      if (levelOne && !form.sections.some((s) => s.name === levelOne)) form.sections.push({ name: levelOne, weight: null, loc: at } satisfies FormSection);
      const indicator: FormIndicator = { section: levelOne, name: read.name, level2: levelTwo, target: read.target, actual: read.actual, weight: read.weight, weightText: read.weightText, score: read.score, loc: at };
      if (read.note) indicator.note = read.note;
      form.indicators.push(indicator);
    }
  }
  if (merged) {
    // a guess would pair one row's 分值 with another's name: the tasks stand, the indicators go
    const reason = '绩效指标各行的分值、得分未能按行分开，指标未读取';
    notes.push({ message: `${form.title}: ${reason}`, loc: form.loc, partly: { title: form.title, reason } });
    form.indicators = [];
    form.sections = [];
  }
  if (totalRow) {
    // An export may set the 金额合计 row off by a cell from its tasks (its label cell merged wider).
    // When every task fills the same money cells and the total fills as many, shifted alike,
    // the total is read in the tasks' columns, and the shift is noted.
    const at = [...columns.keys()];
    const patterns = new Set(form.tasks.map((t) => at.filter((c) => t.cells[columns.get(c)!] !== null).join(',')).filter((p) => p));
    const own = filled(totalRow, [...at, Math.max(...at) + 1]);
    let shift = 0;
    if (patterns.size === 1) {
      const used = [...patterns][0].split(',').map(Number);
      const d = own[0] - used[0];
      if (d !== 0 && own.length === used.length && own.every((c, j) => c - used[j] === d)) shift = d;
    }
    if (shift) {
      const off = `${shift > 0 ? '错后' : '错前'} ${Math.abs(shift)} 格`;
      const misplaced = `「${form.title}」的「金额合计」行，数字比各任务行${off}，已按各任务行的栏目读取和核对；公开的表应把它们放回各自的栏`;
      notes.push({ message: `${project}: 金额合计 行的数字比各任务行${off}，按各任务行的栏目读取`, loc: sourceLocation(file, totalRow.lines[0]), misplaced });
    }
    form.tasksTotal = taskRow(file, totalRow, nameCell, columns, shift);
  }
  for (const t of [...form.tasks, ...(form.tasksTotal ? [form.tasksTotal] : [])]) {
    for (const key of TASK_COLUMN_KEYS) {
      const c = t.cells[key];
      if (c) c.unit = form.unit;
    }
  }
  if (!form.tasks.length && !form.indicators.length) {
    notes.push({ message: `${form.title}: 未能按栏读取`, loc: form.loc, unread: { title: form.title, reason: '未能按栏读取' } });
    return null;
  }
  return { form, end: grid.end };
}
