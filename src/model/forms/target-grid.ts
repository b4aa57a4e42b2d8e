/**
 * A 绩效目标表 from a PDF's lines. Each indicator row has its 分值权重 on one line; a project's
 * merged cells (code and name, category, 预算数, 绩效目标) print their text centred over the
 * project's rows. So the rows are found by their weights, and each project takes the run of
 * rows whose middle is the middle of its name block, from the first row down; where the PDF
 * draws the cells' borders across the name column, they say which rows each project's cells
 * close instead (target-ruled.ts), wherever its text stands in them. If a project's rows cannot
 * be chosen either way (cells aligned to the top and no borders, say), nothing is read: a guess
 * at which rows a project spans would put one project's weights on another.
 */
import type { PageRulings } from '../../ingest/rulings.js';
import type { SourceLine } from '../../ingest/text.js';
import { readGrid, type GridRow } from '../../layout/grid.js';
import { normalizeLabel } from '../../layout/tokenize.js';
import { assigned, printedCell, sourceLocation, tokenLocation } from '../cells.js';
import { centredLabels, columnLabels, partedAs, placeTokens, rowBorders, rowsOwnCells, wordsWithin, type CentredRows, type Label, type Parting, type Placed } from './centred.js';
import { LEVEL_ONE_NAME, oneHeaderCell, printsReservedWeight, TARGET_LEVEL_TWO_NAMES } from './form-vocabulary.js';
import { newForm } from './new-form.js';
import { ruledApart } from './ruled-grid.js';
import { ruledColumn, ruledRows, ruledSpans, type RuledSpans } from './target-ruled.js';
import type { Form, FormIndicator, Location, TargetTable, Unit } from '../types.js';

const COLUMNS: Record<string, RegExp> = {
  name: /项目名称/,
  budget: /预算数/,
  level1: /一级指标/,
  level2: /二级指标/,
  level3: /三级指标/,
  nature: /性质/,
  value: /指标值/,
  unit: /度量单位|^单位/,
  weight: /分值|权重/,
};

/** one of a project code's three words */
const CODE_WORD = /^[0-9A-Z]{6}$/;
/** lines of one cell's text stand closer than this (in text heights) */
const LINE_GAP = 1.6;

/** 一级 names as a merged cell prints them, in full */
const LEVEL_ONE_NAMES = /(产出|效益|满意度|成本)指标/g;

/**
 * The table's projects as forms and its 合计, or null where the lines do not give them with
 * certainty. `lines[from]` is the first line after the title.
 */
export function readTargetGrid(lines: SourceLine[], from: number, file: string, title: string, firstId: number, unit: Unit | null, rulings?: PageRulings[]): { table: TargetTable; forms: Form[]; end: number } | { unread: string } | null {
  // rows set as close as a cell's wrapped lines (iText's, 1.4 line heights apart) are parted by the page's rules
  const grid = readGrid(lines, from, (cells) => cells.some((c) => c === '三级指标'), oneHeaderCell, false, rulings?.length ? ruledApart(rulings) : undefined);
  const head = readHeader(grid.rows, file, title, sourceLocation(file, lines[from - 1]));
  if (!head) return null;
  const { table, col, headerRows } = head;
  const body = grid.rows.filter((r) => !headerRows.includes(r));
  if (!grid.rows[0].lines[0].pieces) {
    const forms = exportedTargets(body, col, table, file, title, firstId, unit);
    return forms ? { table, forms, end: grid.end } : null;
  }

  // a row a page break parts may be drawn on both pages, its copy on the next clipped away: an
  // engine that does not clip reads it twice
  const copies = copiesAtBreaks(body.flatMap((r) => r.lines));
  const placed = placeTokens(body).filter((t) => !copies.has(t.line));
  const inColumn = (c: number) => placed.filter((t) => t.cell === c);
  const totalLabel = inColumn(col.name).find((t) => /^合计/.test(t.text));
  const totalFigure = totalLabel && inColumn(col.budget).find((t) => t.kind === 'number' && Math.abs(t.at - totalLabel.at) < 1);
  if (totalFigure) table.total = printedCell(totalFigure.text, tokenLocation(file, totalFigure), unit);
  const underTotal = totalLabel?.at ?? -Infinity;

  const indicators = indicatorRows(placed, col, underTotal, rulings);
  if (!indicators) return null;
  const projects = projectBlocks(inColumn(col.name).filter((t) => t.at > underTotal), indicators, (blocks, names) => ruledSpans(blocks, names, indicators.weights, rulings, underTotal, '项目编码'));
  if (projects && 'unread' in projects) return projects;
  if (!projects) return null;
  // the 一级/二级 cells parted by a page break are printed as the projects' are
  // the 一级/二级 cells closed by the page's rules, where it draws them across their columns
  const byRules = (c: number, names: RegExp) => ruledColumn(c < 0 ? [] : inColumn(c).filter((t) => t.at > underTotal), names, indicators.weights, rulings, underTotal);
  const ruled = { [col.level1]: byRules(col.level1, LEVEL_ONE_NAMES), [col.level2]: byRules(col.level2, TARGET_LEVEL_TWO_NAMES) };
  const context: ProjectContext = { file, title, firstId, unit, col, inColumn, underTotal, ruled, ...indicators, rows: { ...indicators.rows, parted: projects.parted } };
  const forms = projects.blocks.map((block, k) => targetForm(block, projects.spans[k], k, context));
  // The 一级 cells are merged and centred like the project's: where a project's rows hold 一级
  // names that cannot be centred so, the rows chosen for it are not its own.
  if (col.level1 >= 0 && forms.some((f) => f.indicators.every((x) => x.section === null) && f.indicators.length > 0)) return null;
  return { table, forms, end: grid.end };
}

