/**
 * 江苏's 收入预算总表 (sources in groups, each opened by its 小计) in text without positions, as
 * pdftotext -raw gives it: a group's name (its merged cell) stands on a line of its own above
 * the 小计 it opens. It had been taken for an item before it, so the groups shifted by one line
 * and each 小计 was summed against the group before's items (表内/分组小计: 24,169.74 against 0).
 */
import { describe, expect, it } from 'vitest';
import { brief, lintText, mutate, reportOf } from './helpers.js';

const TEXT = [
  '江苏省人民检察院2019年度部门预算',
  '收入预算总表',
  '部门名称： 江苏省人民检察院 单位：万元',
  '项目名称 金额',
  '收入总计 24169.74',
  '一般公共预算资金',
  '小计 24169.74',
  '公共财政拨款（补助）资金 24169.74',
  '专项收入',
  '政府性基金 小计',
  '财政专户管理资金',
  '小计',
  '专户管理教育收费',
  '其他非税收入',
  '其他资金',
  '小计',
  '事业收入',
  '经营收入',
  '其他收入',
  '上年结转和结余资金',
  '小计',
  '其中：动用上年结转和结余资金',
  '',
].join('\n');

describe('a group name alone above its 小计 (text without positions)', () => {
  it('opens the group its 小计 opens: each 小计 against its own items', async () => {
    const table = reportOf(TEXT, 'raw.txt').tables.find((t) => t.id === '预算/收入来源表')!;
    // the groups by their 小计 (their names are not told from items in text: 第N组); 政府性基金's 小计
    // shares its line with the name and is read as an item of the group before, blank either way
    expect(table.rows.filter((r) => r.kind !== 'detail').map((r) => [r.name, r.cells.金额?.raw ?? ''])).toEqual([
      ['收入总计', '24169.74'],
      ['第1组', '24169.74'],
      ['第2组', ''],
      ['第3组', ''],
      ['第4组', ''],
    ]);
    expect(table.rows.find((r) => r.name === '公共财政拨款（补助）资金')?.cells.金额?.raw).toBe('24169.74');
    expect((await lintText(TEXT, 'raw.txt')).filter((d) => d.ruleId === '表内/分组小计')).toEqual([]);
  });

  it('a 小计 that its items do not make is found, in its own group', async () => {
    const text = mutate(TEXT, '公共财政拨款（补助）资金 24169.74', '公共财政拨款（补助）资金 24069.74');
    expect((await lintText(text, 'raw.txt')).filter((d) => d.ruleId === '表内/分组小计').map(brief)).toEqual([
      { ruleId: '表内/分组小计', severity: 2, line: 7, actual: '24,169.74 万元', expected: '24,069.74 万元', difference: '100.00 万元' },
    ]);
  });
});
