/**
 * Names wrapped around their row's line, in text without positions. A cell centred vertically
 * prints a two-line name one line above and one below the line that carries the row's code and
 * figures (机关事业单位职 / 2080506 257.14 257.14 / 业年金缴费支出), a three-line name one above, one
 * on and one below it: as many lines above as below. The lines of words between two rows are then
 * the upper row's lower lines and the lower row's upper lines, and how many are which follows from
 * the rows before: a row right under another (no line between) wraps nothing, a 合计 row neither.
 * The count is taken only where some row prints no name on its line (cells set at the top wrap
 * below a name's first line instead) and exactly one count fits every row (none negative, one for
 * each row printing no name on its own line); else no name is put together.
 */

/** the most lines a name is taken to wrap above (and below) its row's line */
const MOST_WRAPPED = 3;

export interface WrapShape {
  /** lines of words only between row i and row i + 1 */
  gaps: number[];
  /** lines of words only that may stand above the first row (the header's last lines) */
  before: number;
  /** lines of words only after the last row, before the table ends */
  after: number;
  /** per row: prints no name on its own line (so wraps at least one line each way) */
  unnamed: boolean[];
  /** per row: wraps nothing (a 合计 row) */
  whole: boolean[];
}

/**
 * How many lines each row's name wraps above (and as many below) its line, or null where no
 * count, or more than one, fits.
 */
export function centredWraps(shape: WrapShape): number[] | null {
  const n = shape.unnamed.length;
  // every row printing its name on its line: names may as well wrap below it (cells set at the top)
  if (n === 0 || shape.gaps.length !== n - 1 || !shape.unnamed.some(Boolean)) return null;
  // w[j] = c[j] + s[j]·w[0]: each gap is the row above's lower lines and the row below's upper ones
  const c = [0];
  const s = [1];
  for (let i = 0; i < n - 1; i++) {
    c.push(shape.gaps[i] - c[i]);
    s.push(-s[i]);
  }
  const fits: number[][] = [];
  for (let first = 0; first <= MOST_WRAPPED; first++) {
    const w = c.map((ci, j) => ci + s[j] * first);
    const ok = w.every((wj, j) => wj >= (shape.unnamed[j] ? 1 : 0) && wj <= MOST_WRAPPED && (!shape.whole[j] || wj === 0));
    if (ok && w[0] <= shape.before && w[n - 1] <= shape.after) fits.push(w);
  }
  return fits.length === 1 ? fits[0] : null;
}
