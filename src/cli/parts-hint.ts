/**
 * A run that holds a 说明 without tables (读取/未含公开表) and, beside it, a file that looks like
 * its 公开表 (same folder, same year, a name beginning alike) says how to check them together
 * (--parts). Only a hint, on stderr: the files were each linted alone, as asked.
 */
import path from 'node:path';
import type { FileResult } from '../format/index.js';

const NARRATIVE_ONLY = '读取/未含公开表';
/** the name the two files share before they differ: 江苏省政协办公厅2018年度部门预算 / …2018度部门预算公开表 */
const SHARED_PREFIX = 4;

const yearOf = (name: string) => /20\d{2}/.exec(name)?.[0] ?? null;

function sharedPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** [narrative, tables] pairs among the results that are likely parts of one disclosure */
export function likelyParts(results: FileResult[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  const narrativeOnly = (r: FileResult) => r.messages.some((m) => m.ruleId === NARRATIVE_ONLY);
  const tablesLike = results.filter((r) => r.fatalErrorCount === 0 && !narrativeOnly(r));
  for (const r of results.filter(narrativeOnly)) {
    const name = path.basename(r.filePath);
    const year = yearOf(name);
    const match = tablesLike
      .filter((t) => path.dirname(t.filePath) === path.dirname(r.filePath) && yearOf(path.basename(t.filePath)) === year)
      .map((t) => ({ t, shared: sharedPrefix(name, path.basename(t.filePath)) }))
      .filter((c) => c.shared >= SHARED_PREFIX)
      .sort((a, b) => b.shared - a.shared)[0];
    if (year && match) pairs.push([r.filePath, match.t.filePath]);
  }
  return pairs;
}

export function partsHints(results: FileResult[]): string[] {
  return likelyParts(results).map(
    ([narrative, tables]) => `${narrative} 没有公开表，${path.basename(tables)} 像是它另行公开的表格：用 --parts 把两者合在一起检查，说明中的数字才会与表格核对（budget-lint --parts "${narrative}" "${tables}"）`,
  );
}
