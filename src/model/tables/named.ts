/**
 * Named rows: tables that list things by name, not by code (a 项目支出预算表 lists its projects):
 * [序号] name figures…, and a 合计 row. A name too long for its cell wraps: the words printed on
 * lines without figures before a row's figures are the start of that row's name.
 */
import { normalizeLabel, type Token, type TokenLine } from '../../layout/tokenize.js';
import { spanLocation, tokenLocation } from '../cells.js';
import type { Row, Table } from '../types.js';
import { BaseBuilder, labelText, stripEnumeration } from './builder.js';

interface Entry {
  labels: Token[];
  values: Token[];
  explicit: boolean;
}

const TOTAL_RE = /^(合计|总计)$/;

export class NamedBuilder extends BaseBuilder {
  private entries: Entry[] = [];
  /** words on lines without figures, waiting for the row whose name they begin */
  private waiting: Token[] = [];
  /** rows opened by a classification code: the table lists 科目, not projects */
  private coded: Token[] = [];

  protected override rowFigures(): Token[][] {
    return this.entries.map((e) => e.values.filter((t) => t.kind === 'number'));
  }

  protected isDataLine(line: TokenLine): boolean {
    const toks = line.tokens.filter((t) => t.kind !== 'blank');
    if (toks.some((t) => t.kind === 'number' && !t.num!.integer)) return true;
    return toks[0]?.kind === 'label' && TOTAL_RE.test(normalizeLabel(toks[0].text)) && toks.some((t) => t.kind === 'number');
  }

  /** a named table's lines are its own: none opens a row of it for another table to hand over */
  opensRow(): boolean {
    return false;
  }

  protected take(line: TokenLine): void {
    let toks = line.tokens.filter((t) => t.kind !== 'blank' || line.tabbed);
    // a 序号 before the name is no figure of the row
    const first = toks.find((t) => t.kind !== 'blank');
    const second = first ? toks[toks.indexOf(first) + 1] : undefined;
    if (first?.kind === 'number' && first.num!.integer && second?.kind === 'label') {
      // a classification code (2010301, 20103) or 类 款 项 in columns (201 03 01) opens the row: a table by 科目
      if (/^\d{5}(\d{2})?$/.test(first.text) || (/^\d{3}$/.test(first.text) && /^\d{2}$/.test(toks[toks.indexOf(first) + 1]?.text ?? ''))) this.coded.push(first);
      toks = toks.filter((t) => t !== first);
    } else if (first?.kind === 'number' && /^\d{3}$/.test(first.text) && /^\d{2}$/.test(second?.text ?? '')) this.coded.push(first);
    const start = toks.findIndex((t) => t.kind === 'number');
    const labels = (start < 0 ? toks : toks.slice(0, start)).filter((t) => t.kind === 'label');
    if (start < 0) {
      this.waiting.push(...labels);
      return;
    }
    // tab-separated: the value cells (blank ones too) after the name
    const values = line.tabbed ? toks.slice(start) : toks.slice(start).filter((t) => t.kind === 'number');
    this.entries.push({ labels: [...this.waiting, ...labels], values, explicit: line.tabbed });
    this.waiting = [];
  }

  finish(): Table {
    // words after the last row's figures (notes have ended the table before): the end of its
    // name, wrapped below the figures printed on its first line
    const tail = this.waiting;
    const last = this.entries[this.entries.length - 1];
    if (tail.length && last) {
      last.labels.push(...tail);
      this.notes.push({ message: `${this.spec.id}: 「${labelText(tail)}」在最后一行数字之下，读作该行名称的末尾`, loc: tokenLocation(this.file, tail[0]) });
    }
    let total: Row | undefined;
    for (const e of this.entries) {
      const first = e.labels[0] ?? e.values[0];
      const loc = spanLocation(this.file, first, e.values[e.values.length - 1] ?? first);
      const name = stripEnumeration(labelText(e.labels));
      const { cells, unplaced } = this.cellsFor(e.values, this.columns(), loc, e.explicit);
      if (TOTAL_RE.test(name)) {
        if (total) this.note(`「${name}」出现了不止一次，后一次不参与核对`, first);
        else this.rows.push((total = { key: '合计', name, kind: 'total', cells, unplaced, loc }));
        continue;
      }
      if (!name) {
        this.note(`数字 ${e.values[0].text} 前没有名称，本行不参与核对`, e.values[0]);
        continue;
      }
      let key = name;
      for (let n = 2; this.rows.some((r) => r.key === key); n++) key = `${name}#${n}`;
      this.rows.push({ key, name, level: 1, kind: 'item', cells, unplaced, loc });
    }
    // the 合计 is the sum of the rows named under it
    if (total) for (const r of this.rows) if (r !== total) r.parent = total.key;
    // Provinces title tables by 功能科目 the same way (项目支出预算表): read by name, their rows
    // would be 科目 taken for projects, and every project form would be said missing from them
    if (this.coded.length >= 2) this.unsure = `各行以科目编码开头（如「${this.coded[0].text}」），是按科目列示的表，不是按项目名称列示的表`;
    return this.baseTable();
  }
}
