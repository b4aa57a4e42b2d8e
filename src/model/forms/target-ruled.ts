/**
 * A 绩效目标表's projects where the PDF draws its cell borders: a project's merged cells (code
 * and name, 预算数, 绩效目标) are closed above and below by rules that cross the name column,
 * which no rule between two of its indicator rows does. So the rules part the rows into the
 * projects' cells, wherever each project's text is printed in its cell (centred, at the top,
 * on the next page's part of a cell a page break parts). A cell left open at a page's foot
 * goes on at the next page's head, up to the first rule there.
 *
 * Where the rules part the rows so, each cell must hold exactly one project's code and no other
 * name words: a cell without a code (a producer clipped it, or left the rows that print it out
 * of the PDF) or with two cannot be given to a project with confidence, and is said so.
 */
import type { PageRulings } from '../../ingest/rulings.js';
import { normalizeLabel } from '../../layout/tokenize.js';
import { columnLabels, PAGE, type Label, type Placed } from './centred.js';

/** the rows each label spans, or why the cells the rules close cannot be given to labels */
export type RuledSpans = { spans: Array<[number, number]> } | { stray: Placed; reason: string };

const yOf = (t: Placed) => t.at - t.page * PAGE;
/** points a baseline may stand under the rule that closes its cell (a glyph's body is far above it) */
const ON_RULE = 1;
const textOf = (l: Label) => l.name || normalizeLabel(l.words.map((t) => t.text).join(''));

interface Band {
  page: number;
  /** how many of the page's rules across the column stand above */
  k: number;
}
const key = (b: Band) => `${b.page}/${b.k}`;

/**
 * The bands the rules across a column (those below `from`) part its pages into, and each
 * anchor's; null where the column's words have no positions, or no rule parts two anchors of a
 * page (the PDF draws no borders across the column).
 */
function columnBands(words: Placed[], anchors: Placed[], rulings: PageRulings[] | undefined, from: number): { band: (t: Placed) => Band; bands: Band[]; rulesOn: (page: number) => number[] } | null {
  if (!rulings?.length || !anchors.length || !words.length || words.some((t) => t.x0 === undefined)) return null;
  // a rule that closes one of the column's cells reaches past the left edge of its words
  const x = Math.min(...words.map((t) => t.x0!)) + 1;
  const byPage = new Map(rulings.map((r) => [r.page, r]));
  const crossing = new Map<number, number[]>();
  const rulesOn = (page: number) => {
    if (!crossing.has(page)) {
      const top = Math.floor(from / PAGE) === page ? from - page * PAGE : -Infinity;
      const ats = (byPage.get(page)?.horizontal ?? []).filter((r) => r.from < x && r.to > x && r.at > top).map((r) => r.at);
      crossing.set(page, [...new Set(ats)].sort((a, b) => a - b));
    }
    return crossing.get(page)!;
  };
  // a rule at a word's baseline (within ON_RULE) is its cell's bottom: iText sets text on it
  const own = (t: Placed): Band => ({ page: t.page, k: rulesOn(t.page).filter((at) => at < yOf(t) - ON_RULE).length });
  const bands = anchors.map(own);
  if (!bands.some((b, r) => r > 0 && b.page === bands[r - 1].page && b.k !== bands[r - 1].k)) return null;
  const goesOn = rowsGoingOn(words.map(own), bands, rulesOn);
  const band = (t: Placed): Band => {
    const b = own(t);
    return goesOn.get(key(b)) ?? b;
  };
  return { band, bands, rulesOn };
}

/**
 * A row a page break parts. Its anchor (its 分值) may be printed only on the next page: AbiWord
 * closes the row's cells at the page's foot, with the first line of its 一级 cell (满意) in them,
 * and goes on at the next page's head. Such a band, the page's last ruled one below every anchor
 * of its page, is the band the next page's first anchor stands in, where nothing of the column
 * stands above that anchor there. Or its anchor is printed on the page before, and the rest of its
 * cells' text on the next page, closed by rules above every anchor there (pdfmake, Word: a row let
 * break over pages, its cells' text at their tops): that band is the page before's last anchor's.
 * By key of the band parted off, the band it goes on in.
 */
function rowsGoingOn(wordBands: Band[], anchorBands: Band[], rulesOn: (page: number) => number[]): Map<string, Band> {
  const out = new Map<string, Band>();
  for (const b of wordBands) {
    if (out.has(key(b))) continue;
    const anchorAbove = anchorBands.some((a) => a.page === b.page && a.k <= b.k);
    // a band between the rules at the head of a page, above every anchor of the page
    const before = anchorBands.filter((a) => a.page === b.page - 1).at(-1);
    if (!anchorAbove && b.k >= 1 && before) {
      out.set(key(b), before);
      continue;
    }
    if (b.k < rulesOn(b.page).length - 1) continue;
    if (anchorBands.some((a) => a.page === b.page && a.k >= b.k)) continue;
    const next = anchorBands.find((a) => a.page === b.page + 1);
    if (next && !wordBands.some((w) => w.page === next.page && w.k < next.k)) out.set(key(b), next);
  }
  return out;
}

/**
 * Each row's own words (三级指标, 指标值 …: cells of one row each) by the rules that close them:
 * a word goes to the anchor in the same band of its column, wherever it stands in its cell (at
 * its top, wrapped over many lines). Null where the rules do not close every column's cells
 * round one anchor each (the words are then shared by where they stand).
 */
