/**
 * Every built-in rule fires on a fixture of ours once one figure changes (the fixtures are
 * silent unchanged: fixtures.test.ts), with the figures a user would read in the message.
 */
import { describe, expect, it } from 'vitest';
import { builtinRules, fixtureText, lintText, lineOf, mutate } from './helpers.js';

const FINAL = 'text/final-wanyuan.txt';
const TABBED = 'text/final-yuan-tabbed.txt';
const BUDGET = 'text/budget.txt';
/** the full final account's text version: tables and a narrative */
const FULL = 'pdf/final-full.txt';

interface Case {
  rule: string;
  fixture: string;
  change: (text: string) => string;
  /** a line the diagnostic must point at (a substring of it), after the line `after` if given */
  at?: string;
  after?: string;
  expect: { severity?: 1 | 2; actual?: string; expected?: string; difference?: string; table?: string; message?: string };
}

const swap = (from: string, to: string) => (t: string) => mutate(t, from, to);

const CASES: Case[] = [
  { rule: '总表/收支总计平衡', fixture: FINAL, change: swap('总计 31 17,912.75 总计 62 17,912.75', '总计 31 17,912.75 总计 62 17,912.95'), at: '总计 31', expect: { actual: '17,912.75 万元', expected: '17,912.95 万元', difference: '0.20 万元' } },
  { rule: '总表/本年收入合计', fixture: FINAL, change: swap('八、其他收入 8 57.93', '八、其他收入 8 58.93'), at: '本年收入合计 27', expect: { actual: '12,366.72 万元', expected: '12,367.72 万元' } },
  { rule: '总表/本年支出合计', fixture: FINAL, change: swap('9 九、卫生健康支出 40 13,844.54', '9 九、卫生健康支出 40 13,845.54'), at: '本年支出合计 58', expect: { actual: '14,250.23 万元', expected: '14,251.24 万元' } },
  { rule: '总表/收入总计构成', fixture: FINAL, change: swap('年初结转和结余 29 5,546.03', '年初结转和结余 29 5,547.03'), at: '总计 31', expect: { actual: '17,912.75 万元', expected: '17,913.75 万元', difference: '1.00 万元' } },
  { rule: '总表/支出总计构成', fixture: FINAL, change: swap('年末结转和结余 60 3,662.52', '年末结转和结余 60 3,672.52'), at: '总计 31', expect: { actual: '17,912.75 万元', expected: '17,922.75 万元', difference: '10.00 万元' } },
  { rule: '总表/年初结转构成', fixture: FINAL, change: swap('　一般公共预算财政拨款 29 4,999.06 61', '　一般公共预算财政拨款 29 4,990.06 61'), at: '年初财政拨款结转和结余 28', expect: { actual: '4,999.06 万元', expected: '4,990.06 万元', difference: '9.00 万元' } },
  { rule: '总表/收入总计构成-无本年合计行', fixture: BUDGET, change: swap('收  入  总  计 1,215.34 支  出', '收  入  总  计 1,216.34 支  出'), at: '收  入  总  计', expect: { actual: '1,216.34 万元', expected: '1,215.34 万元' } },
  { rule: '总表/支出总计构成-无本年合计行', fixture: BUDGET, change: swap('（二十）住房保障支出 32.44 32.44', '（二十）住房保障支出 33.44 33.44'), at: '收  入  总  计', expect: { actual: '1,215.34 万元', expected: '1,216.34 万元' } },
  { rule: '科目/上下级合计', fixture: TABBED, change: swap('2101103\t公务员医疗补助\t63,417.63\t63,417.63\t0.00', '2101103\t公务员医疗补助\t63,417.33\t63,417.33\t0.00'), at: '21011\t行政事业单位医疗\t354,385.47\t354,385.47\t0.00', expect: { actual: '354,385.47 元', expected: '354,385.17 元', difference: '0.30 元' } },
  { rule: '表内/分组小计', fixture: 'text/outline-income.txt', change: swap('小计                           20,702.25', '小计                           20,720.25'), at: '收入总计', expect: { actual: '20,849.45 万元', expected: '20,867.45 万元', difference: '18.00 万元' } },
  { rule: '科目/行内分列合计', fixture: TABBED, change: swap('2101103\t公务员医疗补助\t63,417.63\t63,417.63\t0.00', '2101103\t公务员医疗补助\t63,417.63\t63,417.33\t0.00'), at: '63,417.33', expect: { actual: '63,417.63 元', expected: '63,417.33 元' } },
  { rule: '基金表/本年支出小计', fixture: FINAL, change: swap('合计 0.00 0.00 0.00 0.00 0.00 0.00', '合计 0.00 3.00 3.00 1.00 1.00 0.00'), at: '合计 0.00 3.00', expect: { actual: '3.00 万元', expected: '2.00 万元', table: '公开07' } },
  { rule: '基金表/年末结转和结余', fixture: FINAL, change: swap('合计 0.00 0.00 0.00 0.00 0.00 0.00', '合计 1.00 2.00 3.00 1.00 2.00 1.00'), at: '合计 1.00 2.00', expect: { actual: '1.00 万元', expected: '0.00 万元', difference: '1.00 万元' } },
  { rule: '基本支出明细/人员经费合计', fixture: FINAL, change: swap('人员经费合计 571.14', '人员经费合计 581.14'), at: '人员经费合计 581.14', expect: { actual: '581.14 万元', expected: '571.14 万元' } },
  { rule: '基本支出明细/公用经费合计', fixture: FINAL, change: swap('公用经费合计 77.14', '公用经费合计 78.14'), at: '公用经费合计 78.14', expect: { actual: '78.14 万元', expected: '77.14 万元' } },
  { rule: '三公/合计', fixture: FINAL, change: swap('0.46 0.00 0.00 0.00 0.00 0.46 0.46', '0.56 0.00 0.00 0.00 0.00 0.46 0.46'), at: '0.56 0.00', expect: { actual: '0.56 万元', expected: '0.46 万元' } },
  // its source plants the mistake: 合计 1,417.70 for 1,471.70 (fixtures/calc-src/layout-sangong-meetings.yaml)
  { rule: '三公/含会议费培训费合计', fixture: 'pdf/layout-sangong-meetings.txt', change: (t) => t, at: '1,417.70', expect: { actual: '1,417.70 万元', expected: '1,471.70 万元', difference: '54.00 万元' } },
  { rule: '三公/公务用车小计', fixture: FINAL, change: swap('0.46 0.00 0.00 0.00 0.00 0.46 0.46 0.00 0.00 0.00 0.00 0.46', '0.46 0.00 0.00 0.00 0.00 0.46 0.46 0.00 0.00 0.20 0.00 0.46'), at: '0.46 0.00', expect: { actual: '0.00 万元', expected: '0.20 万元' } },
  { rule: '表间/本年收入合计', fixture: FINAL, change: swap('合计 12,366.72 12,308.79 0.00 0.00 0.00 0.00 57.93', '合计 12,367.72 12,308.79 0.00 0.00 0.00 0.00 58.93'), at: '合计 12,367.72', expect: { actual: '12,367.72 万元', expected: '12,366.72 万元' } },
  { rule: '表间/本年支出合计', fixture: BUDGET, change: swap('合    计 1,215.34 448.57 766.77', '合    计 1,216.34 449.57 766.77'), at: '合    计 1,216.34', expect: { actual: '1,216.34 万元', expected: '1,215.34 万元' } },
  { rule: '表间/功能分类类级支出', fixture: BUDGET, change: swap('221 住房保障支出 32.44 32.44 0.00', '221 住房保障支出 30.44 30.44 0.00'), at: '221 住房保障支出 30.44', expect: { actual: '30.44 万元', expected: '32.44 万元', table: '部门公开表3' } },
  { rule: '表间/总表功能分类不在支出表', fixture: FINAL, change: swap('10 十、节能环保支出 41 0.00', '10 十、节能环保支出 41 5.00'), at: '十、节能环保支出 41', expect: { table: '公开01' } },
  { rule: '表间/一般公共预算类级支出', fixture: FINAL, change: swap('8 八、社会保障和就业支出 40 357.81 357.81 0.00 0.00', '8 八、社会保障和就业支出 40 358.81 358.81 0.00 0.00'), at: '208 社会保障和就业支出 357.80 73.90 283.90', after: '公开05表', expect: { actual: '357.80 万元', expected: '358.81 万元', table: '公开05' } },
  { rule: '表间/财政拨款不超过全部资金', fixture: FINAL, change: swap('8 八、社会保障和就业支出 40 357.81 357.81 0.00 0.00', '8 八、社会保障和就业支出 40 358.81 358.81 0.00 0.00'), at: '八、社会保障和就业支出 40', expect: { actual: '358.81 万元', expected: '357.81 万元', table: '公开04' } },
  { rule: '表间/财政拨款收入', fixture: FINAL, change: swap('合计 12,366.72 12,308.79 0.00 0.00 0.00 0.00 57.93', '合计 12,366.72 12,318.79 0.00 0.00 0.00 0.00 47.93'), at: '合计 12,366.72 12,318.79', expect: { actual: '12,318.79 万元', expected: '12,308.79 万元' } },
  { rule: '表间/财政拨款收入分项', fixture: FINAL, change: swap('一、一般公共预算财政拨款收入 1 12,308.79', '一、一般公共预算财政拨款收入 1 12,318.79'), at: '一、一般公共预算财政拨款收入 1', expect: { actual: '12,318.79 万元', expected: '12,308.79 万元' } },
  { rule: '表间/基本支出与明细', fixture: FINAL, change: swap('人员经费合计 571.14', '人员经费合计 581.14'), at: '合计 14,250.23 648.29 13,601.95', after: '公开05表', expect: { actual: '648.29 万元', expected: '658.28 万元' } },
  { rule: '表间/一般公共预算支出合计', fixture: FINAL, change: swap('合计 14,250.23 648.29 13,601.95\n', '合计 14,251.23 648.29 13,602.95\n'), at: '合计 14,251.23', expect: { actual: '14,251.23 万元', expected: '14,250.23 万元' } },
  { rule: '表间/三公不少于基本支出明细', fixture: FINAL, change: swap('30217 　公务接待费 0.46', '30217 　公务接待费 0.56'), expect: { severity: 1, actual: '0.46 万元', expected: '0.56 万元' } },
  { rule: '形式/必备表', fixture: FINAL, change: (t) => t.replace('公开09表', '附表').replace('财政拨款“三公”经费支出决算表', '附表'), expect: { severity: 2, message: '未找到「财政拨款“三公”经费支出决算表」（公开09）' } },
  { rule: '形式/必备表', fixture: BUDGET, change: (t) => t.replace('部门公开表9', '附表9').replace('国有资本经营预算支出表', '附表'), expect: { severity: 2, message: '未找到「国有资本经营预算支出表」（部门公开表9）' } },
  { rule: '形式/空表说明', fixture: FINAL, change: swap('　　2.本单位2023年度没有国有资本经营预算财政拨款安排的支出，故本表无数据。', '　　2.见说明。'), expect: { severity: 1, table: '公开08' } },
  { rule: '形式/金额单位', fixture: BUDGET, change: (t) => t.replaceAll('单位：万元', ''), expect: { severity: 1, table: '部门公开表1' } },
  { rule: '叙述/金额与表一致', fixture: FULL, change: swap('本年收入合计12,366.72万元，其中', '本年收入合计12,367.72万元，其中'), at: '本年收入合计12,367.72', expect: { actual: '12,367.72 万元', expected: '12,366.72 万元', difference: '1.00 万元' } },
  { rule: '叙述/决算数与表一致', fixture: FULL, change: swap('支出决算为7.22万元，完成年初预算的100%', '支出决算为7.32万元，完成年初预算的101.39%'), at: '支出决算为7.32', expect: { actual: '7.32 万元', expected: '7.22 万元', difference: '0.10 万元' } },
  { rule: '叙述/完成预算比例', fixture: FULL, change: swap('完成年初预算的108.70%', '完成年初预算的118.70%'), at: '118.70%', expect: { actual: '118.70%', expected: '108.70%' } },
  { rule: '叙述/占比', fixture: FULL, change: swap('占4.55%', '占5.55%'), at: '占5.55%', expect: { actual: '5.55%', expected: '4.55%' } },
  { rule: '叙述/同比变化率', fixture: FULL, change: swap('下降3.12%', '下降3.21%'), at: '下降3.21%', expect: { actual: '3.21%', expected: '3.12%' } },
  { rule: '叙述/分项之和', fixture: FULL, change: swap('其他收入57.93万元，占0.47%', '其他收入47.93万元，占0.39%'), at: '其他收入47.93', expect: { severity: 1, actual: '12,366.72 万元', expected: '12,356.72 万元', difference: '10.00 万元' } },
  { rule: '自评表/资金合计', fixture: FULL, change: swap('其中：当年财政拨款\t104.80\t104.80\t104.80', '其中：当年财政拨款\t100.80\t104.80\t104.80'), at: '年度资金总额\t104.80', expect: { actual: '104.80 万元', expected: '100.80 万元', difference: '4.00 万元' } },
  { rule: '自评表/执行率', fixture: FULL, change: swap('54.46\t10\t80.21%', '54.46\t10\t90.21%'), at: '90.21%', expect: { actual: '90.21%', expected: '80.21%' } },
  { rule: '自评表/资金得分', fixture: FULL, change: swap('80.21%\t8.02', '80.21%\t9.02'), at: '80.21%\t9.02', expect: { severity: 1, actual: '9.02', expected: '8.02' } },
  { rule: '自评表/得分不超过分值', fixture: FULL, change: swap('群众办事时限\t30\t27', '群众办事时限\t30\t37'), at: '群众办事时限', expect: { actual: '37', expected: '30' } },
  { rule: '自评表/分值合计', fixture: FULL, change: swap('总分\t\t90\t88', '总分\t\t95\t88'), at: '总分\t\t95', expect: { actual: '95' } },
  { rule: '自评表/得分合计', fixture: FULL, change: swap('总分\t\t90\t81', '总分\t\t90\t83'), at: '总分\t\t90\t83', expect: { actual: '83' } },
  { rule: '自评表/分区分值', fixture: FULL, change: swap('效益指标(30分)\t政策知晓率', '效益指标(35分)\t政策知晓率'), at: '效益指标(35分)', expect: { actual: '35', expected: '30', difference: '5' } },
  { rule: '自评表/分值不是数字', fixture: FULL, change: swap('服务对象满意度\t10\t10', '服务对象满意度\t10%\t10'), at: '服务对象满意度\t10%', expect: { severity: 2 } },
  { rule: '自评表/叙述得分', fixture: FULL, change: swap('项目自评得分88分', '项目自评得分86分'), at: '项目自评得分86分', expect: { actual: '86', expected: '88' } },
  { rule: '自评表/项目个数', fixture: FULL, change: swap('共计2个项目', '共计3个项目'), at: '共计3个项目', expect: { severity: 1, actual: '3', expected: '2' } },
  { rule: '自评表/等级与得分', fixture: FULL, change: swap('88 良', '88 优'), at: '88 优', expect: { severity: 2 } },
  { rule: '自评表/汇总表得分', fixture: FULL, change: swap('81 良', '83 良'), at: '83 良', expect: { actual: '83', expected: '81' } },
  { rule: '自评表/叙述资金', fixture: FULL, change: swap('项目全年预算数为104.80万元', '项目全年预算数为114.80万元'), at: '项目全年预算数为114.80', expect: { actual: '114.80 万元', expected: '104.80 万元', difference: '10.00 万元' } },
  { rule: '自评表/结论执行率', fixture: FULL, change: swap('该项目全年预算执行率为80.21%', '该项目全年预算执行率为85.21%'), at: '执行率为85.21%', expect: { actual: '85.21%', expected: '80.21%' } },
  { rule: '自评表/未达标满分', fixture: TABBED, change: swap('大于95%\t96%\t10', '大于95%\t94%\t10'), at: '大于95%\t94%', expect: { severity: 1, message: '「37个社区经保网运维费 · 服务对象满意度」指标值 大于95%，实际完成 94%，未达到却得满分 10' } },
  {
    rule: '自评表/实际值填了得分',
    fixture: TABBED,
    // every row's 全年实际值 made its 得分
    change: (t) => t.replace(/^(\t[^\t]*\t[^\t]*\t[^\t]*\t[^\t]*\t[^\t]*\t)[^\t]*(\t([^\t]*)\t已完成)$/gm, '$1$3$2'),
    at: '总分\t\t\t\t100',
    expect: { severity: 1, message: '「37个社区经保网运维费」各指标的实际完成值都与其得分相同（如「系统覆盖面」指标值 100%，实际完成值 10，得分 10），疑似把得分填进了实际完成值栏' },
  },
  { rule: '整体自评表/任务金额合计', fixture: TABBED, change: swap('\t公用经费\t保障单位正常运转\t56.08\t56.08\t56.08', '\t公用经费\t保障单位正常运转\t56.08\t56.08\t58.08'), at: '\t金额合计\t', expect: { actual: '1,074.14 万元', expected: '1,075.69 万元', difference: '1.55 万元' } },
  { rule: '整体自评表/其中不超过总数', fixture: TABBED, change: swap('\t323.45\t323\t323', '\t323.45\t325\t323'), at: '\t323.45\t325', expect: { actual: '325 万元', expected: '323.45 万元' } },
  { rule: '绩效目标表/权重合计', fixture: BUDGET, change: swap('定性 优 20\n 第四部分', '定性 优 25\n 第四部分'), at: ' 630200', expect: { actual: '105', expected: '100', difference: '5' } },
  { rule: '绩效目标表/预算合计', fixture: BUDGET, change: swap('\n18.39\n', '\n18.30\n'), at: '合计- - - 766.7', expect: { actual: '766.77 万元', expected: '766.68 万元', difference: '0.09 万元' } },
  { rule: '绩效目标表/覆盖项目支出', fixture: BUDGET, change: swap('合计- - - 766.7\n7', '合计- - - 760.7\n7'), at: '合计- - - 760.7', expect: { severity: 1, actual: '760.77 万元', expected: '766.77 万元', difference: '6.00 万元' } },
  { rule: '绩效目标表/项目个数', fixture: BUDGET, change: swap('涉及项目3个', '涉及项目4个'), at: '涉及项目4个', expect: { actual: '4', expected: '3' } },
  { rule: '绩效目标表/叙述预算金额', fixture: BUDGET, change: swap('预算金额766.77万元', '预算金额776.77万元'), at: '预算金额776.77', expect: { actual: '776.77 万元', expected: '766.77 万元', difference: '10.00 万元' } },
  { rule: '形式/年度一致', fixture: FINAL, change: swap('本单位2023年度没有政府性基金', '本单位2022年度没有政府性基金'), at: '本单位2022年度', expect: { severity: 2, actual: '2022', expected: '2023' } },
];

describe('each built-in rule fires on a changed figure', () => {
  for (const c of CASES) {
    it(c.rule, async () => {
      const text = c.change(fixtureText(c.fixture));
      const ds = await lintText(text, c.fixture);
      const mine = ds.filter((d) => d.ruleId === c.rule);
      expect(mine.length, ds.map((d) => `${d.ruleId} ${d.line} ${d.message}`).join('\n')).toBeGreaterThan(0);
      expect(mine[0]).toMatchObject({ severity: 2, ...c.expect, ...(c.at ? { line: lineOf(text, c.at, c.after) } : {}) });
    });
  }

  it('covers every built-in rule', async () => {
    const ids = (await builtinRules()).map((r) => r.id).sort();
    expect([...new Set(CASES.map((c) => c.rule))].sort()).toEqual(ids);
  });
});
