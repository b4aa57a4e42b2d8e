/**
 * A project form's indicator block on a PDF page. Each indicator row has its 分值 in the column
 * the header names so; the row's own cells (三级指标, 指标值, 实际值, 得分, 原因) are the words
 * nearest it. The 一级 and 二级 cells are merged over their rows and print their text centred
 * over them, between rows or on a row that is not their first: each takes the run of rows it
 * is centred over (see centred.ts), the 二级 cells within their 一级 cell's rows. Where the
 * text cannot be centred so (cells set at the top of their rows), a label holds from the row
 * it stands on down to the next, as a line-by-line reading has it. Where the page draws the
 * block's cell borders (every word in a closed cell), the borders place the words instead of
 * their positions (ruled-grid.ts): a dense page, a header wrapped within its cells.
 */
import type { PageRulings } from '../../ingest/rulings.js';
import type { SourceLine } from '../../ingest/text.js';
import { readGrid, ROW_GAP } from '../../layout/grid.js';
import { normalizeLabel, tokenizeLine } from '../../layout/tokenize.js';
import { assigned, numberCell, printedCell, sourceLocation, tokenLocation } from '../cells.js';
import { centredLabels, columnLabels, placeTokens, rowBorders, rowsOwnCells, wordsWithin, type Label, type Placed } from './centred.js';
import { ACTUAL_CELL, oneHeaderCell, RELATION_CELL, SCORE_CELL, TARGET_LEVEL_TWO_NAMES, targetText, TOTAL_ROW, UNIT_CELL, WEIGHT_CELL } from './form-vocabulary.js';
import { joinWrappedFigures, ruledApart, ruledBands, ruledColumns, ruledContent, ruledLabels } from './ruled-grid.js';
import type { Form, FormSection } from '../types.js';

/** an 一级 cell's text: its name and the weight it may state (产出指标（50分）) */
const SECTION_NAMES = /(?:产出|效益|满意度|成本)指标(?:[（(]\d+(?:\.\d+)?分[）)])?/;
/** header cells that start no column of their own lie this far (points) left of the first */
const SAME_EDGE = 4;

interface Rows {
  above: number[];
  below: number[];
  pages: number[];
  rowHeight: number;
  anchors: Placed[];
}

/** labels that cannot be centred hold from the row nearest them down to the next label */
function whereTheyStand(labels: Label[], rows: Rows, r0: number, r1: number): Array<Label | null> {
  const out: Array<Label | null> = Array(r1 - r0 + 1).fill(null);
  for (const l of labels) {
    const at = l.words[0].at;
    let r = r0;
    for (let i = r0; i <= r1; i++) if (Math.abs(rows.anchors[i].at - at) < Math.abs(rows.anchors[r].at - at)) r = i;
    for (let i = r; i <= r1; i++) out[i - r0] = l;
  }
  return out;
}

/** which label of the column each row r0..r1 falls under */
function labelsOver(words: Placed[], names: RegExp, rows: Rows, r0: number, r1: number): Array<Label | null> {
  const inRows = wordsWithin(words, rows, r0, r1);
  const labels = columnLabels(inRows, names) ?? columnLabels(inRows, null)!;
  return centredLabels(labels, rows, r0, r1) ?? whereTheyStand(labels, rows, r0, r1);
}

/** two lines set closer than a row's gap (grid.ts): one row of cells */
const sameRow = (a: SourceLine, b: SourceLine) => a.page === b.page && a.y !== undefined && b.y !== undefined && b.y - a.y <= ROW_GAP * (b.size ?? 10);

const text = (ts: Placed[]) => normalizeLabel([...ts].sort((a, b) => a.at - b.at || (a.x0 ?? 0) - (b.x0 ?? 0)).map((t) => t.text).join(''));

/**
 * Each row's anchor (its word in the anchoring column) and its own words, shared among the
 * anchors by runs of lines centred on them (rowsOwnCells). Where rows are anchored by a text column (`named` ≥ 0: 指标值, which may take
 * two pieces on a line or wrap), a row is the first such word of a line, and a line that ends
 * up with no name beside it, set as close to its neighbour as a wrapped line is, is that
 * neighbour's value wrapping.
 */
function rowContent(placed: Placed[], anchorCol: number, own: number[], named: number): { anchors: Placed[]; content: Placed[][] } {
  let anchors = placed.filter((t) => t.cell === anchorCol).sort((a, b) => a.at - b.at || (a.x0 ?? 0) - (b.x0 ?? 0));
  if (named >= 0) anchors = anchors.filter((t, i) => i === 0 || t.at !== anchors[i - 1].at);
  // each row's wrapped cells by runs of lines centred on its anchor (rowsOwnCells)
  const assign = () => {
    const isAnchor = new Set(anchors);
    return rowsOwnCells(anchors, placed.filter((x) => own.includes(x.cell) && !isAnchor.has(x)));
  };
  let content = assign();
  if (named < 0) return { anchors, content };
  const wrapped = (r: number) => !content[r].some((t) => t.cell === named) && [r - 1, r + 1].some((s) => anchors[s] && anchors[s].page === anchors[r].page && Math.abs(anchors[s].at - anchors[r].at) <= ROW_GAP * anchors[r].height);
  const kept = anchors.filter((_, r) => !wrapped(r));
  if (kept.length !== anchors.length && kept.length) {
    anchors = kept;
    content = assign();
  }
  return { anchors, content };
}

