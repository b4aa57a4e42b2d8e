/** Grid (三公经费): one line of values under a multi-level header. */
import { normalizeLabel, type TokenLine } from '../../layout/tokenize.js';
import type { Column, Table } from '../types.js';
import { BaseBuilder, lineLocation } from './builder.js';

export class GridBuilder extends BaseBuilder {
  private valueLine: TokenLine | null = null;

  /**
   * The columns in the order the page prints them: group by group (预算数 合计…公务接待费, then
   * 决算数 …) as the national form does, or item by item when the header alternates its group
   * words under each item (预算数 决算数 预算数 决算数 …, as Shanghai prints it).
   */
  private printedOrder(): Column[] {
    const columns = this.spec.columns;
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
      const { cells, unplaced } = this.cellsFor(values, this.printedOrder(), loc, line.tabbed);
      this.rows.push({ key: '合计', name: '合计', kind: 'total', cells, unplaced, loc });
    }
    return this.baseTable();
  }
}
