/**
 * Text extracted without its layout (`pdftotext` without -layout: fixtures/text/sample-budget.raw.txt
 * is the bundled sample PDF so extracted) breaks a table's rows apart: cells on lines of their
 * own, a column's amounts run together on one line. Such tables are said unread, each with why;
 * read by guess they gave ten false errors (总表/本年支出合计 0.00 against 2,430.68, 下级科目之和
 * 0.00 …). Text that keeps the layout is read as before.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { lintFile } from '../src/cli/lint.js';
import { builtinRules, FIXTURES, fixtureText, lintText, reportOf } from './helpers.js';

const RAW = 'text/sample-budget.raw.txt';
const WHY = '提取的文本没有保留表格的版面（单元格各占一行，或一栏的数字连成一行，如 pdftotext 未加 -layout），分不出各数字属于哪一行哪一栏；请检查 PDF，或按版面提取文本（pdftotext -layout）';

describe('a table whose layout the extraction lost', () => {
  it('is said unread, with why, and checked by no rule', async () => {
    expect(await lintText(fixtureText(RAW), RAW)).toEqual([]);
    const { diagnostics: ds } = await lintFile(path.join(FIXTURES, RAW), await builtinRules());
    expect(ds.map((d) => [d.ruleId, d.severity, d.page, d.line])).toEqual([
      ['读取/表格未能读取', 1, 2, 6],
      ['读取/表格未能读取', 1, 3, 70],
      ['读取/表格未能读取', 1, 4, 113],
      ['读取/表格未能读取', 1, 6, 278],
      ['读取/表格未能读取', 1, 7, 342],
      ['读取/表格未能读取', 1, 8, 436],
      // the 三公 grid, every gap one space: its 栏次 numbers (6 7) would be read as figures, in no known column
      ['读取/表格未能读取', 1, 10, 607],
    ]);
    expect(ds[0].message).toBe(`「收支总表」（第 2 页）未能读取：${WHY}；这张表的核对都已跳过`);
  });

  it('an empty table whose 栏次 numbers and zeros stand each on a line of its own', () => {
    // pdftotext's text of WeasyPrint's rendering: a row of it would take 1 2 3 4 5 0 for its figures
    const text = [
      '表7：政府性基金预算财政拨款收入支出决算表',
      '部门：贵州省卫生项目管理办公室',
      '科目代码',
      '栏次',
      '合计',
      '金额单位：万元',
      '科目名称',
      '年初结转和结余',
      '本年收入',
      '本年支出小计',
      '基本支出',
      '项目支出',
      ...['1', '2', '3', '4', '5', '0'],
      '注：本单位本年度没有政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出，故本表无数据。',
      ...['0', '0', '0'],
      '年末结转和结余',
      ...['6', '0', '0'],
    ].join('\n');
    const r = reportOf(text, 'empty.raw.txt');
    expect(r.tables.map((t) => [t.id, t.unread])).toEqual([['公开07', WHY]]);
  });

  it('the same tables laid out as printed are read', () => {
    const laid = reportOf(fixtureText('pdf/sample-budget.txt'), 'sample-budget.txt');
    expect(laid.tables.filter((t) => t.unread !== null).map((t) => t.id)).toEqual([]);
    const raw = reportOf(fixtureText(RAW), RAW);
    expect(raw.tables.filter((t) => t.unread === WHY).map((t) => t.id)).toEqual(['部门公开表1', '部门公开表2', '部门公开表3', '部门公开表4', '部门公开表5', '部门公开表6', '部门公开表7']);
  });
});
