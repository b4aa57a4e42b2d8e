/**
 * 整体支出绩效自评表: the department's own form. A task block (任务名称, 完成情况, 预算数, 其中：财政拨款,
 * 执行数, 其中：财政拨款) closed by 金额合计, then indicators (一级/二级/指标内容/预期/实际) without
 * scores. Cells are read by column (layout/grid.ts): by tab position in spreadsheet exports, by
 * the header's column edges in a PDF.
 */
import type { SourceLine } from '../../ingest/text.js';
import { readGrid, type GridRow } from '../../layout/grid.js';
import { normalizeLabel } from '../../layout/tokenize.js';
import { numberCell, sourceLocation } from '../cells.js';
import { LEVEL_ONE_NAME, oneHeaderCell } from './form-vocabulary.js';
import { newForm } from './new-form.js';
import type { Cell, Form, FormIndicator, FormSection, FormTask, ParseNote, Unit } from '../types.js';

export const OVERALL_TITLE = /整体支出绩效(目标)?自评表/;
const NAME_LINE = /^\s*部门[（(]单位[）)]名称/;
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

/**
 * Reads the overall form whose title is at lines[i], or returns null when no 部门（单位）名称 line
 * follows it or nothing of it could be read by cells (then with a note). `end` is the index
 * just past what was read.
 */
export function readOverallForm(lines: SourceLine[], i: number, file: string, id: string, unitFallback: Unit | null, notes: ParseNote[]): { form: Form; end: number } | null {
  const nameAt = lines.slice(i + 1, i + 8).findIndex((l) => NAME_LINE.test(l.text));
  if (nameAt < 0) return null;
  const grid = readGrid(lines, i + 1 + nameAt, isHeader, oneHeaderCell);
  const project = grid.rows[0]?.cells.slice(1).find((c) => c) ?? '';
  const form = newForm({ id, kind: 'overall', title: normalizeLabel(lines[i].text.trim()), project, unit: unitFallback, loc: sourceLocation(file, lines[i]) });
  let columns = new Map<number, string>();
  let nameCell = 1;
  let block: 'start' | 'tasks' | 'goals' | 'indicators' = 'start';
  let totalRow: GridRow | null = null;
  let levelOne: string | null = null;
  let levelTwo: string | null = null;
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
      continue;
    }
    if (block === 'tasks') {
      if (/合计/.test(cells[nameCell] ?? '')) totalRow = row;
      else if (cells[nameCell]) form.tasks.push(taskRow(file, row, nameCell, columns));
    } else if (block === 'indicators') {
      // cells drift in this export; read from the right: 实际, 预期, 指标内容, then 二级 and 一级
      const present = cells.filter((c) => c);
      if (present.length < 3) continue;
      const [actual, target, name] = present.slice(-3).reverse();
      for (const c of present.slice(0, -3)) {
        if (LEVEL_ONE_NAME.test(c)) {
          levelOne = c;
          levelTwo = null;
        } else levelTwo = c;
      }
      if (levelOne && !form.sections.some((s) => s.name === levelOne)) form.sections.push({ name: levelOne, weight: null, loc: at } satisfies FormSection);
      const indicator: FormIndicator = { section: levelOne, name, level2: levelTwo, target, actual, weight: null, weightText: '', score: null, loc: at };
      form.indicators.push(indicator);
    }
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
