/**
 * A turned 三公 grid's columns after the two years that say how this year's figures changed from
 * last year's (上年预算数 | 本年预算数 | 增、减金额 | 增、减幅度, as counties print them): which are
 * there, and which of a row's figures are the years' and which a change's.
 */
import type { PositionedPiece } from '../../ingest/text.js';
import type { Token } from '../../layout/tokenize.js';
import { centreOf, groupPlacer, halfwayFrom } from './geometry.js';
import { ITEMS_HEADING, squeezed } from './header.js';

/** a header word of a column of changes after the groups (增减, 增、减金额, 增减幅度, 增长率) */
const CHANGE_WORD = /增[、]?减|增长|增幅|减幅|变动/;
/** a change column's own word (增、减金额, 增减幅度, 增减%, 增长率), not a caption over several (比上年增、减情况) */
const CHANGE_COLUMN_WORD = /(?:增[、]?减|增长|增幅|减幅|变动)[^增减]{0,3}?(?:金额|额|幅度|率|[%％]|比例)/g;
/** a change column of rates (in %), not of amounts */
const RATE_WORD = /幅度|率|[%％]|比例/;
/** a column of reasons for the changes (增减原因): prose, no figure's */
const REASON_WORD = /原因|说明/;

/**
 * On a page (or in text laid out as printed), where a column of reasons for the changes starts:
 * halfway between the header words before it and its own. Everything printed from there on is
 * prose (wrapped over lines above and below its row's figures), left out of the grid's lines.
 * Null where the header prints no such column.
 */
export function reasonsEdge(headerRows: PositionedPiece[][]): number | null {
  const pieces = headerRows.flat();
  const reason = pieces.find((p) => REASON_WORD.test(squeezed(p.text)));
  if (!reason) return null;
  return halfwayFrom(reason.x0, pieces.filter((p) => p.x1 <= reason.x0));
}

/** a change column the header prints: a rate's or an amount's, and on a page where its word stands */
interface ChangeColumn {
  rate: boolean;
  x: number | null;
}

/** a row's figures: the years' (as many as the groups, or fewer where blank), and its printed changes */
export interface RowFigures {
  years: Token[];
  changes: Array<{ rate: boolean; token: Token }>;
}

/**
 * The change columns, left to right: the words naming one column each (增、减金额 | 增、减幅度 under
 * 比上年增、减情况), or, where none does, every change word (2023年预算数增减). Where the page gives
 * two columns' words as one piece (a caption joined to the words under it), where each stands is
 * not known (x null).
 */
function changeColumns(words: Array<{ text: string; x: number | null }>): ChangeColumn[] {
  const named = words.flatMap((w) => {
    const found = w.text.match(CHANGE_COLUMN_WORD) ?? [];
    return found.map((text) => ({ rate: RATE_WORD.test(text), x: found.length === 1 ? w.x : null }));
  });
  return named.length ? named : words.filter((w) => CHANGE_WORD.test(w.text)).map((w) => ({ rate: RATE_WORD.test(w.text), x: w.x }));
}

/**
 * A row's figures split into the years' and the changes'. A grid with change columns after other
 * than two years' columns is not read (null for every row); a column of reasons is none of them.
 * On a page (or in text laid out as printed), each figure in its column (placedFigures). In other
 * text, a row printing every cell of the widest row keeps its first figures as the years'; its
 * changes are known where it prints every year's and every change's cell (in tab-separated text,
 * its cells; else as many figures as those columns). One printing as many figures as the years
 * (its change left blank) keeps them where they can be no other reading: two figures a and b
 * could also be 上年 left blank, 本年 a and its change b, which adds up only where a = b. Null for
 * a row that can be read two ways, or prints another count, or where a column of reasons (its
 * prose wrapped over lines of its own) cannot be told from the rows' names.
 */
