/**
 * Self-assessment forms as other tools extract their text (fixtures/text/extracted): cells parted
 * by one space, wrapped cells' lines set apart from their row's. Where a form's rows, weights and
 * scores can be read they are read right; where they cannot, the form says so and is not checked.
 */
import { describe, expect, it } from 'vitest';
import { fundsColumns, fundsHeaderUnread } from '../src/model/forms/funds.js';
import { tokenizeLine } from '../src/layout/tokenize.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lintFile } from '../src/cli/lint.js';
import { builtinRules, lintText, reportOf } from './helpers.js';

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

describe('a weighted 一级 cell centred over its rows, lines by position (pdfplumber)', () => {
  // 贵州's form through Chromium and pdfplumber: 产出指标（50分） stands on the line of its fourth
  // row, 效益指标（40分） alone between its two; read in order, the rows above each fell under the
  // section before (or none), and every section's weight was said misstated
  const rows = (weight: string) => `一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分
医保经办机构岗位风险管控 ＝25家 ＝25家 20 20
数量指标 全程电子化接入银行 ≥14家 ≥14家 10 10
医保基金发放准确率 100 达成年度指标 10 10
产出指标（50分） 质量指标 检查评估完成率 100 达成年度指标 10 10
经办服务能力 持续提升 达成年度指标 ${weight} ${weight}
效益指标（40分） 社会效益指标
医保基金财务管理水平 得到提高 达成年度指标 20 20
满意度指标（10分） 服务对象满意度指标 持续提高 达成年度指标 10 10`;

  it('places the rows the one way their weights add up, each header among its rows', async () => {
    const form = reportOf(FORM(rows('20'))).forms[0];
    expect(form.indicators.map((x) => [x.section, x.weight?.raw])).toEqual([
      ['产出指标', '20'],
      ['产出指标', '10'],
      ['产出指标', '10'],
      ['产出指标', '10'],
      ['效益指标', '20'],
      ['效益指标', '20'],
      ['满意度指标', '10'],
    ]);
    expect(reportOf(FORM(rows('20'))).notes).toEqual([]);
    expect((await lintText(FORM(rows('20')))).filter((d) => d.ruleId.startsWith('自评表/'))).toEqual([]);
  });

  it('where no way adds up, and the order is known wrong (rows above the first header): not placed, said', async () => {
    const text = FORM(rows('15'));
    expect(reportOf(text).forms[0].sections).toEqual([]);
    expect(reportOf(text).notes.map((n) => n.message)).toEqual(['事业单位医疗: 一级指标的单元格印在其各行之间，分不清各行属于哪个一级指标，各一级指标的分值未核对']);
    expect((await lintText(text)).filter((d) => d.ruleId === '自评表/分区分值')).toEqual([]);
  });

  const top = (weight: string) => `一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分
产出指标（50分） 医保经办机构岗位风险管控 ＝25家 ＝25家 20 20
数量指标 全程电子化接入银行 ≥14家 ≥14家 10 10
医保基金发放准确率 100 达成年度指标 10 10
质量指标 检查评估完成率 100 达成年度指标 ${weight} ${weight}
效益指标（40分） 社会效益指标 经办服务能力 持续提升 达成年度指标 20 20
医保基金财务管理水平 得到提高 达成年度指标 20 20
满意度指标（10分） 服务对象满意度指标 持续提高 达成年度指标 10 10`;

  it('each header at the top of its rows: read in order, and checked', async () => {
    const form = reportOf(FORM(top('10'))).forms[0];
    expect(form.sections.map((s) => [s.name, s.weight?.raw])).toEqual([['产出指标', '50'], ['效益指标', '40'], ['满意度指标', '10']]);
    // the header runs into its first row's name (one label, cells one space apart): the rest is the row's
    expect(form.indicators.map((x) => [x.section, x.name])[0]).toEqual(['产出指标', '医保经办机构岗位风险管控']);
    expect((await lintText(FORM(top('10')))).filter((d) => d.ruleId.startsWith('自评表/'))).toEqual([]);
    expect(reportOf(FORM(top('10'))).notes).toEqual([]);
  });

  it('…and a weight misstated, read in order as no other way adds up: said', async () => {
    const ds = (await lintText(FORM(top('5')))).filter((d) => d.ruleId === '自评表/分区分值');
    expect(ds.map((d) => d.message)).toEqual(['「事业单位医疗 · 产出指标」标题分值 50，其下指标分值之和 45，相差 5']);
  });
});

