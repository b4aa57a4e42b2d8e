/**
 * Cells whose text wraps: in a PDF a wrapped name prints on lines of its own, above and below
 * the line that carries the row's figures (cells centred vertically) or below it (cells at the
 * top). Such a fragment is a label close to a line with figures, in a column that line leaves
 * empty or fills with a label only; it is joined to that line's cell. A row let break over a page
 * (Word's default, pdfmake's) prints its cells' last lines at the next page's head, under the
 * header printed again there: joined to the page before's last row. So is a figure too wide for
 * its cell, wrapped (1,215.3 / 4). Text input has no positions and comes through unchanged.
 */
import type { PositionedPiece, SourceLine } from '../ingest/text.js';
import { isEnumerated, parseNumber } from './tokenize.js';
import { isFigurePart, joinRuledRows, ruledApart, withPieces as withText } from './ruled-rows.js';
import { isNumberingLine } from './numbering-line.js';
import type { PageRulings } from '../ingest/rulings.js';

/** how far (in font sizes) a fragment may stand from its row's line */
const REACH = 1.6;
/**
 * an enumerated label (`一、…`) may also be a row of its own with blank figures; as a fragment it
 * stands half a line from its row, a row of its own a full row pitch away
 */
const ENUMERATED_REACH = 0.8;
const SLACK = 1;

/** whether a piece is a figure, asked of each piece many times over (each fragment's candidates): once */
const numericPieces = new WeakMap<PositionedPiece, boolean>();
function isNumeric(p: PositionedPiece): boolean {
  let numeric = numericPieces.get(p);
  if (numeric === undefined) numericPieces.set(p, (numeric = parseNumber(p.text) !== null));
  return numeric;
}
const overlaps = (a: PositionedPiece, b: PositionedPiece) => a.x0 < b.x1 - SLACK && b.x0 < a.x1 - SLACK;

/** `host` holding the text of `first` then `second`, over both their extents */
const spanning = (host: PositionedPiece, first: PositionedPiece, second: PositionedPiece): PositionedPiece => ({
  ...host,
  text: first.text + second.text,
  x0: Math.min(first.x0, second.x0),
  x1: Math.max(first.x1, second.x1),
});

/** a line that took in all of another line's text, remembering it (SourceLine.joined) */
const absorbing = (host: SourceLine, taken: SourceLine): SourceLine => ({ ...host, joined: [...(host.joined ?? []), taken.line, ...(taken.joined ?? [])] });

/** how close (in font sizes) a line of figures stands to the row whose empty cells it fills */
const LOOSE_FIGURE_REACH = 0.9;

/**
 * PDF: a figure set on a baseline of its own a little above or below its row (江苏人大 2017's 三公
 * table prints 购置费 `0` 6 pt under the row's other figures) goes into that row, where it falls in
 * a gap between the row's pieces: a line of figures only, nearer than a line pitch.
 */
function joinLooseFigures(lines: SourceLine[]): SourceLine[] {
  const out = [...lines];
  const removed = new Set<number>();
  for (let i = 0; i < out.length; i++) {
    const loose = out[i];
    if (!loose.pieces?.length || loose.y === undefined || !loose.pieces.every(isNumeric)) continue;
    const reach = LOOSE_FIGURE_REACH * (loose.size ?? 10);
    const host = [i - 1, i + 1].find((k) => {
      const t = out[k];
      if (!t?.pieces || removed.has(k) || t.y === undefined || t.page !== loose.page || Math.abs(t.y - loose.y!) > reach) return false;
      return t.pieces.filter(isNumeric).length > loose.pieces!.length && loose.pieces!.every((p) => !t.pieces!.some((q) => overlaps(p, q)));
    });
    if (host === undefined) continue;
    out[host] = absorbing(withText(out[host], [...out[host].pieces!, ...loose.pieces]), loose);
    removed.add(i);
  }
  return out.filter((_, i) => !removed.has(i));
}

/** a 科目 or unit code (208, 2080501, 506001); a 行次 number is one or two digits */
const CODE = /^\d{3,}$/;