/** the lines at a page's head that repeat, piece for piece where it stands, the last line of the page before */
function copiesAtBreaks(lines: SourceLine[]): Set<number> {
  const out = new Set<number>();
  const same = (a: SourceLine, b: SourceLine) =>
    a.pieces!.length === b.pieces!.length && a.pieces!.every((p, i) => p.text === b.pieces![i].text && Math.abs(p.x0 - b.pieces![i].x0) <= 1);
  lines.forEach((l, i) => {
    const before = lines[i - 1];
    if (before && l.pieces && before.pieces && l.page !== undefined && before.page === l.page - 1 && same(l, before)) out.add(l.line);
  });
  return out;
}

/** the header rows (down to 三级指标), the column of each header word, and the table with its reserved execution weight */
function readHeader(gridRows: GridRow[], file: string, title: string, loc: Location): { table: TargetTable; col: Record<string, number>; headerRows: GridRow[] } | null {
  const headerRows = gridRows.filter((r) => r.cells.some((c) => c === '三级指标'));
  if (!headerRows.length) return null;
  const header = headerRows[0].cells.map((_, c) => headerRows.map((r) => r.cells[c]).join(''));
  const col: Record<string, number> = {};
  for (const [key, re] of Object.entries(COLUMNS)) col[key] = header.findIndex((h) => re.test(h));
  if (['name', 'budget', 'level3', 'weight'].some((k) => col[k] < 0)) return null;
  // 其中：预算执行率权重10%, or on a page the 分值 cell's own words where that wraps (预算执 / 行率权重10%);
  // an engine may set the figure a space apart, its 权重 then placed in a cell of its own (权重 | …预算执行率10%:
  // pdf.js, a TrueType font from Writer)
  // (its % may wrap into a cell of its own, read as another column's: 权重10 / %; then 权重 says it)
  const joined = normalizeLabel(header.join(''));
  const reserved = /执行率(?:权重)?(\d+(?:\.\d+)?)%/.exec(joined) ?? /执行率权重(\d+(?:\.\d+)?)/.exec(joined) ?? /权重(\d+(?:\.\d+)?)%/.exec(normalizeLabel(header[col.weight]));
  // located at its figure, or where the header words it (the figure in a piece too short to know it by)
  const tokens = headerRows.flatMap((r) => r.tokens);
  const headerToken = reserved ? (tokens.find((t) => printsReservedWeight(t.text, reserved[1])) ?? tokens.find((t) => /执行率|权重/.test(t.text))) : undefined;
  const table: TargetTable = {
    title,
    total: null,
    executionWeight: reserved && headerToken ? assigned(printedCell(reserved[1], tokenLocation(file, headerToken), null)) : null,
    loc,
  };
  return { table, col, headerRows };
}

/** indicator rows: one weight each, with the words of their own cells around it, and the rows' borders */
function indicatorRows(placed: Placed[], col: Record<string, number>, underTotal: number, rulings: PageRulings[] | undefined): { weights: Placed[]; content: Placed[][]; rows: CentredRows } | null {
  const weights = placed.filter((t) => t.cell === col.weight && t.kind === 'number' && t.at > underTotal).sort((a, b) => a.at - b.at);
  if (!weights.length) return null;
  const rowCells = [col.level3, col.nature, col.value, col.unit].filter((c) => c >= 0);
  const own = placed.filter((x) => rowCells.includes(x.cell) && x.at > underTotal);
  // by the cells the page's rules close, where it draws them; else by where the words stand
  const content = ruledRows(weights, own, rulings, underTotal) ?? rowsOwnCells(weights, own);
  // each row's borders: midway between one row's words and the next's (a page break parts them)
  const borders = rowBorders(content);
  // a project's cells are centred over its rows; where a page break parts a project, they print
  // on its part on the one page, its rows on the next coming before the next project's
  return { weights, content, rows: { ...borders, pages: weights.map((w) => w.page), tolerance: 1 / 2 } };
}