describe('a form read a cell to a line (Writer through pdftotext), the header\'s names running into the first row', () => {
  const HEADER = ['一级指标', '三级指标', '年度指标', '值', '实际完成', '值', '分值', '得分 未完成原因分析'];
  const cells = (...rows: string[]) => FORM([...HEADER, ...rows].join('\n\n'));

  it('where the first row then has no 分值 (its cells run out of order): its rows are not read, and that is said', async () => {
    // 威海's 业务经费: 人均会议成本 ≤59 元 | 0 | 5 | 0 gave 分值 0 and 得分 5, and its last 0 opened the next row
    const text = cells('人均会议成本', '≤59 元', '0', '5', '0', '出差人员差旅费人均日费', '用', '≤630 元', '=313 元', '5', '5');
    const report = reportOf(text);
    expect([report.forms[0].indicators, report.notes.map((n) => n.partly?.reason)]).toEqual([[], ['指标表头的栏名连进了指标行（提取的文字打乱了表格的行），分不清各数字属于哪一栏，指标与总分未读取']]);
    expect((await lintText(text)).filter((d) => d.ruleId.startsWith('自评表/'))).toEqual([]);
  });

  it('where the first row keeps its figures: the header\'s names are no part of its name', () => {
    expect(rowsOf(cells('人均会议成本 ≤59元 =20元 5 5', '出差人员差旅费人均日费用 ≤630元 =313元 5 5'))).toEqual([
      [null, '人均会议成本', '5', '5'],
      [null, '出差人员差旅费人均日费用', '5', '5'],
    ]);
  });
});

describe('a comparison sign set apart from its figure, cells parted by one space', () => {
  // pdftotext -raw of 青海's form set by XeLaTeX, which spaces ≥ off the figure after it: the sign
  // stayed with the name, the target read as a bare 1万册 (= 10000), and 120000 册 as not met
  const rows = `一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 未完成原因分析
产出指标
数量指标
指标 1：编印并发放宣传资料数量 ≥ 1 万册 120000 册 10 10
指标 4：举办宣传活动次数 ≥ 5 次 7 10 10
满意度指标 服务对象满意度指标 指标 1：聘用人员满意度 ≥ 90% 95% 5 5`;

  it('begins the 指标值 after it, and a met target is not said unmet', async () => {
    const form = reportOf(FORM(rows)).forms[0];
    expect(form.indicators.map((x) => [x.name, x.target, x.actual])).toEqual([
      ['指标1：编印并发放宣传资料数量', '≥1万册', '120000册'],
      ['指标4：举办宣传活动次数', '≥5次', '7'],
      ['指标1：聘用人员满意度', '≥90%', '95%'],
    ]);
    expect((await lintText(FORM(rows))).filter((d) => d.ruleId === '自评表/未达标满分')).toEqual([]);
  });
});

