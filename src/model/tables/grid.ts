/** Grid (三公经费): one line of values under a multi-level header. */
import type { PositionedPiece } from '../../ingest/text.js';
import { normalizeLabel, type Token, type TokenLine } from '../../layout/tokenize.js';
import { numberCell } from '../cells.js';
import type { Cell, Column, Table } from '../types.js';
import { BaseBuilder, centreOf, lineLocation } from './builder.js';


export class GridBuilder extends BaseBuilder {
  private valueLine: TokenLine | null = null;

  /**
   * The columns in the order the page prints them: group by group (预算数 合计…公务接待费, then
   * 决算数 …) as the national form does, or item by item when the header alternates its group
   * words under each item (预算数 决算数 预算数 决算数 …, as Shanghai prints it).
   */
  private printedOrder(): Column[] {
    const columns = this.spec.columns.filter((c) => !c.optional);
    const groups = this.spec.groups ?? [];
    if (groups.length < 2) return columns;
    const words = this.headerPieces
      .filter((p) => groups.includes(normalizeLabel(p.text)))
      .sort((a, b) => a.x0 - b.x0)
      .map((p) => normalizeLabel(p.text));
    const alternating = words.length >= 2 * groups.length && words.every((w, i) => w === groups[i % groups.length]);
    if (!alternating) return columns;
    const items = columns.length / groups.length;
    return Array.from({ length: columns.length }, (_, i) => columns[(i % groups.length) * items + Math.floor(i / groups.length)]);
  }

  protected isDataLine(line: TokenLine): boolean {
    return line.tokens.some((t) => t.kind === 'number' && !t.num!.integer);
  }

  opensRow(): boolean {
    return false;
  }

  protected take(line: TokenLine): void {
    if (!this.valueLine) this.valueLine = line;
  }

  finish(): Table {
    const line = this.valueLine;
    if (line) {
      const values = line.tabbed ? line.tokens : line.tokens.filter((t) => t.kind === 'number');
      const loc = lineLocation(this.file, line);
      const byHeader = line.source.pieces ? this.cellsByHeader(values) : null;
      const { cells, unplaced } = byHeader ? { cells: byHeader, unplaced: [] } : this.cellsFor(values, this.printedOrder(), loc, line.tabbed);
      this.rows.push({ key: '合计', name: '合计', kind: 'total', cells, unplaced, loc });
    }
    return this.baseTable();
  }

  /**
   * PDF: each figure named by the header cells stacked above it, the lowest that names a column
   * winning (公务用车运行 / 维护费 over the 公务用车购置及运行费 that spans it); a 小计 is named by the
   * cell spanning it. Null unless every figure names a column of its own: a grid's figures are
   * never placed by guess (where one is not found, the table is said unread).
   */
  private cellsByHeader(values: Token[]): Record<string, Cell> | null {
    const figures = values.filter((t) => t.kind === 'number' && t.x0 !== undefined).map((t) => ({ t, x: centreOf(t) }));
    if (!figures.length || !this.headerRows.length) return null;
    const cells: Record<string, Cell> = Object.create(null);
    for (const [i, f] of figures.entries()) {
      const gaps = [figures[i - 1], figures[i + 1]].filter(Boolean).map((n) => Math.abs(n.x - f.x));
      const half = gaps.length ? Math.min(...gaps) / 2 : Infinity;
      const column = this.columnAbove(f.x, half) ?? this.columnAbove(f.x, 2 * half);
      if (!column || column.key in cells) return null;
      cells[column.key] = numberCell(this.file, f.t, this.unit);
    }
    return cells;
  }

  /** the column named by the header cells above x, within reach of it */
  private columnAbove(x: number, reach: number): Column | null {
    const stack = this.headerRows
      .map((row) => row.reduce<PositionedPiece | null>((best, p) => (Math.abs(centreOf(p) - x) <= reach && (!best || Math.abs(centreOf(p) - x) < Math.abs(centreOf(best) - x)) ? p : best), null))
      .filter((p): p is PositionedPiece => p !== null)
      .map((p) => normalizeLabel(p.text).replace(/[“”"]/g, ''));
    const groups = this.spec.groups ?? [];
    const group = [...stack].reverse().find((t) => groups.includes(t)) ?? groups[groups.length - 1];
    const words = stack.filter((t) => !groups.includes(t));
    for (let k = 1; k <= words.length; k++) {
      const text = words.slice(words.length - k).join('');
      let best: { column: Column; end: number; length: number } | null = null;
      for (const c of this.spec.columns) {
        if (group !== undefined && c.group !== group) continue;
        for (const name of [c.name, c.key.replace(/^.*\./, ''), ...(c.synonyms ?? [])].map(normalizeLabel)) {
          const at = text.lastIndexOf(name);
          if (at < 0) continue;
          const end = at + name.length;
          if (!best || end > best.end || (end === best.end && name.length > best.length)) best = { column: c, end, length: name.length };
        }
      }
      if (best) return best.column;
    }
    return null;
  }
}
