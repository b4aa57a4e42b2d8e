/** Printed tokens → model cells and locations. */
import type { SourceLine } from '../ingest/text.js';
import { parseNumber, type Token } from '../layout/tokenize.js';
import { halfUnit } from '../interval/interval.js';
import type { Cell, Location, Unit } from './types.js';

export function tokenLocation(file: string, t: Token): Location {
  // a figure joined from the right part of a sheet printed across two pages: where it is printed
  if (t.printed) return { file, line: t.printed.line, column: t.printed.column, endLine: t.printed.line, endColumn: t.printed.column + t.text.length, page: t.printed.page };
  const line = t.pageLine ?? t.line;
  const loc: Location = { file, line, column: t.column, endLine: line, endColumn: t.endColumn };
  if (t.page !== undefined) loc.page = t.page;
  return loc;
}

/** a whole source line: where a table's anchor or a note stands */
/** where a location is, as a reader says it: 第 3 页第 7 行 (paged input), else 第 7 行 */
export function placeWords(loc: { page?: number; line: number }): string {
  return loc.page !== undefined ? `第 ${loc.page} 页第 ${loc.line} 行` : `第 ${loc.line} 行`;
}

export function sourceLocation(file: string, s: SourceLine): Location {
  const line = s.pageLine ?? s.line;
  const loc: Location = { file, line, column: 1, endLine: line, endColumn: s.text.length + 1 };
  if (s.page !== undefined) loc.page = s.page;
  return loc;
}

export function spanLocation(file: string, first: Token, last: Token): Location {
  if (first.printed || last.printed) return tokenLocation(file, first.printed ? first : last);
  const loc: Location = { file, line: first.pageLine ?? first.line, column: first.column, endLine: last.pageLine ?? last.line, endColumn: last.endColumn };
  if (first.page !== undefined) loc.page = first.page;
  return loc;
}

/** A printed figure as a cell: the interval its printed digits admit. `raw` must be a number. */
export function printedCell(raw: string, loc: Location, unit: Unit | null, percent = raw.endsWith('%')): Cell {
  const n = parseNumber(raw.endsWith('%') ? raw : percent ? `${raw}%` : raw)!;
  const h = halfUnit(n.decimals);
  const cell: Cell = { raw, value: n.value, decimals: n.decimals, lo: n.value - h, hi: n.value + h, unit: percent ? null : unit, blank: false, loc };
  if (percent) cell.percent = true;
  return cell;
}

/**
 * Weights and scores are assigned, not measured: 45 means 45, not anything in [44.5, 45.5].
 * (A funds row's 得分 is computed from the execution rate and keeps its rounding interval.)
 */
export function assigned(cell: Cell): Cell {
  return { ...cell, lo: cell.value, hi: cell.value };
}

/** a printed rate (22%, or -47.95 under 增减%): a percentage whatever its cell prints; `0` an exact 0% */
export function rateCell(file: string, t: Token): Cell {
  if (isPlaceholderZero(t)) return { ...blankCell(tokenLocation(file, t), null), raw: t.text, percent: true };
  return printedCell(t.text, tokenLocation(file, t), null, true);
}

export function numberCell(file: string, t: Token, unit: Unit | null): Cell {
  // `0` printed where a table leaves a cell empty states an exact zero, not 0 ± 0.5
  if (isPlaceholderZero(t)) return { ...blankCell(tokenLocation(file, t), unit), raw: t.text };
  return printedCell(t.text, tokenLocation(file, t), unit);
}

/** An empty cell states an exact zero; it points at the row, having no text of its own. */
export function blankCell(loc: Location, unit: Unit | null, decimals = 2): Cell {
  return { raw: '', value: 0, decimals, lo: 0, hi: 0, unit, blank: true, loc };
}

/** `0` printed where a table leaves a cell empty (a placeholder, exact). */
export function isPlaceholderZero(t: Token): boolean {
  return t.kind === 'number' && t.num!.integer && t.num!.value === 0;
}