describe('an indicator header whose names wrap over lines', () => {
  const ROWS = `产出指标（50 分）
数量指标 系统覆盖面 10 100% 10 10 已完成
效益指标（50 分）
社会效益指标 确保及时结算 10% 100% 50 50 已完成`;
  const unread = (text: string) => {
    const r = reportOf(text);
    return [r.forms[0].indicators.length, r.forms[0].total, r.notes.map((n) => n.partly?.reason ?? n.message)];
  };

  it('read cell by cell (PDFium), with 分值 before the values: unread, said', () => {
    expect(unread(FORM(`一级指标 二级指标 三级指标 分值\n年度指标\n值\n实际完成\n值\n得分 未完成原因分析\n${ROWS}`))).toEqual([0, null, ['分值印在指标值之前，按文字分不清各指标的分值与得分，指标与总分未读取']]);
  });

  it('read line by line across the row (pdfplumber), a value name\'s first line above the header\'s: unread, said', () => {
    expect(unread(FORM(`年度指标 实际完成\n一级指标 二级指标 三级指标 分值 得分 未完成原因分析\n值 值\n${ROWS}`))).toEqual([
      0,
      null,
      ['指标表头的栏名折行，一部分印在表头行之上，分不清分值与指标值、实际完成值的先后，指标与总分未读取'],
    ]);
  });

  it('laid out in columns, a value name\'s wrapped line over 分值: unread; left of it: read', () => {
    const over = `                         年度指标 实际完成
一级指标    二级指标     三级指标     分值             得分  未完成原因分析
                         值    值
${ROWS}`;
    expect(unread(FORM(over))).toEqual([0, null, ['指标表头的栏名折行，印在分值之上或之下，分不清分值与指标值、实际完成值的先后，指标与总分未读取']]);
    const left = `                         年度指标               未完成原因分
一级指标    二级指标     三级指标                       实际完成值 分值  得分
                         值                  析
产出指标（50分）  数量指标    系统覆盖面    ≥10个        10个   50   50
效益指标（50分）  社会效益指标   确保及时结算   ≥90%        100%   50   50`;
    expect(rowsOf(FORM(left))).toEqual([
      ['产出指标', '系统覆盖面', '50', '50'],
      ['效益指标', '确保及时结算', '50', '50'],
    ]);
  });

  it('read cell by cell, the values before 分值: read', () => {
    const text = FORM(`一级指标 二级指标 三级指标 年度指标\n值\n实际完成值 分值 得分\n未完成原因\n分析
产出指标（50 分）
数量指标 系统覆盖面 ≥10 个 10 个 50 50
效益指标（50 分）
社会效益指标 确保及时结算 ≥90% 100% 50 50`);
    expect(rowsOf(text)).toEqual([
      ['产出指标', '系统覆盖面', '50', '50'],
      ['效益指标', '确保及时结算', '50', '50'],
    ]);
  });
});

describe('a funds block whose header\'s names wrap over lines', () => {
  const words = (text: string) => text.trim().split(/\s+/);
  const columns = (header: string) => fundsColumns(header.replace(/\s+/g, ''));
  /** a funds row's values as its text gives them */
  const row = (text: string) => tokenizeLine({ line: 1, text }).tokens.filter((t) => t.kind !== 'blank');

  it('read line by line across the row, a name\'s head and tail parted by other names: unread', () => {
    const header = '年初预算 全年执行 项目资金（万 资金来源 全年预算数 分值 得分 数 数 元）';
    expect(columns(header)).toEqual(['年初预算数', '全年执行数', '全年预算数', '分值', '得分']);
    expect(fundsHeaderUnread(words(header), columns(header), row('10 10 10 10 10'))).toBe('资金栏的栏名折行，「年初预算数」「全年执行数」的上下两段被其他栏名隔开，分不清各栏的先后，资金执行一行及总分未读取');
    const rate = '全年预算 执行 资金来源 年初预算数 全年执行数 分值 得分 数 率';
    expect(fundsHeaderUnread(words(rate), columns(rate), row('10 10 10 10 100% 10'))).toBe('资金栏的栏名折行，「全年预算数」「执行率」的上下两段被其他栏名隔开，分不清各栏的先后，资金执行一行及总分未读取');
  });

  it('read cell by cell (head then tail), or a name printed short: read', () => {
    const cells = '资金来源 年初预算数 全年预算 数 全年执行数 分值 执行 率 得分';
    expect(fundsHeaderUnread(words(cells), columns(cells), row('10 10 10 10 100% 10'))).toBe(null);
    const short = '项目资金 （万元） 年初预算 全年预算数 全年执行 数 分值 得分';
    expect([columns(short), fundsHeaderUnread(words(short), columns(short), row('10 10 10 10 10'))]).toEqual([['年初预算数', '全年预算数', '全年执行数', '分值', '得分'], null]);
  });

  it('a row with more figures than the header has columns: unread', () => {
    const header = '全年预算数 全年执行数 分值 得分';
    expect(fundsHeaderUnread(words(header), columns(header), row('10 10 10 10 10'))).toBe('资金一行印有 5 个数，表头只读出 4 栏（全年预算数、全年执行数、分值、得分），分不清各数属于哪一栏，资金执行一行及总分未读取');
    expect(fundsHeaderUnread(words(header), columns(header), row('10 10 10 10'))).toBe(null);
  });

  // 天长市水利局 2022 项目支出绩效自评表, as its web page gives it: 执行率 left blank, the 得分 10 would be read as it
  it('a row with fewer figures than columns, a figure after the amounts: unread, as which cell was blank is not known', () => {
    const header = '年初预算数 全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分';
    expect(fundsHeaderUnread(words(header), columns(header), row('880 880 880 10 10'))).toBe('资金一行印有 5 个数，表头有 6 栏（年初预算数、全年预算数、全年执行数、分值、执行率、得分），空着的是哪一栏分不清，资金执行一行及总分未读取');
    // the amounts, then placeholders: the row as printed
    expect(fundsHeaderUnread(words(header), columns(header), row('880 880 880 - -'))).toBe(null);
  });

  it('in a form: the funds block and 总分 (which counts its 分值) are left out and said; the indicators are read', () => {
    const r = reportOf(`项目支出绩效目标自评表
项目名称 医疗救助
年初预算 全年执行
项目资金（万 资金来源 全年预算数 分值 得分
数 数
元）
年度资金总额： 200 200 139.14 10 7.6
一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分
产出指标（90 分） 数量指标 救助人次 ≤3400 人次 =2592 人次 90 88
总分 100 95.6
`);
    const form = r.forms[0];
    expect([form.funds, form.total, form.indicators.map((x) => [x.name, x.weight?.raw, x.score?.raw])]).toEqual([[], null, [['救助人次', '90', '88']]]);
    expect(r.notes.map((n) => n.partly?.reason)).toEqual(['资金栏的栏名折行，「年初预算数」「全年执行数」的上下两段被其他栏名隔开，分不清各栏的先后，资金执行一行及总分未读取']);
  });
});

