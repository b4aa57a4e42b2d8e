/**
 * A project's own performance target form (上海's 财政项目支出绩效目标填报表), one form a
 * project: its name, a funds block of two columns (the whole project's 项目资金总额 = 财政资金 +
 * 其他资金 on the left, this year's 年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金 on the
 * right), its 项目总目标 and 年度总体目标 side by side, and indicators (一级, 二级, 三级, 年度指标值)
 * without weights.
 */
import type { SourceLine } from '../../ingest/text.js';
import { GRID_END } from '../../layout/grid.js';
import { normalizeLabel, tokenizeLine, type Token } from '../../layout/tokenize.js';
import { numberCell, sourceLocation } from '../cells.js';
import { FORM_TITLE } from './form-vocabulary.js';
import { newForm } from './new-form.js';
import { readIndicatorGrid } from './project-grid.js';
import { readGoals } from './target-goals.js';
import { TARGET_TITLE } from './target-forms.js';
import type { Cell, Form, FundsRow, ParseNote, Unit } from '../types.js';

export const TARGET_SHEET_TITLE = /^\s*(财政)?项目支出绩效目标(填报|申报)表\s*([（(][^）)]*[）)])?\s*$/;

/** the funds block's columns: the whole project's, and this year's application */
export const SHEET_COLUMNS = ['项目总额', '年度申请'] as const;
type SheetColumn = (typeof SHEET_COLUMNS)[number];
/** its rows besides those a self-assessment form's funds block has (当年财政拨款, 上年结转资金, 其他资金) */
export const SHEET_ROW_KEYS = ['资金总额', '财政资金'];
/** each printed label: its row, and its column where the label alone tells it (其他资金 stands in both) */
const SHEET_LABELS: Array<[RegExp, string, SheetColumn | null]> = [
  [/^项目资金总额$/, '资金总额', '项目总额'],
  // in text without positions the block's merged left cell (项目资金（元）) runs into its first row
  [/^(项目资金)?(其中[:：])?财政资金$/, '财政资金', '项目总额'],
  [/^年度资金申请总额$/, '资金总额', '年度申请'],
  [/^(其中[:：])?当年财政拨款$/, '当年财政拨款', '年度申请'],
  [/^上年结转(资金)?$/, '上年结转资金', '年度申请'],
  [/^其他资金$/, '其他资金', null],
];
/** a line that is a heading, not the form's: the next form of any kind, or a part */
const isTitle = (text: string) => TARGET_SHEET_TITLE.test(text) || FORM_TITLE.test(text.trim()) || TARGET_TITLE.test(text) || GRID_END.test(text);
/** a title's print is this much larger than the form's own cells */
const TITLE_SIZE = 1.3;

/** where the form titled at lines[i] ends: the next title, or a line printed as large as one */
function formEnd(lines: SourceLine[], i: number): number {
  const size = lines.slice(i + 1, i + 8).find((l) => /项目名称/.test(l.text))?.size;
  let end = i + 1;
  for (; end < lines.length; end++) {
    const l = lines[end];
    if (isTitle(l.text) || (size && l.size && l.size > size * TITLE_SIZE && l.text.trim())) break;
  }
  return end;
}

/** the text a labelled cell holds, up to the next label on its line (项目名称 X 项目性质 Y 项目类别 Z) */
function labelled(lines: SourceLine[], label: string): string | null {
  const line = lines.find((l) => l.text.replace(/\s/g, '').includes(label));
  if (!line) return null;
  const m = new RegExp(`${label}\\s*(.+?)\\s*(?:项目性质|项目类别|实施单位|$)`).exec(line.text);
  return m ? normalizeLabel(m[1]) || null : null;
}

/**
 * The funds block: each label's figure, the figure right after it on its line. 其他资金 is
 * printed in both columns: the first on a line is the project's; alone, the column whose labels
 * it stands nearer to.
 */
function readFunds(block: SourceLine[], file: string, unit: Unit | null): FundsRow[] {
  const x = (t: Token) => t.x0 ?? t.column;
  const found: Array<{ row: string; column: SheetColumn | null; label: Token; figure: Token; line: SourceLine }> = [];
  for (const line of block) {
    const tokens = tokenizeLine(line).tokens;
    const here: typeof found = [];
    tokens.forEach((t, j) => {
      const spec = SHEET_LABELS.find(([re]) => re.test(normalizeLabel(t.text)));
      if (spec && tokens[j + 1]?.kind === 'number') here.push({ row: spec[1], column: spec[2], label: t, figure: tokens[j + 1], line });
    });
    const others = here.filter((f) => f.column === null);
    if (others.length === 2) [others[0].column, others[1].column] = ['项目总额', '年度申请'];
    found.push(...here);
  }
  const edges = (c: SheetColumn) => found.filter((f) => f.column === c).map((f) => x(f.label));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const [projectEdges, yearEdges] = [edges('项目总额'), edges('年度申请')];
  const middle = projectEdges.length && yearEdges.length ? (mean(projectEdges) + mean(yearEdges)) / 2 : null;
  const rows = new Map<string, FundsRow>();
  for (const f of found) {
    const column = f.column ?? (middle === null ? null : x(f.label) < middle ? '项目总额' : '年度申请');
    if (!column) continue;
    const row = rows.get(f.row) ?? { key: f.row, label: f.row, cells: {} as Record<string, Cell | null>, loc: sourceLocation(file, f.line) };
    row.cells[column] ??= numberCell(file, f.figure, unit);
    rows.set(f.row, row);
  }
  return [...rows.values()];
}

