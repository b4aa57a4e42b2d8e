/**
 * Which rows each weighted 一级 cell (产出指标（40分）) spans, in text read row by row without
 * positions. Read in order, a section's cell opens its rows: right where the cell is set at the
 * top of its rows (or a copy takes cells in order), wrong where it is centred over them (its text
 * on a middle row's line, or alone between two rows: pdfplumber's lines by position), for the rows
 * above its text would go to the section before.
 *
 * The stated weights tell them apart. Rows read in order are kept where their weights add up to
 * each section's. Otherwise the rows are shared among the headers in every way that lets each
 * header stand where its cell can print it (below the rows of the section before, on or above its
 * own last row): where exactly one such sharing adds up, the rows are placed so. Where none does,
 * the weights are misstated, and the rows stay in order (a finding). Where several do, or none
 * does and the order is known wrong, no reading can be trusted: the sections are not placed (nor
 * checked).
 */
import type { Form, Location } from '../types.js';

export type SectionPlacing = 'in-order' | 'by-weights' | 'unplaced';

/** a place down the document: a PDF's lines are counted on their page */
const placeOf = (loc: Location) => (loc.page ?? 0) * 1e6 + loc.line;

/** a sum of weights as printed (10, 2.5) equals a stated weight: exact but for binary fractions */
const EPSILON = 1e-6;
/** sharings tried at most: a form has a few dozen rows and a few sections, and the weights prune hard */
const MAX_STEPS = 200_000;

/**
 * Place the rows of a form whose sections all state weights. doubtful: the reading in order is
 * known wrong for some rows (rows above the first header, a header alone between rows in
 * columns). Indicators' sections are set when placed by weights; the caller clears them when
 * unplaced.
 */
export function placeSections(form: Form, doubtful: boolean): SectionPlacing {
  const { sections, indicators } = form;
  const weighted = sections.length > 0 && sections.every((s) => s.weight) && indicators.every((x) => x.weight);
  if (!weighted) return doubtful ? 'unplaced' : 'in-order';
  if (!doubtful && addsUp(form, indicators.map((x) => x.section))) return 'in-order';
  const found = sharingsThatAddUp(form);
  // a search given up is as undecided as two sharings
  if (!found) return 'unplaced';
  if (found.length === 1) {
    indicators.forEach((x, i) => (x.section = found[0][i]));
    return 'by-weights';
  }
  return found.length === 0 && !doubtful ? 'in-order' : 'unplaced';
}

/** whether the rows of each section (by name: sectionOf[i] is row i's) add up to its stated weight */
function addsUp(form: Form, sectionOf: Array<string | null>): boolean {
  return form.sections.every((s) => {
    const sum = form.indicators.reduce((n, x, i) => (sectionOf[i] === s.name ? n + x.weight!.value : n), 0);
    return Math.abs(sum - s.weight!.value) < EPSILON;
  });
}

/**
 * The sharings of the rows (in order) among the headers (in order; one printed again where its
 * cell runs onto a new page is a header of its own, of the same section), each a run of one row
 * or more, each header's line after the line of the last row before its run and not after its
 * run's last row, whose weights add up to each section's: none, one, or two (more are not
 * sought); null where the search was given up (MAX_STEPS).
 */
function sharingsThatAddUp(form: Form): Array<Array<string | null>> | null {
  const rows = form.indicators.map((x) => placeOf(x.loc));
  const weights = form.indicators.map((x) => x.weight!.value);
  const headers = form.sections.map((s) => ({ line: placeOf(s.loc), name: s.name, weight: s.weight!.value }));
  const n = rows.length;
  const m = headers.length;
  const found: Array<Array<string | null>> = [];
  const sectionOf = new Array<string | null>(n).fill(null);
  const sums = new Map<string, number>();
  let steps = 0;
  const share = (j: number, from: number): void => {
    if (found.length > 1 || ++steps > MAX_STEPS) return;
    if (j === m) {
      // two runs of one section (a header printed again on a new page) may part anywhere: one sharing
      const same = (f: Array<string | null>) => f.every((s, i) => s === sectionOf[i]);
      if (from === n && addsUp(form, sectionOf) && !found.some(same)) found.push([...sectionOf]);
      return;
    }
    const h = headers[j];
    if (from > 0 && h.line <= rows[from - 1]) return;
    const before = sums.get(h.name) ?? 0;
    let sum = before;
    for (let to = from + 1; to <= n - (m - 1 - j); to++) {
      sum += weights[to - 1];
      sectionOf[to - 1] = h.name;
      if (sum > h.weight + EPSILON) break;
      if (h.line > rows[to - 1]) continue;
      sums.set(h.name, sum);
      share(j + 1, to);
    }
    sums.set(h.name, before);
  };
  if (m <= n) share(0, 0);
  return steps > MAX_STEPS ? null : found;
}
