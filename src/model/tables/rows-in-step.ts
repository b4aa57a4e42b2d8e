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

/** the fewest rows printing a total and two parts not 0 that say anything of the columns' order */
const FEWEST_FULL_ROWS = 2;

/**
 * Whether a coded table read from text that gives each cell a line of its own (row-blocks.ts) has
 * its columns in another order than read: the header's names stand each on a line, so their order
 * is not seen, and the form's order is taken. A row printing its total and two parts or more not
 * 0 (read in their columns or left unplaced) then adds up where the order is right; where most
 * such rows do not, the figures stand in columns other than read (基本支出 | 项目支出 | 小计 read as
 * 小计 | 基本支出 | 项目支出), or are not all parts of the total (基本支出's 小计 | 人员经费 | 公用经费).
 */
export function partsOutOfOrder(table: Table): string | null {
  const total = table.columns.find((c) => c.total);
  if (!total) return null;
  const parts = table.columns.filter((c) => !c.total && !c.partOf && c.side === total.side);
  if (!parts.length) return null;
  let full = 0;
  let out = 0;
  for (const r of table.rows) {
    const own = r.cells[total.key];
    if (!own || own.blank) continue;
    // the parts read in their columns and those left unplaced (a row leaving cells blank)
    const printed = [...parts.map((c) => r.cells[c.key]).filter((c) => c && !c.blank), ...r.unplaced];
    // a row with one part not 0 adds up in any order (862.45 | 0.00 | 862.45): it tells nothing
    if (printed.filter((c) => c!.value !== 0).length < 2) continue;
    full++;
    if (!agrees(fromCell(own), sum(printed.map((c) => fromCell(c!))))) out++;
  }
  if (full < FEWEST_FULL_ROWS || out <= MOST_OUT * full) return null;
  return `${full} 行印有合计与分栏，其中 ${out} 行的合计与各分栏之和对不上：表头各栏的名称各占一行，看不出它们的次序和层级，读出的各栏可能不是表中的各栏`;
}