/**
 * projects: a code opens each name block. The rules that close the projects' cells give their
 * rows where the PDF draws them across the name column (target-ruled.ts: a cell they close
 * without a code is said, not guessed at); elsewhere a block's middle is the middle of its
 * project's rows. Null where they cannot be told.
 */
function projectBlocks(nameWords: Placed[], { rows, weights }: { rows: CentredRows; weights: Placed[] }, ruled: (blocks: Label[], names: Placed[]) => RuledSpans | null): { blocks: Label[]; spans: Array<[number, number]>; parted: Parting | undefined } | { unread: string } | null {
  const rowCount = weights.length;
  const names = nameWords.sort((a, b) => a.at - b.at || (a.x0 ?? 0) - (b.x0 ?? 0));
  // a code is three words (630200 25R000 000006): the first of them opens a block; the cell may
  // wrap them (630200 25R000 / 000006), so a word that completes a code begun just above opens none
  const codeBefore = (j: number) => {
    let k = j;
    while (k > 0 && CODE_WORD.test(names[k - 1].text) && names[k].at - names[k - 1].at <= LINE_GAP * names[k].height) k--;
    return j - k;
  };
  const starts = names.filter((t, j) => /^\d{6}$/.test(t.text) && codeBefore(j) % 3 === 0);
  if (!starts.length) return null;
  const blocks: Label[] = starts.map((s, k) => {
    const next = starts[k + 1]?.at ?? Infinity;
    const words = names.filter((t) => t.at >= s.at - 1 && t.at < next - 1);
    // the block ends where its cell's text does: a gap wider than a line
    const kept: Placed[] = [s];
    for (const t of words.filter((x) => x !== s)) {
      const last = kept[kept.length - 1];
      if (last && t.at - last.at > LINE_GAP * t.height) break;
      kept.push(t);
    }
    return { name: '', words: kept, middle: (kept[0].at - kept[0].height + kept[kept.length - 1].at) / 2 };
  });
  const byRules = ruled(blocks, names);
  if (byRules && 'stray' in byRules) {
    const { stray, reason } = byRules;
    const holder = blocks.find((b) => b.words.includes(stray));
    return { unread: `第 ${stray.printed?.page ?? stray.page} 页「${holder ? textOf(holder.words) : stray.text}」${reason}，未能确定各项目跨哪几行，未逐项目读取` };
  }
  if (byRules) {
    const owners = byRules.spans.flatMap(([a, z], k) => Array<Label>(z - a + 1).fill(blocks[k]));
    return { blocks, spans: byRules.spans, parted: partedAs(owners, rows, 0) };
  }
  const owners = centredLabels(blocks, rows, 0, rowCount - 1);
  const spans = blocks.map((b) => [owners?.indexOf(b) ?? -1, owners?.lastIndexOf(b) ?? -1] as [number, number]);
  if (!owners || owners.some((o) => !o) || spans.some(([a]) => a < 0)) return null;
  return { blocks, spans, parted: partedAs(owners, rows, 0) };
}

interface ProjectContext {
  file: string;
  title: string;
  firstId: number;
  unit: Unit | null;
  col: Record<string, number>;
  inColumn: (c: number) => Placed[];
  underTotal: number;
  /** a merged column's label over each row, as the page's rules close its cells (by column) */
  ruled: Record<number, Array<string | null> | null>;
  weights: Placed[];
  content: Placed[][];
  rows: CentredRows;
}

const textOf = (ts: Placed[]) => normalizeLabel([...ts].sort((a, b) => a.at - b.at || (a.x0 ?? 0) - (b.x0 ?? 0)).map((t) => t.text).join(''));

/**
 * A merged 一级/二级 column within a project: its words read top to bottom make a run of known
 * names (产出指 / 标 / 效益指 / 标 …), each centred over its rows like the project's own cells.
 */
function mergedLabels(ctx: ProjectContext, c: number, names: RegExp, r0: number, r1: number): Array<string | null> {
  const none = Array<string | null>(r1 - r0 + 1).fill(null);
  const ruled = c < 0 ? null : ctx.ruled[c];
  if (ruled) return ruled.slice(r0, r1 + 1);
  const found = c < 0 ? null : columnLabels(wordsWithin(ctx.inColumn(c), ctx.rows, r0, r1), names);
  if (!found?.length) return none;
  return centredLabels(found, ctx.rows, r0, r1)?.map((l) => l?.name ?? null) ?? none;
}

/**
 * A project's code and name from its cell's words: the code's three words, or where a word runs
 * the code's last part into the name (000007编制外长期), the code as the cell's first 18 characters.
 */
