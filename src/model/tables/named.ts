/**
 * Named rows: tables that list things by name, not by code (a 项目支出预算表 lists its projects):
 * [序号] name figures…, and a 合计 row. A name too long for its cell wraps: the words printed on
 * lines without figures before a row's figures are the start of that row's name. Where the kind
 * says how its rows nest (`levels`: 江苏's 政府采购预算表, 大类 / 专项 / 采购物品), each row is part of
 * the nearest one above it of a higher level, as a 项 of its 款.
 */
import { normalizeLabel, type Token, type TokenLine } from '../../layout/tokenize.js';
import { spanLocation, tokenLocation } from '../cells.js';
import type { ParseNote, Row, Table } from '../types.js';
import { BaseBuilder, labelText, stripEnumeration } from './builder.js';
import type { RowLevel } from './kind-levels.js';
import { TOTAL_NAME } from './lines.js';

interface Entry {
  labels: Token[];
  /** how many of labels were printed on lines above its figures' line */
  above: number;
  /** the words printed on the line of its figures (a wrapped name's other lines are in labels only) */
  own: Token[];
  values: Token[];
  explicit: boolean;
}


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
    return toks[0]?.kind === 'label' && TOTAL_NAME.test(normalizeLabel(toks[0].text)) && toks.some((t) => t.kind === 'number');
  }

  /** a named table's lines are its own: none opens a row of it for another table to hand over */
  opensRow(): boolean {
    return false;
  }

  protected take(line: TokenLine): void {
    let toks = joinBracketed(line.tokens.filter((t) => t.kind !== 'blank' || line.tabbed));
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
    this.entries.push({ labels: [...this.waiting, ...labels], above: this.waiting.length, own: toks.filter((t) => t.kind === 'label'), values, explicit: line.tabbed });
    this.waiting = [];
  }

  /**
   * A row's figures printed on a line above its name (江苏's 政府采购预算表: a 专项's 30.00, then
   * 机要及电子政务业务费 办公设备购置): a row with no words of its own or above it takes the words
   * of the lines between it and the next row, where that row prints words of its own beside its
   * figures and so needs none of them (or, on a page, the cells before the next row's name on its
   * line: cellsBeforeName). Said in a note, after those of rows not read (the first of which a 读取
   * warning quotes).
   */
  private nameFromBelow(): ParseNote[] {
    const said: ParseNote[] = [];
    for (let i = 0; i + 1 < this.entries.length; i++) {
      const [e, next] = [this.entries[i], this.entries[i + 1]];
      if (e.labels.length) continue;
      const taken = next.above && next.above < next.labels.length ? next.above : this.cellsBeforeName(next);
      if (!taken) continue;
      e.labels = next.labels.splice(0, taken);
      next.above = 0;
      said.push({ message: `${this.spec.id}: 数字 ${e.values[0].text} 前没有名称，读其下一行的「${labelText(e.labels)}」为它的名称`, loc: tokenLocation(this.file, e.labels[0]) });
    }
    return said;
  }

  /**
   * On a page, the words below a nameless row may share the next row's line (委办 2017's PDF sets
   * 机要及电子政务业务费 办公设备购置 beside 台式计算机（20万以下） 政府集中采购 4.00): where the next
   * row's level is told by a word its line prints, its own name is the cell before that word, and
   * the cells before its name are another row's. How many of its labels those are, or 0.
   */
  private cellsBeforeName(next: Entry): number {
    if (next.above) return 0;
    const { word } = levelOf(this.spec.levels, next);
    const at = word ? next.own.findIndex((t) => normalizeLabel(t.text) === word) : -1;
    // the word a cell of its own, after the name and at least one cell before it
    return at >= 2 && next.labels.length === next.own.length ? at - 1 : 0;
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
    const namedFromBelow = this.nameFromBelow();
    let total: Row | undefined;
    for (const e of this.entries) {
      const first = e.labels[0] ?? e.values[0];
      const loc = spanLocation(this.file, first, e.values[e.values.length - 1] ?? first);
      let name = stripEnumeration(labelText(e.labels));
      const { cells, unplaced } = this.cellsFor(e.values, this.columns(), loc, e.explicit);
      if (TOTAL_NAME.test(name)) {
        if (total) this.note(`「${name}」出现了不止一次，后一次不参与核对`, first);
        else this.rows.push((total = { key: '合计', name, kind: 'total', cells, unplaced, loc }));
        continue;
      }
      if (!name) {
        this.note(`数字 ${e.values[0].text} 前没有名称，本行不参与核对`, e.values[0]);
        continue;
      }
      const { level, key: levelKey, word } = levelOf(this.spec.levels, e);
      // the word that told the level is a cell of the row (分散自行组织), not of its name
      if (word && name.endsWith(word) && name.length > word.length) name = name.slice(0, -word.length);
      const base = levelKey ?? name;
      let key = base;
      for (let n = 2; this.rows.some((r) => r.key === key); n++) key = `${base}#${n}`;
      this.rows.push({ key, name, level, kind: 'item', cells, unplaced, loc });
    }
    // each row is part of the nearest row above it of a higher level; the top level's, of the 合计
    const above: Row[] = [];
    for (const r of this.rows) {
      if (r === total) continue;
      while (above.length && above[above.length - 1].level! >= r.level!) above.pop();
      const parent = above[above.length - 1] ?? total;
      if (parent) r.parent = parent.key;
      above.push(r);
    }
    // Provinces title tables by 功能科目 the same way (项目支出预算表): read by name, their rows
    // would be 科目 taken for projects, and every project form would be said missing from them
    if (this.coded.length >= 2) this.unsure = `各行以科目编码开头（如「${this.coded[0].text}」），是按科目列示的表，不是按项目名称列示的表`;
    this.notes.push(...namedFromBelow);
    return this.baseTable();
  }
}

