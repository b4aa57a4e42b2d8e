/** Coded rows: [code name values…], one row per code; names may wrap before their values. */
import { normalizeLabel, type Token, type TokenLine } from '../../layout/tokenize.js';
import { spanLocation } from '../cells.js';
import type { Row, Table } from '../types.js';
import { BaseBuilder, isCode, labelText, levelOf } from './builder.js';

interface PendingRow {
  code?: string;
  codeToken?: Token;
  labels: Token[];
  values: Token[];
  explicit: boolean;
}

export class CodeBuilder extends BaseBuilder {
  private pending: PendingRow[] = [];

  protected override dataFigures(): Token[] {
    return this.pending.flatMap((p) => p.values.filter((t) => t.kind === 'number'));
  }

  protected override rowFigureCounts(): number[] {
    return this.pending.map((p) => p.values.filter((t) => t.kind === 'number').length);
  }
  private currentClass: string | null = null;
  private hasTotal = false;

  protected isDataLine(line: TokenLine): boolean {
    return this.opensRow(line);
  }

  opensRow(line: TokenLine): boolean {
    if (this.stopped) return false;
    const first = line.tokens.find((t) => t.kind !== 'blank');
    if (!first) return false;
    if (line.tabbed && first.cell !== 0) return false;
    if (isCode(first, this.spec.codes)) return true;
    if (this.spec.splitEconomicCodes && first.kind === 'number' && /^\d{2}$/.test(first.text) && this.currentClass) return true;
    if (this.hasTotal) return false;
    // one row of figures under a header that names its columns, with no name of its own
    // (江苏's 支出预算总表: 合计 基本支出 项目支出 … / 24169.74 15844.04 …): the 合计 row
    if (first.kind === 'number') return this.pending.length === 0 && this.headerLines.size > 0 && isFigureRow(line);
    // a table has one 合计 row: a later 合计 is another table's header, and so is a line of
    // nothing but the names of its columns
    return first.kind === 'label' && normalizeLabel(first.text) === '合计' && !this.namesColumns(line);
  }

  /** a line of labels only, each the name of one of the kind's columns */
  private namesColumns(line: TokenLine): boolean {
    const labels = line.tokens.filter((t) => t.kind !== 'blank');
    if (labels.length < 2 || labels.some((t) => t.kind !== 'label')) return false;
    const names = new Set(this.spec.columns.flatMap((c) => [c.name, c.key, ...(c.synonyms ?? [])].map(normalizeLabel)));
    return labels.every((t) => names.has(normalizeLabel(t.text)));
  }

  protected take(line: TokenLine): void {
    const toks = line.tokens;
    const first = toks.find((t) => t.kind !== 'blank')!;
    if (this.opensRow(line)) {
      const row: PendingRow = { labels: [], values: [], explicit: line.tabbed };
      let rest = toks.slice(toks.indexOf(first) + 1);
      if (first.kind === 'number' && !isCode(first, this.spec.codes) && !(this.spec.splitEconomicCodes && this.currentClass && /^\d{2}$/.test(first.text))) {
        // the unnamed 合计 row: every figure is a value
        rest = toks.filter((t) => t.kind !== 'blank');
        this.hasTotal = true;
      } else if (first.kind === 'number') {
        let code = first.text;
        if (this.spec.splitEconomicCodes) {
          if (code.length === 3) this.currentClass = code;
          else if (code.length === 2) code = this.currentClass + code;
        }
        row.code = code;
        row.codeToken = first;
      } else {
        row.labels.push(first);
        this.hasTotal = true;
      }
      if (line.tabbed) {
        // [code, name, v1…vn]: the name cell is cell 1, values follow positionally
        row.labels.push(...rest.filter((t) => t.cell === 1 && t.kind === 'label'));
        rest = rest.filter((t) => (t.cell ?? 0) >= 2);
        // every cell: which columns the header names is decided once the rows are read (finish)
        row.values.push(...rest);
      } else {
        this.absorb(row, rest);
      }
      this.pending.push(row);
      return;
    }
    const cur = this.pending[this.pending.length - 1];
    if (!cur || cur.explicit) return;
    this.absorb(cur, toks);
  }

  private absorb(row: PendingRow, toks: Token[]) {
    for (const t of toks) {
      if (t.kind === 'label') {
        if (row.values.length === 0) row.labels.push(t);
      } else if (t.kind === 'number') {
        row.values.push(t);
      }
    }
  }

  finish(): Table {
    const byKey = new Map<string, Row>();
    let total: Row | undefined;
    let lastCode: string | undefined;
    let runHead: Row | undefined;
    for (const p of this.pending) {
      const first = p.codeToken ?? p.labels[0] ?? p.values[0];
      const lastTok = p.values[p.values.length - 1] ?? p.labels[p.labels.length - 1] ?? first;
      const loc = spanLocation(this.file, first, lastTok);
      const name = labelText(p.labels);
      const { cells, unplaced } = this.cellsFor(p.values, this.columns(), loc, p.explicit);
      if (!p.code) {
        // a 合计 line without a single figure, in a table that omits blanks, is a header
        // whose figures did not reach the text: unknown, not zeros (with positions, blanks are seen)
        const unprinted = !p.explicit && p.values.length === 0 && this.columnCentres() === null;
        const row: Row = { key: '合计', name: '合计', kind: 'total', cells: unprinted ? Object.create(null) : cells, unplaced, loc };
        if (!total) {
          total = row;
          this.rows.push(row);
          byKey.set(row.key, row);
        }
        continue;
      }
      const row: Row = { key: p.code, name, code: p.code, level: levelOf(p.code, this.spec.codes), kind: 'item', cells, unplaced, loc };
      if (byKey.has(p.code)) {
        if (this.spec.repeatedCodes && lastCode === p.code && runHead) {
          // budget 表3 prints each 项 once in total, then once per sub-unit below it
          let k = 2;
          while (byKey.has(`${p.code}#${k}`)) k++;
          row.key = `${p.code}#${k}`;
          row.kind = 'detail';
          row.parent = runHead.key;
        } else {
          this.note(`科目 ${p.code} 出现了不止一次，后一次不参与核对`, p.codeToken!);
          continue;
        }
      } else {
        runHead = row;
      }
      lastCode = p.code;
      byKey.set(row.key, row);
      this.rows.push(row);
    }
    // parent: the longest other code that is a prefix; top-level codes belong to 合计
    const codes = this.rows.filter((r) => r.code && r.kind !== 'detail');
    for (const r of codes) {
      let parent: string | undefined;
      for (const other of codes) {
        if (other !== r && r.code!.startsWith(other.code!) && other.code!.length < r.code!.length) {
          if (!parent || other.code!.length > parent.length) parent = other.code!;
        }
      }
      if (parent) r.parent = parent;
      else if (total && r.level === 1) r.parent = total.key;
    }
    return this.baseTable();
  }
}

/** two or more figures and nothing else: amounts (with a decimal point or thousands separator), not codes */
function isFigureRow(line: TokenLine): boolean {
  const toks = line.tokens.filter((t) => t.kind !== 'blank');
  return toks.length >= 2 && toks.every((t) => t.kind === 'number' && !t.num!.integer);
}
