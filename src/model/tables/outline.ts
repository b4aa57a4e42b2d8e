/**
 * Outline tables: one amount column, rows named in two label columns, a group's name on the left
 * (in a cell merged over its rows) and its items on the right, each group opened (or closed) by
 * its 小计. 江苏's 收入预算总表 lists its sources this way:
 *   收入总计 | 小计 · 公共财政拨款（补助）资金 · 专项收入 under 一般公共预算资金 | 小计 under 政府性基金 …
 * A group's name is printed at the middle of its merged cell, so it belongs to the group whose
 * lines it stands among, whichever line that is; the 小计 lines say where groups begin.
 */
import { normalizeLabel, type Token, type TokenLine } from '../../layout/tokenize.js';
import { spanLocation } from '../cells.js';
import type { Row } from '../types.js';
import { BaseBuilder, labelText, stripEnumeration } from './builder.js';

interface Line {
  /** the item's name (the right label column), or none */
  item: Token[];
  /** a group's name standing on this line (the left label column), or none */
  group: Token[];
  values: Token[];
  page: number | undefined;
  /** PDF: baseline and font size */
  y?: number;
  size?: number;
}

const TOTAL_RE = /^(收入|支出)?(总计|合计)$/;
const SUBTOTAL_RE = /^小计$/;
/** an item that is part of the one above it (其中：…), not added into its group */
const OF_WHICH_RE = /^其中[:：]/;
/** how far apart (in font sizes) the lines of one wrapped name stand, at most */
const WRAP_PITCH = 2.2;

export class OutlineBuilder extends BaseBuilder {
  private entries: Line[] = [];

  protected isDataLine(line: TokenLine): boolean {
    const toks = line.tokens.filter((t) => t.kind !== 'blank');
    if (toks.some((t) => t.kind === 'number' && !t.num!.integer)) return true;
    const first = toks[0];
    return first?.kind === 'label' && (TOTAL_RE.test(normalizeLabel(first.text)) || SUBTOTAL_RE.test(normalizeLabel(first.text)));
  }

  /** an outline's lines are its own: none opens a row of it for another table to hand over */
  opensRow(): boolean {
    return false;
  }

  protected take(line: TokenLine): void {
    const toks = line.tokens.filter((t) => t.kind !== 'blank');
    const { page, y, size } = line.source;
    this.entries.push({ item: toks.filter((t) => t.kind === 'label'), group: [], values: toks.filter((t) => t.kind === 'number'), page, y, size });
  }

  /** labels that end before the item column begins (where the 小计 of the page stand) are group names */
  private splitGroupNames(grand: Line | undefined): void {
    const startOf = (t: Token) => t.x0 ?? t.column;
    const endOf = (t: Token) => t.x1 ?? t.endColumn;
    const itemStart = new Map<number | undefined, number>();
    for (const e of this.entries) {
      for (const t of e.item) {
        if (!SUBTOTAL_RE.test(normalizeLabel(t.text))) continue;
        itemStart.set(e.page, Math.min(itemStart.get(e.page) ?? Infinity, startOf(t)));
      }
    }
    const anyStart = Math.min(...itemStart.values());
    for (const e of this.entries) {
      if (e === grand) continue;
      const start = itemStart.get(e.page) ?? anyStart;
      if (!Number.isFinite(start)) continue;
      e.group = e.item.filter((t) => endOf(t) < start);
      e.item = e.item.filter((t) => endOf(t) >= start);
    }
  }

  /**
   * PDF: figures set on a baseline of their own a little above or below their item's name (a
   * larger font, a cell aligned otherwise) go to the item line nearest them, when it has none.
   */
  private joinLooseFigures(): void {
    for (const e of this.entries) {
      if (!e.values.length || e.item.length || e.y === undefined) continue;
      let best: Line | null = null;
      for (const o of this.entries) {
        if (o === e || o.page !== e.page || o.y === undefined || !o.item.length || o.values.length) continue;
        if (!best || Math.abs(o.y - e.y) < Math.abs(best.y! - e.y)) best = o;
      }
      if (!best || Math.abs(best.y! - e.y) > (e.size ?? 10)) continue;
      best.values = e.values;
      e.values = [];
    }
  }