/** the columns of an indicator block, by the header's cells (-1: none) */
type Columns = Record<'level1' | 'level2' | 'level3' | 'target' | 'actual' | 'weight' | 'score' | 'note' | 'relation' | 'unit', number>;

/** a block's rows: each row's anchor, its own words, and the 一级 and 二级 labels over it */
interface Reading {
  anchors: Placed[];
  content: Placed[][];
  sectionOf: Array<Label | null>;
  levelTwoOf: Array<Label | null>;
}

/** the 二级 labels of each run of rows under one 一级 label; null where `over` cannot give them */
function levelTwos(sectionOf: Array<Label | null>, over: (r0: number, r1: number) => Array<Label | null> | null): Array<Label | null> | null {
  const n = sectionOf.length;
  const levelTwoOf: Array<Label | null> = Array(n).fill(null);
  for (let r0 = 0; r0 < n; ) {
    let r1 = r0;
    while (r1 + 1 < n && sectionOf[r1 + 1] === sectionOf[r0]) r1++;
    const labels = over(r0, r1);
    if (!labels) return null;
    labels.forEach((l, i) => (levelTwoOf[r0 + i] = l));
    r0 = r1 + 1;
  }
  return levelTwoOf;
}

/** the block read by where its words stand (centred.ts) */
function positionedReading(placed: Placed[], col: Columns, anchorCol: number, own: number[], unweighted: boolean): Reading | null {
  const { anchors, content } = rowContent(placed, anchorCol, own, unweighted ? col.level3 : -1);
  if (!anchors.length) return null;
  const rows: Rows = { ...rowBorders(content), pages: anchors.map((a) => a.page), anchors };
  const sectionOf = labelsOver(placed.filter((t) => t.cell === col.level1), SECTION_NAMES, rows, 0, anchors.length - 1);
  const levelTwoOf = levelTwos(sectionOf, (r0, r1) => labelsOver(placed.filter((t) => t.cell === col.level2), TARGET_LEVEL_TWO_NAMES, rows, r0, r1))!;
  return { anchors, content, sectionOf, levelTwoOf };
}

/**
 * The block read by the cells its rules close (ruled-grid.ts): each anchor's cell is a row (an
 * unweighted block's 指标值 may wrap within its cell: its first word anchors). Null where the
 * page draws no such cells for every word.
 */
function ruledReading(head: Placed[], words: Placed[], col: Columns, anchorCol: number, own: number[], rulings: PageRulings[]): Reading | null {
  const columns = ruledColumns(head, words, rulings);
  if (!columns) return null;
  const { words: placed, cells } = joinWrappedFigures(columns, anchorCol);
  const inCell = new Set<string>();
  const anchors = placed
    .filter((t) => t.cell === anchorCol)
    .sort((a, b) => a.at - b.at || (a.x0 ?? 0) - (b.x0 ?? 0))
    .filter((t) => {
      const c = cells.get(t)!;
      const key = `${c.page}/${c.top}/${c.left}`;
      if (inCell.has(key)) return false;
      inCell.add(key);
      return true;
    });
  const bands = anchors.length ? ruledBands(anchors, cells) : null;
  if (!bands) return null;
  const isAnchor = new Set(anchors);
  const content = ruledContent(anchors, placed.filter((t) => own.includes(t.cell) && !isAnchor.has(t)), bands, cells);
  const sectionOf = content && ruledLabels(placed.filter((t) => t.cell === col.level1), bands, cells, 0, anchors.length - 1);
  const levelTwoOf = sectionOf && levelTwos(sectionOf, (r0, r1) => ruledLabels(placed.filter((t) => t.cell === col.level2), bands, cells, r0, r1));
  return content && sectionOf && levelTwoOf ? { anchors, content, sectionOf, levelTwoOf } : null;
}

/** an indicator block's grid from its header at lines[from]: its columns, body rows and their words */
function blockAt(lines: SourceLine[], from: number, unweighted: boolean, apart?: (above: SourceLine, below: SourceLine) => boolean) {
  const grid = readGrid(lines, from, (cells) => cells.some((c) => /^[一三]级指标$/.test(c)), oneHeaderCell, unweighted, apart);
  const [head, ...all] = grid.rows;
  if (!head) return null;
  // a block split by a page break prints its header again on the next page: not a row
  const rest = all.filter((r) => !r.cells.some((c) => /^[一三]级指标$/.test(normalizeLabel(c))));
  const at = (re: RegExp) => head.cells.findIndex((c) => re.test(c));
  const col: Columns = { level1: at(/^一级指标$/), level2: at(/^二级指标/), level3: at(/^三级指标/), target: at(/指标值/), actual: at(ACTUAL_CELL), weight: at(WEIGHT_CELL), score: at(SCORE_CELL), note: at(/原因/), relation: at(RELATION_CELL), unit: at(UNIT_CELL) };
  const anchorCol = unweighted ? col.target : col.weight;
  if (anchorCol < 0 || col.level3 < 0 || (!unweighted && col.score < 0)) return null;
  const totalAt = rest.findIndex((r) => TOTAL_ROW.test(r.cells.join('')));
  const body = totalAt >= 0 ? rest.slice(0, totalAt) : rest;
  // the block's own label (绩效指标, merged down its left side) stands left of every column
  const left = Math.min(...head.tokens.map((t) => t.x0 ?? Infinity));
  const placed = placeTokens(body).filter((t) => (t.x1 ?? t.x0 ?? left) >= left - SAME_EDGE);
  const own = [col.level3, col.relation, col.target, col.unit, col.actual, col.score, col.note].filter((c) => c >= 0);
  return { col, anchorCol, own, placed, rest, totalAt, body, head: placeTokens([head]), words: placeTokens(body) };
}