/** the nearest line with figures on the fragment's page, two lines either side at most */
function nearestWithFigures(lines: SourceLine[], i: number, hasFigures: boolean[], removed: Set<number>): SourceLine | null {
  let best: SourceLine | null = null;
  for (let k = Math.max(0, i - 2); k <= Math.min(lines.length - 1, i + 2); k++) {
    const t = lines[k];
    if (k === i || removed.has(k) || !hasFigures[k] || t.page !== lines[i].page || t.y === undefined) continue;
    if (!best || Math.abs(t.y - lines[i].y!) < Math.abs(best.y! - lines[i].y!)) best = t;
  }
  return best;
}

/** whether no word of the fragment stands over a word of the line */
const besideEveryWord = (frag: SourceLine, line: SourceLine | null) => line !== null && frag.pieces!.every((p) => !line.pieces!.some((q) => overlaps(p, q)));

/**
 * A line that opens with a code and its own name right after it (506 海东市医疗保障局 1,215.34) is
 * a row whole: a label wholly left of its code stands in no cell of that row but in the code
 * column, a row of its own (合计 printed without figures, set as close as a wrapped line).
 */
function leftOfOwnCode(piece: PositionedPiece, line: SourceLine): boolean {
  const [lead, next] = line.pieces!;
  return piece.x1 <= lead.x0 && CODE.test(lead.text.trim()) && next !== undefined && !isNumeric(next);
}

/** rulings: the PDF's ruled lines, which say which lines are one row where the table draws them */
export function joinWrappedCells(lines: SourceLine[], rulings?: PageRulings[]): SourceLine[] {
  if (!lines.some((l) => l.pieces && l.y !== undefined)) return lines;
  return joinRowsBrokenOverPages(joinWrappedNames(joinLooseFigures(joinRuledRows(joinWrappedFigures(lines), rulings)), rulings));
}


/** rulings: a fragment and a line that a rule parts are not one row (a note set close under a table's last row) */
function joinWrappedNames(lines: SourceLine[], rulings?: PageRulings[]): SourceLine[] {
  const byPage = new Map(rulings?.map((r) => [r.page, r]));
  // a line that takes a fragment is replaced by a new one (withText): the input's lines are never changed
  const out: SourceLine[] = [...lines];
  const hasFigures = out.map((l) => l.pieces?.some(isNumeric) ?? false);
  const numbering = out.map((l, i) => hasFigures[i] && isNumberingLine(l));
  const removed = new Set<number>();
  for (let i = 0; i < out.length; i++) {
    const frag = out[i];
    // (a 栏次 line has figures, so it is no fragment either)
    if (!frag.pieces || frag.y === undefined || hasFigures[i]) continue;
    const size = frag.size ?? 10;
    // a line with words over a line's figures is no part of that line's row: a header (科目名称 …
    // 决算数 over the first row of a densely set table) or a row of its own
    const over = new Map<number, boolean>();
    const overFigures = (k: number) => {
      if (!over.has(k)) over.set(k, frag.pieces!.some((p) => out[k].pieces!.some((q) => isNumeric(q) && overlaps(p, q))));
      return over.get(k)!;
    };
    // a line of three words or more, none of them over a word of the nearest line with figures, is a
    // line of its own: a header set close over the first row (no rules between), not wrapped names,
    // which continue a word of their row or stand in a cell it leaves empty, one or two a line
    if (frag.pieces.length >= 3 && besideEveryWord(frag, nearestWithFigures(out, i, hasFigures, removed))) continue;
    const left: PositionedPiece[] = [];
    const hosts = new Set<number>();
    for (const piece of frag.pieces) {
      const reach = (isEnumerated(piece.text) ? ENUMERATED_REACH : REACH) * size;
      let best: { k: number; d: number; host?: PositionedPiece } | null = null;
      for (let k = Math.max(0, i - 3); k <= Math.min(out.length - 1, i + 3); k++) {
        const t = out[k];
        if (k === i || removed.has(k) || t.page !== frag.page || !hasFigures[k] || numbering[k] || t.y === undefined) continue;
        // a title or note in another size is not part of the table's rows
        if (Math.abs((t.size ?? size) - size) > 0.5) continue;
        const d = Math.abs(t.y - frag.y);
        if (d > reach) continue;
        const [upper, lower] = t.y < frag.y ? [t, frag] : [frag, t];
        if (ruledApart(byPage.get(frag.page!), (piece.x0 + piece.x1) / 2, upper.y!, lower.y!, lower.size ?? size)) continue;
        const hits = t.pieces!.filter((p) => overlaps(p, piece));
        if (hits.some(isNumeric) || hits.length > 1 || overFigures(k) || leftOfOwnCode(piece, t)) continue;
        if (!best || d < best.d) best = { k, d, host: hits[0] };
      }
      if (!best) {
        left.push(piece);
        continue;
      }
      const target = out[best.k];
      const above = frag.y < target.y!;
      let pieces: PositionedPiece[];
      if (best.host) {
        const host = best.host;
        const merged = above ? spanning(host, piece, host) : spanning(host, host, piece);
        pieces = target.pieces!.map((p) => (p === host ? merged : p));
      } else {
        pieces = [...target.pieces!, { ...piece }];
      }
      out[best.k] = withText(target, pieces);
      hosts.add(best.k);
    }
    if (left.length === frag.pieces.length) continue;
    if (left.length) out[i] = withText(frag, left);
    else {
      removed.add(i);
      for (const k of hosts) out[k] = absorbing(out[k], frag);
    }
  }
  return out.filter((_, i) => !removed.has(i));
}

