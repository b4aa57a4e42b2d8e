/**
 * Self-assessment forms as other tools extract their text (fixtures/text/extracted): cells parted
 * by one space, wrapped cells' lines set apart from their row's. Where a form's rows, weights and
 * scores can be read they are read right; where they cannot, the form says so and is not checked.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reportOf } from './helpers.js';

const FORM = (rows: string) => `项目支出绩效目标自评表
项目名称 事业单位医疗
项目资金
（元）
资金来源 年初预算数 全年预算数 全年执行数 分值 执行率 得分
年度资金总额： 100 100 100 10 100 10
绩效指标
${rows}
总分 100 100
`;

const rowsOf = (text: string) => reportOf(text).forms[0].indicators.map((x) => [x.section, x.name, x.weight?.raw ?? null, x.score?.raw ?? null]);

describe('an indicator row whose value cell wraps over lines, cells parted by one space', () => {
  it('is closed by its 分值 and 得分 side by side, not by figures of a wrapped date or amount', () => {
    const text = FORM(`一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分
产出指标（50 分）
数量指标 公费医疗享受待遇人数 ≤398 人 ≤398 人 30 30
时效指标 财政补助完成时间 2025 年 12 月 31
日前
达成年度指
标
20 20
效益指标（40 分） 社会效益指标 区级投入总成本 ≤70 万元 =38.79 万
元
40 40`);
    expect(rowsOf(text)).toEqual([
      ['产出指标', '公费医疗享受待遇人数', '30', '30'],
      ['产出指标', '财政补助完成时间2025年12月31日前达成年度指标', '20', '20'],
      ['效益指标', '区级投入总成本≤70万元=38.79万元', '40', '40'],
    ]);
  });
});
