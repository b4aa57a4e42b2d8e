/**
 * Layouts read from a producer the readers were not fitted to: small disclosures laid out as
 * spreadsheets and exported by LibreOffice Calc (scripts/make-layout-fixtures.mjs renders
 * fixtures/calc-src/*.yaml into fixtures/pdf/layout-*.calc.pdf). Each fixture carries one
 * planted mistake (marked in its source) or none, and the tables a small document leaves out.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lintFile, type LintOutcome } from '../src/cli/lint.js';
import type { Diagnostic } from '../src/rules/index.js';
import type { Report, Row, Table } from '../src/model/index.js';
import { readFileSync } from 'node:fs';
import { readDocument, splitLines } from '../src/ingest/index.js';
import { buildReport } from '../src/model/index.js';
import { runRules } from '../src/rules/index.js';
import { builtinRules, FIXTURES } from './helpers.js';
import { content, placeless } from './model-content.js';
import { expectTextAsPdf, readFixture } from './calc-fixtures.js';
import { THREE_PUBLIC, threePublic, ZEROS_SUMMARY, zerosSummary } from './layouts-zeros.js';

const PDF = (name: string) => path.join(FIXTURES, 'pdf', `${name}.calc.pdf`);

async function lint(name: string): Promise<{ report: Report; diagnostics: Diagnostic[] }> {
  const out: LintOutcome = await lintFile(PDF(name), await builtinRules());
  expect(out.fatal).toBeNull();
  return { report: out.report!, diagnostics: out.diagnostics };
}

/** each table: kind, printed number, rows, and whether anything was left unread */
const tablesOf = (r: Report) => r.tables.map((t) => [t.id, t.printedId, t.rows.length, t.unread, t.reading.unplaced + t.reading.dropped]);
const table = (r: Report, id: string): Table => r.tables.find((t) => t.id === id)!;
const row = (t: Table, key: string): Row => t.rows.find((x) => x.key === key)!;
/** a row's cells as printed ('' for an empty cell) */
const printed = (x: Row) => Object.fromEntries(Object.entries(x.cells).map(([k, c]) => [k, c.raw]));
/** the tables of its family a document lacks, as 形式/必备表 says */
const missing = (ds: Diagnostic[]) => ds.filter((d) => d.ruleId === '形式/必备表').map((d) => d.message);
/** every other diagnostic, where and by how much */
const findings = (ds: Diagnostic[]) =>
  ds
    .filter((d) => d.ruleId !== '形式/必备表')
    .map((d) => ({ ruleId: d.ruleId, severity: d.severity, page: d.page, line: d.line, table: d.table, row: d.row, column: d.tableColumn, actual: d.actual, expected: d.expected, difference: d.difference }));

