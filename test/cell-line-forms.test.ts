/**
 * Self-assessment forms in text that sets each cell on a line of its own and parts rows with a
 * blank line: MuPDF's `mutool draw -F txt`, PyMuPDF's `get_text()`. A blank cell is left out, so
 * a row closed on its first two lone figures took a bare 实际完成值 (0, 30) for the 分值: 63 false
 * 自评表/得分不超过分值 over the 195 fixture PDFs so extracted. The row is now read when its block
 * ends. fixtures/text/forms-provinces.mutool.txt is fixtures/pdf/forms-provinces.chromium.pdf
 * through `mutool draw -F txt`.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { lintFile } from '../src/cli/lint.js';
import { builtinRules, FIXTURES, lintText, reportOf } from './helpers.js';

const MUTOOL = 'text/forms-provinces.mutool.txt';

/** a form as MuPDF gives it, pages parted by form feeds; `rows` are its indicator blocks */
function mutoolForm(rows: string[][], total: string[]): string {
  return [
    '2023年度区级预算项目绩效自评表',
    '',
    '项目名称',
    '业务经费',
    '',
    '项目资金（万元）',
    '',
    '资金来源', '年初预算数', '全年预算数', '全年执行数', '分值', '得分',
    '',
    '年度资金总额：', '30.02', '30.02', '20.26', '10', '6.75',
    '',
    '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '未完成原因分析',
    '',
    ...rows.flatMap((r) => [...r, '']),
    '总分', ...total,
    '',
  ].join('\n');
}

describe('forms set a cell to a line (MuPDF text)', () => {
  it('gives the PDF its own findings on the forms it reads, and says which forms it cannot', async () => {
    const { diagnostics: ds } = await lintFile(path.join(FIXTURES, MUTOOL), await builtinRules());
    expect(ds.map((d) => `${d.ruleId}@${d.page}:${d.line}`)).toEqual([
      '读取/表格未能读取@2:8',
      // 分值 printed before 指标值: a row's figures cannot be told apart by order alone
      '读取/表格未能读取@5:192',
      '读取/表格未能读取@6:299',
      '自评表/执行率@7:501',
      '自评表/资金得分@7:502',
      '自评表/分区分值@7:520',
      '自评表/分值合计@7:578',
      '自评表/得分合计@7:579',
    ]);
    expect(ds[1].message).toContain('分值印在指标值之前');
    // the PDF's own messages, word for word
    expect(ds.slice(3).map((d) => d.message)).toEqual([
      '「文物保护修缮」执行率写 95%，全年执行数 ÷ 全年预算数（72 万元 ÷ 80 万元 × 100%）为 90%',
      '「文物保护修缮」资金执行得分 9.5，按分值 × 全年执行数 ÷ 全年预算数（10 × 72 万元 ÷ 80 万元（封顶 10））应为 9.00',
      '「文物保护修缮 · 产出指标」标题分值 50，其下指标分值之和 45，相差 5',
      '「文物保护修缮」总分分值 100，各指标分值之和（含资金执行分值）为 95，相差 5',
      '「文物保护修缮」总分得分 95，各指标得分之和（含资金执行得分）为 92.5，相差 2.5',
    ]);
  });

  it('reads a row whose 实际完成值 is a bare figure, and its 未完成原因 under the 得分', () => {
    const text = mutoolForm(
      [
        ['成本指标（20分）', '经济成本指标'],
        ['人均会议成本', '≤59元', '0', '5', '0', '由于资金紧张没有召开需要资金支出的会议'],
        ['业务经费总额', '=30.02万元', '=20.26万元', '5', '3.35'],
        ['会议次数', '≤2次', '0次', '10', '0 由于资金紧张没有召开会议'],
      ],
      ['30', '10.10'],
    );
    const [form] = reportOf(text, 'form.mutool.txt').forms;
    expect(form.project).toBe('业务经费');
    expect(form.indicators.map((i) => [i.level2, i.name, i.target, i.actual, i.weight?.raw, i.score?.raw, i.note ?? null])).toEqual([
      ['经济成本指标', '人均会议成本', '≤59元', '0', '5', '0', '由于资金紧张没有召开需要资金支出的会议'],
      ['经济成本指标', '业务经费总额', '=30.02万元', '=20.26万元', '5', '3.35', null],
      ['经济成本指标', '会议次数', '≤2次', '0次', '10', '0', '由于资金紧张没有召开会议'],
    ]);
    expect(form.funds[0].cells['全年执行数']?.raw).toBe('20.26');
    expect([form.total?.weight?.raw, form.total?.score?.raw]).toEqual(['30', '10.10']);
  });

  it('checks what it reads: a 得分 over its 分值 is found', async () => {
    const text = mutoolForm([['成本指标（20分）', '经济成本指标'], ['人均会议成本', '≤59元', '0', '5', '6'], ['业务经费总额', '=30.02万元', '=20.26万元', '15', '9']], ['30', '21.75']);
    const ds = (await lintText(text, 'form.mutool.txt')).filter((d) => d.ruleId === '自评表/得分不超过分值');
    expect(ds.map((d) => [d.line, d.message])).toEqual([[38, '「业务经费 · 人均会议成本」得分 6，超过分值 5']]);
  });

  it('keeps a page\'s last row whose 分值 and 得分 stand alone at its foot, and the 总分 a page ends with', () => {
    // a bare 2 at a page's foot is a page number only where other pages' numbers count with it
    const first = mutoolForm([['效益指标（4分）', '社会效益指标'], ['有责投诉数', '0起', '0起', '2', '2'], ['档案管理机制健全性', '健全', '健全', '2', '2']], ['14', '13.75']);
    const text = [first, '\f', mutoolForm([['满意度指标（10分）', '服务对象满意度指标'], ['参保居民满意度', '≥95%', '=99.99%', '10', '10']], ['20', '16.75']), '\f'].join('\n');
    const forms = reportOf(text, 'forms.mutool.txt').forms;
    expect(forms.map((f) => f.indicators.map((i) => `${i.name} ${i.weight?.raw} ${i.score?.raw}`))).toEqual([
      ['有责投诉数 2 2', '档案管理机制健全性 2 2'],
      ['参保居民满意度 10 10'],
    ]);
    expect(forms.map((f) => f.total?.score?.raw)).toEqual(['13.75', '16.75']);
  });

  it('reads a 一级 name set down its cell, a character a line, as the section it heads', () => {
    const text = mutoolForm([['产', '出', '指', '标', '︵', '5', '0', '分', '︶'], ['数量指标', '医疗救助人次', '≤3400人次', '=2592人次', '50', '50']], ['60', '56.75']);
    const [form] = reportOf(text, 'form.mutool.txt').forms;
    expect(form.sections.map((s) => [s.name, s.weight?.raw])).toEqual([['产出指标', '50']]);
    expect(form.indicators.map((i) => [i.section, i.name, i.weight?.raw])).toEqual([['产出指标', '医疗救助人次', '50']]);
  });

  it('does not take text read column by column (pdftotext without -layout) for blocks of rows', () => {
    const text = ['2023年度区级预算项目绩效自评表', '项目名称', '业务经费', '一级指标', '', '二级指标', '', '成本指标（20分）', '', '三级指标', '人均会议成本', '业务经费总额', '', '分值', '5', '15', '', '得分', '0', '9', '', '总分', '30', '19.75'].join('\n');
    const [form] = reportOf(text, 'form.raw.txt').forms;
    expect(form.indicators.map((i) => i.weight?.raw)).not.toEqual(['5', '15']);
  });
});