/**
 * A row let break over a page: the rest of its names, wrapped in their cells, stands at the head
 * of the next page's part of the table, under the header rows printed again there (the same
 * lines as the page before prints) and above every line with figures; or the rest of its
 * figures too (4,999. / 06), each completing the one it stands under as a wrap does. Each such piece is joined
 * to the label it continues: the one of the page before's last line (a line with figures: its
 * row) that it stands under, starting where that label starts. Without a header printed again
 * nothing says the page goes on with the same table, and nothing is joined.
 */
function joinRowsBrokenOverPages(lines: SourceLine[]): SourceLine[] {
  const out = [...lines];
  const removed = new Set<number>();
  for (let i = 1; i < out.length; i++) {
    const frag = out[i];
    if (!frag.pieces || frag.page === undefined || frag.pieces.some((p) => isEnumerated(p.text))) continue;
    const host = lastRowBefore(out, i, removed);
    if (host === null) continue;
    const row = out[host];
    // figures broken over the page too (4,999. / 06, jspdf-autotable): the row completed as a wrap is
    if (frag.pieces.some(isNumeric)) {
      const completed = completedBy(row, frag);
      if (completed) {
        out[host] = completed;
        removed.add(i);
      }
      continue;
    }
    const size = frag.size ?? 10;
    const joins = frag.pieces.map((piece) => {
      const under = row.pieces!.filter((p) => overlaps(p, piece));
      return under.length === 1 && !isNumeric(under[0]) && Math.abs(under[0].x0 - piece.x0) <= size / 2 ? under[0] : null;
    });
    if (joins.some((h) => h === null)) continue;
    const merged = new Map(joins.map((h, k) => [h!, { ...h!, text: h!.text + frag.pieces![k].text, x1: Math.max(h!.x1, frag.pieces![k].x1) }]));
    out[host] = absorbing(withText(row, row.pieces!.map((p) => merged.get(p) ?? p)), frag);
    removed.add(i);
  }
  return out.filter((_, i) => !removed.has(i));
}

/**
 * The page before's last line, where lines[i] stands at its page's head under a header printed
 * again: every line above it on its page (those joined already aside) is one the page before
 * prints too, without figures but 栏次's, and there is at least one; the page before ends on a
 * line with figures. Its index, or null.
 */
function lastRowBefore(lines: SourceLine[], i: number, removed: Set<number>): number | null {
  const page = lines[i].page!;
  let k = i - 1;
  const repeated: SourceLine[] = [];
  for (; k >= 0 && lines[k].page === page; k--) if (!removed.has(k)) repeated.push(lines[k]);
  if (k < 0 || lines[k].page !== page - 1 || !repeated.length || !lines[k].pieces?.some(isNumeric)) return null;
  const before = new Set<string>();
  for (let j = k; j >= 0 && lines[j].page === page - 1; j--) before.add(lines[j].text.trim());
  return repeated.every((l) => before.has(l.text.trim()) && (!l.pieces?.some(isNumeric) || isNumberingLine(l))) ? k : null;
}

