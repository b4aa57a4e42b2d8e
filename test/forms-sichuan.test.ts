/**
 * 四川's 部门预算项目支出绩效自评表 (fixtures/pdf-src/forms-sichuan.json): the funds block's rows
 * 总额 / 其中：财政资金 / 财政专户管理资金 / 单位资金 / 其他资金 under 年初预算 … 权重 得分, the
 * indicators' target in three cells (指标性质 ≥, 指标值 13, 度量单位 台), 完成值 for the actual, 权重
 * for 分值, and 合计 for 总分. The first form is consistent; the second's deliberate errors (总额
 * 24.00 over sources of 23.00; an 得分 22 over its 权重 20; 合计 100 over scores of 101) give exactly
 * their findings, read from the plain text, a spreadsheet's export and the PDF pdfmake prints.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { indicatorRow, readRenderings } from './helpers.js';

const RENDERINGS = ['pdf/forms-sichuan.txt', 'text/forms-sichuan.calc.txt', 'pdf/forms-sichuan.pdfmake.pdf'];

const FINDINGS = [
  ['自评表/资金合计-全年预算数', '「51092324T000010263358-2023年社区矫正工作经费」年度资金总额（全年预算数）24.00 万元，各来源之和（22.00 万元 + 1.00 万元（另 1 项为 0，1 项未印出））为 23.00 万元，相差 1.00 万元'],
  ['自评表/得分不超过分值', '「51092324T000010263358-2023年社区矫正工作经费 · 矫正期间再犯罪率」得分 22，超过分值 20'],
  ['自评表/得分合计', '「51092324T000010263358-2023年社区矫正工作经费」总分得分 100，各指标得分之和（含资金执行得分）为 101，相差 1'],
];

describe('四川\'s project self-assessment form', () => {
  let read: Awaited<ReturnType<typeof readRenderings>>;
  beforeAll(async () => {
    read = await readRenderings(RENDERINGS, '读取/未含公开表');
  }, 120_000);

  it.each(RENDERINGS)('%s: the deliberate errors exactly, nothing on the consistent form', (r) => {
    expect(read.get(r)!.diagnostics.map((d) => [d.ruleId, d.message])).toEqual(FINDINGS);
  });

  it.each(RENDERINGS)('%s: every funds row under its column, 财政资金 as 当年财政拨款', (r) => {
    const [first] = read.get(r)!.report.forms;
    expect(first.unit).toBe('万元');
    expect(first.funds.map((x) => `${x.key}=${x.cells['全年预算数']?.raw ?? ''}/${x.cells['全年执行数']?.raw ?? ''}/${x.cells['执行率']?.raw ?? ''}`)).toEqual([
      '年度资金总额=3.86/3.76/97.41%',
      '当年财政拨款=3.36/3.36/100.00%',
      '财政专户管理资金=0.00/0.00/0.00%',
      '单位资金=0.50/0.40/80.00%',
      '其他资金=//',
    ]);
    expect([first.funds[0].cells['分值']?.raw, first.funds[0].cells['得分']?.raw]).toEqual(['10', '9.74']);
  });

  it.each(RENDERINGS)('%s: the target of three cells read as one, under its section and 二级 name', (r) => {
    const [first] = read.get(r)!.report.forms;
    expect(first.indicators.map(indicatorRow)).toEqual([
      ['产出指标', '数量指标', '购买安可电脑数量', '≥13台', '13', '20', '20'],
      ['产出指标', '质量指标', '完成安可产品购买并按要求支付资金', '=100%', '100', '20', '20'],
      ['产出指标', '经济成本指标', '成本控制数', '≤3.86万元', '3.76', '20', '20'],
      ['效益指标', '社会效益指标', '提升办公信息安全水平', '有效提升', '有效提升', '20', '20'],
      ['满意度指标', '服务对象满意度指标', '干部职工满意度', '≥95%', '98', '10', '10'],
    ]);
    expect([first.total?.weight?.raw, first.total?.score?.raw]).toEqual(['100', '99.74']);
  });
});
