/**
 * A 收入支出决算总表 of an earlier year's form (黔南 2018: the 支出 side numbered from 行次 29, where
 * the form the catalogue holds starts it at 32). A row's side goes by its 行次 only as far as the
 * document's own numbering allows: 一、一般公共服务支出 at 29 was taken for an income row.
 */
import { describe, expect, it } from 'vitest';
import { fixtureText, reportOf } from './helpers.js';

/** final-yuan-tabbed.txt renumbered as the earlier form: 支出 from 29 (three fewer), 收入's last rows 24–28 */
function earlierForm(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const cells = line.split('\t');
      if (cells.length !== 6 || !/^\d+$/.test(cells[4])) return line;
      const left = /^\d+$/.test(cells[1]) ? Number(cells[1]) : null;
      // the income side's blank rows 24–26 go; its totals 27–31 become 24–28
      cells[1] = left === null ? cells[1] : left >= 24 && left <= 26 && !cells[0] ? '' : String(left >= 27 ? left - 3 : left);
      cells[4] = String(Number(cells[4]) - 3);
      return cells.join('\t');
    })
    .join('\n');
}

const cellsOf = (text: string) =>
  reportOf(text)
    .tables.find((t) => t.id === '公开01')!
    .rows.map((r) => [r.key, Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, c.raw]))]);

describe('a 总表 numbered as an earlier year’s form', () => {
  const text = fixtureText('text/final-yuan-tabbed.txt');

  it('reads each row on its own side, as the form the catalogue holds', () => {
    const renumbered = earlierForm(text);
    expect(renumbered).toContain('一、一般公共预算财政拨款收入\t1\t8,041,451.79\t一、一般公共服务支出\t29\t');
    expect(renumbered).toContain('总计\t28\t8,044,331.79\t总计\t59\t8,044,331.79');
    const rows = cellsOf(renumbered);
    expect(rows.filter(([key]) => (key as string).startsWith('收入:')).map(([key]) => key)).toContain('收入:一般公共预算财政拨款收入');
    expect(rows.find(([key]) => key === '支出:一般公共服务支出')).toBeDefined();
    expect(rows).toEqual(cellsOf(text));
  });
});