/** the funds block's unit, from its label (项目资金（元）, the unit often wrapped onto a line of its own) */
function sheetUnit(block: SourceLine[], fallback: Unit | null): Unit | null {
  const u = /[（(](万元|元)[）)]/.exec(block.map((l) => l.text).join(' '));
  return u ? (u[1] as Unit) : fallback;
}

/**
 * A spreadsheet export's indicators: a row a line, cells by tabs, a merged 一级 or 二级 cell's
 * text in its first row and empty below. Null where the header does not part its cells by tabs.
 */
function tabbedIndicators(block: SourceLine[], file: string, form: Form): number | null {
  const [head, ...rows] = block;
  if (!head.text.includes('\t')) return null;
  const cells = head.text.split('\t').map((c) => normalizeLabel(c));
  const at = (re: RegExp) => cells.findIndex((c) => re.test(c));
  const col = { level1: at(/^一级指标$/), level2: at(/^二级指标$/), level3: at(/^三级指标$/), target: at(/指标值$/) };
  if (col.level1 < 0 || col.level3 < 0 || col.target < 0) return null;
  let level1: string | null = null;
  let level2: string | null = null;
  for (const line of rows) {
    if (!line.text.includes('\t')) break;
    const row = line.text.split('\t').map((c) => normalizeLabel(c));
    if (row[col.level1]) {
      level1 = row[col.level1];
      level2 = null;
      if (!form.sections.some((x) => x.name === level1)) form.sections.push({ name: level1, weight: null, loc: sourceLocation(file, line) });
    }
    if (col.level2 >= 0 && row[col.level2]) level2 = row[col.level2];
    if (!row[col.level3] && !row[col.target]) continue;
    form.indicators.push({ section: level1, name: row[col.level3] ?? '', level2, target: row[col.target] || null, weight: null, weightText: '', score: null, loc: sourceLocation(file, line) });
  }
  return block.length;
}

/**
 * Reads the form titled at lines[i]; null where it has no 项目名称 (a mention of the form's name,
 * not the form). What cannot be read with confidence (its indicators, its goals) is noted.
 */
export function readTargetSheet(lines: SourceLine[], i: number, file: string, id: string, unitFallback: Unit | null, notes: ParseNote[]): { form: Form; end: number } | null {
  const end = formEnd(lines, i);
  const own = lines.slice(i, end);
  const nameAt = own.slice(1, 8).findIndex((l) => /^\s*项目名称/.test(l.text));
  if (nameAt < 0) return null;
  const title = normalizeLabel(lines[i].text.trim()).replace(/[（(][^）)]*[）)]$/, '');
  const goalsAt = own.findIndex((l) => /项目总目标|年度总体目标/.test(l.text));
  const headerAt = own.findIndex((l) => /一级指标/.test(l.text.replace(/\s/g, '')));
  const fundsBlock = own.slice(nameAt + 1, goalsAt >= 0 ? goalsAt : headerAt >= 0 ? headerAt : own.length);
  const unit = sheetUnit(fundsBlock, unitFallback);
  const project = labelled(own.slice(0, 8), '项目名称') ?? '';
  const funds = readFunds(fundsBlock, file, unit);
  const form = newForm({ id, kind: 'target-sheet', title, project, unit, loc: sourceLocation(file, lines[i]) });
  form.fundsColumns = [...SHEET_COLUMNS];
  form.funds = funds;
  form.budget = funds.find((r) => r.key === '资金总额')?.cells['年度申请'] ?? null;
  const where = `${title}「${project}」`;
  if (!form.budget) notes.push({ message: `${where}: 年度资金申请总额未能读出`, loc: form.loc });
  const goals = goalsAt >= 0 ? readGoals(own.slice(goalsAt, headerAt > goalsAt ? headerAt : own.length)) : null;
  if (goals) form.goals = goals;
  if (!form.goals) notes.push({ message: `${where}: 项目总目标、年度总体目标未能分栏读出`, loc: form.loc });
  const read = headerAt < 0 ? null : own[headerAt].pieces ? readIndicatorGrid(own, headerAt, file, form, true) : tabbedIndicators(own.slice(headerAt), file, form);
  if (read === null || !form.indicators.length) {
    const reason = '绩效指标未能逐行读出';
    notes.push({ message: `${where}: ${reason}`, loc: form.loc });
  }
  return { form, end };
}
