/**
 * Titles other provinces print for the kinds the catalogue models (surveyed from published
 * 部门预算 / 部门决算 / 单位预算 / 单位决算 tables of contents), titles of tables it does not model,
 * which must stay unknown, and the same fixtures read under another province's titles.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../src/model/index.js';
import { normalizeTitle } from '../src/model/tables/printed-titles.js';
import { kindByTitle } from '../src/model/tables/kinds.js';
import { titleText } from '../src/layout/regions.js';
import { readingDiagnostics } from '../src/cli/lint.js';
import { fixtureText, lintText, mutate, reportOf } from './helpers.js';

const catalog = loadCatalog();
const kind = (title: string) => kindByTitle(catalog, title);

describe('titles of known kinds as other provinces print them', () => {
  it('云南 (2023 on): 一般公共预算财政拨款“三公”经费情况表 is the 三公 table of the document it is in, budget or final account', () => {
    expect(kindByTitle(catalog, '2023年一般公共预算财政拨款“三公”经费情况表', '', '决算')).toBe('公开09');
    expect(kindByTitle(catalog, '2024年一般公共预算财政拨款“三公”经费情况表', '', '预算')).toBe('部门公开表7');
  });

  // the title as printed → the kind it names
  const variants: [string, string][] = [
    // 湖南、广西：「…总体情况表」「…情况表」
    ['2024年部门收支总体情况表', '部门公开表1'],
    ['单位收支总体情况表', '部门公开表1'],
    ['2024年部门收入总体情况表', '部门公开表2'],
    ['单位收入总体情况表', '部门公开表2'],
    ['2023年部门支出总体情况表', '部门公开表3'],
    ['2024年财政拨款收支总体情况表', '部门公开表4'],
    ['2024年财政拨款收支情况表', '部门公开表4'],
    ['2023年一般公共预算支出情况表', '部门公开表5'],
    ['一般公共预算基本支出情况表', '部门公开表6'],
    ['2024年一般公共预算“三公”经费支出情况表', '部门公开表7'],
    // 广东
    ['2024年部门收入表', '部门公开表2'],
    ['2024年部门支出表', '部门公开表3'],
    ['2024年“三公”经费部门预算统计表', '部门公开表7'],
    ['2024年政府性基金预算支出情况表', '部门公开表8'],
    ['2024年国有资本经营预算支出情况表', '部门公开表9'],
    // 山东
    ['2016年财政拨款收支预算表', '部门公开表4'],
    ['财政拨款安排的基本支出预算表', '预算/财政拨款基本支出表'],
    // 四川：表1-1、表3-3 这样的分表编号
    ['表1-1.单位收入总表', '部门公开表2'],
    ['表1-2.单位支出总表', '部门公开表3'],
    ['表3-1.一般公共预算基本支出预算表', '部门公开表6'],
    ['表3-3.一般公共预算“三公”经费支出预算表', '部门公开表7'],
    ['表4.政府性基金预算支出预算表', '部门公开表8'],
    ['表5.国有资本经营支出预算表', '部门公开表9'],
    // 表号是中文数字，后面紧跟「一般公共预算」「三公」
    ['表二一般公共预算支出表', '部门公开表5'],
    ['表三一般公共预算基本支出表', '部门公开表6'],
    ['表四一般公共预算“三公”经费支出表', '部门公开表7'],
    ['表十一般公共预算支出表', '部门公开表5'],
    // 表号写作「预算01表」「部门决算05表」「公开表9」，与标题在同一行
    ['预算01表 2025年部门收支总表', '部门公开表1'],
    ['预算05表：一般公共预算支出表', '部门公开表5'],
    ['部门决算05表 一般公共预算财政拨款支出决算表', '公开05'],
    ['公开表7 一般公共预算“三公”经费支出表', '部门公开表7'],
    // 江西：「财政拨款 “三公”经费支出表」
    ['财政拨款 “三公”经费支出表', '部门公开表7'],
    // 陕西：「收入决算总表」「支出决算总表」
    ['收入决算总表', '公开02'],
    ['支出决算总表', '公开03'],
    // 云南：「财政拨款收入支出决算表」
    ['财政拨款收入支出决算表', '公开04'],
    // 决算表名的简称：不写「财政拨款」，「收入支出」写作「收支」
    ['2024年度财政拨款收支决算总表', '公开04'],
    ['收支决算总表', '公开01'],
    ['一般公共预算支出决算表', '公开05'],
    ['一般公共预算基本支出决算表', '公开06'],
    ['政府性基金预算支出决算表', '公开07'],
    ['国有资本经营预算支出决算表', '公开08'],
    ['“三公”经费支出决算表', '公开09'],
    ['一般公共预算“三公”经费支出决算表', '公开09'],
    // 湖北：表名后括注表号，表号与全国的不同（三公是公开07表）
    ['财政拨款“三公”经费支出决算表(公开07表)', '公开09'],
    ['政府性基金预算财政拨款收入支出决算表(公开08表)', '公开07'],
    // 新疆：表名加书名号
    ['《国有资本经营预算财政拨款收入支出决算表》', '公开08'],
    // 北京：表名中间括注所含的资金
    ['财政拨款(含一般公共预算和政府性基金预算)“三公”经费支出表', '部门公开表7'],
    // 「收入预算表」「支出预算表」，不写「总」
    ['2022年部门收入预算表', '部门公开表2'],
    ['单位支出预算表', '部门公开表3'],
    ['“三公”经费决算表', '公开09'],
    // 陕西：另列会议费、培训费的三公决算表，是三公表，不是支出决算表（它的表名以「支出决算表」结尾）
    ['一般公共预算财政拨款“三公”经费及会议费、培训费支出决算表', '公开09'],
    // 基金的「拨款」写或不写：一般公共预算拨款支出预算表即一般公共预算支出预算表
    ['2024年一般公共预算拨款支出预算表', '部门公开表5'],
    ['政府性基金拨款支出预算表', '部门公开表8'],
    ['国有资本经营预算拨款支出预算表', '部门公开表9'],
    ['一般公共预算拨款“三公”经费支出预算表', '部门公开表7'],
    ['一般公共预算“三公”经费预算表', '部门公开表7'],
    ['财政拨款预算收支总表', '部门公开表4'],
    ['国有资本经营支出决算表', '公开08'],
    // 单位名称、年度之后写明是部门预算、部门综合预算、单位决算
    ['上海市某局2023年部门预算收支总表', '部门公开表1'],
    ['某县审计局2023年部门综合预算收入总表', '部门公开表2'],
    ['某县某局2024年度单位决算收入决算表', '公开02'],
    // 「明细表」；三公表另列会议费、培训费时写「及」；单独公开的三公预算叫「…情况统计表」
    ['部门综合预算一般公共预算支出明细表（按功能科目）', '部门公开表5'],
    ['部门综合预算一般公共预算基本支出明细表（按经济科目）', '部门公开表6'],
    ['部门综合预算一般公共预算拨款“三公”经费及会议费、培训费支出预算表', '部门公开表7'],
    ['2016年市国资委财政拨款“三公”经费预算表', '部门公开表7'],
    ['2014年“三公”经费预算财政拨款情况统计表', '部门公开表7'],
    ['2023年一般公共预算“三公”经费、会议费和培训费支出情况表', '部门公开表7'],
    ['一、“三公”经费预算财政拨款情况表', '部门公开表7'],
    // 政府性基金、国有资本经营写不写「预算」「拨款」；决算的收支总表写作「部门决算收支总表」
    ['政府性基金拨款支出决算表', '公开07'],
    ['政府性基金预算拨款收入支出决算表', '公开07'],
    ['部门综合预算政府性基金支出表', '部门公开表8'],
    ['部门决算收支总表', '公开01'],
    ['政府采购支出决算表', '公开11'],
    ['机关运行经费决算表', '公开10'],
    ['“三公”经费财政拨款预算表', '部门公开表7'],
    ['“三公”经费决算情况统计表', '公开09'],
    ['一般公共预算拨款支出决算表', '公开05'],
    // 海南：「…决算公开表」
    ['收入决算公开表', '公开02'],
    ['财政拨款收入支出决算公开表', '公开04'],
  ];

  it.each(variants)('%s → %s', (title, id) => {
    expect(titleText(title)).not.toBeNull();
    expect(kind(title)).toBe(id);
  });
});

describe('a title that says neither 预算 nor 决算 names the kind of the document its cover names', () => {
  it.each([
    // 桂林: 部门“三公”经费情况统计表; 渝中: “三公”经费汇总情况表; a final account's 一般公共预算财政拨款支出表
    ['2015年桂林市司法局部门“三公”经费情况统计表', '部门公开表7', '公开09'],
    ['2017年渝中区“三公”经费汇总情况表', '部门公开表7', '公开09'],
    ['一般公共预算财政拨款支出表', '部门公开表5', '公开05'],
  ])('%s → %s in a budget, %s in a final account', (title, budget, final) => {
    expect(kindByTitle(catalog, title, '', '预算')).toBe(budget);
    expect(kindByTitle(catalog, title, '', '决算')).toBe(final);
  });

  it('reads a final account whose 三公 table is titled so as the final\'s 公开09, by its cover', () => {
    const text = [
      '某县民政局2023年度部门决算',
      '',
      '2023年度某县民政局“三公”经费情况统计表',
      '单位：万元',
      '项目\t预算数\t决算数',
      '合计\t49.9\t7.69',
      '因公出国（境）费\t20\t',
      '公务接待费\t14.9\t5.21',
      '公务用车购置及运行维护费\t15\t2.48',
      '其中：公务用车运行维护费\t15\t2.48',
      '公务用车购置费\t\t',
    ].join('\n');
    const r = reportOf(text);
    expect([r.kind, r.tables.map((t) => [t.id, t.unread])]).toEqual(['决算', [['公开09', null]]]);
    expect(reportOf(mutate(mutate(text, '部门决算', '部门预算'), '预算数\t决算数', '上年预算数\t本年预算数')).tables.map((t) => [t.id, t.unread])).toEqual([['部门公开表7', null]]);
  });
});

describe('a 括注 that names a classification admits only kinds coded by it', () => {
  it.each([
    ['财政拨款支出预算表（功能科目）', '预算/财政拨款支出表'],
    ['一般公共预算基本支出预算表（经济科目）', '部门公开表6'],
    ['2016年收支预算总表（功能分类科目）', '部门公开表1'],
    ['一般公共预算支出表（按部门预算经济分类）', null],
    ['2016年收支预算总表（经济分类科目）', null],
    ['表2-1.财政拨款支出预算表(政府经济分类科目)', null],
    ['“三公”经费、会议费、培训费支出预算表（一般公共预算）', '部门公开表7'],
  ])('%s → %s', (title, id) => {
    expect(kind(title)).toBe(id);
  });
});

describe('云南\'s 部门决算 tables whose columns differ from the national ones', () => {
  // the fifth table with 年初、年末结转和结余 and 本年收入 beside its 支出, 三公 and 机关运行经费 in
  // one table: known, so that such a file is of 云南's set, and not read by another kind's columns
  it.each([
    ['一般公共预算财政拨款收入支出决算表', '云南/一般公共预算财政拨款收入支出决算表'],
    ['财政拨款“三公”经费、行政参公单位机关运行经费情况表', '云南/三公经费和机关运行经费情况表'],
    ['“三公”经费、行政参公单位机关运行经费情况表', '云南/三公经费和机关运行经费情况表'],
  ])('%s → %s', (title, id) => {
    expect(kind(title)).toBe(id);
    expect(catalog.specs.find((s) => s.id === id)!.layout).toBe('unread');
  });

  it('stays unread under the number of the national table it stands for (公开05表), its extra columns not read as 公开05\'s', () => {
    const text = [
      '某县某局2022年度部门决算',
      '一般公共预算财政拨款收入支出决算表',
      '公开05表',
      '金额单位：万元',
      '科目编码\t科目名称\t年初结转和结余\t本年收入\t本年支出小计\t基本支出\t项目支出\t年末结转和结余',
      '合计\t\t\t100.00\t100.00\t80.00\t20.00\t',
      '2010301\t行政运行\t\t80.00\t80.00\t80.00\t\t',
      '2010350\t事业运行\t\t20.00\t20.00\t\t20.00\t',
    ].join('\n');
    expect(reportOf(text).tables.map((t) => [t.id, t.printedId, t.unread])).toEqual([['云南/一般公共预算财政拨款收入支出决算表', '公开05表', '本工具尚不核对这种表']]);
  });

  it('a final account under 云南\'s titles is of 云南\'s set: nothing said missing, the three tables said unread, the rest read as before', async () => {
    const text = fixtureText('pdf/corpus-qinghai-province-2023-final.txt');
    const yunnan = retitled(
      text,
      {
        收入支出决算总表: '收入支出决算表',
        财政拨款收入支出决算总表: '财政拨款收入支出决算表',
        一般公共预算财政拨款支出决算表: '一般公共预算财政拨款收入支出决算表',
        '财政拨款“三公”经费支出决算表': '财政拨款“三公”经费、行政参公单位机关运行经费情况表',
      },
      /^公开\d\d表$/,
    );
    const report = reportOf(yunnan);
    expect(report.family?.id).toBe('部门决算（云南）');
    // the 总表 without 总, as 云南 titles it from 2022 (公开01表 under it), is read as the 总表
    expect(report.tables.find((t) => t.id === '公开01')).toMatchObject({ title: '收入支出决算表', unread: null });
    expect(report.tables.filter((t) => t.layout === 'unread').map((t) => [t.id, t.title, t.unread])).toEqual([
      ['云南/一般公共预算财政拨款收入支出决算表', '一般公共预算财政拨款收入支出决算表', '本工具尚不核对这种表'],
      ['云南/三公经费和机关运行经费情况表', '财政拨款“三公”经费、行政参公单位机关运行经费情况表', '本工具尚不核对这种表'],
    ]);
    const said = readingDiagnostics(report).map((d) => [d.ruleId, d.message]);
    expect(said).toContainEqual(['读取/表格未能读取', '「一般公共预算财政拨款收入支出决算表」未能读取：本工具尚不核对这种表；这张表的核对都已跳过']);
    const found = await lintText(yunnan);
    expect(found.filter((d) => d.ruleId === '形式/必备表')).toEqual([]);
    // under the national titles without their numbers, the same file is of the national set
    expect(reportOf(retitled(text, {}, /^公开\d\d表$/)).family?.id).toBe('部门决算');
  });
});

describe('tables the catalogue does not model stay unknown', () => {
  it.each([
    '2024年项目支出绩效目标表',
    '2024年整体支出绩效目标表',
    '表2.单位预算项目支出绩效目标表',
    '项目绩效目标表',
    '2022年度部门整体支出绩效自评表',
    '国有资产占用情况表',
    '国有资产使用情况表',
    '政府购买服务预算表',
    '政府购买服务决算公开情况表',
    '表3-2.一般公共预算项目支出预算表',
    '表4-1.政府性基金预算“三公”经费支出预算表',
    '一般公共预算财政拨款项目支出决算表',
    '政府性基金预算财政拨款基本支出决算表',
    '支出预算分类汇总表(按部门预算经济分类)',
    '财政专户管理资金预算支出表',
    // 财政专户管理资金的表，不是（云南的）收入支出决算表
    '财政专户管理资金收入支出决算表',
    // 政府（不是部门）的总决算：本级支出、社会保险基金的表，表名以部门决算表的表名结尾
    '2022年度云溪区一般公共预算本级支出决算表',
    '政府性基金本级支出决算表',
    '2022年度云溪区社会保险基金收入决算表',
    '2022年度云溪区社会保险基金决算收支总表',
    '社会保险基金预算支出决算表',
    // 只列一般公共预算的项目支出表，列与全部资金的项目支出预算表不同
    '一般公共预算项目支出预算表',
    // 前面的词让它成为另一张表：财政拨款预算的收入表、按经济分类的支出表，不是部门的收入总表、支出总表
    '财政拨款预算收入总表',
    '部门经济分类支出预算表',
    '政府经济分类支出预算表',
    '一般公共预算拨款项目支出预算表',
    // 印掉了「财」字的财政拨款收入支出决算总表不是收入支出决算总表；另列其他支出、专款专用的表
    '四、政拨款收入支出决算总表',
    '部门预算项目支出及其他支出预算表',
    '专款专用支出预算表',
  ])('%s → null', (title) => {
    expect(kind(title)).toBeNull();
  });

  it('takes no note for a title, though it ends in 表', () => {
    expect(['备注：此表为空表', '注：此表为空表', '说明：本单位无此项收支，此表为空表', '填表说明：按科目列至项级表'].map(titleText)).toEqual([null, null, null, null]);
  });

  it('takes a title in book-title marks or quotes after its number or year, not a sentence’s 详见《…》', () => {
    expect(['表六 《一般公共预算财政拨款基本支出决算明细表》', '附表2 《收入总表》', '某局2023年度《支出决算表》', '“一般公共预算财政拨款基本支出决算明细表”', '详见《收入支出决算总表》'].map(titleText)).toEqual([
      '表六一般公共预算财政拨款基本支出决算明细表',
      '附表2收入总表',
      '某局2023年度支出决算表',
      '一般公共预算财政拨款基本支出决算明细表',
      null,
    ]);
  });

  it('takes a table number in Chinese numerals as one number', () => {
    expect(['表十一一般公共预算支出表', '表十三公经费支出表', '附表1：收支总表'].map(normalizeTitle)).toEqual(['一般公共预算支出表', '三公经费支出表', '收支总表']);
  });
});

/** the fixture with each title line (the whole line) replaced, and lines dropped */
function retitled(text: string, titles: Record<string, string>, drop: RegExp = /^$/): string {
  return text
    .split('\n')
    .filter((l) => !(l.trim() && drop.test(l.trim())))
    .map((l) => titles[l.trim()] ?? l)
    .join('\n');
}

