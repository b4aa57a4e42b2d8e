/**
 * A project form's indicator rows in tab-separated text (a sheet saved as text, a viewer's copy of
 * a table): the header's cells say where each column stands, and each row's cells are read there.
 */
import type { SourceLine } from '../../ingest/text.js';
import { normalizeLabel, type Token } from '../../layout/tokenize.js';
import { assigned, numberCell, sourceLocation } from '../cells.js';
import { lineFigure } from './conclusion.js';
import { LEVEL_ONE_NAME, SCORE_NAMES, WEIGHT_NAMES } from './form-vocabulary.js';
import type { Cell, Form, FormSection } from '../types.js';

/** a section's header with its weight: 产出指标(50分) */
export const SECTION = /(产出|效益|满意度|成本)指标\s*[（(](\d+(?:\.\d+)?)分[）)]/;

/** a weight read off a header such as `(50分)` */
export function headerWeight(file: string, line: SourceLine, raw: string): Cell {
  return assigned(lineFigure(file, line, raw));
}

/** the indicator header's 分值 and 得分 cells, as other templates name them too (权重, 分值（权重）, 评分) */
const WEIGHT_CELL = new RegExp(`^(${WEIGHT_NAMES}|分值[（(]权重[）)]|权重[（(]分值[）)])$`);
const SCORE_CELL = new RegExp(`^(${SCORE_NAMES})$`);

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
}

/** the header's columns, or null where it names no 分值 or no 得分 (its rows are then read as words) */
export function tabColumns(cells: string[]): TabColumns | null {
  const at = (re: RegExp) => cells.findIndex((c) => re.test(c));
  const columns = { weight: at(WEIGHT_CELL), score: at(SCORE_CELL), levelOne: cells.findIndex((c) => c === '一级指标'), level2: at(/^二级指标/), level3: at(/^三级指标/), target: at(/指标值/), actual: at(/实际/), note: at(/原因/) };
  return columns.weight >= 0 && columns.score >= 0 ? columns : null;
}

/** the section and the 二级 name the rows read so far stand under */
export interface TabState {
  section: FormSection | null;
  level2: string | null;
}

/** a row whose 分值 and 得分 stand in cells of their own: its indicator added to the form; the section and 二级 name after it */
export function readTabIndicator(form: Form, file: string, columns: TabColumns, state: TabState, cells: string[], tokens: Token[], line: SourceLine): TabState {
  let { section, level2 } = state;
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
    target: textAt(columns.target),
    actual: textAt(columns.actual),
    note: textAt(columns.note),
    weight: wTok ? assigned(numberCell(file, wTok, null)) : null,
    weightText: wText,
    score: sTok ? assigned(numberCell(file, sTok, null)) : null,
    loc: sourceLocation(file, line),
  });
  return { section, level2 };
}
