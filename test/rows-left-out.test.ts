/**
 * Rows a table's reader had to leave out (figures whose name it could not read) make every sum
 * over the rows they belong to unknown: such sums are not checked, and the table says so. Text in
 * drawing order (pdftotext -raw, a library's page text) sets a wrapped 收入 name on the lines
 * before its 行次 and figures, so the row's name is lost.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { lintFile } from '../src/cli/lint.js';
import { FIXTURES, builtinRules, fixtureText, reportOf } from './helpers.js';

const RAW_04 = 'text/raw-order-04-left-name-apart.txt';

describe('a 总表 whose 收入 row lost its name (its figures kept, 行次 1)', () => {
  it('records the row as left out, on the 收入 side', () => {
    const t = reportOf(fixtureText(RAW_04), RAW_04).tables.find((x) => x.id === '公开04')!;
    expect(t.reading).toEqual({ unplaced: 0, dropped: 1, droppedSides: ['收入'] });
    expect(t.rows.some((r) => r.side === '收入' && r.kind === 'item' && r.cells['决算数']?.value === 12308.79)).toBe(false);
  });

  it('checks no sum over the 收入 rows (their sum would be 0.00 against 12,308.79), and says why', async () => {
    const { diagnostics } = await lintFile(path.join(FIXTURES, RAW_04), await builtinRules());
    const ds = diagnostics.filter((d) => !d.ruleId.startsWith('形式/'));
    expect(ds.map((d) => [d.ruleId, d.line, d.message])).toEqual([
      ['读取/表格未能读取', 2, '「财政拨款收入支出决算总表」（第 2 页）有 1 处行或数字未能读取（如第 2 页第 15 行：行次 1 有数字却没有项目名称；全部见 --print-model 的 notes），涉及它们的核对没有做'],
      // the 支出 side lost nothing: its sum is checked (住房保障支出 set to 57.89 in the fixture, 10 over)
      ['总表/本年支出合计', 63, '公开04表本年支出合计 14,250.23 万元，各项支出之和 14,260.24 万元，相差 10.01 万元'],
    ]);
  });
});

// pdftotext -raw writes a page in the order the PDF draws it: 上海市财政局 2025's coded tables
// print the 合计 row's figures on a line of their own after the last 项, then 合计 on the next
describe('figures alone on a line after a coded row that prints its own', () => {
  const RAW_TOTAL = 'text/raw-order-total-figures-first.txt';

  it('are not more of that row: left out, with a note naming them', () => {
    const report = reportOf(fixtureText(RAW_TOTAL), RAW_TOTAL);
    const t = report.tables.find((x) => x.id === '部门公开表5')!;
    const row = t.rows.find((r) => r.key === '2130199')!;
    expect([...Object.values(row.cells), ...row.unplaced].filter((c) => !c.blank).map((c) => c.raw)).toEqual(['18.50', '18.50']);
    expect(t.reading.dropped).toBe(1);
    expect(report.notes.map((n) => [n.message, n.loc.line])).toContainEqual(['部门公开表5: 一行只有数字（772.38 598.88 173.50），不知是哪一行的，不参与核对', 12]);
  });

  it('so no row sums wrong (2130199 would have 合计 18.50 against 18.50 + 772.38 + …): the read is said incomplete', async () => {
    const { diagnostics } = await lintFile(path.join(FIXTURES, RAW_TOTAL), await builtinRules());
    expect(diagnostics.filter((d) => /^(科目|表内|表间|读取)\//.test(d.ruleId)).map((d) => [d.ruleId, d.line, d.message])).toEqual([
      ['读取/表格未能读取', 1, '「某县农业农村局2025年一般公共预算支出表」有 5 个数字未能归入所在的列，有 1 处行或数字未能读取（如第 12 行：一行只有数字（772.38 598.88 173.50），不知是哪一行的，不参与核对；全部见 --print-model 的 notes），涉及它们的核对没有做'],
    ]);
  });
});
