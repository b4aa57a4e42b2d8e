/** Two-sided 总表: [项目 行次 金额] [项目 行次 金额…] per line; labels may wrap over lines. */
import type { TableRegion } from '../../layout/regions.js';
import { columnLabel, isEnumerated, normalizeLabel, type Token, type TokenLine } from '../../layout/tokenize.js';
import { isPlaceholderZero, spanLocation } from '../cells.js';
import type { Column, ParseNote, Row, RowKind, Side, Table } from '../types.js';
import type { Catalog, TableSpec } from './catalog.js';
import { columnNames } from './kind-columns.js';
import { functionClassCode, sideByName } from './kinds.js';
import { atTextColumn, atTextColumns, headerSpans, isAlignedText, TOTAL_OR_CARRY_RE, WHOLE_NAME_RE, type ColumnGroup } from './text-columns.js';
import { BaseBuilder, centreOf, labelText, SECTION_LABEL_RE, stripEnumeration } from './builder.js';
import { headerLeaves, joinWrappedNames } from './header.js';
import { assignTextGroups, printsThreePairs } from './text-groups.js';
import { COMPARISON_RE } from './spanned-columns.js';
import { blankToken, canonicalTotalName, close, headerGroups, LABEL_HEAD_RE, printedSides, printsTabbedLineNos, unplacedBreakdowns, type TabbedSide } from './two-sided-cells.js';
import { ownLeftMaxLineNo, readWrappedNames, type Segment } from './two-sided-names.js';


export class TwoSidedBuilder extends BaseBuilder {
  private segments: Segment[] = [];
  private lastLeft = 0;
  private lastRight = 0;
  private readonly hasLineNos: boolean;
  private lineNosTabbed: boolean | undefined;

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

  /** PDF: a line of figures only, waiting to see whether its row's names sit just below it */
  private looseFigures: TokenLine | null = null;

