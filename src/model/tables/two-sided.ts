/** Two-sided 总表: [项目 行次 金额] [项目 行次 金额…] per line; labels may wrap over lines. */
import type { TableRegion } from '../../layout/regions.js';
import { isEnumerated, normalizeLabel, type Token, type TokenLine } from '../../layout/tokenize.js';
import { isPlaceholderZero, spanLocation } from '../cells.js';
import type { ParseNote, Row, RowKind, Side, Table } from '../types.js';
import type { Catalog, TableSpec } from './catalog.js';
import { functionClassCode, sideByName } from './kinds.js';
import { BaseBuilder, labelText, SECTION_LABEL_RE, stripEnumeration } from './builder.js';

interface Segment {
  labels: Token[];
  lineNo?: Token;
  values: Token[];
  /** tab layouts: values are positional, blanks included */
  explicit: boolean;
  /** first or later segment on its physical line */
  position: number;
  line: number;
}

export class TwoSidedBuilder extends BaseBuilder {
  private segments: Segment[] = [];
  private lastLeft = 0;
  private lastRight = 0;
  private readonly hasLineNos: boolean;

  constructor(spec: TableSpec, region: TableRegion, file: string, notes: ParseNote[], catalog: Catalog) {
    super(spec, region, file, notes, catalog);
    this.hasLineNos = spec.leftMaxLineNo !== undefined;
  }

  private get leftCount() {
    return this.spec.columns.filter((c) => c.side === '收入').length;
  }

  protected isDataLine(line: TokenLine): boolean {
    const toks = line.tokens.filter((t) => t.kind !== 'blank');
    if (toks.some((t) => t.kind === 'number' && !t.num!.integer)) return true;
    if (!this.hasLineNos) return false;
    return toks.some((t, i) => t.kind === 'label' && !/栏次/.test(t.text) && toks[i + 1]?.kind === 'number');
  }

  opensRow(line: TokenLine): boolean {
    if (!this.hasLineNos || this.stopped) return false;
    const toks = line.tokens.filter((t) => t.kind !== 'blank');
    const [a, b] = toks;
    if (!a) return false;
    if (a.kind === 'number' && a.num!.integer) return a.num!.value === this.lastLeft + 1 && (!b || b.kind === 'label');
    return a.kind === 'label' && !SECTION_LABEL_RE.test(a.text) && b?.kind === 'number' && b.num!.integer && b.num!.value <= 99;
  }

  protected take(line: TokenLine): void {
    if (line.tabbed) return this.takeTabbed(line);
    let position = 0;
    line.tokens.forEach((t, i) => {
      const cur = this.segments[this.segments.length - 1];
      const open = cur !== undefined;
      if (t.kind === 'label') {
        // a label wraps onto the next line only in tables with 行次, where the 行次 closes it
        const wraps = this.hasLineNos || cur?.line === t.line;
        const startsTotal = /(合计|总计)$/.test(normalizeLabel(t.text));
        if (open && wraps && !startsTotal && !cur.lineNo && cur.values.length === 0 && cur.labels.length > 0 && !isEnumerated(t.text) && !cur.explicit) {
          cur.labels.push(t);
        } else {
          this.segments.push({ labels: [t], values: [], explicit: false, position: position++, line: t.line });
        }
        return;
      }
      if (t.kind !== 'number') return;
      const n = t.num!;
      const lineNoLike = this.hasLineNos && n.integer && n.value >= 1 && n.value <= 99;
      if (lineNoLike && open && cur.labels.length > 0 && !cur.lineNo && cur.values.length === 0 && !cur.explicit) {
        this.setLineNo(cur, t);
      } else if (lineNoLike && (i === 0 || n.value === this.lastRight + 1)) {
        const seg: Segment = { labels: [], values: [], explicit: false, position: position++, line: t.line };
        this.setLineNo(seg, t);
        this.segments.push(seg);
      } else if (open) {
        cur.values.push(t);
      } else {
        this.note(`数字 ${t.text} 找不到所属的行`, t);
      }
    });
  }

  private setLineNo(seg: Segment, t: Token) {
    seg.lineNo = t;
    const n = t.num!.value;
    if (n > (this.spec.leftMaxLineNo ?? 99)) this.lastRight = n;
    else this.lastLeft = n;
  }

