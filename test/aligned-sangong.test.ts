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

  it('each figure under its own header words (检察院 2019)', async () => {
    const fixture = 'text/aligned-sangong-jiangsu.txt';
    expect(cellsOf(fixture)).toEqual({
      '本年预算数.合计': '1276.7',
      '本年预算数.三公经费小计': '418.26',
      '本年预算数.因公出国（境）费': '80',
      '本年预算数.公务用车购置及运行维护费': '237',
      '本年预算数.公务用车运行维护费': '237',
      '本年预算数.公务接待费': '101.26',
      '本年预算数.会议费': '158.44',
      '本年预算数.培训费': '700',
    });
    expect(only三公(await lintText(fixtureText(fixture), fixture))).toEqual([]);
    const text = mutate(fixtureText(fixture), '101.26   158.44', '201.26   158.44');
    expect(only三公(await lintText(text, fixture))).toEqual([{ ruleId: '三公/合计', severity: 2, line: 12, actual: '418.26 万元', expected: '518.26 万元', difference: '100.00 万元' }]);
  });

  it('names one space apart are two cells (省委办公厅 2019)', async () => {
    const fixture = 'text/aligned-sangong-jiangsu-names.txt';
    expect(cellsOf(fixture)).toEqual({
      '本年预算数.合计': '1,471.70',
      '本年预算数.三公经费小计': '508.20',
      '本年预算数.因公出国（境）费': '70.00',
      '本年预算数.公务用车购置及运行维护费': '411.20',
      '本年预算数.公务用车运行维护费': '411.20',
      '本年预算数.公务接待费': '27.00',
      '本年预算数.会议费': '933.50',
      '本年预算数.培训费': '30.00',
    });
    expect(only三公(await lintText(fixtureText(fixture), fixture))).toEqual([]);
    const text = mutate(fixtureText(fixture), '   27.00 ', '  127.00 ');
    expect(only三公(await lintText(text, fixture))).toEqual([{ ruleId: '三公/合计', severity: 2, line: 16, actual: '508.20 万元', expected: '608.20 万元', difference: '100.00 万元' }]);
  });
});
