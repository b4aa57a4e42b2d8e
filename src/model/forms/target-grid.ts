/**
 * A 绩效目标表 from a PDF's lines. Each indicator row has its 分值权重 on one line; a project's
 * merged cells (code and name, category, 预算数, 绩效目标) print their text centred over the
 * project's rows. So the rows are found by their weights, and each project takes the run of
 * rows whose middle is the middle of its name block, from the first row down. If a project's
 * rows cannot be chosen so (cells aligned to the top, say), nothing is read: a guess at which
 * rows a project spans would put one project's weights on another.
 */
import type { SourceLine } from '../../ingest/text.js';
import { readGrid, type GridRow } from '../../layout/grid.js';
import { normalizeLabel, type Token } from '../../layout/tokenize.js';
import { assigned, printedCell, sourceLocation, tokenLocation } from '../cells.js';
import { LEVEL_ONE_NAME, oneHeaderCell, TARGET_LEVEL_TWO_NAMES } from './form-vocabulary.js';
import { newForm } from './new-form.js';
import type { Form, FormIndicator, TargetTable, Unit } from '../types.js';

interface Placed extends Token {
  cell: number;
  /** top to bottom through the table, pages one after another: points */
  at: number;
  height: number;
}

const PAGE = 10000;
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

/** 一级 names as a merged cell prints them, in full */
const LEVEL_ONE_NAMES = /(产出|效益|满意度|成本)指标/g;

/**
 * Runs of rows r0..r1, one per block of merged cells, each block's middle the middle of its
 * rows (within `tolerance`), from r0 down to r1; null where no such runs exist.
 */
