/**
 * Whether a coded table's figures stand on their codes' rows. Text whose extraction set a column
 * of figures out of step with the codes (each row taking the figures of a row above or below)
 * reads as a table where most class totals differ from the sum of their items: dozens of
 * findings from one misreading. A mistake of the document's own puts a few totals out, not most;
 * where most are out, the table is said unread instead of checked.
 */
import { agrees, fromCell, sum } from '../../interval/interval.js';
import type { Table } from '../types.js';

/** the fewest parent rows (with their items read) that say anything, and the share of them out that says misread */
const FEWEST_PARENTS = 4;
const MOST_OUT = 0.5;

/** why the table's figures are not on their rows (null: they may well be) */
export function rowsOutOfStep(table: Table): string | null {
  const column = table.columns[0]?.key;
  if (!column) return null;
  const items = table.rows.filter((r) => r.code && r.kind !== 'detail');
  const children = new Map<string, typeof items>();
  for (const r of items) if (r.parent) children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
  let parents = 0;
  let out = 0;
  for (const p of items) {
    const kids = children.get(p.key);
    const own = p.cells[column];
    if (!kids?.length || !own || own.blank) continue;
    const cells = kids.map((k) => k.cells[column]);
    if (cells.some((c) => !c)) continue;
    parents++;
    if (!agrees(fromCell(own), sum(cells.map((c) => fromCell(c!))))) out++;
  }
  if (parents < FEWEST_PARENTS || out <= MOST_OUT * parents) return null;
  return `${parents} 个上级科目中有 ${out} 个与其下级之和对不上，提取的文字可能把数字与科目错开了行`;
}
