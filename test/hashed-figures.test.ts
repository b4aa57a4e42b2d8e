/**
 * A figure printed ######## (a spreadsheet's number wider than its column) is printed nowhere:
 * its table is said unread, with where, never read with the figure as a blank (layout-hashed.calc.pdf
 * in layouts-calc.test.ts is the same in a PDF).
 */
import { describe, expect, it } from 'vitest';
import { fixtureText, lintText, mutate, reportOf } from './helpers.js';

const HASHED = mutate(fixtureText('text/budget.txt'), '301 工资福利支出 399.28 399.28', '301 工资福利支出 ######## ########');

describe('a text whose 工资福利支出 row prints ######## for both its figures', () => {
  it('leaves that table unread, naming the line and the mark', () => {
    const t = reportOf(HASHED, 'budget.txt').tables.find((x) => x.id === '部门公开表6')!;
    expect([t.rows.length, t.unread]).toEqual([0, '第 387 行等 2 处的数字印成了「########」（栏宽不够，数字没有印出来，公开的表上也看不到）']);
  });

  // read as blanks they gave 合计 448.58 against 49.29, and 301 0.00 against 447.93
  it('finds nothing else: the consistent document stays silent', async () => {
    expect(await lintText(HASHED, 'budget.txt')).toEqual([]);
  });

  it('takes # in a name for no figure (1#楼维修)', () => {
    const named = mutate(fixtureText('text/budget.txt'), '301 工资福利支出 399.28 399.28', '301 工资福利支出#1 399.28 399.28');
    expect(reportOf(named, 'budget.txt').tables.find((x) => x.id === '部门公开表6')!.unread).toBeNull();
  });
});
