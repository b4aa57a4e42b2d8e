/** the item given most often, the first of them where several are (undefined for none) */
export function mostCommon<T>(items: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const i of items) counts.set(i, (counts.get(i) ?? 0) + 1);
  let best: T | undefined;
  let most = 0;
  for (const [item, n] of counts) if (n > most) [best, most] = [item, n];
  return best;
}
