/** What a table's lines say, read as words: names, codes and levels, the 栏次 row, years, places. */
import type { SourceLine } from '../../ingest/text.js';
import type { Token, TokenLine } from '../../layout/tokenize.js';
import { normalizeLabel } from '../../layout/tokenize.js';
import { sourceLocation, spanLocation } from '../cells.js';
import type { Cell, Location } from '../types.js';
import { CODE_PATTERNS, type TableSpec } from './catalog.js';

export function stripEnumeration(name: string): string {
  return name
    .replace(/^[一二三四五六七八九十]+[、.．]/, '')
    .replace(/^[（(][一二三四五六七八九十]+[）)]/, '')
    .replace(/^\d+[、.．]/, '')
    .replace(/^其中[:：]/, '');
}

export function labelText(tokens: Token[]): string {
  return normalizeLabel(tokens.map((t) => t.text).join(''));
}

/** the name of a table's one total row where only 合计 or 总计 stands for it (row blocks, tables of named rows) */
export const TOTAL_NAME = /^(合计|总计)$/;

/** lines that carry their cells: a PDF's pieces, or tabs (text without them is read by its words and spaces) */
/**
 * whether lines keep a table's cells apart: a page's positions, or tabs (bars) between two cells
 * printed on one line; not a row of bars alone (`||||`), which a web page's table copied a cell
 * to a line prints between its rows
 */
export const cellsKept = (lines: TokenLine[]) => lines.some((l) => l.source.pieces || (l.tabbed && new Set(l.tokens.filter((t) => t.kind !== 'blank').map((t) => t.cell)).size >= 2));

export function isCode(t: Token | undefined, kind: TableSpec['codes']): boolean {
  if (!t || t.kind !== 'number' || !t.num!.integer || !kind) return false;
  return CODE_PATTERNS[kind].test(t.text);
}

export function levelOf(code: string, kind: TableSpec['codes']): number {
  if (kind === 'unit') return code.length <= 3 ? 1 : 2;
  return code.length <= 3 ? 1 : code.length <= 5 ? 2 : 3;
}

export { isColumnNumbering } from '../../layout/table-marks.js';

export function yearCell(file: string, source: SourceLine, m: RegExpMatchArray): Cell {
  const column = m.index! + 1;
  const value = Number(m[1]);
  const n = source.pageLine ?? source.line;
  const loc: Location = { file, line: n, column, endLine: n, endColumn: column + 4 };
  if (source.page !== undefined) loc.page = source.page;
  return { raw: m[1], value, decimals: 0, lo: value, hi: value, unit: null, blank: false, loc };
}

export function lineLocation(file: string, line: TokenLine): Location {
  const first = line.tokens.find((t) => t.kind !== 'blank');
  const last = [...line.tokens].reverse().find((t) => t.kind !== 'blank');
  if (first && last) return spanLocation(file, first, last);
  return sourceLocation(file, line.source);
}
