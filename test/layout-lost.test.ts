/**
 * Text extracted without its layout (`pdftotext` without -layout: fixtures/text/sample-budget.raw.txt
 * is the bundled sample PDF so extracted) breaks a table's rows apart: cells on lines of their
 * own, a column's amounts run together on one line. Such tables are said unread, each with why;
 * read by guess they gave ten false errors (总表/本年支出合计 0.00 against 2,430.68, 下级科目之和
 * 0.00 …). Text that keeps the layout is read as before.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { lintFile } from '../src/cli/lint.js';
import { builtinRules, FIXTURES, fixtureText, lintText, reportOf } from './helpers.js';
import type { Table } from '../src/model/index.js';

const RAW = 'text/sample-budget.raw.txt';
const WHY = '提取的文本没有保留表格的版面（单元格各占一行，或一栏的数字连成一行，如 pdftotext 未加 -layout），分不出各数字属于哪一行哪一栏；请检查 PDF，或按版面提取文本（pdftotext -layout）';

describe('a table whose layout the extraction lost', () => {
  it('is said unread, with why, and checked by no rule', async () => {
    expect(await lintText(fixtureText(RAW), RAW)).toEqual([]);
    const { diagnostics: ds } = await lintFile(path.join(FIXTURES, RAW), await builtinRules());
    expect(ds.map((d) => [d.ruleId, d.severity, d.page, d.line])).toEqual([
      ['读取/表格未能读取', 1, 2, 6],
      ['读取/表格未能读取', 1, 3, 70],
      ['读取/表格未能读取', 1, 4, 113],
      ['读取/表格未能读取', 1, 6, 278],
      ['读取/表格未能读取', 1, 7, 342],
      ['读取/表格未能读取', 1, 8, 436],
      // the 三公 grid, every gap one space: its 栏次 numbers (6 7) would be read as figures, in no known column
      ['读取/表格未能读取', 1, 10, 607],
    ]);
    expect(ds[0].message).toBe(`「收支总表」（第 2 页）未能读取：${WHY}；这张表的核对都已跳过`);
  });

  it('an empty table whose 栏次 numbers and zeros stand each on a line of its own', () => {
    // pdftotext's text of WeasyPrint's rendering: a row of it would take 1 2 3 4 5 0 for its figures
    const text = [
      '表7：政府性基金预算财政拨款收入支出决算表',
      '部门：贵州省卫生项目管理办公室',
      '科目代码',
      '栏次',
      '合计',
      '金额单位：万元',
      '科目名称',
      '年初结转和结余',
      '本年收入',
      '本年支出小计',
      '基本支出',
      '项目支出',
      ...['1', '2', '3', '4', '5', '0'],
      '注：本单位本年度没有政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出，故本表无数据。',
      ...['0', '0', '0'],
      '年末结转和结余',
      ...['6', '0', '0'],
    ].join('\n');
    const r = reportOf(text, 'empty.raw.txt');
    expect(r.tables.map((t) => [t.id, t.unread])).toEqual([['公开07', WHY]]);
  });

  it('an empty table whose header cells and 栏次 numbers stand each on a line (Calc, pdftotext): unread, no 合计 of 1 against 2 + 3', async () => {
    const text = ['部门公开表8', '政府性基金预算支出表', '部门：海东市医疗保障局', '科目代', '码', '栏次', '科目名', '称', '金额单位：万元', '合计', '基本支', '出', '项目支出', '1', '2', '3', '合计', '注：本单位2025年无政府性基金预算支出', ''].join('\n\n');
    expect(reportOf(text, 'empty.raw.txt').tables.map((t) => [t.id, t.unread])).toEqual([['部门公开表8', WHY]]);
    expect((await lintText(text, 'empty.raw.txt')).filter((d) => d.ruleId.startsWith('科目/'))).toEqual([]);
  });

  it('a table whose repeated header copies 栏次 / 1 / 2 / 3 a number to a line, its rows on lines of their own: read', () => {
    // PDFium's page text of a LibreOffice PDF: the header repeated on the table's second page
    const text = ['一般公共预算基本支出表', '部门公开表 6', '部门：海东市医疗保障局　　金额单位：万元', '科目代码 科目名称 合计 人员经费 公用经费', '栏次 1 2 3', '合计 5.28 5.28',
      '303 对个人和家庭的补助 5.28 5.28', '30302 退休费 4.62 4.62', '科目代码 科目名称 合计 人员经费 公用经费', '栏次', '1', '2', '3', '30307 医疗费补助 0.66 0.66', ''].join('\n');
    const t = reportOf(text).tables[0];
    expect([t.unread, t.rows.map((r) => r.key)]).toEqual([null, ['合计', '303', '30302', '30307']]);
  });

  it('an empty table whose 合计 label pdftotext reads amid the 栏次 numbers (栏次 / 1 / 合计 / 2 / 3, blank lines between): its zeros read, no figure said', async () => {
    // LibreOffice through pdftotext without -layout: 2 and 3 were read as the 合计 row's 小计 and
    // 基本支出, and its note's 本表无数据 was said to stand over figures
    const FILE = 'text/default-pdftotext-empty-table.txt';
    const text = fixtureText(FILE);
    const t = reportOf(text, FILE).tables[0];
    expect([t.id, t.unread, t.empty, t.rows.map((r) => [r.key, Object.values(r.cells).map((c) => c.raw)])]).toEqual(['公开08', null, true, [['合计', ['0.00', '0.00', '0.00']]]]);
    expect(await lintText(text, FILE)).toEqual([]);
  });

  it('a table whose figures the text broke apart (79 27. for 79.27, the point alone on the next line): unread, with why, no false sums', async () => {
    // pdftotext -layout of a cairo PDF: 30101 基本工资's 79.27 | 79.27 read as 79, 79 and 27, eleven false 行内分列合计
    const FILE = 'text/cairo-broken-figures.layout.txt';
    const { diagnostics: ds } = await lintFile(path.join(FIXTURES, FILE), await builtinRules());
    expect(ds.map((d) => [d.ruleId, d.line, d.message])).toEqual([
      ['读取/表格未能读取', 4, '「一般公共预算基本支出表」未能读取：6 行的数字在提取的文本中被拆开了（如「58.」），读不出各数；这张表的核对都已跳过'],
    ]);
    const r = reportOf(fixtureText(FILE), FILE);
    expect(r.notes.map((n) => n.message)[2]).toBe('部门公开表6: 「30101 基本工资」的数字在提取的文本中被拆开了（27.），读不出各数，本行不参与核对');
  });

  it('one row whose figure the text broke apart among rows read whole: that row left out and said, the rest checked', () => {
    const text = ['一般公共预算基本支出表', '部门公开表6', '部门：海东市医疗保障局   金额单位：万元', '科目代码   科目名称          合计      人员经费    公用经费',
      '           合计             448.58     404.56     44.02', '301        工资福利支出       399.28     399.28      0.00', '30101      基本工资            79 27.     79.27      0.00', '30102      津贴补贴            98.36      98.36      0.00', ''].join('\n');
    const t = reportOf(text).tables[0];
    expect([t.unread, t.rows.map((r) => r.key), t.reading]).toEqual([null, ['合计', '301', '30102'], { unplaced: 0, dropped: 1 }]);
  });

  it('an economic table whose lines end one row\'s cells and open the next\'s (450.03 30201): unread, no 301 against 307\'s figure', async () => {
    // Calc's sheet through pdftotext: 301's 1,542.87 stood after 307, and six 上下级合计 were said
    const text = ['公开表6 一般公共预算财政拨款基本支出决算表', '部门：青海省医疗保障局', '金额单位：万元', '人员经费', '科目代码', '科目名称', '公用经费', '决算数', '科目名称', '决算数', '科目代',
      '码', '商品和服务支出', '174.40', '307', '科目代码', '1,542.87 302', '科目名称', '301', '工资福利支出', '30101', '基本工资', '450.03 30201', '办公费', '15.56 30701 国内债务付息',
      '30102', '津贴补贴', '423.54 30202', '印刷费', '3.89 30702 国外债务付息', '30103', '奖金', '185.27 30203', '咨询费', '30106', '伙食补助费', '30204', '手续费',
      '0.45 31001 房屋建筑物购建', '30107', '绩效工资', '31.64 30205', '水费', '0.23 31002 办公设备购置', ''].join('\n');
    expect(reportOf(text, 'economic.raw.txt').tables.map((t) => [t.id, t.unread])).toEqual([['公开06', WHY]]);
    expect((await lintText(text, 'economic.raw.txt')).filter((d) => d.severity === 2 && d.ruleId !== '形式/必备表')).toEqual([]);
  });

  it('the same tables laid out as printed are read', () => {
    const laid = reportOf(fixtureText('pdf/sample-budget.txt'), 'sample-budget.txt');
    expect(laid.tables.filter((t) => t.unread !== null).map((t) => t.id)).toEqual([]);
    const raw = reportOf(fixtureText(RAW), RAW);
    expect(raw.tables.filter((t) => t.unread === WHY).map((t) => t.id)).toEqual(['部门公开表1', '部门公开表2', '部门公开表3', '部门公开表4', '部门公开表5', '部门公开表6', '部门公开表7']);
  });
});

describe('a header\'s last word over the next table\'s title (MuPDF\'s text of a Calc PDF, each cell a line)', () => {
  // 附属单 / 位上缴 / 收入, the 收入决算表's last header cell, then 支出决算表: read together they name
  // the 收入支出决算总表 (收入支出决算表), already read; the 支出决算表 was lost and said missing
  const text = [
    '某办公室2023年度部门决算', '', '收入支出决算总表', '编制单位：某办公室', '项目', '行次', '金额', '',
    '收入决算表', '', '编制单位：某办公室', '', '类', '款', '项', '科目名称', '财政拨款收入', '', '合计', '12,366.72', '12,308.79', '',
    '本年收入合计', '', '（万元）', '', '附属单', '位上缴', '收入', '', '', '支出决算表', '', '编制单位：某办公室', '', '类', '款', '项', '科目名称', '基本支出', '项目支出', '', '合计', '14,250.23', '648.29', '13,601.95', '',
  ].join('\n');

  it('opens the 支出决算表 at its own title', () => {
    const tables = reportOf(text).tables.map((t) => [t.id, t.title, t.loc.line]);
    expect(tables).toContainEqual(['公开03', '支出决算表', 32]);
    expect(tables.filter(([id]) => id === '公开01')).toEqual([['公开01', '收入支出决算总表', 3]]);
  });
});

describe('text that sets each row as a block of lines, its figures one to a line (MuPDF\'s and PyMuPDF\'s plain text)', () => {
  const MU = 'text/sample-budget.mutool.txt';
  const cellsOf = (r: { tables: Table[] }) =>
    new Map(r.tables.filter((t) => t.unread === null).flatMap((t) => t.rows.flatMap((row) => Object.entries(row.cells).filter(([, c]) => !c.blank).map(([k, c]) => [`${t.id}|${row.key}|${k}`, c.raw] as const))));

  it('reads the coded and two-sided tables by their blocks, each figure it places where the PDF has it', async () => {
    const text = reportOf(fixtureText(MU), MU);
    expect(text.tables.filter((t) => t.unread === null && t.rows.length).map((t) => t.id)).toEqual(['部门公开表1', '部门公开表3', '部门公开表4', '部门公开表5', '部门公开表6', '部门公开表8', '部门公开表9']);
    const pdf = (await lintFile(path.join(FIXTURES, 'sample/budget-2025.pdf'), await builtinRules())).report!;
    const fromPdf = cellsOf(pdf);
    const fromText = [...cellsOf(text)];
    expect(fromText.length).toBeGreaterThan(100);
    expect(fromText.filter(([k, v]) => fromPdf.get(k)?.replace(/,/g, '') !== v.replace(/,/g, ''))).toEqual([]);
  });

  it('finds the sample\'s three errors, as the PDF does', async () => {
    const ds = (await lintText(fixtureText(MU), MU)).filter((d) => d.severity === 2);
    expect(ds.map((d) => [d.ruleId, d.actual, d.expected])).toEqual([
      ['表间/预算科目支出不少于财政拨款', '0.00 万元', '32.44 万元'],
      ['科目/上下级合计', '63.25 万元', '62.24 万元'],
      // the economic table's codes stand a part to a line (301 / 01 / 基本工资): the PDF's third error
      ['科目/上下级合计', '399.28 万元', '447.93 万元'],
    ]);
  });

  it('says unread a table whose header\'s names stand each on a line in an order not the form\'s (基本支出 / 项目支出 / 小计), its rows not adding up as read', () => {
    // mutool's text of layout-spanning.calc.pdf: read in the form's order, 合计 1,295.56 | 100.55 | 1,396.11 took 项目支出 for 小计
    const block = (code: string, name: string, ...figures: string[]) => [code, name, ...figures, ''];
    const text = ['一般公共预算财政拨款支出决算表', '公开05表', '部门：河西县市场监督管理局', '单位：万元', '', '科目编码', '科目名称', '基本支出', '项目支出', '小计', '',
      '合计', '1,295.56', '100.55', '1,396.11', '', ...block('201', '一般公共服务支出', '1,042.83', '100.55', '1,143.38'), ...block('20138', '市场监督管理事务', '1,042.83', '100.55', '1,143.38'),
      ...block('2013801', '行政运行', '862.45', '0.00', '862.45'), ...block('2013802', '一般行政管理事务', '0.00', '45.20', '45.20')].join('\n');
    const t = reportOf(text, 'spanning.mutool.txt').tables[0];
    expect([t.id, t.unread]).toEqual(['公开05', '4 行印有合计与分栏，其中 4 行的合计与各分栏之和对不上：表头各栏的名称各占一行，看不出它们的次序和层级，读出的各栏可能不是表中的各栏']);
  });

  it('reads a row whose code and name stand each on a line, its figures right under the name (MuPDF\'s cells)', () => {
    const text = ['一般公共预算财政拨款支出决算表', '公开05表', '部门：贵州省卫生项目管理办公室 金额单位：万元', '科目编码', '科目名称', '小计', '基本支出', '项目支出', '',
      '合计', '357.80', '357.80', '0.00', '', '208', '社会保障和就业支出', '357.80', '357.80', '0.00', '', '20805', '行政事业单位养老支出', '73.90', '73.90', '0.00', '',
      '2080505', '机关事业单位基本养老保险缴费', '', '支出', '58.06', '58.06', '0.00', '', '2080501', '行政单位离退休', '15.84', '15.84', '0.00', ''].join('\n');
    const t = reportOf(text, 'cells.mutool.txt').tables[0];
    expect([t.unread, t.rows.map((r) => `${r.key} ${r.name} ${r.cells['小计']?.raw}`)]).toEqual([null, ['合计 合计 357.80', '208 社会保障和就业支出 357.80', '20805 行政事业单位养老支出 73.90', '2080505 机关事业单位基本养老保险缴费支出 58.06', '2080501 行政单位离退休 15.84']]);
  });

  it('says unread a table whose 基本支出 is printed as 小计 | 人员经费 | 公用经费, the header\'s names each on a line: no false 行内分列合计', async () => {
    // mutool's text of a structural variant: 64.22 = 64.22 + 51.38 + 12.84 + 0.00 was said 29 times
    const text = ['支出总表', '部门公开表3', '部门：海东市医疗保障局 金额单位：万元', '公用经', '', '费', '', '科目代码', '科目名称', '合计', '', '基本支出', '', '项目支出', '', '小计', '人员经费', '',
      '栏次', '1', '2', '3', '4', '5', '', '合计', '1,182.90', '416.13', '332.90', '83.23', '766.77', '', '208', '社会保障和就业支出', '64.22', '64.22', '51.38', '12.84', '0.00', '',
      '20805', '行政事业单位养老支出', '63.25', '63.25', '50.60', '12.65', '0.00', '', '2101599', '其他医疗保障管理事务支出', '622.48', '0.00', '0.00', '0.00', '622.48', ''].join('\n');
    const t = reportOf(text, 'structural.mutool.txt').tables[0];
    expect([t.id, t.unread]).toEqual(['部门公开表3', '3 行印有合计与分栏，其中 3 行的合计与各分栏之和对不上：表头各栏的名称各占一行，看不出它们的次序和层级，读出的各栏可能不是表中的各栏']);
    expect((await lintText(text, 'structural.mutool.txt')).filter((d) => d.ruleId.startsWith('科目/'))).toEqual([]);
  });

  it('keeps a table unread whose figures stand after a blank line, in no row\'s order (pdftotext without -layout: 30299 / 其他商品和服务 / 支出 / 307 / … / 14.98)', () => {
    const text = ['机关运行经费支出情况表', '公开10表', '部门：青海省医疗保障局 金额单位：万元', '科目代码', '', '科目名称', '', '决算数', '', '合计', '', '175.28', '302 商品和服务支出', '', '174.40', '',
      '30201 办公费', '', '15.56', '', '30299', '', '其他商品和服务', '支出', '', '307', '', '债务利息及费用', '支出', '', '14.98', '', '310 资本性支出', '', '0.88', ''].join('\n');
    expect(reportOf(text, 'narrow.raw.txt').tables.map((t) => [t.id, t.unread])).toEqual([['公开10', WHY]]);
  });

  it('keeps a table unread where a row\'s figures stand on lines of two and three (pdftotext without -layout)', () => {
    const text = ['收入决算表', '公开02表', '部门：贵州省卫生项目管理办公室 金额单位：万元', '科目代', '本年收入合 财政拨款收 上级补助 事业收 经营收 附属单位上缴 其他收', '科目名称', '栏次', '1', '2', '3', '4', '5', '6', '7',
      '合计', '12,366.72 12,308.79', '0.00 0.00 0.00', '0.00 57.93', '208 社会保障和就业支出', '357.80', '357.80', '0.00 0.00 0.00', '0.00 0.00',
      '20805 行政事业单位养老支出', '73.90', '73.90', '0.00 0.00 0.00', '0.00 0.00', ''].join('\n');
    expect(reportOf(text, 'chromium.raw.txt').tables.map((t) => [t.id, t.unread])).toEqual([['公开02', WHY]]);
  });
});
