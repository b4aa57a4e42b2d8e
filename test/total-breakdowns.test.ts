/**
 * A 收支总表 whose header sets several breakdowns of 支出 beside 收入 (项目 | 本年预算数 | 支出类别 |
 * 本年预算数 | 政府预算经济分类 | 本年预算数 | 部门预算经济分类 | 本年预算数 | 功能分类 | 本年预算数,
 * as the survey found one printed): where the pairs cannot be told apart, the table is said unread
 * and its checks skipped. Before, every breakdown was summed as one 支出 (本年支出合计 said to differ
 * by 3,330.68 万元) and names of two cells were joined (政府性基金预算拨款收入项目支出).
 */
import { describe, expect, it } from 'vitest';
import { readingDiagnostics } from '../src/cli/lint.js';
import { buildReport } from '../src/model/index.js';
import { lintText, pageText, reportOf, type TestPiece } from './helpers.js';

const HEAD = ['项目', '本年预算数', '支出类别', '本年预算数', '政府预算经济分类', '本年预算数', '部门预算经济分类', '本年预算数', '功能分类', '本年预算数'];
const ROWS: Array<Array<string | null>> = [
  ['一、一般公共预算拨款收入', '1,215.34', '基本支出', '900.00', '机关工资福利支出', '700.00', '工资福利支出', '700.00', '社会保障和就业支出', '64.22'],
  ['二、政府性基金预算拨款收入', null, '项目支出', '315.34', '机关商品和服务支出', '515.34', '商品和服务支出', '515.34', '卫生健康支出', '1,118.68'],
  ['三、事业收入', null, null, null, null, null, null, null, '住房保障支出', '32.44'],
  ['本年收入合计', '1,215.34', '本年支出合计', '1,215.34', '本年支出合计', '1,215.34', '本年支出合计', '1,215.34', '本年支出合计', '1,215.34'],
];
const REASON = '表头印有 5 个金额列（收入之外，支出按几种分类并列），未能分清各组的项目与金额，不能确定每个数属于哪一组';

describe('a 收支总表 with several breakdowns of 支出 side by side', () => {
  it('in text set one space apart: said unread, and no sum is checked', async () => {
    const text = ['某县某局2019年部门预算公开', '', '部门公开表1', '2019年收支预算总表', '单位：万元', HEAD.join(' '), ...ROWS.map((r) => r.filter((c) => c !== null).join(' '))].join('\n');
    const report = reportOf(text);
    expect(report.tables.find((t) => t.id === '部门公开表1')!.unread).toBe(REASON);
    expect(readingDiagnostics(report).map((d) => [d.ruleId, d.line, d.message])).toEqual([['读取/表格未能读取', 3, `「2019年收支预算总表」未能读取：${REASON}；这张表的核对都已跳过`]]);
    // no sum of the 总表 is checked (the rest: tables a budget must have, which this one lacks)
    expect((await lintText(text)).filter((d) => d.ruleId !== '形式/必备表')).toEqual([]);
  });

  it('on a page whose pairs are not headed 项目: said unread', () => {
    const X = [40, 130, 170, 260, 300, 390, 430, 520, 560, 650];
    const row = (y: number, cells: Array<string | null>): [number, number, TestPiece[]] => [1, y, cells.flatMap((c, i) => (c === null ? [] : [[c, X[i]] as TestPiece]))];
    const report = buildReport(
      pageText([
        [1, 20, [['某县某局2019年部门预算公开', 200]]],
        [1, 40, [['部门公开表1', 40]]],
        [1, 60, [['2019年收支预算总表', 300]]],
        [1, 80, [['单位：万元', 600]]],
        row(100, HEAD),
        ...ROWS.map((r, i) => row(120 + 14 * i, r)),
      ]),
    );
    expect(report.tables.find((t) => t.id === '部门公开表1')!.unread).toBe(REASON);
  });

  it('a 收支总表 of two sides is read as before', () => {
    const text = ['部门公开表1', '收支总表', '单位：万元', '项目 预算数 项目（按功能分类） 预算数', '一、一般公共预算拨款收入 1,215.34 一、社会保障和就业支出 64.22', '本年收入合计 1,215.34 本年支出合计 64.22'].join('\n');
    const table = reportOf(text).tables.find((t) => t.id === '部门公开表1')!;
    expect(table.unread).toBeNull();
    expect(table.rows.map((r) => r.key)).toEqual(['收入:一般公共预算拨款收入', '支出:社会保障和就业支出', '收入:本年收入合计', '支出:本年支出合计']);
  });
});
