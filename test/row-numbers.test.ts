/**
 * Tables printed with a 序号 column before their names (河北 平山: 序号 | 收入 项目 | 预算数 | 支出
 * 项目 | 预算数): the 序号 is no figure of any row. Before, in a 收支总表 each 序号 was read as the
 * figure of the row above it on the 支出 side.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../src/model/index.js';
import { fixtureText, lintText, pageText, reportOf, type TestPiece } from './helpers.js';

/** budget.txt with its 收支总表 numbered: 序号 heads the header, each row line starts with its number */
function numbered(text: string): string {
  const lines = text.split('\n');
  const start = lines.indexOf('部门公开表1');
  const end = lines.indexOf('部门公开表2', start);
  let n = 0;
  return lines
    .map((l, i) => {
      if (i <= start || i >= end || !l.trim()) return l;
      if (l.startsWith('项     目 预算数')) return `序号 ${l}`;
      return /^(?:[一二三四五六七八九十]+[.、]|本|收|支|上|结)/.test(l) && !/^收\s+入\s+支/.test(l) && !/^收　支/.test(l) ? `${++n} ${l}` : l;
    })
    .join('\n');
}

const cells = (r: ReturnType<typeof reportOf>, id: string) => r.tables.find((t) => t.id === id)!.rows.map((row) => [row.key, Object.entries(row.cells).map(([k, c]) => `${k}=${c.raw}`)]);

describe('a 序号 column before the names', () => {
  const text = fixtureText('text/budget.txt');
  const withNumbers = numbered(text);

  it('is read as no figure: the 收支总表 the same as printed without it', () => {
    expect(withNumbers).toContain('\n1 一.一般公共预算拨款收入 1,215.34 一.一般公共服务支出\n');
    expect(withNumbers).toContain('序号 项     目 预算数 项目（按功能分类） 预算数');
    expect(cells(reportOf(withNumbers), '部门公开表1')).toEqual(cells(reportOf(text), '部门公开表1'));
  });

  it('the same findings as the document without it', async () => {
    const said = async (t: string) => (await lintText(t)).map((d) => [d.ruleId, d.message]);
    expect(await said(withNumbers)).toEqual(await said(text));
  });

  it('on a page: the 序号 standing in its own column is left out, the rows read by their names', () => {
    const row = (y: number, no: string | null, left: string | null, income: string | null, right: string, spending: string | null): [number, number, TestPiece[]] => [
      1,
      y,
      [...(no ? [[no, 42] as TestPiece] : []), ...(left ? [[left, 70] as TestPiece] : []), ...(income ? [[income, 236] as TestPiece] : []), [right, 300], ...(spending ? [[spending, 486] as TestPiece] : [])],
    ];
    const page = (numbers: boolean) =>
      buildReport(
        pageText([
          [1, 40, [['部门公开表1', 40]]],
          [1, 60, [['收支总表', 260]]],
          [1, 80, [['单位：万元', 480]]],
          [1, 100, [...(numbers ? [['序号', 40] as TestPiece] : []), ['收入项目', 110], ['预算数', 236], ['支出项目', 340], ['预算数', 486]]],
          row(120, numbers ? '1' : null, '一、一般公共预算拨款收入', '1,215.34', '一、一般公共服务支出', null),
          row(134, numbers ? '2' : null, '二、政府性基金预算拨款收入', null, '二、社会保障和就业支出', '64.22'),
          row(148, numbers ? '3' : null, null, null, '三、卫生健康支出', '1,118.68'),
          row(162, numbers ? '4' : null, null, null, '四、住房保障支出', '32.44'),
          row(176, numbers ? '5' : null, '本年收入合计', '1,215.34', '本年支出合计', '1,215.34'),
          row(190, numbers ? '6' : null, '收入总计', '1,215.34', '支出总计', '1,215.34'),
        ]),
      );
    const read = cells(page(true), '部门公开表1');
    expect(read).toEqual(cells(page(false), '部门公开表1'));
    expect(read.filter(([, c]) => (c as string[]).some((x) => !x.endsWith('='))).map(([k, c]) => `${k} ${(c as string[]).join(' ')}`)).toEqual([
      '收入:一般公共预算拨款收入 收入金额=1,215.34',
      '支出:社会保障和就业支出 支出金额=64.22',
      '支出:卫生健康支出 支出金额=1,118.68',
      '支出:住房保障支出 支出金额=32.44',
      '收入:本年收入合计 收入金额=1,215.34',
      '支出:本年支出合计 支出金额=1,215.34',
      '收入:总计 收入金额=1,215.34',
      '支出:总计 支出金额=1,215.34',
    ]);
  });
});
