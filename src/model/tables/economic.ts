/** Economic detail (公开06): [code name value] groups side by side, totals at the bottom. */
import { normalizeLabel, type Token, type TokenLine } from '../../layout/tokenize.js';
import { blankCell, isPlaceholderZero, numberCell, spanLocation } from '../cells.js';
import type { Cell, Row, Table } from '../types.js';
import { BaseBuilder, isCode, labelText, levelOf } from './builder.js';

interface EconomicSegment {
  code?: Token;
  labels: Token[];
  value?: Token;
}

export class EconomicBuilder extends BaseBuilder {
  private segments: EconomicSegment[] = [];

  protected isDataLine(line: TokenLine): boolean {
    return line.tokens.some((t) => isCode(t, 'economic'));
  }

  opensRow(line: TokenLine): boolean {
    const first = line.tokens.find((t) => t.kind !== 'blank');
    return !this.stopped && isCode(first, 'economic');
  }

  protected take(line: TokenLine): void {
    for (const t of line.tokens) {
      const cur = this.segments[this.segments.length - 1];
      if (isCode(t, 'economic')) {
        this.segments.push({ code: t, labels: [] });
      } else if (t.kind === 'label') {
        if (/合计$/.test(normalizeLabel(t.text))) this.segments.push({ labels: [t] });
        else if (cur && !cur.value) cur.labels.push(t);
      } else if (t.kind === 'number') {
        // a `0` standing in for an empty group belongs to no row
        if (cur && !cur.value && !(isPlaceholderZero(t) && cur.labels.length === 0)) cur.value = t;
      }
    }
  }

  finish(): Table {
    const column = this.spec.columns[0];
    const seen = new Set<string>();
    for (const s of this.segments) {
      const name = labelText(s.labels);
      const head = s.code ?? s.labels[0];
      if (!head) continue;
      const loc = spanLocation(this.file, head, s.value ?? s.labels[s.labels.length - 1] ?? head);
      const cells: Record<string, Cell> = Object.create(null);
      cells[column.key] = s.value ? numberCell(this.file, s.value, this.unit) : blankCell(loc, this.unit);
      const key = s.code ? s.code.text : name;
      if (seen.has(key)) {
        this.note(`${key} 出现了不止一次，后一次不参与核对`, head);
        continue;
      }
      seen.add(key);
      const row: Row = s.code
        ? { key, name, code: key, level: levelOf(key, 'economic'), kind: 'item', cells, unplaced: [], loc }
        : { key, name, kind: 'total', cells, unplaced: [], loc };
      if (s.code && key.length === 5) row.parent = key.slice(0, 3);
      this.rows.push(row);
    }
    return this.baseTable();
  }
}