  /** tab-separated: label, 行次, values of the left side, then the same for the right side */
  private takeTabbed(line: TokenLine): void {
    const byCell = new Map<number, Token[]>();
    for (const t of line.tokens) {
      const list = byCell.get(t.cell!) ?? [];
      list.push(t);
      byCell.set(t.cell!, list);
    }
    const cell = (i: number) => byCell.get(i) ?? [];
    const width = (this.hasLineNos ? 2 : 1) + this.leftCount;
    const rightValues = this.spec.columns.length - this.leftCount;
    const sides: Array<[number, number]> = [
      [0, this.leftCount],
      [width, rightValues],
    ];
    sides.forEach(([start, count], position) => {
      const labels = cell(start).filter((t) => t.kind === 'label');
      const lineNoTok = this.hasLineNos ? cell(start + 1).find((t) => t.kind === 'number') : undefined;
      const values: Token[] = [];
      const base = start + (this.hasLineNos ? 2 : 1);
      for (let k = 0; k < count; k++) values.push(cell(base + k)[0] ?? blankToken(line, base + k));
      if (!labels.length && !lineNoTok && values.every((v) => v.kind === 'blank')) return;
      const seg: Segment = { labels, values, explicit: true, position, line: line.source.line };
      if (lineNoTok) this.setLineNo(seg, lineNoTok);
      this.segments.push(seg);
    });
  }

  finish(): Table {
    const left = this.spec.columns.filter((c) => c.side === '收入');
    const right = this.spec.columns.filter((c) => c.side === '支出');
    const seen = new Map<string, number>();
    let inOpening = false;
    const perLine = new Map<number, number>();
    for (const seg of this.segments) perLine.set(seg.line, (perLine.get(seg.line) ?? 0) + 1);
    for (const seg of this.segments) {
      const rawName = labelText(seg.labels);
      const name = stripEnumeration(rawName);
      const n = seg.lineNo?.num!.value;
      let side: Side | undefined;
      if (n !== undefined && this.hasLineNos) side = n > (this.spec.leftMaxLineNo ?? 99) ? '支出' : '收入';
      else if (perLine.get(seg.line)! > 1) side = seg.position === 0 ? '收入' : '支出';
      else side = sideByName(this.catalog, name) ?? '收入';
      const printedValues = seg.values.filter((v) => v.kind === 'number');
      if (!name && printedValues.every((v) => isPlaceholderZero(v))) continue; // an unused 行次
      if (!name) {
        this.note(`行次 ${n ?? '?'} 有数字却没有项目名称`, seg.lineNo ?? seg.values[0]);
        continue;
      }
      const canonical = canonicalTotalName(name);
      let kind: RowKind = 'item';
      if (/总计$/.test(canonical) || /^本年(收入|支出)合计$/.test(canonical)) kind = 'total';
      else if (/结转|结余/.test(canonical)) kind = 'carry';
      else if (side === '收入' && inOpening) kind = 'carry-detail';
      if (side === '收入') {
        if (kind === 'carry' && /^(年初|上年)/.test(canonical)) inOpening = true;
        else if (kind !== 'carry-detail') inOpening = false;
      }
      const first = seg.labels[0] ?? seg.lineNo ?? seg.values[0];
      const last = seg.values[seg.values.length - 1] ?? seg.lineNo ?? seg.labels[seg.labels.length - 1];
      const loc = spanLocation(this.file, first, last);
      const columns = side === '收入' ? left : right;
      const { cells, unplaced } = this.cellsFor(seg.values, columns, loc, seg.explicit);
      const base = `${side}:${kind === 'carry-detail' ? '年初结转和结余/' : ''}${canonical}`;
      const count = (seen.get(base) ?? 0) + 1;
      seen.set(base, count);
      const row: Row = { key: count > 1 ? `${base}#${count}` : base, name: rawName, kind, side, cells, unplaced, loc };
      if (n !== undefined) row.lineNo = n;
      const code = side === '支出' && kind === 'item' ? functionClassCode(this.catalog, canonical) : undefined;
      if (code) {
        row.code = code;
        row.level = 1;
      }
      this.rows.push(row);
    }
    return this.baseTable();
  }
}

/** names that differ between documents but mean one line of the form */
function canonicalTotalName(name: string): string {
  return name
    .replace(/^(收入|支出)总计$/, '总计')
    .replace(/^年初财政拨款结转和结余$/, '年初结转和结余')
    .replace(/^年末财政拨款结转和结余$/, '年末结转和结余')
    .replace(/^使用非财政拨款结余.*$/, '使用非财政拨款结余');
}

function blankToken(line: TokenLine, cell: number): Token {
  return { kind: 'blank', text: '', line: line.source.line, column: 1, endColumn: 1, page: line.source.page, cell };
}
