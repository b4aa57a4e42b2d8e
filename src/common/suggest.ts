/**
 * "Did you mean …?": the known names nearest a misspelt one, by edit distance counted in
 * characters (a Chinese character is one edit, not three bytes or two UTF-16 units).
 */

/**
 * Edits (insert, delete, replace a character, swap two neighbours) from a to b, by code point;
 * past `limit` the count stops and limit + 1 is returned.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) => [i, ...Array<number>(y.length).fill(0)]);
  for (let j = 1; j <= y.length; j++) d[0][j] = j;
  for (let i = 1; i <= x.length; i++) {
    let best = d[i][0];
    for (let j = 1; j <= y.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      best = Math.min(best, d[i][j]);
    }
    if (best > limit) return limit + 1;
  }
  return d[x.length][y.length];
}

/** how far a name may be from a known one and still be taken for a slip (at most a third of it) */
function tolerance(word: string): number {
  return Math.max(1, Math.floor([...word].length / 3));
}

/** the candidates nearest `word` within a slip's reach: all at the least distance (at most `max`), in order */
export function nearestAll(word: string, candidates: Iterable<string>, max = 3): string[] {
  const limit = tolerance(word);
  const scored: Array<[string, number]> = [];
  const seen = new Set<string>();
  for (const name of candidates) {
    if (seen.has(name) || name === word) continue;
    seen.add(name);
    const d = editDistance(word, name, limit);
    if (d <= limit) scored.push([name, d]);
  }
  // only the nearest (a second name one edit further is rarely what was meant), in the candidates' order
  const best = Math.min(...scored.map(([, d]) => d));
  return scored.filter(([, d]) => d === best).slice(0, max).map(([n]) => n);
}

/** the candidate nearest `word`, if near enough to be a slip */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  return nearestAll(word, candidates, 1)[0];
}

/** "（是不是「x」？）", or nothing when no candidate is near */
export function suggestion(word: string, candidates: Iterable<string>): string {
  const near = nearest(word, candidates);
  return near ? `（是不是「${near}」？）` : '';
}

/** "（是不是「决算数.合计」、「预算数.合计」？）": every nearest candidate, or nothing */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const near = nearestAll(word, candidates);
  return near.length ? `（是不是${near.map((n) => `「${n}」`).join('、')}？）` : '';
}

/** a list of names for a message: all of them, or the first few and how many more */
export function listNames(names: Iterable<string>, max = 12): string {
  const all = [...new Set(names)];
  return all.length <= max ? all.join('、') : `${all.slice(0, max).join('、')} 等 ${all.length} 个`;
}