/** the level of a row (1 where the kind's rows do not nest), and the key its level's pattern gives it */
function levelOf(levels: RowLevel[] | undefined, e: Entry): { level: number; key?: string; word?: string } {
  if (!levels) return { level: 1 };
  const name = normalizeLabel(labelText(e.own)).slice(0, NAME_REACH);
  // a word is a cell of its own, or ends a label it was set too close to (便携式计算机（20万以下）
  // 分散自行组织) where it is long enough to be no name's end (a 专项 may be 药品集中采购)
  const printsWord = (w: string) => e.own.some((t) => normalizeLabel(t.text) === w || (w.length >= LONG_WORD && normalizeLabel(t.text).endsWith(w)));
  for (const l of levels) {
    const match = l.label?.exec(name);
    if (match) return { level: l.level, key: match[1] };
    const word = l.words?.find(printsWord);
    if (word) return { level: l.level, word };
    if (!l.label && !l.words) return { level: l.level };
  }
  return { level: 1 };
}

/**
 * A name wrapped inside its bracket (台式计算机（20 / 万以下）): the digits set against the open bracket
 * are words of the name, not a figure, which no cell prints in an open bracket.
 */
function joinBracketed(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const prev = out[out.length - 1];
    if (t.kind === 'number' && t.num!.integer && prev?.kind === 'label' && /[（(]$/.test(prev.text) && prev.endColumn === t.column) {
      out[out.length - 1] = { ...prev, text: prev.text + t.text, endColumn: t.endColumn, x1: t.x1 ?? prev.x1 };
    } else out.push(t);
  }
  return out;
}

/** a level word this long (分散自行组织, 政府集中采购) is told at the end of a label; a shorter one (集中采购) only as a cell of its own */
const LONG_WORD = 5;

/** how much of a row's name a kind's pattern reads: a name is a cell's words, a user's pattern never sees a page */
const NAME_REACH = 200;
