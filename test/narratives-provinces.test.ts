/**
 * Narratives from provinces the corpus does not hold, worded as their notes are (陕西, 内蒙古, 海南,
 * 广东, 辽宁, 西藏): each wording read for what it says, the real mistakes found and no false one.
 */
import { describe, expect, it } from 'vitest';
import { lintText, reportOf } from './helpers.js';

const findings = async (text: string) =>
  (await lintText(text)).filter((d) => d.ruleId !== '读取/未含公开表').map((d) => [d.ruleId, d.line, d.message]);

describe('narratives of other provinces', () => {
  it('陕西: a change with its rate in brackets (较上年减少1.5万元(42.86%)) is checked', async () => {
    const text = [
      '西安市新城区卫生和计划生育局 2019年部门预算“三公”经费公开说明',
      '2019年本部门一般公共预算“三公”经费预算支出9.80万元,较上年减少18.50万元(65.37%),减少的主要原因是公车运行维护费减少。',
      '2、公务接待费2.30万元,较上年减少1.5万元(42.86%),减少的主要原因是压缩接待费开支。',
    ].join('\n');
    expect(await findings(text)).toEqual([
      ['叙述/同比变化率', 3, '「公务接待费」变化率写 42.86%，按本年数与增减额（1.5 万元 ÷ （2.30 万元 + 1.5 万元） × 100%）应为 39.47%；若变化率无误，增减额应为 1.72～1.73 万元'],
    ]);
  });

  it('内蒙古: a budget note stating last year\'s 决算 after its own 预算 is a budget, its 决算 heading no stale year', async () => {
    const text = [
      '一、2022年“三公”经费预算安排情况',
      '2022年度“三公”经费预算总计21.8万元,其中:因公出国(境)经费0万元,公务接待11.8万元,公务用车运行费用10万元。',
      '二、2021年“三公”经费决算情况',
      '2021年度“三公”经费合计支出20.12万元,其中:因公出国(境)经费0万元,公务接待12.39万元,公务用车运行费用7.73万元。',
    ].join('\n');
    expect(await findings(text)).toEqual([]);
    // a final account states its own year's budget first: still a 决算, by that year's 决算
    const final = reportOf('2023年度“三公”经费预算为3万元,支出决算为1.71万元,完成预算的57%。');
    expect([final.kind, final.year]).toEqual(['决算', 2023]);
  });

  it('海南: last year\'s figure stated as the base of the comparison after it is no stale year', async () => {
    const text = [
      '现将我厅2016年“三公经费”预算数说明如下:',
      '    一、因公出国(境)经费',
      '2016年省财政厅预算安排,“因公出国(境)费”15万元。2015年预算数15万元, 2016年预算与2015年预算持平。',
      '    二、公务用车购置及运行费',
      '“公务用车运行维护费”预算数50万元。2015年预算数160万元, 2016年预算比2015年预算下降68.8%。',
    ].join('\n');
    expect(await findings(text)).toEqual([]);
    // the year left stale where nothing compares with it, and no 2016 figure stands before it, is still found
    expect(await findings('现将我厅2016年“三公经费”预算数说明如下:\n“公务用车运行维护费”2015年预算数160万元。')).toEqual([
      ['形式/陈述年度', 2, '文中写「2015年预算数」，本文件是 2016 年度预算'],
    ]);
  });

  it('湖北 鄂城区: last year\'s 决算 stated right after this year\'s, to compare, is no stale year', async () => {
    const text = [
      '鄂城区2022年“三公”经费决算情况说明',
      '鄂城区2022年的“三公"经费决算数合计为1000.86万元,其中:因公出国(境)费0万元、公务用车购置费399.25万元、公务用车运行维护费472.38万元、公务接待费43.77万元、会议费34.10万元、培训费51.37万元。2021年的三公经费决算数合计为807.95万元,其中:因公出国(境)费0万元、公务用车购置费272.53万元、公务用车运行维护费327.67万元、公务接待费39.43万元、会议费121.61万元、培训费46.71万元。',
    ].join('\n');
    expect((await findings(text)).filter(([rule]) => rule === '形式/陈述年度')).toEqual([]);
    // without this year's statement before it, the year is stale
    expect((await findings(text.replace(/鄂城区2022年的.*?。/, ''))).filter(([rule]) => rule === '形式/陈述年度').map(([, line]) => line)).toEqual([2]);
  });

  it('广东: 比2019年（疫情前）决算数 compares with the year before the epidemic on purpose', async () => {
    const text = [
      '2023年广东省财政厅一般公共预算财政拨款“三公”经费支出决算情况说明',
      '广东省财政厅2023年度“三公”经费财政拨款支出决算为62.07万元,完成全年预算84.82万元的73.2%,比上年决算数增加38.97万元,增长168.7%;比2019年(疫情前)决算数减少24.87万元,降低28.6%。',
    ].join('\n');
    expect(await findings(text)).toEqual([]);
    expect(await findings(text.replace('比2019年(疫情前)', '比2021年'))).toEqual([
      ['形式/比较年度', 2, '文中写「比2021年」，本文件是 2023 年度决算，比较的应是上一年度'],
    ]);
  });

  it('辽宁: a 其中 list with an amount written without its 元 (结余1亿) is not summed', async () => {
    const text = '2024年全市财政总支出536.7亿元,其中:一般公共预算支出250.4亿元,上解上级支出38.1亿元,债务还本支出147.9亿元,安排预算稳定调节基金46.0亿元,待偿债再融资一般债劵结余1亿,调出资金2.2亿。结转下年51.1亿元。';
    expect(await findings(text)).toEqual([]);
  });

  it('广西 梧州: a 其中 list whose items are shares of the whole the sentence before is a share of lists its siblings, not its parts', async () => {
    const text = [
      '基本支出预算 1037103.63 元,占支出总预算的 95.57%。',
      '项目支出预算 48100 元,占支出总预算的 4.43%,同比无增',
      '减变化。',
      '其中:',
      '(一)文化旅游体育与传媒支出类科目 850088.3 元,',
      '占支出总预算 78.33%。',
      '(二)社会保障和就业支出类科目 116433.12 元,占支',
      '出总预算 10.73 %,同比增加 16803.36 元,增长 14.43%。',
    ].join('\n');
    expect((await findings(text)).filter(([rule]) => rule === '叙述/分项之和')).toEqual([]);
    // the list of a part named as its whole is summed
    const own = text.replace('占支出总预算 78.33%', '占项目支出预算 78.33%');
    expect((await findings(own)).filter(([rule]) => rule === '叙述/分项之和').map(([, line]) => line)).toEqual([2]);
  });

  it('云南 临沧: 较上年减0.04万元,增0.01% is read (增 and 减 alone after 较上年) and its directions clash', async () => {
    const text = [
      '一、预算收支增减变化情况说明',
      '1.工资福利支出较上年增18.67万元,增21.86%。主要原因是:职工职称变,在职人员工资增加。',
      '2.商品和服务支出较上年减0.04万元,增0.01%。主要原因是:职工教育经费及工会经费增加。',
    ].join('\n');
    expect(await findings(text)).toEqual([['叙述/增减与增长率方向', 3, '「商品和服务支出较上年」写“减少 0.04 万元”，又写“增长 0.01%”，方向相反']]);
  });

  it('四川 大英: a 决算 page naming 一般公共预算 first is no budget; its 三公 items said with their shares add up to less than the total', async () => {
    const text = [
      '六、一般公共预算财政拨款基本支出决算情况说明',
      '2023年一般公共预算财政拨款基本支出536.07万元,其中:人员经费489.18万元,公用经费46.89万元。',
      '七、财政拨款“三公”经费支出决算情况说明',
      '2022年“三公”经费财政拨款支出决算为3.46万元,完成预算100%。',
      '2023年“三公”经费财政拨款支出决算中,因公出国(境)费支出决算0万元,占0%;公务用车购置及运行维护费支出决算1.4万元,占40.46%;公务接待费支出决算0.28万元,占8.09%。',
    ].join('\n');
    expect(await findings(text)).toEqual([
      ['形式/陈述年度', 4, '文中写「2022年“三公”经费财政拨款支出决算为」，本文件是 2023 年度决算'],
      ['叙述/三公分项之和', 4, '「2022年“三公”经费财政拨款支出决算」写 3.46 万元，文中分别写出的各项之和为 1.68 万元，相差 1.78 万元'],
    ]);
  });

  it('西藏: the two totals said apart before 收入、支出总计各增加 give each its own level', async () => {
    const text = [
      '第三部分 2024年度部门决算情况说明',
      '2024年度收入总计7562.45万元,支出总计6632.48万元,与2023年度相比,收入、支出总计各增加1412.7万元、2062.79万元,增长15.74%、23.72%。',
    ].join('\n');
    expect(await findings(text)).toEqual([
      ['叙述/收支总计相等', 2, '文中写收支总计：收入总计 7562.45 万元、支出总计 6632.48 万元，两者应相等，相差 929.97 万元'],
      ['叙述/同比变化率', 2, '「收入总计」变化率写 15.74%，按本年数与增减额（1412.7 万元 ÷ （7562.45 万元 − 1412.7 万元） × 100%）应为 22.97%；若变化率无误，增减额应为 1,028.08～1,028.82 万元'],
      ['叙述/同比变化率', 2, '「支出总计」变化率写 23.72%，按本年数与增减额（2062.79 万元 ÷ （6632.48 万元 − 2062.79 万元） × 100%）应为 45.14%；若变化率无误，增减额应为 1,271.28～1,271.92 万元'],
    ]);
  });
  it('四川 达州: two items\' changes and rates listed together, their unit said once, each checked against its own level', async () => {
    const text = [
      '一、收入支出决算总体情况说明',
      '2020年度收入476.17、支总计460.06万元。与2019年相比,收入减少84.55、支出总计减少99.6万元,分别下降18%、21.6%。',
    ].join('\n');
    // both rates were worked out on this year's amounts (84.55 ÷ 476.17, 99.6 ÷ 460.06)
    expect(await findings(text)).toEqual([
      ['叙述/同比变化率', 2, '「收入」变化率写 18%，按本年数与增减额（84.55 万元 ÷ （476.17 万元 + 84.55 万元） × 100%）应为 15.08%；若变化率无误，增减额应为 101.00～108.09 万元'],
      ['叙述/同比变化率', 2, '「支总计」变化率写 21.6%，按本年数与增减额（99.6 万元 ÷ （460.06 万元 + 99.6 万元） × 100%）应为 17.8%；若变化率无误，增减额应为 126.38～127.13 万元'],
    ]);
  });

  it('陕西 延安: an amount 占年度预算 A 万元的 is the budget, never the current amount of the change after it', async () => {
    const text = '2021年全县财政总收入完成23992万元,占年度预算22443万元的106.9%,较上年21012万元,增收2980万元,增幅14.2%。';
    expect(await findings(text)).toEqual([]);
    expect(await findings(text.replace('增幅14.2%', '增幅15.3%'))).toEqual([
      ['叙述/同比变化率', 1, '「2021年全县财政总收入完成」变化率写 15.3%，按本年数与增减额（2980 万元 ÷ （23992 万元 − 2980 万元） × 100%）应为 14.2%；若变化率无误，增减额应为 3,171.83～3,195.53 万元'],
    ]);
  });

  it('government reports: shares of each office\'s own target, an average\'s breakdown, and a section on last year\'s outcome are no errors', async () => {
    // 占任务数的: each office's completion of its own target, not parts of one whole
    expect(await findings('今年1-6月,全区财政收入完成61646万元,其中税务部门完成28684万元,占任务数的56.4%,同比增长33.2%;财政部门完成32962万元,占任务数的56.3%,同比增长20.1%。')).toEqual([]);
    // an average is no sum of the averages it lists
    expect(await findings('全省居民人均可支配收入30829元,增长10.6%。其中城镇居民人均可支配收入40278元,增长9.7%;农村居民人均可支配收入18259元,增长12.0%。')).toEqual([]);
    // a heading on the year before's outcome, or its estimate (预计), states that year on purpose
    expect(await findings('2023年度昌吉市政府预算公开\n一、2022年财政收入预算执行情况\n（一）年初预算安排情况。\n2022年全市安排地方财政预算收入760459万元。')).toEqual([]);
    expect(await findings('关于红桥区2022年预算执行情况和2023年预算草案的报告\n2022年一般公共预算收入预计157,500万元,完成调整预算的100.3%。')).toEqual([]);
    // a total with its own 其中 after a list ends that list (百色 2023): each adds up on its own
    const baise = '2023年,市本级一般公共预算总收入164.47亿元。其中:一般公共预算收入31.52亿元,转移性收入132.95亿元;市本级一般公共预算总支出153.81亿元,其中:一般公共预算支出87.62亿元,转移性支出66.19亿元。';
    expect(await findings(baise)).toEqual([]);
    expect(await findings(baise.replace('转移性收入132.95', '转移性收入133.95'))).toEqual([
      ['叙述/分项之和', 1, '「市本级一般公共预算总收入」合计写 164.47 亿元，其中所列各项之和为 165.47 亿元，相差 1.00 亿元'],
    ]);
  });
  it('海南 海口: a 三公 item\'s change from its budget is checked against the amount its own heading states', async () => {
    const text = [
      '（二）公务用车购置及运行费支出57.36万元。',
      '公务用车购置及运行费支出决算数比预算数减少17.54万元,下降23.42%。主要原因是加强公务用车的管理。',
      '（三）公务接待费支出0.18万元。',
      '公务接待费支出决算数比预算数减少4.82万元,下降96.40%。',
    ].join('\n');
    expect(await findings(text)).toEqual([]);
    // 4.82 ÷ (0.18 + 4.82) is 96.40%: a rate worked out otherwise is found
    expect(await findings(text.replace('下降96.40%', '下降69.40%'))).toEqual([
      ['叙述/同比变化率', 4, '「公务接待费支出决算数比预算数」变化率写 69.40%，按本年数与增减额（4.82 万元 ÷ （0.18 万元 + 4.82 万元） × 100%）应为 96.40%；若变化率无误，增减额应为 0.40～0.42 万元'],
    ]);
  });
  it('重庆 渝中: 收支 changed since last year, said after both totals of one figure, is checked against that figure', async () => {
    const text = '1.总体情况。2021年度收入总计16062.73万元,支出总计16062.73万元。收支较上年决算数增加1995.90万元,增长14.19%。';
    expect(await findings(text)).toEqual([]);
    expect(await findings(text.replace('增长14.19%', '增长12.42%'))).toEqual([
      ['叙述/同比变化率', 1, '「收支较上年决算数」变化率写 12.42%，按本年数与增减额（1995.90 万元 ÷ （16062.73 万元 − 1995.90 万元） × 100%）应为 14.19%；若变化率无误，增减额应为 1,773.79～1,775.38 万元'],
    ]);
    // totals of two figures (which 收支总计相等 reports): which one changed by D is not said, no rate is checked
    expect((await findings(text.replace('支出总计16062.73', '支出总计15062.73').replace('增长14.19%', '增长12.42%'))).map(([rule]) => rule)).toEqual(['叙述/收支总计相等']);
  });
  it('湖南 祁阳: a change of the document\'s item said bare (收入较上年) after its amount with year and department (2024年本部门收入预算)', async () => {
    const text = [
      '祁阳市浯溪街道教育管理中心2024年部门预算',
      '(一)收入预算:',
      '2024年本部门收入预算7018.511万元,其中,一般公共预算财政拨款收入7018.511万元,政府性基金预算财政拨款收入0万元。收入较上年增加2042.519万元,增加30.14%。',
    ].join('\n');
    // 2042.519 ÷ (7018.511 − 2042.519) is 41.05%; nor is 30.14% the change over this year's amount (29.10%)
    expect((await findings(text)).filter(([rule]) => rule === '叙述/同比变化率').map(([, line]) => line)).toEqual([3]);
    // in a final account, the item's budget (三公经费支出预算 10 万元) is not the level its 决算 changed from
    const final = '2023年度“三公”经费支出预算为10.00万元。2023年度“三公”经费支出决算数比上年减少2.00万元，下降20.00%。';
    expect((await findings(final)).filter(([rule]) => rule === '叙述/同比变化率')).toEqual([]);
  });
});
