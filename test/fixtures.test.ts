/**
 * Every built-in rule on fixtures of our own: silent on a consistent document, and firing with
 * the exact rule, line and figures once one figure is changed.
 */
import { describe, expect, it } from 'vitest';
import { brief, fixtureText, lineOf, lintText, mutate, reportOf } from './helpers.js';

const FINAL = 'text/final-wanyuan.txt';
const TABBED = 'text/final-yuan-tabbed.txt';
const BUDGET = 'text/budget.txt';

async function fired(fixture: string, from: string, to: string) {
  const text = mutate(fixtureText(fixture), from, to);
  return { text, ds: (await lintText(text, fixture)).map(brief) };
}

describe('consistent fixtures are silent', () => {
  for (const f of [FINAL, BUDGET]) {
    it(f, async () => {
      expect(await lintText(fixtureText(f), f)).toEqual([]);
    });
  }
  it(`${TABBED}: only its three unexplained empty tables (only zeros, no note, no narrative)`, async () => {
    const ds = await lintText(fixtureText(TABBED), TABBED);
    expect(ds.map((d) => [d.ruleId, d.severity, d.table])).toEqual([
      ['形式/空表说明', 1, '公开07'],
      ['形式/空表说明', 1, '公开08'],
      ['形式/空表说明', 1, '公开09'],
    ]);
  });
});

describe('forms of our fixtures', () => {
  it(`${BUDGET}: a 绩效目标表 one word per line, cut by the next part and continued`, () => {
    const r = reportOf(fixtureText(BUDGET));
    expect([r.targetTable?.total?.raw, r.targetTable?.executionWeight?.raw]).toEqual(['766.77', '10']);
    expect(r.forms.map((f) => [f.kind, f.project, f.budget?.raw, f.indicators.map((x) => x.weightText).join(' ')])).toEqual([
      ['target', '政府雇员工作经费', '1.00', '30 10 20 20 10'],
      ['target', '编制外长期聘用人员支出', '18.39', '30.00 30 20 10'],
      // its name and goal run on after its first indicator, as the extractor's reading order leaves them
      ['target', '两定机构准入、稽核及药品带量采购考核工作', '747.38', '20 20 20 20 10'],
    ]);
    expect(r.notes.map((n) => n.message)).toEqual([`2025年部门预算项目支出绩效目标表 被「第四部分 名词解释」打断，其后第 ${lineOf(fixtureText(BUDGET), '效益指标', '第四部分')}–${lineOf(fixtureText(BUDGET), '群众满意度')} 行接续读取`]);
  });

  it(`${BUDGET}: a 绩效目标表 laid out row by row is named in the notes, not guessed at`, async () => {
    // the layout a PDF's lines give: a project's merged cells stand amid its indicator rows
    const rowMajor = [
      ' 2025 年部门预算项目支出绩效目标表',
      '  项目名称        项目类 预算数        绩效目标   一级指标   二级指标      三级指标        绩效指标性质 绩效指标值 度量单位 分值权重 其中：预算执行率权重10%',
      '合计          -      19.39 -',
      '                                    产出指标 数量指标     保障政府雇员工作经费 ＝          100   %                      30',
      '                                    产出指标 质量指标     保障雇员工作正常开展 ≥          95    %                      10',
      '630200 25R000 3-特定         做好政府雇员日常               确保全年工作经费合规 ＝',
      '000006 965-政 目标类      1.00 工作经费保障工 产出指标 时效指标      发放                    1     年                      20',
      '府雇员工作经费                    作。',
      '                                    效益指标 可持续影响 确保单位工作正常开展 ≥             98    %                      20',
      '                                    满意度指标 服务对象满意度 雇员满意度      ≥          98    %                      10',
      '',
    ].join('\n');
    const original = fixtureText(BUDGET);
    const text = original.slice(0, original.indexOf(' 2025 年部门预算项目支出绩效目标表')) + rowMajor + original.slice(original.indexOf(' 第四部分'));
    const r = reportOf(text);
    expect([r.targetTable, r.forms]).toEqual([null, []]);
    expect(r.notes.map((n) => n.message)).toEqual(['2025年部门预算项目支出绩效目标表: 表格按行排版，未能确定各项目跨哪几行，未逐项目读取']);
    expect((await lintText(text, BUDGET)).filter((d) => d.ruleId.startsWith('绩效目标表/'))).toEqual([]);
  });

  it(`${TABBED}: an 整体支出 form whose 金额合计 row is printed a cell to the right`, () => {
    const r = reportOf(fixtureText(TABBED));
    const [f] = r.forms;
    expect([f.kind, f.project, f.tasks.length, f.indicators.length]).toEqual(['overall', '临夏市医疗保障局', 4, 6]);
    expect(Object.values(f.tasksTotal!.cells).map((c) => c?.raw ?? null)).toEqual(['1074.14', '1074.14', '1074.14', null]);
    expect(r.notes).toEqual([
      {
        message: '临夏市医疗保障局: 金额合计 行的数字比各任务行错后 1 格，按各任务行的栏目读取',
        loc: expect.objectContaining({ line: lineOf(fixtureText(TABBED), '\t金额合计\t') }),
        misplaced: '「临夏市医疗保障局整体支出绩效自评表」的「金额合计」行，数字比各任务行错后 1 格，已按各任务行的栏目读取和核对；公开的表应把它们放回各自的栏',
      },
    ]);
  });
});