  finish() {
    // the grand total is centred over both label columns: found before they are told apart
    const grand = this.entries.find((e) => TOTAL_RE.test(labelText(e.item)));
    this.splitGroupNames(grand);
    this.joinLooseFigures();
    const entries = this.entries.filter((e) => e.item.length || e.group.length || e.values.length);
    const isSubtotal = (e: Line) => SUBTOTAL_RE.test(labelText(e.item));
    const totalAt = grand ? entries.indexOf(grand) : -1;
    const body = entries.slice(totalAt + 1);
    // 小计 first (江苏) or last in each group: whichever the body starts with. A name standing
    // alone above its group's 小计 (text without positions, the group's cell read as a line of its
    // own) is no item before it: it goes with the group the 小计 opens
    const named = (e: Line) => e.values.length > 0 || isSubtotal(e);
    const first = body.find(named);
    const opens = first !== undefined && isSubtotal(first);
    const groups: Line[][] = [];
    let cur: Line[] = [];
    for (const e of body) {
      if (isSubtotal(e) && opens && cur.some(named)) {
        groups.push(cur);
        cur = [];
      }
      cur.push(e);
      if (isSubtotal(e) && !opens) {
        groups.push(cur);
        cur = [];
      }
    }
    if (cur.length) groups.push(cur);
    const total = totalAt >= 0 ? this.rowOf(entries[totalAt], '总计', 'total') : undefined;
    if (total) this.rows.push(total);
    groups.forEach((lines, k) => this.addGroup(lines, k, total));
    return this.baseTable();
  }

  /**
   * PDF: a group's name wrapped inside its merged cell (财政专户管 / 理资金) stands on lines a line
   * pitch apart, in one column: one name, read top to bottom. Null where its pieces stand
   * further apart or in other columns, and which words are whose is not certain.
   */
  private groupName(lines: Line[]): string | null | undefined {
    const named = lines.filter((e) => e.group.length);
    if (named.length <= 1) return named.length ? labelText(named[0].group) : undefined;
    const placed = named.every((e) => e.y !== undefined && e.group.every((t) => t.x0 !== undefined));
    if (!placed) return null;
    const sorted = [...named].sort((a, b) => a.y! - b.y!);
    for (let i = 1; i < sorted.length; i++) {
      const [a, b] = [sorted[i - 1], sorted[i]];
      const pitch = WRAP_PITCH * (a.size ?? 10);
      const sameColumn = a.group[0].x0! < b.group[b.group.length - 1].x1! && b.group[0].x0! < a.group[a.group.length - 1].x1!;
      if (a.page !== b.page || b.y! - a.y! > pitch || !sameColumn) return null;
    }
    return sorted.map((e) => labelText(e.group)).join('');
  }

  private addGroup(lines: Line[], k: number, total: Row | undefined): void {
    const joined = this.groupName(lines);
    const names = joined === null ? lines.filter((e) => e.group.length).map((e) => labelText(e.group)) : joined === undefined ? [] : [joined];
    const subtotal = lines.find((e) => SUBTOTAL_RE.test(labelText(e.item)));
    // a group name in pieces on several lines: names wrap inside their cells, and then which
    // words and figures are whose is not certain (江苏人大 2017: 财政专户管 / 理资金)
    if (names.length > 1) {
      this.unsure ??= `项目名称在单元格内折行（如「${names.join('」「')}」），未能可靠地分开各行`;
      return;
    }
    // a figure on a line of its own that no item took: whose it is, is not certain
    const loose = lines.find((e) => e !== subtotal && e.values.length && !e.item.length);
    if (loose) {
      this.unsure ??= `数字 ${loose.values[0].text} 不在任何项目的行上（项目名称在单元格内折行），未能确定它属于哪一行`;
      return;
    }
    if (!subtotal) {
      for (const e of lines) if (e.values.length) this.note(`「${labelText(e.item) || labelText(e.group)}」不在以小计分开的分组中，本行不参与核对`, e.values[0]);
      return;
    }
    const groupName = names[0] ?? `第${k + 1}组`;
    const head = this.rowOf(subtotal, groupName, 'item');
    head.name = groupName;
    head.level = 1;
    if (total) head.parent = total.key;
    this.rows.push(head);
    for (const e of lines) {
      if (e === subtotal || !e.item.length) continue;
      const name = labelText(e.item);
      const row = this.rowOf(e, `${groupName}/${stripEnumeration(name)}`, 'detail');
      row.level = 2;
      // 其中 is part of the item above it: counted there, not again in the group
      if (!OF_WHICH_RE.test(name)) row.parent = head.key;
      this.rows.push(row);
    }
  }

  private rowOf(e: Line, key: string, kind: Row['kind']): Row {
    const first = e.item[0] ?? e.group[0] ?? e.values[0];
    const last = e.values[e.values.length - 1] ?? e.item[e.item.length - 1] ?? first;
    const loc = spanLocation(this.file, first, last);
    const { cells, unplaced } = this.cellsFor(e.values, this.columns(), loc, false);
    let unique = key;
    for (let n = 2; this.rows.some((r) => r.key === unique); n++) unique = `${key}#${n}`;
    return { key: unique, name: labelText(e.item) || labelText(e.group), kind, cells, unplaced, loc };
  }
}
