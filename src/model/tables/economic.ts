/** Economic detail (公开06): [code name value] groups side by side, totals at the bottom. */
import { DASH_RE, normalizeLabel, type Token, type TokenLine } from '../../layout/tokenize.js';
import { blankCell, isPlaceholderZero, numberCell, spanLocation } from '../cells.js';
import type { Cell, Row, Table } from '../types.js';
import { BaseBuilder, isCode, labelText, levelOf } from './builder.js';

interface EconomicSegment {
  code?: Token;
  labels: Token[];
  value?: Token;
}

/** lines of words alone between two rows' lines that may be wrapped names */
const MAX_WRAPPED_LINES = 4;

/** the segment of one line's groups a word at this character column stands in: the last whose code starts at or before it */
function groupAt(groups: EconomicSegment[], column: number): EconomicSegment | undefined {
  let found: EconomicSegment | undefined;
  for (const g of groups) if (g.code && g.code.column <= column) found = g;
  return found;
}

export class EconomicBuilder extends BaseBuilder {
  private segments: EconomicSegment[] = [];
  /** aligned text: the groups of the last line with codes, and the lines of words alone since it */
  private lastGroups: EconomicSegment[] = [];
  private fragments: Token[][] = [];
  /** the groups whose line printed no name: a name wrapped around that line */
  private nameless = new Set<EconomicSegment>();

  protected isDataLine(line: TokenLine): boolean {
    return line.tokens.some((t) => isCode(t, 'economic'));
  }

  opensRow(line: TokenLine): boolean {
    const first = line.tokens.find((t) => t.kind !== 'blank');
    return !this.stopped && isCode(first, 'economic');
  }

  protected take(line: TokenLine): void {
    // text with no positions: character columns say under which group a word stands, where
    // the text is laid out as printed (a line of words alone set in from the margin)
    const plain = !line.source.pieces && !line.tabbed;
    const words = line.tokens.filter((t) => t.kind !== 'blank');
    const fragment = words.length > 0 && words.every((t) => t.kind === 'label' && !/合计$|[:：]/.test(normalizeLabel(t.text)));
    if (plain && fragment && words[0].column > 1) {
      this.fragments.push(words);
      return;
    }
    const from = this.segments.length;
    this.takeGroups(line);
    if (plain) {
      const groups = this.segments.slice(from).filter((g) => g.code);
      for (const g of groups) if (!g.labels.length) this.nameless.add(g);
      this.placeFragments(groups);
      this.lastGroups = groups;
    }
  }

  /**
   * Aligned text (pdftotext -layout): a name that wraps in its cell prints on lines of words
   * alone, above and below the line with its code (cells centred) or below it (cells at the
   * top), each group's words under that group's code. A word over a row printed without a name
   * is that row's (unless the row above printed none either: then it is the rest of that one's);
   * any other word goes on the name of the row above it in its group.
   */
  private placeFragments(next: EconomicSegment[]): void {
    // more lines of words alone than a wrapped name fills are something else (a page's furniture)
    if (this.fragments.length > MAX_WRAPPED_LINES) this.fragments = [];
    for (const words of this.fragments) {
      for (const w of words) {
        const below = groupAt(next, w.column);
        const above = groupAt(this.lastGroups, w.column);
        const owner = below && this.nameless.has(below) && !(above && this.nameless.has(above)) ? below : above;
        owner?.labels.push(w);
      }
    }
    this.fragments = [];
  }

  private takeGroups(line: TokenLine): void {
    for (const t of line.tokens) {
      const cur = this.segments[this.segments.length - 1];
      if (isCode(t, 'economic')) {
        this.segments.push({ code: t, labels: [] });
      } else if (t.kind === 'label') {
        if (/合计$/.test(normalizeLabel(t.text))) this.segments.push({ labels: [t] });
        else if (cur && !cur.value) cur.labels.push(t);
      } else if (t.kind === 'number') {
        // a `0` standing in for an empty group belongs to no row; a dash is an empty cell, and a
        // figure after it in the row's span is the row's (公用经费合计 - 175.28: the total set in
        // the last group's column, the group's own amount cell printed -)
        const open = !cur?.value || (DASH_RE.test(cur.value.text) && !DASH_RE.test(t.text));
        if (cur && open && !(isPlaceholderZero(t) && cur.labels.length === 0)) cur.value = t;
      }
    }
  }

  finish(): Table {
    this.placeFragments([]);
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