export function changeFigures(positioned: boolean, headerRows: PositionedPiece[][], headerLabels: string[][], years: number, rows: Token[][]): (values: Token[]) => RowFigures | null {
  // the header's pieces as printed: joining wrapped names may join a caption to the words under it
  const pieces = positioned ? headerRows.flat() : [];
  const words = positioned ? pieces.map((p) => ({ text: squeezed(p.text), x: centreOf(p) })) : headerLabels.flat().map((l) => ({ text: squeezed(l), x: null }));
  // a column of reasons is no change's: on a page its prose is left out of the lines (reasonsEdge)
  const reasons = words.some((w) => REASON_WORD.test(w.text));
  const said = words.filter((w) => !REASON_WORD.test(w.text));
  if (!said.some((w) => CHANGE_WORD.test(w.text))) return (values) => ({ years: values, changes: [] });
  // a change is this year's against last year's: with no two years' columns the grid is not read
  if (years !== 2) return () => null;
  const columns = changeColumns(said);
  if (positioned) return placedFigures(pieces, columns, rows);
  const numbers = (values: Token[]) => values.filter((t) => t.kind === 'number');
  const widest = Math.max(...rows.map((v) => numbers(v).length));
  const changesOf = (cells: Token[]) => (cells.length === columns.length ? cells.flatMap((token, i) => (token.kind === 'number' ? [{ rate: columns[i].rate, token }] : [])) : []);
  return (values) => {
    // tab-separated: every cell in its column, the groups' first (a reason's prose is no value)
    if (values.some((t) => t.cell !== undefined)) return { years: values.slice(0, years), changes: changesOf(values.slice(years)) };
    // other text: a reason's prose, wrapped over lines of its own, cannot be told from a row's name
    if (reasons) return null;
    const figures = numbers(values);
    if (figures.length === 0 || widest === years) return { years: values, changes: [] };
    if (figures.length === widest) return { years: figures.slice(0, years), changes: changesOf(figures.slice(years)) };
    // blank change cells: the figures are the years', unless 上年 blank and its change beside 本年 add up too
    if (figures.length !== years) return null;
    const [a, b] = figures.map((t) => t.num!);
    return a.value !== 0 && Math.abs(a.value - b.value) <= 0.5 * 10 ** -Math.min(a.decimals, b.decimals) ? null : { years: figures, changes: [] };
  };
}

/**
 * On a page: a row's figures, each in its column. Where rows print every year and every change,
 * those rows show where each column's figures stand, and a row printing fewer has each in the
 * column it stands clearly nearest (null where one is not: the grid is then not read). Without
 * such rows, the figures left of where the change columns' words start are the years', and each
 * change goes to the column its word stands nearest.
 */
function placedFigures(pieces: PositionedPiece[], columns: ChangeColumn[], rows: Token[][]): (values: Token[]) => RowFigures | null {
  const figures = (values: Token[]) => values.filter((t) => t.kind === 'number' && t.x0 !== undefined);
  const slots = 2 + columns.length;
  if (rows.some((r) => figures(r).length === slots)) {
    const place = groupPlacer(rows.map(figures), new Array(slots).fill({ x: NaN }));
    return (values) => {
      const placed = place(figures(values));
      if (!placed) return null;
      const changes = placed.slice(2).flatMap((token, i) => (token ? [{ rate: columns[i].rate, token }] : []));
      return { years: placed.slice(0, 2).filter((t): t is Token => t !== undefined), changes };
    };
  }
  const first = Math.min(...pieces.filter((p) => CHANGE_WORD.test(squeezed(p.text)) && !REASON_WORD.test(squeezed(p.text))).map((p) => p.x0));
  const edge = halfwayFrom(first, pieces.filter((p) => p.x0 < first && !ITEMS_HEADING.test(squeezed(p.text))));
  const changesOf = (values: Token[]) => figures(values).filter((t) => t.x0! >= edge);
  // each change in the column whose word it stands clearly nearest (where the page gives each its own)
  const place = columns.every((c) => c.x !== null) ? groupPlacer(rows.map(changesOf), columns.map((c) => ({ x: c.x! }))) : () => null;
  return (values) => {
    const placed = place(changesOf(values));
    const changes = (placed ?? []).flatMap((token, i) => (token ? [{ rate: columns[i].rate, token }] : []));
    return { years: figures(values).filter((t) => t.x0! < edge), changes };
  };
}