/** a piece that may be a figure's last characters wrapped in its cell: digits, with a point or commas */
const FIGURE_TAIL = /^[.,]?\d[\d,]{0,6}(?:\.\d+)?%?$/;
/** …and its first: an amount (a point or a comma in it: no code nor 行次), or its start up to a point or comma */
const FIGURE_HEAD = /^-?\d[\d,]*(?:\.\d*)?$/;
/** a figure as printed whole: thousands grouped by threes (or not at all), decimals after a point */
const WHOLE_FIGURE = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$/;
const decimalsOf = (text: string) => /\.(\d+)%?$/.exec(text)?.[1].length ?? 0;
/** a piece set under another's right or left edge, as a cell's wrapped lines stand */
const edgeUnder = (head: PositionedPiece, tail: PositionedPiece) => Math.abs(head.x1 - tail.x1) <= SLACK || Math.abs(head.x0 - tail.x0) <= SLACK;
/** digits alone: a code's (or a 行次's), no amount's */
const isCodePart = (p: PositionedPiece) => /^\d+$/.test(p.text);
/** the longest code a table prints: a unit's (506001) or a 项's (2080505) and a little more */
const CODE_LENGTH = 9;

/**
 * The words of a line of wrapped figures' tails, by the word of the line above each stands under:
 * under exactly one piece there, a word, and over none of its figures. Null when any is not.
 */
function wrappedWordHosts(words: PositionedPiece[], above: PositionedPiece[]): Map<PositionedPiece, PositionedPiece[]> | null {
  const hosts = new Map<PositionedPiece, PositionedPiece[]>();
  for (const w of words) {
    const under = above.filter((p) => overlaps(p, w));
    if (under.length !== 1 || isNumeric(under[0]) || isNumeric(w)) return null;
    hosts.set(under[0], [...(hosts.get(under[0]) ?? []), w]);
  }
  return hosts;
}

/**
 * Figures too wide for their cells, wrapped (1,215.3 / 4: Word and pdfmake break a word wider than
 * its column): a line of nothing but short runs of digits, each set under a figure of the line
 * just above at its right or left edge, completing it into a figure printed whole, with the
 * decimals the line's other amounts print (2 where it has none), from one that is not (fewer
 * decimals, a point or comma at its end, thousands grouped wrong). A row of its own under a row
 * of whole figures completes none of them so, and is left as it is. The same line may carry the
 * last words of the row's names wrapped in their cells (海东市医疗保障局（本级 / ）beside 1,215.3 /
 * 4): each such word, under one word of the line above and over none of its figures, goes on
 * that word; and of its code wrapped in a narrow column (506 / 001), digits under digits at an
 * edge, where an amount of the line is completed too.
 */
function joinWrappedFigures(lines: SourceLine[]): SourceLine[] {
  const out = [...lines];
  const removed = new Set<number>();
  /** whether line b stands a line below line a, on its page */
  const next = (a: number, b: number): boolean => {
    const [above, frag] = [out[a], out[b]];
    if (!frag?.pieces?.length || !above.pieces || removed.has(a) || frag.page !== above.page || frag.y === undefined || above.y === undefined) return false;
    return frag.y - above.y <= REACH * (frag.size ?? 10);
  };
  for (let i = 1; i < out.length; i++) {
    if (!next(i - 1, i) || isNumberingLine(out[i - 1])) continue;
    const completed = completedBy(out[i - 1], out[i]) ?? completedNumbering(out[i - 1], out[i]);
    if (completed) {
      out[i - 1] = completed;
      removed.add(i);
      continue;
    }
    // a figure over three lines (8. / 0 / 0, 1,2 / 15. / 34): its last two parts read as one, then with the first
    const stacked = next(i, i + 1) ? stackedParts(out[i], out[i + 1]) : null;
    const three = stacked && completedBy(out[i - 1], stacked);
    if (!three) continue;
    out[i - 1] = absorbing(three, out[i + 1]);
    removed.add(i).add(i + 1);
  }
  return out.filter((_, i) => !removed.has(i));
}

