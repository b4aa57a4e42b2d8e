/**
 * Names wrapped around their row's line, in text without positions. A cell centred vertically
 * prints a two-line name one line above and one below the line that carries the row's code and
 * figures (机关事业单位职 / 2080506 257.14 257.14 / 业年金缴费支出), a three-line name one above, one
 * on and one below it: as many lines above as below. Where the figures sit at the foot of a tall
 * row and the name is centred in it, the name rises half a line, one line more above than below
 * (行政运行 / 2120101 1092.80, a WPS sheet through pdftotext -layout; pdfplumber's layout text of it
 sets every one-line name so). The lines of words between
 * two rows are then the upper row's lower lines and the lower row's upper lines, and how many are
 * which follows from the rows before: a row right under another (no line between) wraps nothing, a
 * 合计 row neither. The count is taken only where some row prints no name on its line (cells set at
 * the top wrap below a name's first line instead) and exactly one count fits every row with the
 * fewest risen names (none negative, one for each row printing no name on its own line, few
 * risen: risenAllowed); else no name is put together.
 */

/** the most lines a name is taken to wrap above (and below) its row's line */
const MOST_WRAPPED = 3;
/** the most names of a table taken to have risen a line above their row's: half its rows (else it is not centred) */
const risenAllowed = (rows: number) => Math.floor(rows / 2);

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

/** per row, how many lines of its name stand above its line and how many below */
export interface Wraps {
  above: number[];
  below: number[];
}

/** the ways to count the rows so far that end in one row's lines below: the fewest risen, how many ways so, one of them */
interface Partial {
  risen: number;
  ways: number;
  above: number[];
  below: number[];
}

/**
 * How many lines each row's name wraps above and below its line, or null where no count, or more
 * than one with the fewest risen names, fits.
 */
export function centredWraps(shape: WrapShape): Wraps | null {
  const n = shape.unnamed.length;
  // every row printing its name on its line: names may as well wrap below it (cells set at the top)
  if (n === 0 || shape.gaps.length !== n - 1 || !shape.unnamed.some(Boolean)) return null;
  let ends = new Map<number, Partial>();
  for (let j = 0; j < n; j++) {
    const next = new Map<number, Partial>();
    const ups = j === 0 ? Array.from({ length: Math.min(MOST_WRAPPED, shape.before) + 1 }, (_, up) => [up, null] as const) : [...ends].map(([below, p]) => [shape.gaps[j - 1] - below, p] as const);
    for (const [up, p] of ups) {
      for (const down of [up, up - 1]) {
        if (up > MOST_WRAPPED || down < 0 || (shape.unnamed[j] && up + down < 1) || (shape.whole[j] && up + down > 0)) continue;
        const risen = (p?.risen ?? 0) + (up > down ? 1 : 0);
        if (risen > risenAllowed(n)) continue;
        const had = next.get(down);
        if (had && had.risen < risen) continue;
        const ways = p?.ways ?? 1;
        if (had && had.risen === risen) had.ways += ways;
        else next.set(down, { risen, ways, above: [...(p?.above ?? []), up], below: [...(p?.below ?? []), down] });
      }
    }
    ends = next;
  }
  const fits = [...ends].filter(([below]) => below <= shape.after).map(([, p]) => p);
  const fewest = Math.min(...fits.map((p) => p.risen));
  const best = fits.filter((p) => p.risen === fewest);
  if (best.length !== 1 || best[0].ways !== 1) return null;
  return { above: best[0].above, below: best[0].below };
}