function centredSpans(middles: number[], borders: number[], r0: number, r1: number, tolerance: number): Array<[number, number]> | null {
  const spans: Array<[number, number]> = [];
  let first = r0;
  for (let k = 0; k < middles.length; k++) {
    const last = k + 1 === middles.length;
    let end = -1;
    let miss = Infinity;
    for (let e = first; e <= r1; e++) {
      const m = Math.abs((borders[first] + borders[e + 1]) / 2 - middles[k]);
      if (m < miss && (!last || e === r1)) [end, miss] = [e, m];
    }
    if (end < 0 || miss > tolerance) return null;
    spans.push([first, end]);
    first = end + 1;
  }
  return first === r1 + 1 ? spans : null;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * The table's projects as forms and its 合计, or null where the lines do not give them with
 * certainty. `lines[from]` is the first line after the title.
 */
export function readTargetGrid(lines: SourceLine[], from: number, file: string, title: string, firstId: number, unit: Unit | null): { table: TargetTable; forms: Form[]; end: number } | null {
  const grid = readGrid(lines, from, (cells) => cells.some((c) => c === '三级指标'), oneHeaderCell);
  const byLine = new Map(grid.rows.flatMap((r) => r.lines).map((l) => [l.line, l]));
  const headerRows = grid.rows.filter((r) => r.cells.some((c) => c === '三级指标'));
  if (!headerRows.length) return null;
  const header = headerRows[0].cells.map((_, c) => headerRows.map((r) => r.cells[c]).join(''));
  const col: Record<string, number> = {};
  for (const [key, re] of Object.entries(COLUMNS)) col[key] = header.findIndex((h) => re.test(h));
  if (['name', 'budget', 'level3', 'weight'].some((k) => col[k] < 0)) return null;
  const reserved = /执行率权重(\d+(?:\.\d+)?)%/.exec(header.join(''));
  const headerToken = headerRows.flatMap((r) => r.tokens).find((t) => reserved && t.text.includes(`${reserved[1]}%`));
  const table: TargetTable = {
    title,
    total: null,
    executionWeight: reserved && headerToken ? assigned(printedCell(reserved[1], tokenLocation(file, headerToken), null)) : null,
    loc: sourceLocation(file, lines[from - 1]),
  };
  if (!grid.rows[0].lines[0].pieces) {
    const forms = exportedTargets(grid.rows.filter((r) => !headerRows.includes(r)), col, table, file, title, firstId, unit);
    return forms ? { table, forms, end: grid.end } : null;
  }

  const placed: Placed[] = grid.rows
    .filter((r) => !headerRows.includes(r))
    .flatMap((r) => r.tokens)
    .map((t) => {
      const line = byLine.get(t.line)!;
      return { ...(t as Token & { cell: number }), at: (line.page ?? 0) * PAGE + (line.y ?? 0), height: t.size ?? line.size ?? 10 };
    });
  const inColumn = (c: number) => placed.filter((t) => t.cell === c);
  const totalLabel = inColumn(col.name).find((t) => /^合计/.test(t.text));
  const totalFigure = totalLabel && inColumn(col.budget).find((t) => t.kind === 'number' && Math.abs(t.at - totalLabel.at) < 1);
  if (totalFigure) table.total = printedCell(totalFigure.text, tokenLocation(file, totalFigure), unit);
  const below = totalLabel?.at ?? -Infinity;

  // indicator rows: one weight each, with the words of their own cells around it
  const weights = inColumn(col.weight).filter((t) => t.kind === 'number' && t.at > below).sort((a, b) => a.at - b.at);
  if (!weights.length) return null;
  const rowCells = [col.level3, col.nature, col.value, col.unit].filter((c) => c >= 0);
  const nearest = (t: Placed) => weights.reduce((best, w, r) => (Math.abs(w.at - t.at) < Math.abs(weights[best].at - t.at) ? r : best), 0);
  const content = weights.map((w) => [w] as Placed[]);
  for (const t of placed.filter((x) => rowCells.includes(x.cell) && x.at > below)) content[nearest(t)].push(t);
  const tops = content.map((ts) => Math.min(...ts.map((t) => t.at - t.height)));
  const bottoms = content.map((ts) => Math.max(...ts.map((t) => t.at)));
  // borders between rows lie midway between one row's last words and the next row's first
  const between = weights.slice(1).map((_, r) => (bottoms[r] + tops[r + 1]) / 2);
  const pad = weights.length > 1 ? median(weights.slice(1).map((_, r) => tops[r + 1] - bottoms[r])) / 2 : weights[0].height / 2;
  const borders = [tops[0] - pad, ...between, bottoms[weights.length - 1] + pad];
  const rowHeight = median(borders.slice(1).map((b, r) => b - borders[r]));

  // projects: a code opens each name block; its middle is the middle of the project's rows
  const names = inColumn(col.name).filter((t) => t.at > below).sort((a, b) => a.at - b.at || (a.x0 ?? 0) - (b.x0 ?? 0));
  // a code is three words (630200 25R000 000006): the first of them on its line opens a block
  const starts = names.filter((t, j) => /^\d{6}$/.test(t.text) && !(j > 0 && names[j - 1].at === t.at && /^[0-9A-Z]{6}$/.test(names[j - 1].text)));
  if (!starts.length) return null;
  const blocks = starts.map((s, k) => {
    const next = starts[k + 1]?.at ?? Infinity;
    const words = names.filter((t) => t.at >= s.at - 1 && t.at < next - 1);
    // the block ends where its cell's text does: a gap wider than a line
    const kept: Placed[] = [s];
    for (const t of words.filter((x) => x !== s)) {
      const last = kept[kept.length - 1];
      if (last && t.at - last.at > 1.6 * t.height) break;
      kept.push(t);
    }
    return { words: kept, middle: (kept[0].at - kept[0].height + kept[kept.length - 1].at) / 2 };
  });
  const spans = centredSpans(blocks.map((b) => b.middle), borders, 0, weights.length - 1, rowHeight / 2);
  if (!spans) return null;

  const text = (ts: Placed[]) => normalizeLabel([...ts].sort((a, b) => a.at - b.at || (a.x0 ?? 0) - (b.x0 ?? 0)).map((t) => t.text).join(''));
  /**
   * A merged 一级/二级 column within a project: its words read top to bottom make a run of known
   * names (产出指 / 标 / 效益指 / 标 …), each centred over its rows like the project's own cells.
   */
  const labels = (c: number, names: RegExp, r0: number, r1: number): Array<string | null> => {
    const none = Array<string | null>(r1 - r0 + 1).fill(null);
    if (c < 0) return none;
    const words = inColumn(c)
      .filter((t) => t.at > borders[r0] && t.at <= borders[r1 + 1])
      .sort((a, b) => a.at - b.at || (a.x0 ?? 0) - (b.x0 ?? 0));
    const run = words.map((t) => normalizeLabel(t.text)).join('');
    const owner = words.flatMap((t) => [...normalizeLabel(t.text)].map(() => t));
    const found = [...run.matchAll(names)].map((m) => {
      const ts = owner.slice(m.index!, m.index! + m[0].length);
      return { name: m[0], middle: (ts[0].at - ts[0].height + ts[ts.length - 1].at) / 2 };
    });
    if (!found.length || found.map((f) => f.name).join('') !== run) return none;
    const spans = centredSpans(found.map((f) => f.middle), borders, r0, r1, rowHeight / 2);
    if (!spans) return none;
    return none.map((_, j) => found[spans.findIndex(([a, b]) => r0 + j >= a && r0 + j <= b)].name);
  };
  const forms = blocks.map((block, k) => {
    const [r0, r1] = spans[k];
    const codes = block.words.filter((t) => /^[0-9A-Z]{6}$/.test(t.text)).slice(0, 3);
    const budget = inColumn(col.budget).find((t) => t.kind === 'number' && t.at >= borders[r0] && t.at <= borders[r1 + 1]);
    const form = newForm({
      id: `f${firstId + k}`,
      kind: 'target',
      title,
      project: text(block.words.filter((t) => !codes.includes(t))).replace(/^\d+-/, ''),
      code: codes.map((t) => t.text).join(''),
      unit,
      loc: tokenLocation(file, block.words[0]),
    });
    form.budget = budget ? printedCell(budget.text, tokenLocation(file, budget), unit) : null;
    const ones = labels(col.level1, LEVEL_ONE_NAMES, r0, r1);
    const twos = labels(col.level2, TARGET_LEVEL_TWO_NAMES, r0, r1);
    for (let r = r0; r <= r1; r++) {
      const own = content[r];
      const section = ones[r - r0];
      if (section && !form.sections.some((s) => s.name === section)) form.sections.push({ name: section, weight: null, loc: tokenLocation(file, weights[r]) });
      const indicator: FormIndicator = {
        section,
        name: text(own.filter((t) => t.cell === col.level3)),
        level2: twos[r - r0],
        target: [col.nature, col.value, col.unit].map((c) => text(own.filter((t) => t.cell === c))).filter((x) => x).join(' ') || null,
        actual: null,
        weight: assigned(printedCell(weights[r].text, tokenLocation(file, weights[r]), null)),
        weightText: weights[r].text,
        score: null,
        loc: tokenLocation(file, weights[r]),
      };
      form.indicators.push(indicator);
    }
    return form;
  });
  // The 一级 cells are merged and centred like the project's: where a project's rows hold 一级
  // names that cannot be centred so, the rows chosen for it are not its own.
  if (col.level1 >= 0 && forms.some((f) => f.indicators.every((x) => x.section === null) && f.indicators.length > 0)) return null;
  return { table, forms, end: grid.end };
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
