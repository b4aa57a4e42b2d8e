/**
 * A 收入支出决算总表 printed without its 行次 column (项目 | 决算数 | 项目 | 决算数), as a table
 * copied out of a spreadsheet gives it: tab-separated, each side a name and its figure. Before,
 * each row was read as if its figure stood in the 行次 cell: every figure was lost, the table said
 * empty (形式/空表说明) and a misprint in it unsaid.
 */
import { describe, expect, it } from 'vitest';
import { fixtureText, lintText, mutate, reportOf } from './helpers.js';

/** final-full.txt with its 公开01 printed without 行次: the header's and each row's 行次 cells dropped */
function withoutLineNumbers(text: string, head = '项目\t决算数\t项目\t决算数'): string {
  const start = text.indexOf('收入支出决算总表\n公开01表');
  const end = text.indexOf('收入决算表\n公开02表');
  const table = text
    .slice(start, end)
    .split('\n')
    .filter((l) => !l.startsWith('栏次'))
    .map((l) => {
      if (l.startsWith('项目\t行次')) return head;
      const cells = l.split('\t');
      return cells.length === 6 ? [cells[0], cells[2], cells[3], cells[5]].join('\t') : l;
    })
    .join('\n');
  return text.slice(0, start) + table + text.slice(end);
}

const cells = (text: string) =>
  reportOf(text)
    .tables.find((t) => t.id === '公开01')!
    .rows.map((row) => [row.key, Object.entries(row.cells).map(([k, c]) => `${k}=${c.raw}`)]);

describe('a 收入支出决算总表 without 行次', () => {
  const text = fixtureText('pdf/final-full.txt');
  const plain = withoutLineNumbers(text);

  it('reads every row and figure as the table printed with them, under 决算数 or another amount head', () => {
    expect(plain).toContain('\n八、其他收入\t57.93\t八、社会保障和就业支出\t357.81\n');
    expect(cells(plain)).toEqual(cells(text));
    expect(cells(withoutLineNumbers(text, '项目\t金额\t项目\t金额'))).toEqual(cells(text));
  });

  it('finds a misprint in it, and says nothing of a consistent one', async () => {
    expect(await lintText(plain)).toEqual([]);
    const found = await lintText(mutate(plain, '八、其他收入\t57.93', '八、其他收入\t58.93'));
    expect(found.map((d) => [d.ruleId, d.message])).toEqual([['总表/本年收入合计', '公开01表本年收入合计 12,366.72 万元，各项收入之和 12,367.72 万元，相差 1.00 万元']]);
  });
});