describe('layout-codes: codes in 类/款/项 columns, two-sided 总表 without 行次 (Calc)', () => {
  let report: Report;
  let diagnostics: Diagnostic[];
  beforeAll(async () => ({ report, diagnostics } = await lint('layout-codes')), 30000);

  it('finds every table under its kind, the document by its cover', () => {
    expect([report.kind, report.year, report.department, report.unit, report.family?.id]).toEqual(['预算', 2025, '河西县农业农村局', '万元', '部门预算（九张表）']);
    expect(tablesOf(report)).toEqual([
      ['部门公开表1', '部门公开表1', 23, null, 0],
      ['部门公开表3', '部门公开表3', 21, null, 0],
      ['部门公开表4', '部门公开表4', 18, null, 0],
      ['部门公开表5', '部门公开表5', 21, null, 0],
      ['部门公开表6', '部门公开表6', 29, null, 0],
    ]);
  });

  it('joins a function code printed as 213 | 01 | 04 and puts the row under its 款', () => {
    const spending = table(report, '部门公开表3');
    expect(spending.rows.map((x) => x.key)).toEqual([
      '合计', '208', '20805', '2080505', '2080506', '210', '21011', '2101101', '2101103',
      '213', '21301', '2130101', '2130104', '2130108', '2130122', '2130199', '21305', '2130504', '221', '22102', '2210201',
    ]);
    const x = row(spending, '2130104');
    expect([x.name, x.level, x.parent, printed(x)]).toEqual(['事业运行', 3, '21301', { 合计: '186.30', 基本支出: '186.30', 项目支出: '' }]);
    expect(printed(row(spending, '合计'))).toEqual({ 合计: '1,142.78', 基本支出: '709.28', 项目支出: '433.50' });
  });

  it('joins an economic code printed as 302 | 31', () => {
    const basic = table(report, '部门公开表6');
    const x = row(basic, '30231');
    expect([x.name, x.level, x.parent, printed(x)]).toEqual(['公务用车运行维护费', 2, '302', { 合计: '16.00', 人员经费: '', 公用经费: '16.00' }]);
    expect(printed(row(basic, '合计'))).toEqual({ 合计: '709.28', 人员经费: '548.18', 公用经费: '161.10' });
    expect(basic.rows.filter((r) => r.level === 1).map((r) => r.key)).toEqual(['301', '302', '303']);
  });

  it('reads both halves of a 总表 row without 行次 by where they stand', () => {
    const summary = table(report, '部门公开表1');
    expect(summary.rows.map((x) => `${x.key}=${Object.values(x.cells)[0]?.raw ?? ''}`)).toEqual([
      '收入:一般公共预算拨款收入=1,142.78',
      '支出:一般公共服务支出=',
      '收入:政府性基金预算拨款收入=',
      '支出:教育支出=',
      '收入:国有资本经营预算拨款收入=',
      '支出:科学技术支出=',
      '收入:财政专户管理资金收入=',
      '支出:社会保障和就业支出=53.76',
      '收入:事业收入=',
      '支出:卫生健康支出=27.84',
      '收入:上级补助收入=',
      '支出:节能环保支出=',
      '收入:附属单位上缴收入=',
      '支出:农林水支出=1,032.38',
      '收入:事业单位经营收入=',
      '支出:住房保障支出=28.80',
      '收入:其他收入=',
      '收入:本年收入合计=1,142.78',
      '支出:本年支出合计=1,142.78',
      '收入:上年结转=',
      '支出:结转下年=',
      '收入:总计=1,142.78',
      '支出:总计=1,142.78',
    ]);
    expect(row(summary, '支出:农林水支出').code).toBe('213');
  });

  it('reads the four amount columns that 预算数 spans on the expenditure half of 表4', () => {
    const grants = table(report, '部门公开表4');
    expect(grants.columns.map((c) => c.key)).toEqual(['收入金额', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款']);
    expect(printed(row(grants, '支出:农林水支出'))).toEqual({ 合计: '1,032.38', 一般公共预算财政拨款: '1,032.38', 政府性基金预算财政拨款: '', 国有资本经营预算财政拨款: '' });
    expect(printed(row(grants, '支出:总计'))).toEqual({ 合计: '1,142.78', 一般公共预算财政拨款: '1,142.78', 政府性基金预算财政拨款: '', 国有资本经营预算财政拨款: '' });
    expect(grants.rows.filter((x) => x.kind === 'carry-detail').map((x) => x.key)).toEqual([
      '收入:年初结转和结余/一般公共预算拨款',
      '收入:年初结转和结余/政府性基金预算拨款',
      '收入:年初结转和结余/国有资本经营预算拨款',
    ]);
  });

  it('says only the planted mistake (2130122 项目支出 102.00 for 120.00) and the tables it leaves out', () => {
    expect(missing(diagnostics)).toEqual([
      '未找到「收入总表」（部门公开表2）',
      '未找到「一般公共预算“三公”经费支出表」（部门公开表7）',
      '未找到「政府性基金预算支出表」（部门公开表8）',
      '未找到「国有资本经营预算支出表」（部门公开表9）',
    ]);
    expect(findings(diagnostics)).toEqual([
      { ruleId: '科目/上下级合计', severity: 2, page: 5, line: 17, table: '部门公开表5', row: '21301', column: '项目支出', actual: '173.50 万元', expected: '155.50 万元', difference: '18.00 万元' },
      { ruleId: '科目/行内分列合计', severity: 2, page: 5, line: 21, table: '部门公开表5', row: '2130122', column: '合计', actual: '120.00 万元', expected: '102.00 万元', difference: '18.00 万元' },
    ]);
  });
});

describe('layout-spanning: 本年支出 over its parts, the total last, a three-row 三公 header (Calc)', () => {
  let report: Report;
  let diagnostics: Diagnostic[];
  beforeAll(async () => ({ report, diagnostics } = await lint('layout-spanning')), 30000);

  it('finds every table under its kind', () => {
    expect([report.kind, report.year, report.department, report.unit]).toEqual(['决算', 2024, '河西县市场监督管理局', '万元']);
    expect(tablesOf(report)).toEqual([
      ['公开03', '公开03表', 18, null, 0],
      ['公开05', '公开05表', 18, null, 0],
      ['公开09', '公开09表', 1, null, 0],
    ]);
  });

  it('reads the columns under 本年支出, not 本年支出 itself, as the table\'s columns', () => {
    const spending = table(report, '公开03');
    expect([spending.columns.map((c) => c.key), spending.columnSource]).toEqual([['本年支出合计', '基本支出', '项目支出'], 'header']);
    expect(printed(row(spending, '合计'))).toEqual({ 本年支出合计: '1,426.11', 基本支出: '1,325.56', 项目支出: '100.55' });
    expect(printed(row(spending, '2013850'))).toEqual({ 本年支出合计: '210.38', 基本支出: '210.38', 项目支出: '0.00' });
  });

  it('takes the header\'s order where the total comes last (基本支出 | 项目支出 | 小计)', () => {
    const general = table(report, '公开05');
    expect([general.columns.map((c) => [c.key, !!c.total]), general.columnSource]).toEqual([[['基本支出', false], ['项目支出', false], ['小计', true]], 'header']);
    expect(printed(row(general, '合计'))).toEqual({ 基本支出: '1,295.56', 项目支出: '100.55', 小计: '1,396.11' });
    expect(printed(row(general, '2013850'))).toEqual({ 基本支出: '180.38', 项目支出: '0.00', 小计: '180.38' });
  });

  it('names each figure of the 三公 grid by the cells stacked above it', () => {
    expect(printed(table(report, '公开09').rows[0])).toEqual({
      '预算数.合计': '12.00',
      '预算数.因公出国（境）费': '0.00',
      '预算数.公务用车购置及运行维护费': '8.00',
      '预算数.公务用车购置费': '0.00',
      '预算数.公务用车运行维护费': '8.00',
      '预算数.公务接待费': '4.00',
      '决算数.合计': '10.46',
      '决算数.因公出国（境）费': '0.00',
      '决算数.公务用车购置及运行维护费': '7.62',
      '决算数.公务用车购置费': '0.00',
      '决算数.公务用车运行维护费': '7.62',
      '决算数.公务接待费': '2.84',
    });
  });

  it('says only the planted mistake (2013816 项目支出 37.65 for 36.75) and the tables it leaves out', () => {
    expect(missing(diagnostics)).toEqual([
      '未找到「收入支出决算总表」（公开01）',
      '未找到「收入决算表」（公开02）',
      '未找到「财政拨款收入支出决算总表」（公开04）',
      '未找到「一般公共预算财政拨款基本支出决算明细表」（公开06）',
      '未找到「政府性基金预算财政拨款收入支出决算表」（公开07）',
      '未找到「国有资本经营预算财政拨款支出决算表」（公开08）',
    ]);
    expect(findings(diagnostics)).toEqual([
      { ruleId: '科目/上下级合计', severity: 2, page: 3, line: 9, table: '公开05', row: '20138', column: '项目支出', actual: '100.55 万元', expected: '101.45 万元', difference: '0.90 万元' },
      { ruleId: '科目/行内分列合计', severity: 2, page: 3, line: 13, table: '公开05', row: '2013816', column: '小计', actual: '36.75 万元', expected: '37.65 万元', difference: '0.90 万元' },
    ]);
  });
});

describe('layout-continued: tables run onto the next page with and without their header (Calc)', () => {
  let report: Report;
  let diagnostics: Diagnostic[];
  beforeAll(async () => ({ report, diagnostics } = await lint('layout-continued')), 30000);

  it('keeps each table whole across its page break', () => {
    expect([report.kind, report.year, report.department]).toEqual(['预算', 2025, '河西县文化广播电视和旅游局']);
    expect(tablesOf(report)).toEqual([
      ['部门公开表3', '部门公开表3', 28, null, 0],
      ['部门公开表5', '部门公开表5', 28, null, 0],
      ['部门公开表6', '部门公开表6', 32, null, 0],
    ]);
  });

  it('reads the rows of a page that starts without any header in the columns of the page before', () => {
    const spending = table(report, '部门公开表3');
    const first = row(spending, '2070204');
    expect([first.loc.page, first.parent, printed(first)]).toEqual([3, '20702', { 合计: '86.00', 基本支出: '', 项目支出: '86.00' }]);
    expect(printed(row(spending, '2070205'))).toEqual({ 合计: '86.00', 基本支出: '73.60', 项目支出: '12.40' });
    expect(spending.rows.filter((x) => x.loc.page === 3).length).toBe(15);
  });

  it('does not take a header repeated on the next page for a row', () => {
    const general = table(report, '部门公开表5');
    const first = row(general, '2080505');
    expect([first.loc.page, first.parent, printed(first)]).toEqual([5, '20805', { 合计: '62.40', 基本支出: '62.40', 项目支出: '' }]);
    expect(general.rows.map((x) => x.key)).toEqual(table(report, '部门公开表3').rows.map((x) => x.key));
    const basic = table(report, '部门公开表6');
    const next = row(basic, '30209');
    expect([next.loc.page, next.parent, printed(next)]).toEqual([7, '302', { 合计: '9.50', 人员经费: '', 公用经费: '9.50' }]);
    expect(basic.rows.filter((x) => x.loc.page === 7).map((x) => x.key)).toEqual([
      '30209', '30211', '30213', '30215', '30216', '30217', '30228', '30229', '30231', '30299', '303', '30302', '30305', '30309',
    ]);
  });

  it('says only the planted mistake on the second page (2080506 基本支出 24.69 for 24.96) and the tables it leaves out', () => {
    expect(missing(diagnostics)).toEqual([
      '未找到「收支总表」（部门公开表1）',
      '未找到「收入总表」（部门公开表2）',
      '未找到「财政拨款收支总表」（部门公开表4）',
      '未找到「一般公共预算“三公”经费支出表」（部门公开表7）',
      '未找到「政府性基金预算支出表」（部门公开表8）',
      '未找到「国有资本经营预算支出表」（部门公开表9）',
    ]);
    expect(findings(diagnostics)).toEqual([
      { ruleId: '科目/上下级合计', severity: 2, page: 3, line: 6, table: '部门公开表3', row: '20805', column: '基本支出', actual: '87.36 万元', expected: '87.09 万元', difference: '0.27 万元' },
      { ruleId: '科目/行内分列合计', severity: 2, page: 3, line: 8, table: '部门公开表3', row: '2080506', column: '合计', actual: '24.96 万元', expected: '24.69 万元', difference: '0.27 万元' },
    ]);
  });
});

describe('layout-sangong: a 三公 grid under a two-row header, 预算数 over its parts (Calc)', () => {
  let report: Report;
  let diagnostics: Diagnostic[];
  beforeAll(async () => ({ report, diagnostics } = await lint('layout-sangong')), 30000);

  it('finds every table under its kind', () => {
    expect([report.kind, report.year, report.department]).toEqual(['预算', 2025, '河西县司法局']);
    expect(tablesOf(report)).toEqual([
      ['部门公开表5', '部门公开表5', 19, null, 0],
      ['部门公开表6', '部门公开表6', 24, null, 0],
      ['部门公开表7', '部门公开表7', 1, null, 0],
    ]);
  });

  it('names 购置费 and 运行费 by the cell spanning them, and leaves their unprinted subtotal out', () => {
    expect(printed(table(report, '部门公开表7').rows[0])).toEqual({
      '本年预算数.合计': '18.60',
      '本年预算数.因公出国（境）费': '0.00',
      '本年预算数.公务用车购置费': '0.00',
      '本年预算数.公务用车运行维护费': '12.40',
      '本年预算数.公务接待费': '6.20',
    });
  });

  it('reads the columns 2025年预算数 spans', () => {
    const general = table(report, '部门公开表5');
    expect([general.columns.map((c) => c.key), general.columnSource]).toEqual([['合计', '基本支出', '项目支出'], 'header']);
    expect(printed(row(general, '2040604'))).toEqual({ 合计: '42.50', 基本支出: '', 项目支出: '42.50' });
    const basic = table(report, '部门公开表6');
    expect([basic.columns.map((c) => c.key), basic.columnSource]).toEqual([['合计', '人员经费', '公用经费'], 'header']);
    expect(printed(row(basic, '30217'))).toEqual({ 合计: '6.20', 人员经费: '', 公用经费: '6.20' });
  });

  it('says only the planted mistake (表6 合计 公用经费 58.26 for 58.62) and the tables it leaves out', () => {
    expect(missing(diagnostics)).toEqual([
      '未找到「收支总表」（部门公开表1）',
      '未找到「收入总表」（部门公开表2）',
      '未找到「支出总表」（部门公开表3）',
      '未找到「财政拨款收支总表」（部门公开表4）',
      '未找到「政府性基金预算支出表」（部门公开表8）',
      '未找到「国有资本经营预算支出表」（部门公开表9）',
    ]);
    expect(findings(diagnostics)).toEqual([
      { ruleId: '科目/行内分列合计', severity: 2, page: 3, line: 7, table: '部门公开表6', row: '合计', column: '合计', actual: '479.92 万元', expected: '479.56 万元', difference: '0.36 万元' },
      { ruleId: '科目/上下级合计', severity: 2, page: 3, line: 7, table: '部门公开表6', row: '合计', column: '公用经费', actual: '58.26 万元', expected: '58.62 万元', difference: '0.36 万元' },
    ]);
  });
});

describe('layout-zeros: zero cells printed 0.00, 0, - and blank in one table (Calc)', () => {
  let report: Report;
  let diagnostics: Diagnostic[];
  beforeAll(async () => ({ report, diagnostics } = await lint('layout-zeros')), 30000);

  /** a row's cells as figures: whatever way a zero is printed, it is 0 */
  const values = (x: Row) => Object.fromEntries(Object.entries(x.cells).map(([k, c]) => [k, c.value]));

  it('finds every table under its kind', () => {
    expect([report.kind, report.year, report.department]).toEqual(['预算', 2025, '河西县自然资源局']);
    expect(tablesOf(report)).toEqual([
      ['部门公开表1', '部门公开表1', 25, null, 0],
      ['部门公开表3', '部门公开表3', 19, null, 0],
      ['部门公开表5', '部门公开表5', 19, null, 0],
      ['部门公开表7', '部门公开表7', 1, null, 0],
    ]);
  });

  it('reads a zero in each of its forms in its own column of a coded table', () => {
    const spending = table(report, '部门公开表3');
    const zeros = { 事业单位经营支出: 0, 上缴上级支出: 0, 对附属单位补助支出: 0 };
    // 68.00 | - | 68.00 | 0 | (blank) | 0.00
    const planning = row(spending, '2200104');
    expect(values(planning)).toEqual({ 合计: 68, 基本支出: 0, 项目支出: 68, ...zeros });
    expect([planning.cells['事业单位经营支出'].raw, planning.cells['对附属单位补助支出'].raw]).toEqual(['0', '0.00']);
    // 145.50 | 0 | 145.50 | (blank) | - | 0.00
    expect(values(row(spending, '2200106'))).toEqual({ 合计: 145.5, 基本支出: 0, 项目支出: 145.5, ...zeros });
    // 96.20 | (blank) | 96.20 | 0.00 | 0.00 | -
    expect(values(row(spending, '2200109'))).toEqual({ 合计: 96.2, 基本支出: 0, 项目支出: 96.2, ...zeros });
    // 238.75 | 238.75 | - | (blank) | 0 | 0
    expect(values(row(spending, '2200150'))).toEqual({ 合计: 238.75, 基本支出: 238.75, 项目支出: 0, ...zeros });
    expect(printed(row(spending, '合计'))).toMatchObject({ 合计: '1,277.91', 基本支出: '948.21', 项目支出: '329.70', 事业单位经营支出: '0.00', 上缴上级支出: '0' });
    const general = table(report, '部门公开表5');
    expect(general.rows.map((x) => values(x)['项目支出'])).toEqual([279.7, 0, 0, 0, 0, 0, 0, 0, 279.7, 279.7, 0, 68, 145.5, 46.2, 0, 20, 0, 0, 0]);
  });

  it('is silent: every table is consistent, whichever way its zeros are printed', () => {
    expect(missing(diagnostics)).toEqual([
      '未找到「收入总表」（部门公开表2）',
      '未找到「财政拨款收支总表」（部门公开表4）',
      '未找到「一般公共预算基本支出表」（部门公开表6）',
      '未找到「政府性基金预算支出表」（部门公开表8）',
      '未找到「国有资本经营预算支出表」（部门公开表9）',
    ]);
    expect(findings(diagnostics)).toEqual([]);
  });
});

describe('text versions (tab-separated, as Calc saves a sheet as text)', () => {
  const read = async (file: string) => buildReport(await readDocument(path.join(FIXTURES, 'pdf', file)));

  it('layout-continued.txt gives the model and the diagnostics of its PDF', async () => {
    const [fromPdf, fromText] = await Promise.all([read('layout-continued.calc.pdf'), read('layout-continued.txt')]);
    expect(content(fromText)).toEqual(content(fromPdf));
    const rules = await builtinRules();
    expect(placeless(runRules(fromText, rules))).toEqual(placeless(runRules(fromPdf, rules)));
  }, 30000);

  it('layout-codes.txt: codes in 类 / 款 / 项 cells of their own (208\\t05\\t05) give the model and the diagnostics of its PDF', async () => {
    await expectTextAsPdf('layout-codes');
  }, 30000);

  it('layout-zeros.txt: the 总表 with zeros printed four ways, and the coded tables as its PDF gives them', async () => {
    const [fromPdf, fromText] = await Promise.all([read('layout-zeros.calc.pdf'), read('layout-zeros.txt')]);
    expect(zerosSummary(fromText)).toEqual(ZEROS_SUMMARY);
    const coded = (r: typeof fromPdf) => content(r).filter((t) => ['部门公开表3', '部门公开表5'].includes(t.id));
    expect(coded(fromText)).toEqual(coded(fromPdf));
  }, 30000);
});

describe('zero cells printed `-` (layout-zeros.calc.pdf)', () => {
  it('a `-` in a two-sided 总表 is an empty amount, not a word joining the names beside it', async () => {
    expect(zerosSummary(buildReport(await readDocument(path.join(FIXTURES, 'pdf', 'layout-zeros.calc.pdf'))))).toEqual(ZEROS_SUMMARY);
  });

  it('a narrow `0` under 购置费 in a 三公 grid is 购置费, not the 公务用车购置及运行费 spanning it', async () => {
    expect(threePublic(buildReport(await readDocument(path.join(FIXTURES, 'pdf', 'layout-zeros.calc.pdf'))))).toEqual(THREE_PUBLIC);
  });
});

describe('the text versions of the 三公 grids (tab-separated) give the model of their PDF', () => {
  const read = readFixture;

  it('layout-spanning.txt: 公开05 whose header puts its total last (基本支出 项目支出 小计)', async () => {
    await expectTextAsPdf('layout-spanning');
  });

  it('layout-sangong.txt: a 三公 grid of one group, 购置费 and 运行费 without their subtotal', async () => {
    await expectTextAsPdf('layout-sangong');
  });

  it('layout-zeros.txt: the 三公 grid with `-` and `0`', async () => {
    expect(threePublic(await read('layout-zeros.txt'))).toEqual(THREE_PUBLIC);
  });

  it('layout-sangong-meetings: 江苏 三公 grid with 会议费 and 培训费, its planted 合计 found in PDF and text alike', async () => {
    await expectTextAsPdf('layout-sangong-meetings');
    const ds = runRules(await read('layout-sangong-meetings.calc.pdf'), await builtinRules()).filter((d) => d.ruleId !== '形式/必备表');
    expect(ds.map((d) => [d.ruleId, d.page, d.actual, d.expected])).toEqual([['三公/含会议费培训费合计', 2, '1,417.70 万元', '1,471.70 万元']]);
  });
});

/**
 * A column too narrow for its figures (Calc, as Excel): layout-hashed prints them ###; layout-exponent
 * (in 元, General-format cells) 1.1E+07 and 1E+07, while the narrower ones print whole (537600).
 * Read as blanks, the two ### gave six errors of 0.00; read as figures, each 1.1E+07 was two (1.1
 * and 07), and its row dropped as four figures under three columns.
 */
describe.each([
  { name: 'layout-hashed', mark: '「###」（栏宽不够，数字没有印出来，公开的表上也看不到）', amounts: ['173.50 万元', '155.50 万元', '120.00 万元', '102.00 万元', '18.00 万元'] },
  { name: 'layout-exponent', mark: '「1.1E+07」（科学记数法：栏宽不够，只印出了前几位，公开的表上也看不到准确的数）', amounts: ['1,735,000.00 元', '1,555,000.00 元', '1,200,000.00 元', '1,020,000.00 元', '180,000.00 元'] },
])('$name: figures too wide for their column, not printed whole (Calc)', ({ name, mark, amounts }) => {
  let report: Report;
  let diagnostics: Diagnostic[];
  beforeAll(async () => ({ report, diagnostics } = await lint(name)), 30000);

  it('leaves the table unread, saying where and what was printed, and reads the others as layout-codes', () => {
    expect(tablesOf(report)).toEqual([
      ['部门公开表1', '部门公开表1', 23, null, 0],
      ['部门公开表4', '部门公开表4', 18, null, 0],
      ['部门公开表5', '部门公开表5', 21, null, 0],
      ['部门公开表6', '部门公开表6', 29, null, 0],
      ['部门公开表3', '部门公开表3', 0, `第 3 页第 7 行等 2 处的数字印成了${mark}`, 0],
    ]);
  });

  it('says the table unread and finds the planted mistake of 表5, and nothing from the figures not printed', () => {
    const [parent, children, total, parts, difference] = amounts;
    expect(findings(diagnostics)).toEqual([
      { ruleId: '读取/表格未能读取', severity: 1, page: 3, line: 1, table: '部门公开表3', row: undefined, column: undefined, actual: undefined, expected: undefined, difference: undefined },
      { ruleId: '科目/上下级合计', severity: 2, page: 5, line: 17, table: '部门公开表5', row: '21301', column: '项目支出', actual: parent, expected: children, difference },
      { ruleId: '科目/行内分列合计', severity: 2, page: 5, line: 21, table: '部门公开表5', row: '2130122', column: '合计', actual: total, expected: parts, difference },
    ]);
  });
});

/** each row of each table: its key, name and figures as printed and as read */
const rowsOf = (r: Report) => r.tables.map((t) => [t.id, t.columns.map((c) => c.key), t.rows.map((x) => [x.key, x.label, printed(x), Object.values(x.cells).map((c) => c.value)])]);

/** the fixture reads as another (layout-codes): the same tables, columns, rows, names and figures, and the same findings */
async function expectReadAs(name: string, as = 'layout-codes', linesMoved = 0) {
  const [codes, other] = await Promise.all([lint(as), lint(name)]);
  expect(tablesOf(other.report)).toEqual(tablesOf(codes.report));
  expect(rowsOf(other.report)).toEqual(rowsOf(codes.report));
  // a page's lines may stand lower by `linesMoved` (a line printed over each page's own)
  const moved = (f: ReturnType<typeof findings>[number]) => ({ ...f, line: f.line === undefined || f.line === 1 ? f.line : f.line + linesMoved });
  expect(findings(other.diagnostics)).toEqual(findings(codes.diagnostics).map(moved));
  expect(other.diagnostics.map((d) => d.message)).toEqual(codes.diagnostics.map((d) => d.message));
}

describe('layout-currency: layout-codes with its figures signed as money, ¥ 1,142.78 (Calc\'s accounting and currency formats)', () => {
  // the ¥ standing at a cell's left edge was read as a word of the name beside it (农业农村¥), and a
  // ¥ set against its figure was quoted with it (各分栏之和（¥102.00 万元…）)
  it('reads every table as layout-codes: the same rows, names and figures, no ¥ among them', async () => {
    await expectReadAs('layout-currency');
  }, 30000);

  it('layout-currency.txt (saved as shown: ¥1,142.78, ¥ 1,142.78) gives the model and the diagnostics of its PDF', async () => {
    await expectTextAsPdf('layout-currency');
  }, 30000);
});

describe('layout-shrink: layout-codes in columns half as wide, its cells shrunk to fit and its header names wrapped (Calc)', () => {
  // 合计, centred on a line of its own between 基本支 / 出 and 项目支 / 出, was read as the 合计 row:
  // the header ended above it, named no column, and 42 figures of 表3 and 表5 were left unplaced
  it('reads every table as layout-codes, finding its planted mistake', async () => {
    await expectReadAs('layout-shrink');
  }, 30000);
});

describe('layout-parted: layout-codes with 表3 and 表5 wider than the paper, their last two columns on the next page (Calc)', () => {
  // the title, merged over every column, parts between two characters (河西县农业农村局2025年部门 |
  // 支出总表): the next page's part, a known title of its own, made it a table of its own, and the
  // tables lost their last columns and the planted mistake
  it('reads every table as layout-codes, finding its planted mistake where its figures are printed', async () => {
    const [codes, parted] = await Promise.all([lint('layout-codes'), lint('layout-parted')]);
    expect(tablesOf(parted.report)).toEqual(tablesOf(codes.report));
    expect(rowsOf(parted.report)).toEqual(rowsOf(codes.report));
    // 表5's 项目支出 column is printed on the page after its rows' names (page 7), its 合计 on theirs (page 6)
    expect(findings(parted.diagnostics)).toEqual([
      { ruleId: '科目/行内分列合计', severity: 2, page: 6, line: 21, table: '部门公开表5', row: '2130122', column: '合计', actual: '120.00 万元', expected: '102.00 万元', difference: '18.00 万元' },
      { ruleId: '科目/上下级合计', severity: 2, page: 7, line: 14, table: '部门公开表5', row: '21301', column: '项目支出', actual: '173.50 万元', expected: '155.50 万元', difference: '18.00 万元' },
    ]);
    expect(findings(codes.diagnostics).map((f) => f.ruleId)).toEqual(['科目/上下级合计', '科目/行内分列合计']);
  }, 30000);
});

describe('layout-parted-columns: layout-parted printed with its codes and names repeated on every page (columns to repeat, 左端标题列)', () => {
  // each page after a table's first printed its codes and names again and was read as that table
  // once more: 40 rows of 表3 said unread, and the planted mistake lost
  it('reads every table as layout-codes, finding its planted mistake where its figures are printed', async () => {
    const [codes, parted] = await Promise.all([lint('layout-codes'), lint('layout-parted-columns')]);
    expect(rowsOf(parted.report)).toEqual(rowsOf(codes.report));
    expect(findings(parted.diagnostics).map((f) => [f.ruleId, f.page, f.table, f.row, f.column, f.actual, f.expected])).toEqual([
      ['科目/行内分列合计', 7, '部门公开表5', '2130122', '合计', '120.00 万元', '102.00 万元'],
      ['科目/上下级合计', 9, '部门公开表5', '21301', '项目支出', '173.50 万元', '155.50 万元'],
    ]);
  }, 30000);
});

describe('layout-narrow: layout-zeros in columns 0.7 as wide, shrunk to fit, its 三公 header wrapped around 合计 (Calc)', () => {
  // 合计, centred on the line between 因公出国（境） / 费, was taken for a cell under 因公出国（境）费, which
  // then spanned it: the 三公 grid lost its 因公 column, and its 0 went to 公务用车购置及运行费 (a false
  // 三公/合计 of 15.60 against 4.40)
  it('reads every table as layout-zeros: silent but for the tables it leaves out', async () => {
    await expectReadAs('layout-narrow', 'layout-zeros');
  }, 30000);
});

describe('layout-headings: sheets printed with their row numbers and column letters (打印行号列标, Calc)', () => {
  // each title opened with its row's number (2 河西县农业农村局2025年部门支出总表) and was no title:
  // no table was known, and the file was refused as no disclosure
  it('reads layout-codes so printed as layout-codes, each page a line lower', async () => {
    await expectReadAs('layout-headings', 'layout-codes', 1);
  }, 30000);

  // a sheet's last column printed on the next page under the letter H alone, every row's number beside it
  it('reads layout-zeros so printed, its last column on a page of its own, as layout-zeros', async () => {
    await expectReadAs('layout-headings-wide', 'layout-zeros', 1);
  }, 30000);
});

describe('a sheet saved as text whose first column is empty on every row (laid out from column B)', () => {
  // each tab-separated line opened with an empty field: no row's code stood in the first field,
  // and no table was read
  it('reads as the sheet laid out from column A, its columns where the file has them', async () => {
    const text = readFileSync(path.join(FIXTURES, 'pdf', 'layout-codes.txt'), 'utf8');
    const shifted = text.replace(/^(?=[^\n]*\t)/gm, '\t');
    const findings = (t: string) => runRules(buildReport(splitLines('layout-codes.txt', t)), rules).map((d) => [d.ruleId, d.line, d.column, d.actual, d.expected]);
    const rules = await builtinRules();
    const asPrinted = findings(text);
    expect(asPrinted.filter(([id]) => String(id).startsWith('科目/')).length).toBe(2);
    // the same findings, one column further right
    expect(findings(shifted)).toEqual(asPrinted.map(([id, line, column, a, e]) => [id, line, column === 1 ? 1 : Number(column) + 1, a, e]));
  });
});

describe('a sheet saved as text with its text cells in quotes ("一般公共服务支出"), as a spreadsheet may write them', () => {
  it('reads as the sheet saved without quotes, its columns where the file has them', async () => {
    const rules = await builtinRules();
    const text = readFileSync(path.join(FIXTURES, 'pdf', 'layout-codes.txt'), 'utf8');
    // every field but the figures quoted, a title row (one field) included
    const quoted = text.replace(/(^|\t)([^\t\n"0-9][^\t\n]*)(?=\t|$)/gm, '$1"$2"');
    expect(quoted).toContain('"农林水支出"');
    const lint = (t: string) => runRules(buildReport(splitLines('layout-codes.txt', t)), rules);
    const findings = (t: string) => lint(t).map((d) => [d.ruleId, d.line, d.actual, d.expected]);
    const asSaved = findings(text);
    expect(asSaved.length).toBeGreaterThan(2);
    expect(findings(quoted)).toEqual(asSaved);
    // each finding's column is the figure's in the quoted file
    const lines = quoted.split('\n');
    for (const d of lint(quoted).filter((x) => x.ruleId.startsWith('科目/'))) expect(lines[d.line - 1].slice(d.column - 1)).toMatch(new RegExp(`^${d.actual!.split(' ')[0]}`));
  });
});