function codeAndName(words: Placed[]): { code: string; project: string } {
  const codes = words.filter((t) => CODE_WORD.test(t.text)).slice(0, 3);
  const whole = textOf(words);
  const code = codes.length < 3 ? /^(?:[0-9A-Z]{6}){3}/.exec(whole)?.[0] : undefined;
  if (code) return { code, project: whole.slice(code.length).replace(/^\d+-/, '') };
  return { code: codes.map((t) => t.text).join(''), project: textOf(words.filter((t) => !codes.includes(t))).replace(/^\d+-/, '') };
}

/** one project's form: its code and name block, its 预算数 and its rows r0..r1 as indicators */
function targetForm(block: Label, [r0, r1]: [number, number], k: number, ctx: ProjectContext): Form {
  const { file, col, unit, weights, content } = ctx;
  const { code, project } = codeAndName(block.words);
  const budget = wordsWithin(ctx.inColumn(col.budget), ctx.rows, r0, r1).find((t) => t.kind === 'number' && t.at > ctx.underTotal);
  const form = newForm({
    id: `f${ctx.firstId + k}`,
    kind: 'target',
    title: ctx.title,
    project,
    code,
    unit,
    loc: tokenLocation(file, block.words[0]),
  });
  form.budget = budget ? printedCell(budget.text, tokenLocation(file, budget), unit) : null;
  const ones = mergedLabels(ctx, col.level1, LEVEL_ONE_NAMES, r0, r1);
  const twos = mergedLabels(ctx, col.level2, TARGET_LEVEL_TWO_NAMES, r0, r1);
  for (let r = r0; r <= r1; r++) {
    const own = content[r];
    const section = ones[r - r0];
    if (section && !form.sections.some((s) => s.name === section)) form.sections.push({ name: section, weight: null, loc: tokenLocation(file, weights[r]) });
    const indicator: FormIndicator = {
      section,
      name: textOf(own.filter((t) => t.cell === col.level3)),
      level2: twos[r - r0],
      target: [col.nature, col.value, col.unit].map((c) => textOf(own.filter((t) => t.cell === c))).filter((x) => x).join(' ') || null,
      actual: null,
      weight: assigned(printedCell(weights[r].text, tokenLocation(file, weights[r]), null)),
      weightText: weights[r].text,
      score: null,
      loc: tokenLocation(file, weights[r]),
    };
    form.indicators.push(indicator);
  }
  return form;
}

/**
 * The same table as a spreadsheet exports it: a merged cell's text stands in the first of its
 * rows, so a project starts at the row that prints its code, and 一级/二级 names hold until the
 * next one.
 */
function exportedTargets(rows: GridRow[], col: Record<string, number>, table: TargetTable, file: string, title: string, firstId: number, unit: Unit | null): Form[] | null {
  const forms: Form[] = [];
  let level1: string | null = null;
  let level2: string | null = null;
  const number = (row: GridRow, c: number) => row.tokens.find((t) => t.cell === c && t.kind === 'number');
  for (const row of rows) {
    const nameCell = row.lines[0].text.split('\t')[col.name] ?? '';
    if (/^合计/.test(row.cells[col.name] ?? '')) {
      const t = number(row, col.budget);
      if (t) table.total = printedCell(t.text, tokenLocation(file, t), unit);
      continue;
    }
    const code = /^\s*((?:[0-9A-Z]{6}\s+){2}[0-9A-Z]{6})\s*(.*)$/.exec(nameCell);
    if (code) {
      const budget = number(row, col.budget);
      const form = newForm({
        id: `f${firstId + forms.length}`,
        kind: 'target',
        title,
        project: normalizeLabel(code[2]).replace(/^\d+-/, ''),
        code: code[1].replace(/\s+/g, ''),
        unit,
        loc: sourceLocation(file, row.lines[0]),
      });
      form.budget = budget ? printedCell(budget.text, tokenLocation(file, budget), unit) : null;
      forms.push(form);
      level1 = level2 = null;
    }
    const form = forms[forms.length - 1];
    if (!form) continue;
    if (row.cells[col.level1]) level1 = row.cells[col.level1];
    if (row.cells[col.level2]) level2 = row.cells[col.level2];
    const weight = number(row, col.weight);
    if (!weight) continue;
    const section = level1 && LEVEL_ONE_NAME.test(level1) ? level1 : null;
    if (section && !form.sections.some((x) => x.name === section)) form.sections.push({ name: section, weight: null, loc: sourceLocation(file, row.lines[0]) });
    form.indicators.push({
      section,
      name: row.cells[col.level3] ?? '',
      level2,
      target: [col.nature, col.value, col.unit].map((c) => (c >= 0 ? row.cells[c] : '')).filter((x) => x).join(' ') || null,
      actual: null,
      weight: assigned(printedCell(weight.text, tokenLocation(file, weight), null)),
      weightText: weight.text,
      score: null,
      loc: sourceLocation(file, row.lines[0]),
    });
  }
  return forms.length ? forms : null;
}
