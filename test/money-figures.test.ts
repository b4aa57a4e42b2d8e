/**
 * Figures as a spreadsheet's currency and accounting formats print them: ¥1,234.50, -¥1,234.50,
 * a ¥ at the cell's left edge apart from its figure, a negative in brackets (1,234.50). Each is
 * its figure (layout-currency.calc.pdf in layouts-calc.test.ts is the same in a PDF).
 */
import { describe, expect, it } from 'vitest';
import { parseNumber } from '../src/layout/tokenize.js';
import { fixtureText, lintText, mutate, reportOf } from './helpers.js';

const YUAN = fixtureText('text/final-yuan-tabbed.txt');
/** the 总表's 一般公共预算财政拨款收入 printed as `to` */
const printedAs = (to: string) => mutate(YUAN, '一、一般公共预算财政拨款收入\t1\t8,041,451.79', `一、一般公共预算财政拨款收入\t1\t${to}`);
const income = (text: string) => {
  const row = reportOf(text, 'final.txt').tables.find((t) => t.id === '公开01')!.rows.find((r) => r.key === '收入:一般公共预算财政拨款收入')!;
  const cell = Object.values(row.cells).find((c) => !c.blank)!;
  return [cell.raw, cell.value, cell.decimals, cell.loc.column, cell.loc.endColumn];
};

describe('a figure signed as money', () => {
  it('reads ¥8,041,451.79, ￥ and ¥ apart from the figure as the figure, placed where printed', () => {
    expect(income(printedAs('¥8,041,451.79'))).toEqual(['8,041,451.79', 8041451.79, 2, 18, 31]);
    expect(income(printedAs('￥8,041,451.79'))).toEqual(['8,041,451.79', 8041451.79, 2, 18, 31]);
    expect(income(printedAs('¥   8,041,451.79'))).toEqual(['8,041,451.79', 8041451.79, 2, 22, 34]);
  });

  it('finds in them what it finds in the figures printed plain: nothing', async () => {
    const asPrinted = await lintText(YUAN, 'final.txt');
    for (const to of ['¥8,041,451.79', '¥ 8,041,451.79']) expect(await lintText(printedAs(to), 'final.txt')).toEqual(asPrinted);
  });

  it('reads -¥8,041,451.79 and (8,041,451.79) as negative, so the 总表 no longer adds up', async () => {
    expect(income(printedAs('-¥8,041,451.79'))).toEqual(['-8,041,451.79', -8041451.79, 2, 18, 32]);
    expect(income(printedAs('(8,041,451.79)'))).toEqual(['-8,041,451.79', -8041451.79, 2, 18, 32]);
    const found = (await lintText(printedAs('(8,041,451.79)'), 'final.txt')).filter((d) => d.ruleId === '总表/本年收入合计');
    expect(found.map((d) => [d.actual, d.expected])).toEqual([['8,044,331.79 元', '-8,038,571.79 元']]);
  });
});

describe('parseNumber: what is a figure in brackets, what is not', () => {
  it('takes a grouped or decimal figure in ASCII brackets for a negative', () => {
    expect(parseNumber('(1,234.50)')).toEqual({ value: -1234.5, decimals: 2, integer: false, percent: false });
    expect(parseNumber('(12.5)%')).toEqual({ value: -12.5, decimals: 1, integer: false, percent: true });
    expect(parseNumber('¥(1,234)')).toEqual({ value: -1234, decimals: 0, integer: false, percent: false });
  });

  it('leaves an enumeration or year in brackets, full-width brackets and a lone ¥ as words', () => {
    expect([parseNumber('(1)'), parseNumber('(2023)'), parseNumber('（1,234.50）'), parseNumber('¥'), parseNumber('¥-')]).toEqual([null, null, null, null, null]);
  });
});