  protected take(line: TokenLine): void {
    if (line.tabbed) return this.takeTabbed(line);
    const groups = !this.hasLineNos && line.source.pieces ? this.columnGroups() : null;
    if (groups) return this.takeGrouped(line, groups);
    const textGroups = !line.source.pieces ? this.textColumnGroups() : null;
    if (textGroups) return this.takeByGroups(atTextColumns(line), textGroups);
    this.unsure ??= this.unplacedBreakdowns();
    let position = 0;
    line.tokens.forEach((t, i) => {
      const cur = this.segments[this.segments.length - 1];
      const open = cur !== undefined;
      if (t.kind === 'label') {
        // a label wraps onto the next line only in tables with 行次, where the 行次 closes it; on
        // its own line, words after a whole name (使用非财政拨款结余 结余分配, both rows left
        // empty) are the other side's row, not the rest of it
        // (so too in a table printed without its 行次: no 行次 will close a whole name there)
        const whole = cur !== undefined && WHOLE_NAME_RE.test(normalizeLabel(labelText(cur.labels)));
        const wraps = (this.hasLineNos && (this.lastLeft + this.lastRight > 0 || !whole)) || (cur?.line === t.line && !whole);
        const startsTotal = /(合计|总计)$/.test(normalizeLabel(t.text));
        if (open && wraps && !startsTotal && !cur.lineNo && cur.values.length === 0 && cur.labels.length > 0 && !isEnumerated(t.text) && !cur.explicit && (cur.line === t.line || this.standsUnder(t, cur))) {
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

  /**
   * Whether a label on a line after a name's first line may be the rest of it: in text laid out as
   * printed, only where it starts under that first line (a word under the other side's name, 年末财政拨款
   * 结转和 / 结余, is that name's tail, not the start of the next 收入 row's); elsewhere always.
   */
  private standsUnder(t: Token, seg: Segment): boolean {
    if (t.x0 !== undefined || !this.isLaidOut()) return true;
    const first = seg.labels[0];
    const last = seg.labels[seg.labels.length - 1];
    return t.column >= first.column - 2 && t.column <= last.endColumn + 2;
  }

  /** the columns each side's header prints, with where they stand; null when the form's own */
  private printed?: { columns: Column[]; centres: Map<string, number> } | null;

  protected override columns(): Table['columns'] {
    return this.printedColumns()?.columns ?? super.columns();
  }

  protected override columnCentres(): Map<string, number> | null {
    return this.printedColumns()?.centres ?? super.columnCentres();
  }

  /**
   * A side that prints more columns than its amount (上海's 财务收支预算总表: 支出 合计 |
   * 人员经费 | 公用经费 | 项目支出 under one 预算数): the header's leaf cells, each named by one of
   * the kind's columns of that side; on a page by position, in aligned text by the header words'
   * spans in character columns. Null unless every leaf of both sides is named and some optional
   * column is among them.
   */
  private printedColumns(): { columns: Column[]; centres: Map<string, number> } | null {
    if (this.printed !== undefined) return this.printed;
    this.printed = null;
    const rows = this.headerRows.length ? this.headerRows : this.textColumnGroups() ? this.headerTokenLines.map(headerSpans) : [];
    if (!rows.length) return null;
    const leaves = headerLeaves(rows).map((p) => ({ x: centreOf(p), text: normalizeLabel(p.text) }));
    const heads = leaves.filter((l) => LABEL_HEAD_RE.test(l.text)).map((l) => l.x).sort((a, b) => a - b);
    if (heads.length !== 2) return null;
    const columns: Column[] = [];
    const centres = new Map<string, number>();
    for (const side of ['收入', '支出'] as const) {
      const own = leaves.filter((l) => !LABEL_HEAD_RE.test(l.text) && (side === '收入' ? l.x < heads[1] : l.x > heads[1]));
      const spec = this.spec.columns.filter((c) => c.side === side);
      const named = own.map((l) => ({ l, c: spec.find((c) => columnNames(c).some((n) => normalizeLabel(n) === l.text)) }));
      if (!named.length || named.some((n) => !n.c) || new Set(named.map((n) => n.c!.key)).size !== named.length) return null;
      const total = named.find((n) => n.c!.total) ?? (named.length === 1 ? named[0] : undefined);
      if (!total) return null;
      for (const n of [total, ...named.filter((n) => n !== total).sort((a, b) => a.l.x - b.l.x)]) {
        columns.push({ ...n.c!, index: columns.length + 1 });
        centres.set(n.c!.key, n.l.x);
      }
    }
    if (!columns.some((c) => c.optional)) return null;
    this.columnSource = 'header';
    return (this.printed = { columns, centres });
  }

  private groups?: ColumnGroup[] | null;

  /**
   * PDF, no 行次: the header's [项目 金额] pairs, left to right, as their cells' centres; null
   * unless there are two or more pairs. Jiangsu's 收支预算总表 has three: 收入, 支出 by function,
   * 支出 by purpose (基本支出, 项目支出…).
   */
  private columnGroups(): ColumnGroup[] | null {
    if (this.groups !== undefined) return this.groups;
    // a name wrapped in its cell (本年预 / 算数) is one name; a pair's words may be printed whole where the joined line is not
    return (this.groups = headerGroups(this.headerPieces) ?? headerGroups(joinWrappedNames(this.headerRows).flat()));
  }

  private breakdowns?: string | null;

  /** where the header prints more breakdowns than can be told apart: why the table is not read (null where it is not such) */
  private unplacedBreakdowns(): string | null {
    if (this.breakdowns === undefined) this.breakdowns = this.hasLineNos || printsThreePairs(this.headerLines) ? null : unplacedBreakdowns(this.headerTokenLines);
    return this.breakdowns;
  }

  private textGroups?: ColumnGroup[] | null;

  /**
   * Text laid out as printed (pdftotext -layout: cells aligned by runs of spaces), no 行次: the
   * header's [项目 金额] pairs by their character columns, as columnGroups does by position on a
   * page. Null for text whose words are set one space apart (its columns say nothing), and
   * where the header prints 行次 (they place the rows); a kind with 行次 printed without them
   * (上海's 收入支出决算总表) is placed by its columns.
   */
  private textColumnGroups(): ColumnGroup[] | null {
    if (this.textGroups !== undefined) return this.textGroups;
    this.textGroups = null;
    if (this.hasLineNos && [...this.headerLines].some((h) => h.includes('行次'))) return null;
    const lines = this.region.lines.filter((l) => !l.tabbed && !l.source.pieces);
    if (!lines.length || !isAlignedText(lines)) return null;
    return (this.textGroups = headerGroups(this.headerTokenLines.flatMap((l) => l.tokens.map(atTextColumn))));
  }

  /**
   * Figures set a little above their row's names (a larger font on another baseline: 20,702.25
   * over 收入合计) join the line below when it is nearer than a font size; otherwise they stand
   * on their own line, between the lines of a wrapped name (see takeByGroups).
   */
  private takeGrouped(line: TokenLine, groups: ColumnGroup[]): void {
    const held = this.looseFigures;
    this.looseFigures = null;
    const figuresOnly = line.tokens.every((t) => t.kind === 'blank' || t.kind === 'number');
    if (held && !figuresOnly && close(held, line)) {
      return this.takeByGroups({ ...line, tokens: [...line.tokens, ...held.tokens].sort((a, b) => (a.x0 ?? 0) - (b.x0 ?? 0)) }, groups);
    }
    if (held) this.takeByGroups(held, groups);
    if (figuresOnly && line.source.y !== undefined) this.looseFigures = line;
    else this.takeByGroups(line, groups);
  }

  /** each label to the group whose 项目 cell is nearest, each figure to the nearest 金额 cell */
  private takeByGroups(line: TokenLine, groups: ColumnGroup[]): void {
    const nearest = (x: number, key: keyof ColumnGroup) => groups.reduce((best, g, i) => (Math.abs(g[key] - x) < Math.abs(groups[best][key] - x) ? i : best), 0);
    // a figure is the amount of a pair whose 项目 stands left of it: one right of the 支出 side's 项目 is
    // never the 收入 side's, however near its 金额 (a 合计 under a 预算数 spanning several columns, far
    // right: pdftotext sets 七、农林水支出 1,032.38 nearer the 收入's 预算数)
    const amountGroup = (x: number) => {
      const g = nearest(x, 'amount');
      let right = -1;
      groups.forEach((o, i) => {
        if (o.label < x) right = i;
      });
      return right > g ? right : g;
    };
    const byGroup = new Map<number, Token[]>();
    const skipped = this.comparisonCentres();
    for (const t of line.tokens) {
      if (t.kind === 'blank' || t.x0 === undefined) continue;
      let g = t.kind === 'label' ? nearest(centreOf(t), 'label') : amountGroup(centreOf(t));
      // a figure under a column that compares with another year (上年预算数, 增减) is none of the kind's
      if (t.kind === 'number' && skipped.some((x) => Math.abs(x - centreOf(t)) < Math.abs(groups[g].amount - centreOf(t)))) continue;
      // a total or carry-over of the spending is printed across its breakdowns: it is the first's
      // (a second breakdown, 支出用途, has no totals of its own)
      if (g >= 2 && t.kind === 'label' && TOTAL_OR_CARRY_RE.test(normalizeLabel(t.text))) g = 1;
      byGroup.set(g, [...(byGroup.get(g) ?? []), t]);
    }
    let open: Segment | null = null;
    const named = line.tokens.some((t) => t.kind === 'label');
    for (const [group, toks] of [...byGroup.entries()].sort((a, b) => a[0] - b[0])) {
      const labels = toks.filter((t) => t.kind === 'label');
      const values = toks.filter((t) => t.kind === 'number');
      const prev = this.lastOfGroup.get(group);
      // figures between the lines of the name they belong to: alone on their line, or just under
      // that name's first line (a total further down is the one under the next rule)
      const near = prev !== undefined && (!named || line.source.line - prev.line <= 2);
      if (!labels.length && near && prev.values.length === 0 && prev.line !== line.source.line) {
        prev.values.push(...values);
        continue;
      }
      // figures under a later group with no name of their own there: the one total of the
      // spending printed across both breakdowns (当年支出小计 … 27,664.22 at the far right)
      if (!labels.length && open && open.values.length === 0) {
        open.values.push(...values);
        continue;
      }
      // a name wrapped in its cell (…管理资 / 金): the next line's words, not a new item
      // (in text, not after a name that is whole: 使用非财政拨款结余 with no figure, then 年初结转和结余)
      const whole = line.source.pieces === undefined && prev !== undefined && WHOLE_NAME_RE.test(normalizeLabel(labelText(prev.labels)));
      // (nor onto a row the PDF's rules close: its names are whole)
      const continues = prev && !whole && !line.source.ruledRow && prev.values.length === 0 && labels.length > 0 && !isEnumerated(labels[0].text) && !/(合计|总计|小计)$/.test(normalizeLabel(labels[0].text));
      if (continues) {
        prev.labels.push(...labels);
        prev.values.push(...values);
        open = prev;
        continue;
      }
      const seg: Segment = { labels, values, explicit: false, position: group, line: line.source.line, group };
      this.segments.push(seg);
      this.lastOfGroup.set(group, seg);
      open = labels.length ? seg : null;
    }
  }

  private lastOfGroup = new Map<number, Segment>();

  private comparisons?: number[];

  /**
   * The centres of the header's cells over columns that compare with another year (上年预算数,
   * 增减): on a page in points, in text laid out as printed in character columns.
   */
  private comparisonCentres(): number[] {
    // the pieces as printed: a spanning word over one of them (支出 / 上年预算数) would join it
    const cells = this.headerPieces.length ? this.headerPieces : this.textColumnGroups() ? this.headerTokenLines.flatMap((l) => l.tokens.map(atTextColumn)) : [];
    return (this.comparisons ??= cells.filter((p) => COMPARISON_RE.test(columnLabel(p.text))).map(centreOf));
  }

  /** text whose words are set one space apart: no positions, no tabs, no aligned columns */
  private isPlainText(): boolean {
    return !this.hasLineNos && this.segments.every((s) => s.group === undefined && !s.explicit) && this.region.lines.every((l) => !l.source.pieces && !l.tabbed) && !this.textColumnGroups();
  }

  private setLineNo(seg: Segment, t: Token) {
    seg.lineNo = t;
    const n = t.num!.value;
    if (n > (this.spec.leftMaxLineNo ?? 99)) this.lastRight = n;
    else this.lastLeft = n;
  }

  private sides?: TabbedSide[] | null;

  /** tab-separated: where each side's cells stand, where the header prints more than the kind's columns (two-sided-cells.ts) */
  private tabbedSides(): TabbedSide[] | null {
    if (this.sides === undefined) this.sides = printedSides(this.headerTokenLines, this.spec.columns);
    return this.sides;
  }

  /** whether tab-separated rows hold a 行次 cell after each side's name (two-sided-cells.ts) */
  private tabbedLineNos(): boolean {
    return (this.lineNosTabbed ??= this.hasLineNos && printsTabbedLineNos(this.headerTokenLines));
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
    const printedSides = this.tabbedSides();
    if (printedSides) return this.takeBySides(line, printedSides, cell);
    const lineNos = this.tabbedLineNos();
    const width = (lineNos ? 2 : 1) + this.leftCount;
    const rightValues = this.spec.columns.length - this.leftCount;
    const sides: Array<[number, number]> = [
      [0, this.leftCount],
      [width, rightValues],
    ];
    sides.forEach(([start, count], position) => {
      const labels = cell(start).filter((t) => t.kind === 'label');
      const lineNoTok = lineNos ? cell(start + 1).find((t) => t.kind === 'number') : undefined;
      const values: Token[] = [];
      const base = start + (lineNos ? 2 : 1);
      for (let k = 0; k < count; k++) values.push(cell(base + k)[0] ?? blankToken(line, base + k));
      this.addCells(line, labels, lineNoTok, values, position);
    });
  }

  /** one side of a tab-separated line, as a segment of its own cells, unless it prints nothing */
  private addCells(line: TokenLine, labels: Token[], lineNoTok: Token | undefined, values: Token[], position: number): void {
    if (!labels.length && !lineNoTok && values.every((v) => v.kind === 'blank')) return;
    const seg: Segment = { labels, values, explicit: true, position, line: line.source.line };
    if (lineNoTok) this.setLineNo(seg, lineNoTok);
    this.segments.push(seg);
  }

  /** a tab-separated line by the cells the header gives each side: the kind's columns in its order, other columns left out */
  private takeBySides(line: TokenLine, sides: TabbedSide[], cell: (i: number) => Token[]): void {
    const side = (['收入', '支出'] as const);
    sides.forEach((s, position) => {
      const labels = cell(s.label).filter((t) => t.kind === 'label');
      const lineNoTok = s.lineNo !== undefined ? cell(s.lineNo).find((t) => t.kind === 'number') : undefined;
      const columns = this.columns().filter((c) => c.side === side[position]);
      const values = columns.map((c) => {
        const at = s.cells.find((x) => x.column?.key === c.key)?.cell;
        return (at !== undefined ? cell(at)[0] : undefined) ?? blankToken(line, at ?? -1);
      });
      this.addCells(line, labels, lineNoTok, values, position);
    });
  }

  finish(): Table {
    if (this.looseFigures) {
      this.takeByGroups(this.looseFigures, this.columnGroups()!);
      this.looseFigures = null;
    }
    const wrapped = readWrappedNames(this.segments, this.isLaidOut(), this.catalog);
    this.segments = wrapped.segments;
    if (wrapped.unsure) this.unsure = wrapped.unsure;
    if (this.isPlainText() && printsThreePairs(this.headerLines)) assignTextGroups(this.segments, this.catalog);
    const left = this.columns().filter((c) => c.side === '收入');
    const right = this.columns().filter((c) => c.side === '支出');
    const seen = new Map<string, number>();
    let inOpening = false;
    const perLine = new Map<number, number>();
    for (const seg of this.segments) perLine.set(seg.line, (perLine.get(seg.line) ?? 0) + 1);
    const leftMaxLineNo = Math.min(this.spec.leftMaxLineNo ?? 99, ownLeftMaxLineNo(this.segments, perLine));
    const chineseItem = new Set<Side>();
    const names = this.segments.map((seg) => stripEnumeration(labelText(seg.labels)));
    // 收入合计 is the grand total where the year's subtotal is printed above it (江苏: 当年收入小计
    // … 收入合计), or where nothing else is (江苏's 财政拨款收支预算总表: items, then 收入合计)
    const hasYearTotals = names.some((n) => /^(?:当年|本年)(收入|支出)小计$/.test(n)) || !names.some((n) => /总计$|^本年(收入|支出)合计$/.test(n));
    for (const seg of this.segments) {
      const rawName = labelText(seg.labels);
      const name = stripEnumeration(rawName);
      const n = seg.lineNo?.num!.value;
      let side: Side | undefined;
      if (n !== undefined && this.hasLineNos) side = n > leftMaxLineNo ? '支出' : '收入';
      else if (seg.group !== undefined) side = seg.group === 0 ? '收入' : '支出';
      else if (perLine.get(seg.line)! > 1) side = seg.position === 0 ? '收入' : '支出';
      else side = sideByName(this.catalog, name) ?? '收入';
      const printedValues = seg.values.filter((v) => v.kind === 'number');
      if (!name && printedValues.every((v) => isPlaceholderZero(v))) continue; // an unused 行次
      if (!name) {
        this.note(`行次 ${n ?? '?'} 有数字却没有项目名称`, seg.lineNo ?? seg.values[0], side);
        continue;
      }
      if (/^[一二三四五六七八九十]+[、.．]/.test(rawName)) chineseItem.add(side);
      const canonical = canonicalTotalName(name, hasYearTotals);
      let kind: RowKind = 'item';
      // a second breakdown of the same spending (支出用途: 基本支出, 项目支出…) adds up to it again,
      // and so do the numbered parts of an item (一、财政拨款收入 | 1.一般公共预算资金 2.政府性基金;
      // a character wrapped from the cell above may stand before the number: 算1.一般公共预)
      // a 其中 row (其中：转入事业基金 under 事业单位结余分配) is part of the row above it, not an item again
      if ((seg.group ?? 0) >= 2 || (/^\D{0,2}\d+[、.．]/.test(rawName) && chineseItem.has(side)) || /^其中[:：]?/.test(rawName)) kind = 'detail';
      else if (/总计$/.test(canonical) || /^本年(收入|支出)合计$/.test(canonical)) kind = 'total';
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