/** `upper` with each piece of `lower`, a figure's part, put after the part it stands under at an edge; null where any is not */
function stackedParts(upper: SourceLine, lower: SourceLine): SourceLine | null {
  const hosts = lower.pieces!.map((q) => (isFigurePart(q.text) ? upper.pieces!.find((p) => isFigurePart(p.text) && edgeUnder(p, q)) : undefined));
  if (hosts.some((h) => !h) || new Set(hosts).size !== hosts.length) return null;
  const merged = new Map(hosts.map((h, n) => [h!, spanning(h!, h!, lower.pieces![n])]));
  return withText(upper, upper.pieces!.map((p) => merged.get(p) ?? p));
}

/**
 * A 栏次 line whose numbers wrap in header cells too narrow for them (…10 1 12… over 1): digits
 * under digits at an edge that make it a 栏次 line, rising, where it was none. Read as it is, it
 * would be the table's first row of figures.
 */
function completedNumbering(above: SourceLine, frag: SourceLine): SourceLine | null {
  if (!frag.pieces!.every(isCodePart)) return null;
  const heads = frag.pieces!.map((f) => above.pieces!.find((u) => isCodePart(u) && edgeUnder(u, f)));
  if (heads.some((u) => !u) || new Set(heads).size !== heads.length) return null;
  const merged = new Map(heads.map((u, n) => [u!, spanning(u!, u!, frag.pieces![n])]));
  const line = absorbing(withText(above, above.pieces!.map((p) => merged.get(p) ?? p)), frag);
  return isNumberingLine(line) ? line : null;
}

/**
 * `above` with the wrapped tails `frag` prints completing its figures (and its codes and names
 * beside them), where every piece of `frag` does so; else null.
 */
function completedBy(above: SourceLine, frag: SourceLine): SourceLine | null {
  const tails = frag.pieces!.filter((p) => FIGURE_TAIL.test(p.text));
  if (!tails.length) return null;
  const wordHosts = wrappedWordHosts(frag.pieces!.filter((p) => !tails.includes(p)), above.pieces!);
  if (!wordHosts) return null;
  const figures = above.pieces!.filter((p) => FIGURE_HEAD.test(p.text));
  const heads = tails.map((f) => figures.find((u) => /[.,]/.test(u.text) && edgeUnder(u, f)) ?? figures.find((u) => isCodePart(u) && isCodePart(f) && edgeUnder(u, f)));
  if (heads.some((u) => !u) || new Set(heads).size !== heads.length) return null;
  // a code's digits (506 / 001) are taken only on a line that completes an amount: that says it wraps
  if (heads.every((u) => isCodePart(u!))) return null;
  // the decimals of the line's other amounts (codes and 行次, bare integers, say nothing of them)
  const amounts = figures.filter((p) => !heads.includes(p) && WHOLE_FIGURE.test(p.text) && /[.,]/.test(p.text));
  const expected = amounts.length ? Math.max(...amounts.map((p) => decimalsOf(p.text))) : null;
  const completes = heads.every((u, n) => {
    if (isCodePart(u!)) return (u!.text + tails[n].text).length <= CODE_LENGTH;
    const joined = u!.text + tails[n].text;
    const d = decimalsOf(joined);
    const whole = WHOLE_FIGURE.test(u!.text);
    return WHOLE_FIGURE.test(joined) && (!whole || decimalsOf(u!.text) < d) && (expected !== null ? d === expected : !whole || d === 2);
  });
  if (!completes) return null;
  const merged = new Map(heads.map((u, n) => [u!, spanning(u!, u!, tails[n])]));
  for (const [host, words] of wordHosts) merged.set(host, words.reduce((h, w) => spanning(h, h, w), host));
  return absorbing(withText(above, above.pieces!.map((p) => merged.get(p) ?? p)), frag);
}
