/**
 * A 三公 grid in text laid out as printed (pdftotext -layout of 上海市财政局 2025's 单位预算):
 * Shanghai prints 公务接待费 before the 公务用车 group and adds 机关运行经费, its header spread
 * over five lines. The figures are named by the header words over them, by character column, as
 * on a page; they were placed in the catalogue's order, and two false 三公 findings followed.
 */
import { describe, expect, it } from 'vitest';
import { brief, fixtureText, lintText, mutate, reportOf } from './helpers.js';

const FIXTURE = 'text/aligned-sangong-shanghai.txt';

describe('a 三公 grid in aligned text, printed in an order of its own', () => {
  it('each figure under its own header words', () => {
    const table = reportOf(fixtureText(FIXTURE), FIXTURE).tables.find((t) => t.id === '部门公开表7')!;
    expect(Object.fromEntries(Object.entries(table.rows[0].cells).map(([k, v]) => [k, v.raw]))).toEqual({
      '本年预算数.合计': '346.30',
      '本年预算数.因公出国（境）费': '288.70',
      '本年预算数.公务接待费': '25.40',
      '本年预算数.公务用车购置及运行维护费': '32.20',
      '本年预算数.公务用车运行维护费': '32.20',
      '本年预算数.机关运行经费': '2,517.78',
    });
  });

  it('silent where the figures agree; the finding, at its figures, where they do not', async () => {
    const only三公 = (ds: Awaited<ReturnType<typeof lintText>>) => ds.filter((d) => d.ruleId.startsWith('三公/')).map(brief);
    expect(only三公(await lintText(fixtureText(FIXTURE), FIXTURE))).toEqual([]);
    const text = mutate(fixtureText(FIXTURE), '346.30', '356.30');
    expect(only三公(await lintText(text, FIXTURE))).toEqual([{ ruleId: '三公/合计', severity: 2, line: 12, actual: '356.30 万元', expected: '346.30 万元', difference: '10.00 万元' }]);
  });
});

/**
 * 江苏's 三公 grid as pdftotext -layout prints it: 会议费 and 培训费 beside the 三公, the 公务用车
 * names wrapped over lines with another cell's line between (公务用车购 / … / 置费), two names one
 * space apart (公务用车购置 公务用车运行), 购置费 blank. Read as unread before: the wrapped names
 * were not joined, as a CJK word's span ran into the next word's.
 */
describe('江苏 三公 grid in aligned text, names wrapped around other cells', () => {
  const cellsOf = (fixture: string) => {
    const table = reportOf(fixtureText(fixture), fixture).tables.find((t) => t.id === '部门公开表7')!;
    expect(table.unread).toBeNull();
    return Object.fromEntries(Object.entries(table.rows[0].cells).map(([k, v]) => [k, v.raw]));
  };
  const only三公 = (ds: Awaited<ReturnType<typeof lintText>>) => ds.filter((d) => d.ruleId.startsWith('三公/')).map(brief);

  const CASES: Array<[what: string, fixture: string, cells: string[], from: string, to: string, line: number, actual: string, expected: string]> = [
    ['each figure under its own header words (检察院 2019)', 'text/aligned-sangong-jiangsu.txt',
      ['1276.7', '418.26', '80', '237', '237', '101.26', '158.44', '700'], '101.26   158.44', '201.26   158.44', 12, '418.26 万元', '518.26 万元'],
    ['names one space apart are two cells (省委办公厅 2019)', 'text/aligned-sangong-jiangsu-names.txt',
      ['1,471.70', '508.20', '70.00', '411.20', '411.20', '27.00', '933.50', '30.00'], '   27.00 ', '  127.00 ', 16, '508.20 万元', '608.20 万元'],
  ];
  const KEYS = ['合计', '三公经费小计', '因公出国（境）费', '公务用车购置及运行维护费', '公务用车运行维护费', '公务接待费', '会议费', '培训费'].map((k) => `本年预算数.${k}`);
  // 江苏人大 2017: a cell's words spread over its height (因公 / … / 出国 / （境）费, 会议 / … / 费),
  // and the blank 购置费's 0 set on a line of its own below the row
  CASES.push(['words spread over each cell, 购置费 0 below the row (人大 2017)', 'text/aligned-sangong-jiangsu-spread.txt',
    ['2,542.60', '833.60', '222.50', '183.60', '183.60', '427.50', '1,305.25', '403.75'], '183.60   427.50', '183.60   527.50', 27, '833.60 万元', '933.60 万元']);
  for (const [what, fixture, cells, from, to, line, actual, expected] of CASES) {
    it(what, async () => {
      const read = cellsOf(fixture);
      // a 购置费 printed 0 is read as printed; where it is blank it is not a cell of the row
      const bought = read['本年预算数.公务用车购置费'];
      delete read['本年预算数.公务用车购置费'];
      expect([read, bought]).toEqual([Object.fromEntries(KEYS.map((k, i) => [k, cells[i]])), fixture.endsWith('spread.txt') ? '0' : undefined]);
      expect(only三公(await lintText(fixtureText(fixture), fixture))).toEqual([]);
      const text = mutate(fixtureText(fixture), from, to);
      expect(only三公(await lintText(text, fixture))).toEqual([{ ruleId: '三公/合计', severity: 2, line, actual, expected, difference: '100.00 万元' }]);
    });
  }
});
