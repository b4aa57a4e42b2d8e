/**
 * MuPDF's text of tables that print a code's 类, 款 and 项 in cells of their own: each cell a line
 * (208 / 05 / 02 / 事业单位离退休 / 538,440 / 538,440), each row a block (上海 普陀区社会福利院 2024,
 * 万里街道 2025, pages of them).
 */
import { describe, expect, it } from 'vitest';
import { fixtureText, lineOf, lintText, reportOf } from './helpers.js';

const welfare = fixtureText('text/stacked-codes.mutool.txt');
const wanli = fixtureText('text/stacked-codes-sangong.mutool.txt');

describe('codes stacked a part to a line', () => {
  it('reads each row under its joined code, and the 合计 at the foot as the total (not the header\'s 合计)', () => {
    const report = reportOf(welfare);
    const income = report.tables.find((t) => t.title === '2024年预算单位收入预算总表')!;
    const row = (key: string) => income.rows.find((r) => r.key === key)!;
    expect(row('2080502').name).toBe('事业单位离退休');
    expect(row('2080502').cells.合计.raw).toBe('538,440');
    const total = income.rows.filter((r) => r.kind === 'total');
    expect(total.map((r) => [r.cells.合计.raw, r.loc.line])).toEqual([['12,121,164', lineOf(welfare, '合计', '住房公积金')]]);
    expect(row('2210201').cells.合计.raw).toBe('335,816');
  });

  it('finds the economic table\'s codes printed with other items\' names, and nothing false', async () => {
    const found = (await lintText(welfare)).filter((d) => !['形式/必备表', '读取/表格未能读取'].includes(d.ruleId));
    expect(found.map((d) => [d.ruleId, d.line, d.message])).toEqual(
      [
        ['30202 咨询费', '印刷费', '30203'],
        ['30203 水费', '咨询费', '30205'],
        ['30204 电费', '手续费', '30206'],
        ['30205 邮电费', '水费', '30207'],
        // a name of two items, neither of 302
        ['30206 办公设备购置费', '电费', '30902 或 31002'],
        ['30207 工会经费', '邮电费', '30228'],
        ['30208 福利费', '取暖费', '30229'],
        ['30213 其他商品和服务支出', '维修（护）费', '30299'],
        ['30301 退休费', '离休费', '30302'],
      ].map(([item, codeOf, own]) => {
        const [code, name] = item.split(' ');
        return ['科目/经济分类编码与名称', lineOf(welfare, name, '一般公共预算基本支出部门预算经济分类预算表') - 2, `2024年预算单位一般公共预算基本支出部门预算经济分类预算表「${item}」：${code} 是「${codeOf}」的编码，「${name}」的编码是 ${own}`];
      }),
    );
  });

  it('a page opening with a row\'s 类 and 款 (302 / 05) keeps them: no page number', () => {
    const table = reportOf(wanli).tables.find((t) => t.id === '部门公开表6')!;
    expect(table.unread).toBeNull();
    expect(table.rows.find((r) => r.key === '30205')?.name).toBe('水费');
  });

  it('the 三公 table\'s figures under the economic table are no row of it (15 is no 款 30315)', async () => {
    const table = reportOf(wanli).tables.find((t) => t.id === '部门公开表6')!;
    expect(table.rows.map((r) => r.key)).not.toContain('30315');
    expect(table.rows.at(-1)!.cells.合计.raw).toBe('101,341,746');
    // the 三公 table, a cell to a line with its blank cells left out, is said unread
    expect(reportOf(wanli).tables.find((t) => t.id === '部门公开表7')!.unread).not.toBeNull();
    expect((await lintText(wanli)).filter((d) => d.ruleId !== '形式/必备表')).toEqual([]);
  });
});