export function ruledRows(anchors: Placed[], words: Placed[], rulings: PageRulings[] | undefined, from: number): Placed[][] | null {
  const content = anchors.map((a) => [a]);
  for (const c of new Set(words.map((t) => t.cell))) {
    const own = words.filter((t) => t.cell === c);
    const ruled = columnBands(own, anchors, rulings, from);
    if (!ruled) return null;
    const rowOf = new Map<string, number>();
    for (const [r, b] of ruled.bands.entries()) {
      if (rowOf.has(key(b))) return null;
      rowOf.set(key(b), r);
    }
    for (const t of own) {
      const r = rowOf.get(key(ruled.band(t)));
      if (r === undefined) return null;
      content[r].push(t);
    }
  }
  return content;
}

/**
 * The rows (given by their anchors: their 分值) of each of a merged column's labels (a project's
 * name block, an 一级 name), by the rules that cross the column below the table's 合计 (`from`,
 * a place down the document); `words`: all the column's words there, each label's among them.
 * Null where no rule crosses the column between two rows (the PDF draws no borders there): the
 * cells are then found from where their text stands.
 */
export function ruledSpans(labels: Label[], words: Placed[], anchors: Placed[], rulings: PageRulings[] | undefined, from: number, noun: string): RuledSpans | null {
  const ruled = columnBands(words, anchors, rulings, from);
  if (!ruled) return null;
  const { band, bands, rulesOn } = ruled;
  // below the rule that closes the last row, past the last anchor's band: no cell of the table
  // (a web page's footer under the last form, 主办单位：…, as a browser saves the page)
  const last = bands[bands.length - 1];
  const pastTable = (t: Placed) => {
    const b = band(t);
    return (b.page > last.page || (b.page === last.page && b.k > last.k)) && b.k === rulesOn(b.page).length;
  };
  words = words.filter((t) => !pastTable(t));
  const labelled = new Set(labels.map((l) => key(band(l.words[0]))));
  // each row's cell: a new one where the band changes, unless the band is a cell's part on the
  // next page: the cell left open at the page's foot goes on at the next page's head (two
  // labels in it say that rows or the rule between them were not printed), or one of the two
  // parts holds no label (a producer that closes a cell at the page break on both pages)
  const cellOfBand = new Map<string, number>();
  let cell = -1;
  bands.forEach((b, r) => {
    if (cellOfBand.has(key(b))) return;
    const prev = bands[r - 1];
    const atBreak = prev && b.page === prev.page + 1;
    const open = atBreak && b.k === 0 && prev.k === rulesOn(prev.page).length;
    const goesOn = atBreak && (open || !labelled.has(key(prev)) || !labelled.has(key(b)));
    if (!goesOn) cell++;
    cellOfBand.set(key(b), cell);
  });
  const cellOf = (t: Placed) => cellOfBand.get(key(band(t)));
  const owners: Array<Label | null> = Array(cell + 1).fill(null);
  const ownerOf = new Map(labels.flatMap((b) => b.words.map((t) => [t, b] as const)));
  // words of a cell that no label took (its name's lines set apart by the rows beside it, farther
  // than a line: 630200 25T000 000000 欺诈 / … / 骗取医疗保障基金行为举报奖励 / … / 经费): the cell's label's
  const loose = new Map<number, Placed[]>();
  for (const t of [...words].sort((a, b) => a.at - b.at)) {
    const c = cellOf(t);
    const label = ownerOf.get(t);
    if (c === undefined) return { stray: t, reason: '不在任何指标行之间' };
    const other = owners[c];
    if (!label) {
      loose.set(c, [...(loose.get(c) ?? []), t]);
      continue;
    }
    if (other && other !== label) {
      // a cell parted by a page break that holds two: the rows or the rule between them were not printed
      const lost = other.words[0].page !== t.page ? `（第 ${other.words[0].page}–${t.page} 页分页处的行或格线未印出）` : '';
      return { stray: t, reason: `所在的一格另有「${textOf(other)}」${lost}` };
    }
    owners[c] = label;
  }
  for (const [c, ts] of loose) {
    const owner = owners[c];
    if (!owner) return { stray: ts[0], reason: `所在的一格没有${noun}` };
    owner.words = [...owner.words, ...ts].sort((a, b) => a.at - b.at || (a.x0 ?? 0) - (b.x0 ?? 0));
  }
  const orphan = owners.findIndex((o) => !o);
  if (orphan >= 0) return { stray: anchors[bands.findIndex((b) => cellOfBand.get(key(b)) === orphan)], reason: `所在的一格没有${noun}` };
  if (owners.some((o, c) => o !== labels[c]) || owners.length !== labels.length) return null;
  const spans = owners.map((_, c) => {
    const rows = bands.map((b, r) => (cellOfBand.get(key(b)) === c ? r : -1)).filter((r) => r >= 0);
    return [rows[0], rows[rows.length - 1]] as [number, number];
  });
  return { spans };
}

/**
 * The label over each row of a merged column whose names are known (一级, 二级), as the page's
 * rules close its cells; null where they do not close every name's cell alone (the reading by
 * where the names stand is then left to do).
 */
export function ruledColumn(words: Placed[], names: RegExp, anchors: Placed[], rulings: PageRulings[] | undefined, from: number): Array<string | null> | null {
  const labels = columnLabels(words, names);
  const read = labels?.length ? ruledSpans(labels, words, anchors, rulings, from, '') : null;
  if (!labels || !read || !('spans' in read)) return null;
  const out = Array<string | null>(anchors.length).fill(null);
  read.spans.forEach(([a, z], k) => out.fill(labels[k].name, a, z + 1));
  return out;
}
