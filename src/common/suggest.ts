/**
 * "Did you mean": the known names nearest to a name written wrong, by edit distance counted in
 * characters (a Chinese character is one edit, not three bytes or two UTF-16 units).
 */

/** Levenshtein distance over code points, stopping early once it exceeds `limit` */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      const d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
      cur.push(d);
      if (d < best) best = d;
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[y.length];
}

/** how far a name may be from a known one and still be taken for a typo of it */
function tolerance(name: string): number {
  const n = Array.from(name).length;
  return n <= 2 ? 1 : n <= 5 ? 2 : Math.ceil(n / 3);
}

/** the known names nearest to `name` (at most `max`, all at the least distance), within a typo's reach */
export function nearest(name: string, known: Iterable<string>, max = 3): string[] {
  const limit = tolerance(name);
  const scored: Array<[string, number]> = [];
  const seen = new Set<string>();
  for (const k of known) {
    if (seen.has(k) || k === name) continue;
    seen.add(k);
    // a name written with different case or width is nearer than any other
    const d = k.toLowerCase() === name.toLowerCase() ? 0 : editDistance(name, k, limit);
    if (d <= limit) scored.push([k, d]);
  }
  // only the nearest: a second name one edit further is rarely what was meant
  const best = Math.min(...scored.map(([, d]) => d));
  return scored.filter(([, d]) => d === best).sort((a, b) => a[0].localeCompare(b[0])).slice(0, max).map(([k]) => k);
}

/** "（是不是「决算数.合计」？）", or '' when nothing is near */
export function didYouMean(name: string, known: Iterable<string>): string {
  const near = nearest(name, known);
  return near.length ? `（是不是${near.map((n) => `「${n}」`).join('、')}？）` : '';
}

/** a list of names for a message: all of them, or the first few and how many more */
export function listNames(names: Iterable<string>, max = 12): string {
  const all = [...new Set(names)];
  return all.length <= max ? all.join('、') : `${all.slice(0, max).join('、')} 等 ${all.length} 个`;
}
