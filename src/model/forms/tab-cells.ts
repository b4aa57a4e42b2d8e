/**
 * A project form's indicator rows in tab-separated text (a sheet saved as text, a viewer's copy of
 * a table): the header's cells say where each column stands, and each row's cells are read there.
 */
import type { SourceLine } from '../../ingest/text.js';
import { normalizeLabel, type Token } from '../../layout/tokenize.js';
import { assigned, numberCell, sourceLocation } from '../cells.js';
import { lineFigure } from './conclusion.js';
import { ACTUAL_CELL, LEVEL_ONE_NAME, RELATION_CELL, SCORE_CELL, targetText, UNIT_CELL, WEIGHT_CELL } from './form-vocabulary.js';
import type { Cell, Form, FormSection } from '../types.js';

/** a section's header with its weight: 产出指标(50分) */
export const SECTION = /(产出|效益|满意度|成本)指标\s*[（(](\d+(?:\.\d+)?)分[）)]/;

/** a weight read off a header such as `(50分)` */
export function headerWeight(file: string, line: SourceLine, raw: string): Cell {
  return assigned(lineFigure(file, line, raw));
}


/** where the indicator header's cells put each column (-1 where it has none) */
export interface TabColumns {
  weight: number;
  score: number;
  levelOne: number;
  level2: number;
  level3: number;
  target: number;
  actual: number;
  note: number;
  /** 指标性质 and 度量单位 (四川's template: the target in three cells) */
  relation: number;
  unit: number;
}

/** the header's columns, or null where it names no 分值 or no 得分 (its rows are then read as words) */
export function tabColumns(cells: string[]): TabColumns | null {
  const at = (re: RegExp) => cells.findIndex((c) => re.test(c));
  const columns = { weight: at(WEIGHT_CELL), score: at(SCORE_CELL), levelOne: cells.findIndex((c) => c === '一级指标'), level2: at(/^二级指标/), level3: at(/^三级指标/), target: at(/指标值/), actual: at(ACTUAL_CELL), note: at(/原因/), relation: at(RELATION_CELL), unit: at(UNIT_CELL) };
  return columns.weight >= 0 && columns.score >= 0 ? columns : null;
}

/** the section and the 二级 name the rows read so far stand under */
export interface TabState {
  section: FormSection | null;
  level2: string | null;
}

/** a 二级 name of the indicator framework (数量指标, 经济成本指标, 服务对象满意度指标 …) */
const LEVEL_TWO_NAME = /^(数量|质量|时效|(经济|社会|生态环境)?成本|(经济|社会|生态)效益|可持续影响|(服务对象)?满意度)指标$/;

/**
 * How many cells a row prints fewer than its header before its 一级 (or 二级) name: a web page's
 * rows leave out the cells merged down from above them (the block's 绩效指标(90分) label, a 一级
 * name printed once for its rows), where a sheet keeps them blank. 0 where the row names neither.
 */
function rowShift(columns: TabColumns, cells: string[]): number {
  const names = (shift: number) => {
    const at = (column: number, re: RegExp) => column + shift >= 0 && re.test(normalizeLabel(cells[column + shift] ?? ''));
    return (columns.levelOne >= 0 && at(columns.levelOne, LEVEL_ONE_NAME)) || (columns.level2 >= 0 && at(columns.level2, LEVEL_TWO_NAME));
  };
  return [0, -1, -2].find(names) ?? 0;
}

/** a row whose 分值 and 得分 stand in cells of their own: its indicator added to the form; the section and 二级 name after it */
export function readTabIndicator(form: Form, file: string, header: TabColumns, state: TabState, cells: string[], tokens: Token[], line: SourceLine): TabState {
  let { section, level2 } = state;
  const shift = rowShift(header, cells);
  const columns = (Object.fromEntries(Object.entries(header).map(([k, v]) => [k, v >= 0 ? v + shift : v])) as unknown) as TabColumns;
  const text = cells.join(' ');
  const sec = SECTION.exec(normalizeLabel(text));
  // only the 一级指标 column opens a section (成本指标 is also a 二级 name)
  const bare = LEVEL_ONE_NAME.exec(normalizeLabel(columns.levelOne >= 0 ? cells[columns.levelOne] ?? '' : ''));
  if (sec) {
    section = { name: `${sec[1]}指标`, weight: headerWeight(file, line, sec[2]), loc: sourceLocation(file, line) };
    form.sections.push(section);
  } else if (bare && section?.name !== bare[0]) {
    section = { name: bare[0], weight: null, loc: sourceLocation(file, line) };
    form.sections.push(section);
  }
  const cellTokens = (n: number) => tokens.filter((t) => t.cell === n);
  const wText = normalizeLabel(cells[columns.weight] ?? '');
  const sText = normalizeLabel(cells[columns.score] ?? '');
  if (!wText && !sText) return { section, level2 };
  const wTok = cellTokens(columns.weight).find((t) => t.kind === 'number' && !t.num!.percent && t.text === wText);
  const sTok = cellTokens(columns.score).find((t) => t.kind === 'number' && t.text === sText);
  const textAt = (n: number) => (n >= 0 ? normalizeLabel(cells[n] ?? '') || null : null);
  // the 三级指标 names the row; without that column, all words before 分值
  const name = textAt(columns.level3) ?? normalizeLabel(cells.slice(0, columns.weight).join('')).replace(SECTION, '');
  // a 二级 name is printed once for the rows under it
  level2 = textAt(columns.level2) ?? (bare || sec ? null : level2);
  form.indicators.push({
    section: section?.name ?? null,
    name,
    level2,
    target: columns.relation >= 0 || columns.unit >= 0 ? targetText(textAt(columns.relation), textAt(columns.target), textAt(columns.unit)) : textAt(columns.target),
    actual: textAt(columns.actual),
    note: textAt(columns.note),
    weight: wTok ? assigned(numberCell(file, wTok, null)) : null,
    weightText: wText,
    score: sTok ? assigned(numberCell(file, sTok, null)) : null,
    loc: sourceLocation(file, line),
  });
  return { section, level2 };
}