/**
 * Reads the indicator block whose header is lines[k] into `form`; returns the index just past
 * its 总分 row, or null where the header names no 三级指标, 分值 and 得分 columns. An
 * `unweighted` block (a 绩效目标填报表's: 三级指标 and 指标值, no 分值) finds its rows by their
 * 指标值 instead, one a line. rulings: the PDF's ruled lines; ruledOnly: read the block only
 * where they close its cells (null otherwise), for a header found by its rules alone.
 */
export function readIndicatorGrid(lines: SourceLine[], k: number, file: string, form: Form, unweighted = false, rulings?: PageRulings[], ruledOnly = false): number | null {
  // an unweighted form's cells (a 绩效目标填报表's) are centred under their headers
  // the header's cells that wrap (年度指标 / 值) start on lines above the one naming 一级指标
  const start = (apart?: (above: SourceLine, below: SourceLine) => boolean) => {
    let from = k;
    while (from > 0 && sameRow(lines[from - 1], lines[from]) && !apart?.(lines[from - 1], lines[from]) && !tokenizeLine(lines[from - 1]).tokens.some((t) => t.kind === 'number')) from--;
    return from;
  };
  const from = start();
  // a block whose every word stands in a closed cell is read by its rules, its rows too
  const apart = rulings?.length ? ruledApart(rulings) : null;
  const ruled = apart && blockAt(lines, start(apart), unweighted, apart);
  const byRules = ruled && ruledReading(ruled.head, ruled.words, ruled.col, ruled.anchorCol, ruled.own, rulings!);
  if (ruledOnly && !byRules) return null;
  // rules that part the rows but close no cells (no vertical rules) still part rows set as close
  // as a cell's wrapped lines: the header's row must not take the first row's words
  const block = ruled ?? blockAt(lines, from, unweighted);
  if (!block) return null;
  const read = byRules ?? positionedReading(block.placed, block.col, block.anchorCol, block.own, unweighted);
  if (!read) return null;
  const { col, rest, totalAt, body } = block;
  const { anchors, content, sectionOf, levelTwoOf } = read;
  const sections = new Map<Label, FormSection>();
  anchors.forEach((w, r) => {
    const label = sectionOf[r];
    if (label && !sections.has(label)) {
      const weight = /(\d+(?:\.\d+)?)分/.exec(label.name)?.[1];
      const holder = label.words.find((t) => weight && t.text.includes(weight)) ?? label.words[0];
      const section: FormSection = { name: label.name.replace(/[（(].*$/, ''), weight: weight ? assigned(printedCell(weight, tokenLocation(file, holder), null)) : null, loc: tokenLocation(file, label.words[0]) };
      sections.set(label, section);
      form.sections.push(section);
    }
    const cellText = (c: number) => (c >= 0 ? text(content[r].filter((t) => t.cell === c)) || null : null);
    const score = content[r].find((t) => t.cell === col.score && t.kind === 'number');
    form.indicators.push({
      section: label ? sections.get(label)!.name : null,
      name: cellText(col.level3) ?? '',
      level2: levelTwoOf[r]?.name ?? null,
      target: col.relation >= 0 || col.unit >= 0 ? targetText(cellText(col.relation), cellText(col.target), cellText(col.unit)) : cellText(col.target),
      actual: cellText(col.actual),
      note: cellText(col.note),
      weight: !unweighted && w.kind === 'number' && !w.num!.percent ? assigned(numberCell(file, w, null)) : null,
      weightText: unweighted ? '' : normalizeLabel(w.text),
      score: score ? assigned(numberCell(file, score, null)) : null,
      loc: tokenLocation(file, w),
    });
  });
  const total = rest[totalAt];
  if (!total) return lines.indexOf(body[body.length - 1].lines.at(-1)!) + 1;
  // as in text: its first two figures (a 总分 row may set its score a cell off)
  const [tw, ts] = total.tokens.filter((t) => t.kind === 'number');
  if (tw) form.total = { weight: assigned(numberCell(file, tw, null)), score: ts ? assigned(numberCell(file, ts, null)) : null, loc: sourceLocation(file, total.lines[0]) };
  return lines.indexOf(total.lines.at(-1)!) + 1;
}
