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