describe('each rule fires on a changed figure', () => {
  it('总表/收支总计平衡 and 总表/支出总计构成', async () => {
    const { text, ds } = await fired(FINAL, '总计 31 17,912.75 总计 62 17,912.75', '总计 31 17,912.75 总计 62 17,912.95');
    const line = lineOf(text, '总计 31 17,912.75');
    expect(ds).toEqual([
      { ruleId: '总表/收支总计平衡', severity: 2, line, actual: '17,912.75 万元', expected: '17,912.95 万元', difference: '0.20 万元' },
      { ruleId: '总表/支出总计构成', severity: 2, line, actual: '17,912.95 万元', expected: '17,912.75 万元', difference: '0.20 万元' },
    ]);
  });

  it('科目/上下级合计 and 科目/行内分列合计 (tab-separated, 元)', async () => {
    const { text, ds } = await fired(TABBED, '2101103\t公务员医疗补助\t63,417.63\t63,417.63\t0.00', '2101103\t公务员医疗补助\t63,417.63\t63,417.33\t0.00');
    const line = lineOf(text, '63,417.33');
    expect(ds).toContainEqual({ ruleId: '科目/行内分列合计', severity: 2, line, actual: '63,417.63 元', expected: '63,417.33 元', difference: '0.30 元' });
    expect(ds.find((d) => d.ruleId === '科目/上下级合计')).toMatchObject({
      line: lineOf(text, '21011\t行政事业单位医疗\t354,385.47\t354,385.47\t0.00'),
      actual: '354,385.47 元',
      expected: '354,385.17 元',
    });
  });

  it('三公/合计 and 三公/公务用车小计', async () => {
    const { ds } = await fired(
      FINAL,
      '0.46 0.00 0.00 0.00 0.00 0.46 0.46 0.00 0.00 0.00 0.00 0.46',
      '0.46 0.00 0.10 0.00 0.00 0.46 0.46 0.00 0.00 0.00 0.00 0.46',
    );
    // the subtotal is what is wrong: the 合计 agrees with 购置费 and 运行维护费, and is not reported with it
    expect(ds.map((d) => [d.ruleId, d.actual, d.expected])).toEqual([['三公/公务用车小计', '0.10 万元', '0.00 万元']]);
    const both = await fired(FINAL, '0.46 0.00 0.00 0.00 0.00 0.46 0.46 0.00 0.00 0.00 0.00 0.46', '0.66 0.00 0.10 0.00 0.00 0.46 0.46 0.00 0.00 0.00 0.00 0.46');
    expect(both.ds.map((d) => [d.ruleId, d.actual, d.expected])).toEqual([
      ['三公/合计', '0.66 万元', '0.56 万元'],
      ['三公/公务用车小计', '0.10 万元', '0.00 万元'],
    ]);
  });

  it('表间/本年支出合计 and 表间/功能分类类级支出 (budget)', async () => {
    const { text, ds } = await fired(BUDGET, '221 住房保障支出 32.44 32.44 0.00', '221 住房保障支出 0.00 0.00 0.00');
    const ids = ds.map((d) => d.ruleId);
    expect(ids).toContain('表间/功能分类类级支出');
    expect(ds.find((d) => d.ruleId === '表间/功能分类类级支出')).toMatchObject({
      line: lineOf(text, '221 住房保障支出 0.00 0.00 0.00'),
      actual: '0.00 万元',
      expected: '32.44 万元',
      difference: '32.44 万元',
    });
  });

  it('a figure off by less than one unit of its last digit is a warning', async () => {
    // 63,417.7 printed for a true 63,417.63: off by less than one unit of its last digit
    // (公开05: parts 63,417.63 and a blank, which is an exact zero)
    const { ds } = await fired(TABBED, '2101103\t公务员医疗补助\t63,417.63\t63,417.63\t\n', '2101103\t公务员医疗补助\t63,417.7\t63,417.63\t\n');
    expect(ds.find((d) => d.ruleId === '科目/行内分列合计')).toMatchObject({ severity: 1, actual: '63,417.7 元', expected: '63,417.63 元' });
    // a change beyond that is an error
    const { ds: off } = await fired(TABBED, '2101103\t公务员医疗补助\t63,417.63\t63,417.63\t\n', '2101103\t公务员医疗补助\t63,417.8\t63,417.63\t\n');
    expect(off.find((d) => d.ruleId === '科目/行内分列合计')).toMatchObject({ severity: 2 });
  });
});

describe('columns follow the document header', () => {
  it('reads 公开05 by its own header when it prints 项目支出 before 基本支出', async () => {
    const text = fixtureText(FINAL);
    const at = text.indexOf('科目代码 科目名称 小计 基本支出 项目支出', text.indexOf('公开05表'));
    const swapped = text.slice(0, at) + '科目代码 科目名称 小计 项目支出 基本支出' + text.slice(at + '科目代码 科目名称 小计 基本支出 项目支出'.length);
    const t05 = reportOf(swapped).tables.find((t) => t.id === '公开05')!;
    expect(t05.columnSource).toBe('header');
    expect(t05.columns.map((c) => c.key)).toEqual(['小计', '项目支出', '基本支出']);
    const total = t05.rows.find((r) => r.key === '合计')!;
    expect([total.cells['基本支出'].raw, total.cells['项目支出'].raw]).toEqual(['13,601.95', '648.29']);
    // read that way, 05's 基本支出 no longer matches 06's 人员经费 + 公用经费
    const ds = await lintText(swapped, FINAL);
    expect(ds.find((d) => d.ruleId === '表间/基本支出与明细')).toMatchObject({ actual: '13,601.95 万元', expected: '648.28 万元' });
  });
});
