/**
 * A function class printed under two of its names in one document: tables/function-classes.yaml
 * lists each class's current name first and the names it had before after it (210 卫生健康支出,
 * 医疗卫生与计划生育支出 until 2018). A row printing an earlier name, where another table of the
 * same document prints the class's current one, was left from an older template (科目/类名前后不一).
 * Nothing is said where the whole document keeps one name: which year's names a document must use
 * is not this check's to guess.
 */
import { normalizeLabel } from '../../layout/tokenize.js';
import type { Catalog } from './catalog.js';
import { stripEnumeration } from './lines.js';
import type { Row, Table } from '../types.js';

/** a class name as printed, without its enumeration (三、医疗卫生与计划生育支出) */
const bareName = (name: string) => stripEnumeration(normalizeLabel(name));

/**
 * a class's words as compared: 及 as 与, no trailing 支出 (灾害防治及应急管理支出 and 灾害防治与应急管理 are
 * one name); the narrative's 叙述/类名与表不同 compares so too
 */
export const classWordsKey = (name: string) => normalizeLabel(name).replace(/支出$/, '').replace(/及/g, '与');

/** a class name as printed in a table, compared */
const classNameKey = (name: string) => classWordsKey(bareName(name));

const ranks = new WeakMap<Map<string, string>, Map<string, number>>();

/** each name (as compared) → its place in its class's list: 0 the current name, 1… earlier ones */
function nameRanks(classes: Map<string, string>): Map<string, number> {
  let index = ranks.get(classes);
  if (!index) {
    index = new Map();
    const seen = new Map<string, number>();
    for (const [name, code] of classes) {
      const key = classNameKey(name);
      if (index.has(key)) continue;
      const rank = seen.get(code) ?? 0;
      seen.set(code, rank + 1);
      index.set(key, rank);
    }
    ranks.set(classes, index);
  }
  return index;
}

/** the row's name as printed, with its code where the code is printed (not inferred from the name, as a 收支总表's) */
const printedName = (row: Row) => (row.key === row.code ? `${row.code} ${bareName(row.name)}` : bareName(row.name));

/** a table's class rows (a function code of three digits) with the place of their printed name */
function classRows(table: Table, ranked: Map<string, number>): Array<{ row: Row; rank: number }> {
  if (table.unread !== null) return [];
  const out: Array<{ row: Row; rank: number }> = [];
  for (const row of table.rows) {
    if (!row.code || !/^2\d{2}$/.test(row.code)) continue;
    const rank = ranked.get(classNameKey(row.name));
    if (rank !== undefined) out.push({ row, rank });
  }
  return out;
}

/**
 * own: the document's tables, whose rows are marked; all: those and its companions' (one
 * disclosure in several files), where the current name may be printed
 */
export function markEarlierClassNames(own: Table[], all: Table[], catalog: Pick<Catalog, 'functionClasses'>): void {
  const ranked = nameRanks(catalog.functionClasses);
  const current = new Map<string, { name: string; table: string }>();
  for (const t of all) for (const { row, rank } of classRows(t, ranked)) if (rank === 0 && !current.has(row.code!)) current.set(row.code!, { name: printedName(row), table: t.title });
  if (!current.size) return;
  for (const t of own) {
    for (const { row, rank } of classRows(t, ranked)) {
      const printed = rank > 0 ? current.get(row.code!) : undefined;
      if (printed) row.classNamed = printed;
    }
  }
}