// 天长市水利局 2022 项目支出绩效自评表, published on a page of its own: no tables, no narrative
describe('a self-assessment form published alone', () => {
  const page = [
    '项目支出绩效自评表',
    '(2022年度)',
    '项目名称 水旱灾害防御经费',
    '主管部门 实施单位 天长市水利局',
    '项目资金',
    '(万元)',
    '年初预算数 全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分',
    '年度资金总额: 880 880 880 10 10',
    ' 其中:本年财政拨款 880 880 880 - -',
    '年度绩效指标完成情况 一级',
    '指标',
    '二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施',
    '(50分)',
    '数量指标 指标1:完成中型灌区节水改造项目数量 1 1 10 10',
    '总分 100 100',
    '注:1.一级指标分值统一设置为:产出指标50分、效益指标30分、服务对象满意度指标10分、预算资金执行率10分。',
  ].join('\n');

  it('is checked, not refused, and says what of it could not be read', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'form-')), 'form.txt');
    writeFileSync(file, page);
    const { diagnostics: ds } = await lintFile(file, await builtinRules());
    expect(ds.map((d) => [d.ruleId, d.line, d.message])).toEqual([
      ['读取/未含公开表', 1, '本文件没有公开表，只核对了 1 张绩效表（自评表、目标表）本身的数字；与表格的核对需要含表格的文件：表格另行公开时，用 --parts 把说明与公开表一起检查'],
      ['读取/表格未能读取', 1, '「水旱灾害防御经费 项目支出绩效自评表」未能读出任何一行绩效指标（未找到指标表头，或其下各行没有分值、得分），指标与总分未读取，涉及它们的核对没有做'],
      ['读取/表格未能读取', 1, '「水旱灾害防御经费 项目支出绩效自评表」资金一行印有 5 个数，表头有 6 栏（年初预算数、全年预算数、全年执行数、分值、执行率、得分），空着的是哪一栏分不清，资金执行一行及总分未读取，涉及它们的核对没有做'],
    ]);
  });
});