const tablesOf = (text: string) => reportOf(text).tables.map((t) => [t.id, t.rows.map((r) => r.key)]);

describe('fixtures read under other provinces\' titles', () => {
  it('reads a budget titled as in 湖南 the same as under its own titles', () => {
    const text = fixtureText('text/titled-budget.txt');
    const hunan = retitled(text, {
      '2025年部门财务收支预算总表': '2025年部门收支总体情况表',
      '2025年部门支出预算总表': '2025年部门支出总体情况表',
      '2025年部门一般公共预算支出功能分类预算表': '2025年一般公共预算支出情况表',
    });
    expect(hunan).not.toBe(text);
    expect(tablesOf(hunan)).toEqual(tablesOf(text));
    expect(tablesOf(hunan).map(([id]) => id)).toEqual(['部门公开表1', '部门公开表3', '部门公开表5']);
  });

  it('reads a budget whose tables are titled 收入预算表 and 支出预算表, and one whose titles are in book-title marks, as under its own titles', () => {
    const text = fixtureText('text/budget.txt');
    const plain = retitled(text, { '收　入　总　表': '部门收入预算表', '支　出　总　表': '部门支出预算表' });
    expect(plain).not.toBe(text);
    expect(tablesOf(plain)).toEqual(tablesOf(text));
    const marked = retitled(text, { 财政拨款收支总表: '《财政拨款收支总表》', 一般公共预算支出表: '《一般公共预算支出表》' });
    expect(marked).not.toBe(text);
    expect(tablesOf(marked)).toEqual(tablesOf(text));
  });

  it('reads a title wrapped over two lines with blank lines between (pdfplumber\'s layout text), and after its number', () => {
    // 江苏人大 2017 and 江苏检察院 2018 through pdfplumber: 「“三公”经费、会议费、培训费支出预算 / (blank) / 表」
    const text = fixtureText('text/budget.txt');
    const wrapped = retitled(text, { '一般公共预算“三公”经费支出表': '一般公共预算“三公”经费支\n\n\n出表', 部门公开表7: '' });
    expect(wrapped).not.toBe(text);
    expect(tablesOf(wrapped)).toEqual(tablesOf(text).map(([id, rows]) => [id, rows]));
    const numbered = retitled(text, { '一般公共预算“三公”经费支出表': '部门公开表7：一般公共预算“三公”经费支\n\n出表', 部门公开表7: '' });
    expect(tablesOf(numbered)).toEqual(tablesOf(text));
  });

  it('keeps a table\'s last row and the next title a blank line below apart (合计 / (blank) / 某局2023年度…决算表)', () => {
    // 临夏's final account titled only, two empty tables one after the other
    const text = [
      '临夏市医疗保障局2023年度政府性基金预算财政拨款收入支出决算表',
      '部门：临夏市医疗保障局',
      '金额单位：元',
      '科目代码\t科目名称\t年初结转和结余\t本年收入\t本年支出小计\t基本支出\t项目支出\t年末结转和结余',
      '栏次\t\t1\t2\t3\t4\t5\t6',
      '合计\t\t\t\t\t\t\t',
      '',
      '临夏市医疗保障局2023年度国有资本经营预算财政拨款支出决算表',
      '部门：临夏市医疗保障局',
      '金额单位：元',
      '科目代码\t科目名称\t小计\t基本支出\t项目支出',
      '栏次\t\t1\t2\t3',
      '合计\t\t\t0.00\t',
    ].join('\n');
    const r = reportOf(text);
    expect(r.tables.map((t) => [t.id, t.title, t.rows.map((x) => x.key)])).toEqual([
      ['公开07', '临夏市医疗保障局2023年度政府性基金预算财政拨款收入支出决算表', ['合计']],
      ['公开08', '临夏市医疗保障局2023年度国有资本经营预算财政拨款支出决算表', ['合计']],
    ]);
  });

  it('reads a title a sheet\'s merged cell breaks after the year (某局2023 / 年度支出决算表) whole, and its first line as no row of the table above', () => {
    // Calc wraps the title's cell at its width; the line before it is the last row of 公开02
    const text = [
      '青海省医疗保障局2023年度收入决算表',
      '金额单位：万元',
      '科目代码 科目名称 本年收入合计 财政拨款收入',
      '合计 120.69 120.69',
      '2210201 住房公积金 120.69 120.69',
      '青海省医疗保障局2023',
      '年度支出决算表',
      '金额单位：万元',
      '科目代码 科目名称 本年支出合计 基本支出',
      '合计 121.27 121.27',
      '2210201 住房公积金 121.27 121.27',
      '',
    ].join('\n');
    const r = reportOf(text);
    expect(r.tables.map((t) => [t.id, t.title, t.rows.map((x) => [x.key, Object.values(x.cells).map((c) => c.raw)])])).toEqual([
      ['公开02', '青海省医疗保障局2023年度收入决算表', [['合计', ['120.69', '120.69']], ['2210201', ['120.69', '120.69']]]],
      ['公开03', '青海省医疗保障局2023年度支出决算表', [['合计', ['121.27', '121.27']], ['2210201', ['121.27', '121.27']]]],
    ]);
  });

  it('reads a table continued on the next page under 续表N or 续上表 as one table: the N no figure of the row above, the mark no title', () => {
    // a Word table broken across pages: 续表5 or 续上表 atop the next page, the unit and header
    // again; taken for an unknown table's title, 续上表 ended the table halfway (合计 1,215.34
    // against the 64.22 of the rows read)
    const at = '2089999    其他社会保障和就业支出 0.97 0.97\n';
    const text = fixtureText('text/budget.txt');
    const clean = reportOf(text).tables.find((t) => t.id === '部门公开表5')!;
    for (const mark of ['续表5', '续表 5：', '续表五', '续附表2', '续上表', '接上表', '（续表）', '（接上页）', '承前表', '（续）']) {
      const continued = mutate(text, at, `${at}\f${mark}\n单位：万元\n科目编码 科目名称 合计 基本支出 项目支出\n`);
      const t = reportOf(continued).tables.find((x) => x.id === '部门公开表5')!;
      expect([mark, t.rows.map((r) => [r.key, Object.values(r.cells).map((c) => c.raw), r.unplaced.length])]).toEqual([mark, clean.rows.map((r) => [r.key, Object.values(r.cells).map((c) => c.raw), r.unplaced.length])]);
    }
  });

  it('takes the unit from the title\'s own line, from a line of its own (万元, （元）), or from above the title', () => {
    const text = fixtureText('text/budget.txt');
    const unitOf = (t: string) => reportOf(t).tables.find((x) => x.id === '部门公开表5')!;
    const clean = unitOf(text);
    const heading = '一般公共预算支出表\n单位：万元\n';
    const variants = {
      // a sheet's title row with the unit cell at its right
      sameLine: '一般公共预算支出表                              单位：万元\n',
      sameLineParen: '一般公共预算支出表（单位：万元）\n',
      bare: '一般公共预算支出表\n                                        万元\n',
      above: '单位：万元\n一般公共预算支出表\n',
      renminbi: '一般公共预算支出表\n单位：人民币万元\n',
      renminbiSameLine: '一般公共预算支出表                    金额单位：人民币 万元\n',
    };
    // above the title, the header right under it opening with 功能科目 (江苏's 功能科目代码 功能科目名称)
    const jiangsu = mutate(text, '支出功能分类科目 2025年预算数\n\n科目编码 科目名称 合计 基本支出 项目支出\n', '功能科目代码 功能科目名称 合计 基本支出 项目支出\n');
    for (const [name, block] of [...Object.entries(variants), ['aboveJiangsu', variants.above]]) {
      const t = unitOf(mutate(name === 'aboveJiangsu' ? jiangsu : text, heading, block));
      expect([name, t.title, t.unit, t.rows.length]).toEqual([name, '一般公共预算支出表', '万元', clean.rows.length]);
    }
    // a header cell's unit wrapped onto a line of its own (预算数（ / 元）) is no unit line, nor is a lone 元
    for (const block of ['一般公共预算支出表\n元）\n', '一般公共预算支出表\n元\n']) expect(unitOf(mutate(text, heading, block)).unit).toBe('万元');
    // every unit a table is printed in: 元, 千元, 万元, 亿元 (a government's tables)
    expect(['元', '千元', '亿元'].map((u) => unitOf(mutate(text, heading, `一般公共预算支出表\n单位：${u}\n`)).unit)).toEqual(['元', '千元', '亿元']);
    expect(unitOf(mutate(text, heading, '一般公共预算支出表\n（亿元）\n')).unit).toBe('亿元');
  });

  it('reads a coded table\'s total row under the names other provinces print it by (总计, 合计数, 支出合计)', async () => {
    const text = fixtureText('text/budget.txt');
    const total = (t: string) => reportOf(t).tables.find((x) => x.id === '部门公开表5')!.rows.find((r) => r.kind === 'total');
    const clean = await lintText(text);
    for (const name of ['总计', '合计数', '支出合计']) {
      const renamed = mutate(text, '合　计 1215.34 448.58 766.77', `${name} 1215.34 448.58 766.77`);
      expect([name, total(renamed)?.key, Object.values(total(renamed)?.cells ?? {}).map((c) => c.raw)]).toEqual([name, '合计', ['1215.34', '448.58', '766.77']]);
      // not taken for the name of the row above, nor its figures for that row's
      expect([name, await lintText(renamed)]).toEqual([name, clean]);
    }
  });

  it('reads a 总表\'s 收入合计 / 支出合计 beside its 总计 rows as the year\'s totals (本年收入合计, 本年支出合计)', async () => {
    const text = fixtureText('text/budget.txt');
    const renamed = text.replace(/本\s*年\s*(收|支)\s*(入|出)\s*合\s*计/g, '$1$2合计');
    expect(renamed).not.toBe(text);
    const keys = (t: string) => reportOf(t).tables.find((x) => x.id === '部门公开表1')!.rows.filter((r) => r.kind === 'total').map((r) => [r.key, Object.values(r.cells).map((c) => c.raw)]);
    expect(keys(renamed)).toEqual(keys(text));
    expect(await lintText(renamed)).toEqual(await lintText(text));
  });

  it('reads a final account titled as in 陕西 and 云南, without its table numbers, the same as under its own', () => {
    const text = fixtureText('pdf/final-full.txt');
    const variant = retitled(
      text,
      { 收入决算表: '收入决算总表', 支出决算表: '支出决算总表', 财政拨款收入支出决算总表: '财政拨款收入支出决算表' },
      /^公开0\d表$/,
    );
    const numbersDropped = retitled(text, {}, /^公开0\d表$/);
    const report = reportOf(variant);
    expect(tablesOf(variant)).toEqual(tablesOf(numbersDropped));
    expect(report.tables.map((t) => t.id)).toEqual(['公开01', '公开02', '公开03', '公开04', '公开05', '公开06', '公开07', '公开08', '公开09']);
    expect(report.unknownTables).toEqual([]);
  });

  it('reads a table by its printed number under a title no kind has (云南: 公开01 收入支出决算表), and does not call it unknown', () => {
    const text = fixtureText('pdf/final-full.txt');
    const variant = retitled(text, { 收入支出决算总表: '收入支出决算表' });
    expect(variant).not.toBe(text);
    const report = reportOf(variant);
    expect(report.tables[0]).toMatchObject({ id: '公开01', title: '收入支出决算表' });
    expect(tablesOf(variant)).toEqual(tablesOf(text));
    expect(report.unknownTables).toEqual([]);
  });

  it('does not merge a table titled by unit (收入决算表（分单位）) into the one by subject under the same number: it is said unknown', () => {
    const text = fixtureText('pdf/final-full.txt');
    const byUnit = [
      '收入决算表（分单位）',
      '公开02表',
      '金额单位：万元',
      '单位代码\t单位名称\t本年收入合计\t财政拨款收入\t上级补助收入\t事业收入\t经营收入\t附属单位上缴收入\t其他收入',
      '合计\t\t12,366.72\t12,308.79\t0.00\t0.00\t0.00\t0.00\t57.93',
      '506001\t贵州省卫生项目管理办公室（本级）\t12,000.00\t11,942.07\t0.00\t0.00\t0.00\t0.00\t57.93',
      '506002\t贵州省卫生健康信息中心\t366.72\t366.72\t0.00\t0.00\t0.00\t0.00\t0.00',
      '',
    ].join('\n');
    const variant = mutate(retitled(text, { 收入决算表: '收入决算表（分科目）' }), '支出决算表\n公开03表\n', `${byUnit}\n支出决算表\n公开03表\n`);
    const report = reportOf(variant);
    expect(report.tables.find((t) => t.id === '公开02')).toMatchObject({ title: '收入决算表（分科目）', reading: { unplaced: 0, dropped: 0 } });
    expect(tablesOf(variant)).toEqual(tablesOf(text));
    expect(report.unknownTables.map((t) => t.title)).toEqual(['收入决算表（分单位）']);
    expect(kind('收入决算表(分单位)')).toBeNull();
    expect(kind('收入总表（分单位）')).toBe('部门公开表2');
  });

  it('does not read a second table of a kind under another of its titles (四川: …支出决算表 and …支出决算明细表) into the first: it is said', () => {
    const text = fixtureText('pdf/final-full.txt');
    const lines = text.split('\n');
    const [from, to] = [lines.indexOf('一般公共预算财政拨款支出决算表'), lines.indexOf('一般公共预算财政拨款基本支出决算明细表')];
    // the same rows again, under the 明细表 title and without the number; its 2080505 misprinted
    const second = ['一般公共预算财政拨款支出决算明细表', ...lines.slice(from + 1, to).filter((l) => l !== '公开05表')].map((l) => l.replace('58.06\t58.06', '58.06\t85.06'));
    const variant = [...lines.slice(0, to), ...second, ...lines.slice(to)].join('\n');
    const report = reportOf(variant);
    // before: its rows were read as the first's again, each said a repeated code, and the first's title said unread in part
    expect(tablesOf(variant)).toEqual(tablesOf(text));
    expect(report.notes).toEqual(reportOf(text).notes);
    expect(readingDiagnostics(report).map((d) => [d.ruleId, d.line, d.message])).toEqual([
      ['读取/不认识的表', to + 1, '「一般公共预算财政拨款支出决算明细表」与已读的「一般公共预算财政拨款支出决算表」同属 公开05 一类，本工具每类表只读一张，这张未读取，也未核对'],
    ]);
  });

  it('still reads a table whose title is repeated on the next page as one table', () => {
    const text = fixtureText('pdf/final-full.txt');
    const continued = mutate(text, '2101501\t行政运行\t490.63\t490.63\t0.00\n', '一般公共预算财政拨款支出决算表\n公开05表\n部门：贵州省卫生项目管理办公室\n金额单位：万元\n科目代码\t科目名称\t小计\t基本支出\t项目支出\n2101501\t行政运行\t490.63\t490.63\t0.00\n');
    expect(tablesOf(continued)).toEqual(tablesOf(text));
    expect(readingDiagnostics(reportOf(continued))).toEqual([]);
  });
});
