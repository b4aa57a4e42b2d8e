/**
 * Layouts the corpus does not have, from fixtures of our own: tables named by title only (no
 * 公开NN表), codes in separate 类/款/项 columns, a two-sided 总表 without 行次, a header that
 * prints some of the form's columns, a table continued on the next page under a （续） title
 * with a page number in between, and a disclosure whose narrative and tables are two files.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { splitLines } from '../src/ingest/index.js';
import { buildReport, loadCatalog } from '../src/model/index.js';
import { kindByTitle } from '../src/model/tables/kinds.js';
import { brief, fixtureText, lintText, lineOf, mutate, reportOf } from './helpers.js';
import { lintFile } from '../src/cli/lint.js';
import path from 'node:path';
import { FIXTURES, ROOT, builtinRules } from './helpers.js';
import { parseRules, runRules } from '../src/rules/index.js';

const TITLED = 'text/titled-budget.txt';

describe('a budget whose tables are named by title only', () => {
  const report = reportOf(fixtureText(TITLED), TITLED);

  it('finds each table by its title and names its kind, the document by its cover', () => {
    expect({ kind: report.kind, year: report.year, department: report.department, family: report.family?.id }).toEqual({
      kind: '预算',
      year: 2025,
      department: '上海市某区某街道办事处',
      family: '部门预算（九张表）',
    });
    expect(report.tables.map((t) => [t.id, t.printedId, t.title, t.rows.length])).toEqual([
      ['部门公开表1', null, '2025年部门财务收支预算总表', 8],
      ['部门公开表3', null, '2025年部门支出预算总表', 8],
      ['部门公开表5', null, '2025年部门一般公共预算支出功能分类预算表', 8],
    ]);
  });

  it('joins codes printed in 类/款/项 columns and reads the columns the header prints', () => {
    const spending = report.tables.find((t) => t.id === '部门公开表3')!;
    expect(spending.columns.map((c) => c.key)).toEqual(['合计', '基本支出', '项目支出']);
    expect(spending.columnSource).toBe('header');
    const row = spending.rows.find((r) => r.key === '2010302')!;
    expect({ name: row.name, level: row.level, parent: row.parent, cells: Object.fromEntries(Object.entries(row.cells).map(([k, c]) => [k, c.raw])) }).toEqual({
      name: '一般行政管理事务',
      level: 3,
      parent: '20103',
      cells: { 合计: '400,000', 基本支出: '0', 项目支出: '400,000' },
    });
    // continued after a page break under its title with （续）; the page number 12 is no figure
    expect(spending.rows.map((r) => r.key)).toEqual(['201', '20103', '2010301', '2010302', '208', '20805', '2080505', '合计']);
    expect(spending.reading).toEqual({ unplaced: 0, dropped: 0 });
  });

  it('reads a two-sided 总表 without 行次: sides by position, item numbers as labels', () => {
    const summary = report.tables.find((t) => t.id === '部门公开表1')!;
    expect(summary.rows.map((r) => `${r.key}=${Object.values(r.cells)[0]?.raw ?? ''}`)).toEqual([
      '收入:财政拨款收入=1,300,000',
      '支出:一般公共服务支出=1,000,000',
      '收入:一般公共预算资金=1,300,000',
      '支出:社会保障和就业支出=300,000',
      '收入:事业收入=',
      '支出:卫生健康支出=',
      '收入:总计=1,300,000',
      '支出:总计=1,300,000',
    ]);
  });

  it('is silent on its consistent tables, and says which tables of its family it lacks', async () => {
    const ds = await lintText(fixtureText(TITLED), TITLED);
    expect(ds.map((d) => d.message)).toEqual([
      '未找到「收入总表」（部门公开表2）',
      '未找到「财政拨款收支总表」（部门公开表4）',
      '未找到「一般公共预算基本支出表」（部门公开表6）',
      '未找到「一般公共预算“三公”经费支出表」（部门公开表7）',
      '未找到「政府性基金预算支出表」（部门公开表8）',
      '未找到「国有资本经营预算支出表」（部门公开表9）',
    ]);
  });

  it('finds a changed figure in a row whose code is printed in three columns', async () => {
    const text = mutate(fixtureText(TITLED), '201 03 01 行政运行 600,000 600,000 0\n\n12', '201 03 01 行政运行 600,000 600,100 0\n\n12');
    const ds = (await lintText(text, TITLED)).filter((d) => d.ruleId === '科目/行内分列合计');
    expect(ds.map(brief)).toEqual([
      { ruleId: '科目/行内分列合计', severity: 2, line: lineOf(text, '600,100'), actual: '600,000 元', expected: '600,100 元', difference: '100 元' },
    ]);
  });
});

describe('a 收入预算总表 that lists its sources in rows (江苏)', () => {
  const OUTLINE = 'text/outline-income.txt';

  it('is told from the 收入总表 of the same title by its header, and read as groups under their 小计', () => {
    const r = reportOf(fixtureText(OUTLINE), OUTLINE);
    const t = r.tables.find((x) => x.id === '预算/收入来源表')!;
    expect([t.title, t.printedId, t.unread]).toEqual(['收入预算总表', '公开02表', null]);
    expect(t.rows.map((x) => [x.key, x.parent ?? null, x.cells['金额'].raw])).toEqual([
      ['总计', null, '20,849.45'],
      ['一般公共预算资金', '总计', '20,702.25'],
      ['一般公共预算资金/公共财政拨款（补助）资金', '一般公共预算资金', '20,702.25'],
      ['一般公共预算资金/专项收入', '一般公共预算资金', ''],
      ['政府性基金', '总计', ''],
      ['财政专户管理资金', '总计', '147.20'],
      ['财政专户管理资金/专户管理教育收费', '财政专户管理资金', ''],
      ['财政专户管理资金/其他非税收入', '财政专户管理资金', '147.20'],
      ['其他资金', '总计', ''],
      ['其他资金/事业收入', '其他资金', ''],
      ['其他资金/经营收入', '其他资金', ''],
      ['其他资金/其他收入', '其他资金', ''],
      ['上年结转和结余资金', '总计', ''],
      // 其中 is part of the item above it, not added into the group again
      ['上年结转和结余资金/动用上年结转和结余资金', null, ''],
    ]);
  });

  it('is silent when its groups add up, and finds a 小计 that does not', async () => {
    const ok = await lintText(fixtureText(OUTLINE), OUTLINE);
    expect(ok.filter((d) => d.ruleId !== '形式/必备表')).toEqual([]);
    const text = mutate(fixtureText(OUTLINE), '其他非税收入                      147.20', '其他非税收入                      174.20');
    const ds = (await lintText(text, OUTLINE)).filter((d) => d.ruleId !== '形式/必备表');
    expect(ds.map((d) => [d.ruleId, d.line, d.message])).toEqual([
      ['表内/分组小计', lineOf(text, '                       小计                              147.20'), '公开02表 财政专户管理资金「金额」为 147.20 万元，其下各项之和为 174.20 万元，相差 27.00 万元'],
    ]);
  });
});

describe('a disclosure published as two files', () => {
  it('lints the narrative half, says it has no tables, and asks for none', async () => {
    const outcome = await lintFile(path.join(FIXTURES, 'text/titled-budget-narrative.txt'), await builtinRules());
    expect(outcome.fatal).toBeNull();
    expect(outcome.diagnostics.map((d) => [d.ruleId, d.severity, d.line])).toEqual([
      ['读取/未含公开表', 1, 1],
      ['叙述/同比变化率', 2, 5],
    ]);
  });
});

describe('the catalogue of table kinds is data', () => {
  it('takes a province variant of a known kind from a user file', () => {
    const catalog = loadCatalog([]);
    const extra = path.join(FIXTURES, 'tables/variant.yaml');
    const withVariant = loadCatalog([extra]);
    const text = fixtureText(TITLED).replace('2025年部门财务收支预算总表', '2025年部门收支预算总览表');
    expect(buildReport(splitLines('x.txt', text), catalog).tables.map((t) => t.id)).not.toContain('部门公开表1');
    expect(buildReport(splitLines('x.txt', text), withVariant).tables.map((t) => t.id)).toContain('部门公开表1');
  });

  it('reports a malformed kind at file:line:col', () => {
    expect(() => loadCatalog([path.join(FIXTURES, 'tables/bad-layout.yaml')])).toThrow(/bad-layout\.yaml:4:13: layout 只能是/);
  });
});

describe('--tables on the command line', () => {
  it('adds a user file of table kinds; a malformed one exits 2 with file:line:col', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'budget-lint-'));
    const doc = path.join(dir, 'doc.txt');
    writeFileSync(doc, fixtureText(TITLED).replace('2025年部门财务收支预算总表', '2025年部门收支预算总览表'));
    const kinds = async (...args: string[]) => {
      const { code, out } = await runCli('--print-model', doc, ...args);
      return { code, tables: (JSON.parse(out) as { tables: Array<{ id: string }> }).tables.map((t) => t.id) };
    };
    expect(await kinds()).toEqual({ code: 0, tables: ['部门公开表3', '部门公开表5'] });
    expect(await kinds('--tables', path.join(FIXTURES, 'tables/variant.yaml'))).toEqual({ code: 0, tables: ['部门公开表1', '部门公开表3', '部门公开表5'] });
    const bad = await runCli('--tables', path.join(FIXTURES, 'tables/bad-layout.yaml'), doc);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe(`budget-lint: ${path.join(FIXTURES, 'tables/bad-layout.yaml')}:4:13: layout 只能是 two-sided、code、economic、grid、outline、named、unread\n`);
  });
});

async function runCli(...args: string[]) {
  let out = '';
  let err = '';
  const sink = (add: (s: string) => void) => new Writable({ write: (c, _e, cb) => (add(c.toString()), cb()) });
  const code = await main(args, { out: sink((s) => (out += s)) as unknown as NodeJS.WriteStream, err: sink((s) => (err += s)) as unknown as NodeJS.WriteStream });
  return { code, out, err };
}

describe('the README example of a province table kind', () => {
  it('loads as printed, names the table, and its rule fires on it', async () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const kindsYaml = /```yaml\n# my-tables\.yaml\n([\s\S]*?)```/.exec(readme)![1];
    const ruleYaml = /```yaml\n(- id: 本省\/专项资金合计[\s\S]*?)```/.exec(readme)![1];
    const dir = mkdtempSync(path.join(tmpdir(), 'budget-lint-'));
    writeFileSync(path.join(dir, 'my-tables.yaml'), kindsYaml);
    const catalog = loadCatalog([path.join(dir, 'my-tables.yaml')]);
    const text = [
      '2025年部门专项资金预算表',
      '单位：万元',
      '科目编码 科目名称 合计 基本支出 项目支出',
      '201 一般公共服务支出 10.00 4.00 6.00',
      '205 教育支出 5.00 1.00 3.00',
      '合计 15.00 5.00 9.00',
    ].join('\n');
    const report = buildReport(splitLines('special.txt', text), catalog);
    expect(report.tables.map((t) => [t.id, t.rows.length, t.columns.map((c) => c.key).join('/')])).toEqual([['本省/专项资金表', 3, '合计/基本支出/项目支出']]);
    const ds = runRules(report, parseRules('README.md', ruleYaml, new Set(), catalog));
    expect(ds.map((d) => [d.ruleId, d.row, d.actual, d.expected])).toEqual([
      ['本省/专项资金合计', '205', '5.00 万元', '4.00 万元'],
      ['本省/专项资金合计', '合计', '15.00 万元', '14.00 万元'],
    ]);
  });
});

describe('titles the catalogue does not know', () => {
  const catalog = loadCatalog();
  const kind = (title: string) => kindByTitle(catalog, title);

  it('names a kind only where what stands before its title is a year or a name, not a word that makes it another table', () => {
    expect(
      Object.fromEntries(
        [
          '一般公共预算财政拨款项目支出决算表',
          '国有资本经营预算财政拨款支出表',
          '政府性基金预算财政拨款支出表',
          '一般公共预算财政拨款基本支出表',
          '一般公共预算三公经费和机关运行经费预算表',
          '上海市普陀区财政局2025年财政拨款“三公”经费支出预算表',
          '2025年部门财务收支预算总表',
          '项目收支总表',
        ].map((t) => [t, kind(t)]),
      ),
    ).toEqual({
      一般公共预算财政拨款项目支出决算表: null,
      国有资本经营预算财政拨款支出表: '部门公开表9',
      政府性基金预算财政拨款支出表: '部门公开表8',
      一般公共预算财政拨款基本支出表: '部门公开表6',
      一般公共预算三公经费和机关运行经费预算表: '部门公开表7',
      '上海市普陀区财政局2025年财政拨款“三公”经费支出预算表': '部门公开表7',
      '2025年部门财务收支预算总表': '部门公开表1',
      项目收支总表: null,
    });
  });

  it('says a table under an unknown title once, and keeps its rows out of the table before it', async () => {
    const original = fixtureText('pdf/final-full.txt');
    const unknown = [
      '一般公共预算财政拨款项目支出决算表',
      '部门：贵州省卫生项目管理办公室',
      '金额单位：万元',
      '科目代码\t科目名称\t项目支出',
      '合计\t\t199.17',
      '210\t卫生健康支出\t199.17',
      '2101502\t一般行政管理事务\t39.91',
      '',
    ].join('\n');
    const text = original.replace('一般公共预算财政拨款基本支出决算明细表\n', `${unknown}一般公共预算财政拨款基本支出决算明细表\n`);
    const dir = mkdtempSync(path.join(tmpdir(), 'bl-unknown-'));
    const file = path.join(dir, 'final.txt');
    writeFileSync(file, text);
    const outcome = await lintFile(file, await builtinRules());
    expect(outcome.diagnostics.map(brief)).toEqual([
      expect.objectContaining({ ruleId: '读取/不认识的表', line: lineOf(text, '一般公共预算财政拨款项目支出决算表') }),
    ]);
    expect(outcome.diagnostics[0].message).toContain('「一般公共预算财政拨款项目支出决算表」不是本工具认识的表');
    const rowsOf = (r: ReturnType<typeof reportOf>, id: string) => r.tables.find((t) => t.id === id)!.rows.map((row) => row.key);
    const before = reportOf(original);
    for (const id of ['公开05', '公开06']) expect(rowsOf(outcome.report!, id)).toEqual(rowsOf(before, id));
  });

  it('takes a heading over all the tables (2023年度部门决算表) for no table', () => {
    expect(reportOf(fixtureText('text/final-wanyuan.txt')).unknownTables).toEqual([]);
  });
});

describe('text laid out as printed (pdftotext -layout): a 总表 of three [项目 金额] pairs', () => {
  const ALIGNED = 'text/aligned-three-pairs.txt';
  const report = reportOf(fixtureText(ALIGNED), ALIGNED);
  const t = report.tables.find((x) => x.id === '部门公开表1')!;
  const row = (key: string) => t.rows.find((r) => r.key === key);

  it('puts each name and figure in the pair whose header cells stand over it, by character columns', () => {
    // a name alone on its line (三、单位预留机动经费 106.84) stands under 支出用途, not 收入
    expect([row('支出:单位预留机动经费')?.kind, row('支出:单位预留机动经费')?.cells['支出金额'].raw]).toEqual(['detail', '106.84']);
    expect([row('支出:基本支出')?.kind, row('支出:项目支出')?.kind]).toEqual(['detail', 'detail']);
    expect(row('收入:单位预留机动经费')).toBeUndefined();
    expect(row('支出:一般公共服务支出')?.cells['支出金额'].raw).toBe('6,543.55');
    expect(row('收入:其他资金')?.cells['收入金额'].raw).toBe('80.00');
  });

  it('is silent: its sums hold once the second breakdown of spending is not added in again', async () => {
    const ds = (await lintText(fixtureText(ALIGNED), ALIGNED)).filter((d) => d.ruleId.startsWith('总表/'));
    expect(ds).toEqual([]);
  });
});

describe('text whose words are set one space apart (extracted line by line): a 总表 of three [项目 金额] pairs', () => {
  const PLAIN = 'text/plain-three-pairs.txt';
  const report = reportOf(fixtureText(PLAIN), PLAIN);
  const t = report.tables.find((x) => x.id === '部门公开表1')!;
  const row = (key: string) => t.rows.find((r) => r.key === key);

  it('gives each name the pair whose numbering it continues: 支出用途 items are a second breakdown, not items', () => {
    // 二、外交支出 二、项目支出 (the 收入 cell empty): the first continues 一、一般公共服务支出, the second 一、基本支出
    expect([row('支出:基本支出')?.kind, row('支出:项目支出')?.kind, row('支出:单位预留机动经费')?.kind]).toEqual(['detail', 'detail', 'detail']);
    expect([row('支出:外交支出')?.kind, row('支出:外交支出')?.code]).toEqual(['item', '202']);
    expect(row('支出:项目支出')?.cells['支出金额'].raw).toBe('3,123.68');
    expect(row('收入:其他资金')?.cells['收入金额'].raw).toBe('80.00');
    expect(row('收入:外交支出')).toBeUndefined();
  });

  it('is silent, as the same table laid out as printed is', async () => {
    const ds = (await lintText(fixtureText(PLAIN), PLAIN)).filter((d) => d.ruleId.startsWith('总表/'));
    expect(ds).toEqual([]);
  });
});

// PDFium's page text of 江苏省委办公厅2019年度部门预算公开表格 (page 1), as Chrome's copy-all gives it:
// 当年收入小计 carries its row's 支出 figure too, and 当年支出小计, 支出合计 come later, without figures
describe('a viewer\'s copy of a 总表 that sets labels apart from their figures', () => {
  const COPY = 'text/viewer-copy-three-pairs.txt';

  it('reads a row without figures after a row of too many as not read, not as zeros, and says where', () => {
    const report = reportOf(fixtureText(COPY), COPY);
    const t = report.tables.find((x) => x.id === '部门公开表1')!;
    expect(t.rows.find((r) => r.key === '支出:当年支出小计')?.cells ?? {}).toEqual({});
    expect(t.rows.find((r) => r.key === '支出:一般公共服务支出')?.cells['支出金额'].raw).toBe('22,395.50');
    expect(t.rows.find((r) => r.key === '支出:外交支出')?.cells['支出金额'].value).toBe(0);
    expect(report.notes.filter((n) => n.message.startsWith('部门公开表1')).map((n) => n.loc.line)).toEqual([24, 25, 26, 27, 28, 29, 30]);
    expect(report.notes.find((n) => n.loc.line === 28)?.message).toBe('部门公开表1: 本行没有数字，而第 24 行的数字多于列数，本行的数字可能印在那一行，本行不参与核对');
  });

  it('finds no 本年支出合计 of 0.00 against 27,664.22: the table says it was read in part', async () => {
    const { diagnostics: ds } = await lintFile(path.join(FIXTURES, COPY), await builtinRules());
    expect(ds.filter((d) => d.ruleId.startsWith('总表/'))).toEqual([]);
    expect(ds.find((d) => d.ruleId === '读取/表格未能读取')?.message).toContain('「收支预算总表」有 7 处行或数字未能读取（如第 24 行：一行有 2 个数字，多于 1 列');
  });
});

// PDFium's page text of 江苏省高级人民法院2018年度部门预算公开's 收支预算总表: a name wrapped in its cell
// comes as 三、单位预留机动经 / 费 / 3,258.06, its figure after its last line
describe('a viewer\'s copy of a 总表 whose name wraps in its cell, the figure after the name\'s last line', () => {
  const COPY = 'text/viewer-copy-wrapped-name.txt';

  it('gives the figure to the name the piece completes, not to a row named 费 on the 收入 side', () => {
    const t = reportOf(fixtureText(COPY), COPY).tables.find((x) => x.id === '部门公开表1')!;
    expect(t.rows.find((r) => r.key === '支出:单位预留机动经费')?.cells['支出金额'].raw).toBe('3,258.06');
    expect(t.rows.filter((r) => Object.values(r.cells).some((c) => c.raw === '3,258.06')).map((r) => r.key)).toEqual(['支出:单位预留机动经费']);
  });

  it('finds no 本年收入合计 of 33,172.15 against 36,430.21', async () => {
    const ds = await lintText(fixtureText(COPY), COPY);
    expect(ds.filter((d) => d.ruleId.startsWith('总表/'))).toEqual([]);
  });
});

describe('rows of text set one space apart that the reader once ran together', () => {
  it('a 三公 grid whose group words come as one word (预算数 决算数 预算数 …) is taken item by item', () => {
    const text = ['财政拨款“三公”经费支出决算表', '单位：万元', '财政拨款“三公”经费', '公务用车购置及运行维护费', '因公出国', '合计 公务用车 公务用车 公务接待费', '（境）费 小计', '购置费 运行维护费',
      '预算数 决算数 预算数 决算数 预算数 决算数 预算数 决算数 预算数 决算数 预算数 决算数', '2.85 0.39 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 2.85 0.39', ''].join('\n');
    const t = reportOf(text).tables.find((x) => x.id === '公开09')!;
    expect(Object.fromEntries(Object.entries(t.rows[0].cells).map(([k, c]) => [k, c.raw]))).toMatchObject({
      '预算数.合计': '2.85', '决算数.合计': '0.39', '预算数.公务接待费': '2.85', '决算数.公务接待费': '0.39', '决算数.公务用车运行维护费': '0.00',
    });
  });

  it('two empty rows of a 总表 on one line (使用非财政拨款结余 结余分配) do not take the next line\'s row and figure', () => {
    const text = ['收入支出决算总表', '单位：万元', '收入 支出', '项目 决算数 项目 决算数', '一、一般公共预算财政拨款收入 100.00 一、一般公共服务支出 90.00',
      '本年收入合计 100.00 本年支出合计 90.00', '使用非财政拨款结余 结余分配', '年初结转和结余 5.00 年末结转和结余 15.00', '总计 105.00 总计 105.00', ''].join('\n');
    const t = reportOf(text).tables.find((x) => x.id === '公开01')!;
    expect(t.rows.find((r) => r.key === '收入:年初结转和结余')?.cells['收入金额'].raw).toBe('5.00');
    expect(t.rows.filter((r) => Object.values(r.cells).some((c) => c.raw === '5.00')).map((r) => r.key)).toEqual(['收入:年初结转和结余']);
  });

  it('a code in 类 款 项 cells whose name wrapped above and below it (208 05 05 4,412,547) is still the code', () => {
    const text = ['2023年部门收入预算总表', '单位：元', '项目 收入预算', '功能分类科目编码', '功能分类科目名称 合计 财政拨款收入', '类 款 项',
      '208 社会保障和就业支出 4,589,787 4,589,787', '208 05 行政事业单位养老支出 4,589,787 4,589,787', '208 05 01 行政单位离退休 177,240 177,240',
      '机关事业单位基本养老保险缴费支', '208 05 05 4,412,547 4,412,547', '出', ''].join('\n');
    const t = reportOf(text).tables[0];
    expect(t.rows.find((r) => r.key === '2080505')?.cells['合计']?.raw).toBe('4,412,547');
  });
});

describe('an economic table laid out as printed whose names wrap around their code\'s line (Writer, pdftotext -layout)', () => {
  // 类 and 款 in cells of their own; 30108's and 39908's names wrap above and below the line
  // with their code, which then prints no name (39908 no figure either: the line ends at 08)
  const text = [
    '                                一般公共预算财政拨款基本支出决算表',
    '部门：青海省医疗保障局           金额单位：万元',
    '                     人员经费                                            公用经费',
    '   类         款         科目名称     决算数        类         款       科目名称   决算数      类     款           科目名称     决算数',
    '       301       工资福利支出           340.72       302       商品和服务支出    25.45 399          其他支出',
    '       301   07 绩效工资              31.64        302   05 水费           0.23 310      02 办公设备购置              0.88',
    '                机关事业单位基本养老保险缴',
    '       301   08                  133.25        302   06 电费           5.06 310      03 专用设备购置',
    '                费',
    '       301   09 职业年金缴费            66.63        302   07 邮电费          5.00 399      07 国家赔偿费用支出',
    '                                                                                        对民间非营利组织和群众性自',
    '       301   13 住房公积金            109.20       302   28 工会经费         15.16 399     08',
    '                                                                                        治组织补贴',
    '人员经费合计                          340.72 公用经费合计                                                         25.45',
    '',
  ].join('\n');

  it('reads each such row with its figure and its whole name, and gives no other row a piece of it', () => {
    const t = reportOf(text).tables.find((x) => x.id === '公开06')!;
    const row = (code: string) => t.rows.find((r) => r.code === code)!;
    expect([row('30108').name, row('30108').cells['决算数'].raw]).toEqual(['机关事业单位基本养老保险缴费', '133.25']);
    expect([row('39908').name, row('39908').cells['决算数'].blank]).toEqual(['对民间非营利组织和群众性自治组织补贴', true]);
    expect([row('31003').name, row('39907').name]).toEqual(['专用设备购置', '国家赔偿费用支出']);
  });

  it('finds 工资福利支出 equal to its items (without 30108 they fall 133.25 short)', async () => {
    expect((await lintText(text)).filter((d) => d.severity === 2 && d.ruleId !== '形式/必备表').map((d) => d.message)).toEqual([]);
  });
});

describe('a table laid out as printed whose rows print only their own part of the code under 类 款 项 (Writer, pdftotext -layout)', () => {
  // a sheet with 类 and 款 cells merged down; 2080505's name wraps around its line, which prints no name
  const text = [
    '                                            支出决算表',
    '编制单位：临夏市医疗保障局',
    '                                   本年支出合计',
    '类     款     项         科目名称                          基本支出           项目支出',
    '                                     （元）',
    '      栏次                                1               2            3',
    '合计                                  7,459,946.32    7,152,566.32   307,380.00',
    '208              社会保障和就业支出          7,459,946.32    7,152,566.32   307,380.00',
    '       01        人力资源和社会保障管理事务      6,781,572.00    6,477,072.00   304,500.00',
    '            09 社会保险经办机构             6,781,572.00    6,477,072.00   304,500.00',
    '       05      行政事业单位养老支出             678,374.32      675,494.32     2,880.00',
    '            01 行政单位离退休                  2,880.00                     2,880.00',
    '                 机关事业单位基本养老保险缴费支',
    '            05                        675,494.32     675,494.32',
    '                 出',
    '',
  ].join('\n');

  it('gives each row the parts of its code printed above it', () => {
    const t = reportOf(text).tables[0];
    expect(t.rows.filter((r) => r.code).map((r) => [r.code, r.cells['本年支出合计']?.raw])).toEqual([
      ['208', '7,459,946.32'], ['20801', '6,781,572.00'], ['2080109', '6,781,572.00'], ['20805', '678,374.32'], ['2080501', '2,880.00'], ['2080505', '675,494.32'],
    ]);
  });

  it('…under a header set in by one space (a page whose text starts a column in)', () => {
    const t = reportOf(mutate(text, '类     款     项', ' 类     款     项')).tables[0];
    expect(t.rows.filter((r) => r.code).map((r) => r.code)).toEqual(['208', '20801', '2080109', '20805', '2080501', '2080505']);
  });

  it('finds each class and 款 equal to the rows under it, and says the one that is not', async () => {
    expect((await lintText(text)).filter((d) => d.ruleId.startsWith('科目/'))).toEqual([]);
    const wrong = mutate(text, '675,494.32     675,494.32', '675,594.32     675,494.32');
    const found = (await lintText(wrong)).filter((d) => d.ruleId.startsWith('科目/'));
    expect(found.map((d) => [d.ruleId, d.line, d.expected, d.actual, d.difference])).toEqual([
      ['科目/上下级合计', 11, '678,474.32 元', '678,374.32 元', '100.00 元'],
      ['科目/行内分列合计', 14, '675,494.32 元', '675,594.32 元', '100.00 元'],
    ]);
  });
});

describe('own-part codes laid out as printed over pages whose header pdftotext spaces anew (Calc)', () => {
  // each page sets its columns by its own text: 项 at column 14 on the first page, 12 on the
  // second; a sheet's number cell prints 05 as 5, set right in its cell, farther off its label
  const text = [
    '部门公开表3',
    '支出总表',
    '部门：海东市医疗保障局                                                     金额单位：万元',
    '  类   款    项             科目名称            合计           基本支出      项目支出',
    '      栏次                                   1            2         3',
    '合计                                          96.69       96.69            0.00',
    '208                       社会保障和就业支出        64.25       64.25            0.00',
    '      05                 行政事业单位养老支出        64.25       64.25            0.00',
    '                5          机关事业单位基本养老保险缴费支出     39.08       39.08            0.00',
    '                6          机关事业单位职业年金缴费支出       25.17       25.17            0.00',
    '\f  类   款    项       科目名称            合计         基本支出     项目支出',
    '      栏次                           1           2        3',
    '221                       住房保障支出       32.44     32.44          0.00',
    '      02                  住房改革支出       32.44     32.44          0.00',
    '               1          住房公积金        32.44     32.44          0.00',
    '',
  ].join('\n');

  it('places each page\'s parts under that page\'s header', () => {
    const t = reportOf(text).tables[0];
    expect(t.rows.map((r) => r.key)).toEqual(['合计', '208', '20805', '2080505', '2080506', '221', '22102', '2210201']);
  });
});

describe('a 三公 grid in text that prints 预算数 决算数 under each item (上海, pdftotext -layout)', () => {
  it('takes the figures item by item, as the header line prints its group words', () => {
    const text = [
      '                                 财政拨款“三公”经费支出决算表',
      '                                                                                         单位：万元',
      '                                       财政拨款“三公”经费',
      '                                           公务用车购置及运行维护费',
      '         合计           因公出国（境）费          小计          公务用车购置费     公务用车运行维护费     公务接待费',
      '   预算数        决算数   预算数   决算数   预算数        决算数     预算数     决算数     预算数     决算数     预算数     决算数',
      '     2.85 0.39 0.00 0.00  0.00              0.00    0.00    0.00    0.00    0.00    2.85    0.39',
      '注：本表反映部门本年度“三公”经费支出预决算情况。',
      '',
    ].join('\n');
    const t = reportOf(text).tables.find((x) => x.id === '公开09')!;
    expect(Object.fromEntries(Object.entries(t.rows[0].cells).map(([k, c]) => [k, c.raw]))).toMatchObject({
      '预算数.合计': '2.85',
      '决算数.合计': '0.39',
      '预算数.公务接待费': '2.85',
      '决算数.公务接待费': '0.39',
      '决算数.公务用车购置及运行维护费': '0.00',
    });
  });
});

describe('a budget numbered 公开01表… (江苏), its titles a few blank lines under the numbers', () => {
  it('names each table by the title under its number, not by the number (公开01 is a final account\'s)', () => {
    const text = ['公开 01 表', '', '', '                   收支预算总表', '部门： 江苏省人民检察院                     单位：万元', '收入 支出', '项目 金额 项目 金额', '一、财政拨款 100.00 一、一般公共服务支出 100.00', '收入合计 100.00 支出合计 100.00', ''].join('\n');
    expect(reportOf(text).tables.map((t) => `${t.id}@${t.printedId}`)).toEqual(['部门公开表1@公开01表']);
  });
});

describe('a 总表 in text with a class name wrapped around its figures (四、文化旅游体育与传媒 / 200,000 / 支出)', () => {
  it('reads the name whole, on the spending side, with its figure', () => {
    const lines = [
      '                       2023年部门财政拨款收支预算总表',
      '编制部门：上海市普陀区人民政府万里街道办事处                                         单位：元',
      '         财政拨款收入                                             财政拨款支出',
      '    项目            预算数               项目           合计          一般公共预算',
      '一、一般公共预算资金        3,300,000 一、一般公共服务支出        3,100,000       3,100,000',
      '二、政府性基金                         二、公共安全支出                ',
      '                                四、文化旅游体育与传媒',
      '                                                  200,000         200,000',
      '                                支出',
      '   收入总计           3,300,000      支出总计       3,300,000     3,300,000',
      '',
    ];
    const r = reportOf(lines.join('\n'));
    const t = r.tables.find((x) => x.id === '部门公开表4')!;
    expect(t.rows.map((row) => row.key)).toContain('支出:文化旅游体育与传媒支出');
    expect(t.rows.find((row) => row.key === '支出:文化旅游体育与传媒支出')!.cells['合计'].raw).toBe('200,000');
    expect(t.rows.some((row) => row.key === '支出:支出' || row.key.startsWith('收入:文化'))).toBe(false);
  });
});

describe('text laid out as printed: a three-pair 总表 with names wrapped in their cells (江苏检察院 2018, pdftotext -layout)', () => {
  const WRAPPED = 'text/aligned-three-pairs-wrapped.txt';
  const t = reportOf(fixtureText(WRAPPED), WRAPPED).tables.find((x) => x.id === '部门公开表1')!;
  const cell = (key: string) => t.rows.find((r) => r.key === key)?.cells['支出金额']?.raw;

  it('gives a figure on the line under a wrapped name\'s first line to that name, and a total printed across both breakdowns to the first', () => {
    // 三、单位预留机动 / 经费 with 2,388.04 on the line of 三、国防支出: the figure stands under 支出用途,
    // and the name's tail 经费, on the line after the figure, completes the name (no item of its own)
    expect([cell('支出:单位预留机动经费'), cell('支出:国防支出')]).toEqual(['2,388.04', '']);
    expect(t.rows.some((r) => r.key === '支出:经费' || r.key === '支出:单位预留机动')).toBe(false);
    // 当年支出小计's label stands between the two breakdowns, its figure under the second
    expect(cell('支出:本年支出合计')).toBe('21,955.35');
  });

  it('is silent: every identity of the table holds', async () => {
    expect((await lintText(fixtureText(WRAPPED), WRAPPED)).filter((d) => d.ruleId.startsWith('总表/'))).toEqual([]);
  });
});

describe('text laid out as printed: a 收入支出决算总表 printed without 行次 (上海规划 2024, pdftotext -layout)', () => {
  const FILE = 'text/aligned-final-no-line-numbers.txt';
  it('takes a name without a figure (使用非财政拨款结余) as whole, not as the first line of the name under it', async () => {
    const t = reportOf(fixtureText(FILE), FILE).tables.find((x) => x.id === '公开01')!;
    const raw = (key: string, col: string) => t.rows.find((r) => r.key === key)?.cells[col]?.raw;
    expect([raw('收入:年初结转和结余', '收入金额'), raw('支出:年末结转和结余', '支出金额'), raw('收入:使用非财政拨款结余', '收入金额')]).toEqual(['112.88', '100.00', '']);
    expect((await lintText(fixtureText(FILE), FILE)).filter((d) => d.ruleId.startsWith('总表/'))).toEqual([]);
  });
});

// PDFium's page text of 上海市普陀区社会福利院2024年单位预算's 三公 table: 公务接待费 printed before
// 公务用车, 机关运行经费 beside them (its header wrapped over two lines), and 购置费 left blank, so
// six figures for seven cells, in one-space lines that do not say which cell is blank
describe('a viewer\'s copy of a 三公 grid with a blank cell and a column the national order lacks', () => {
  const COPY = 'text/viewer-copy-sangong-blank-cell.txt';

  it('is said unread, not mapped in the national order', async () => {
    const t = reportOf(fixtureText(COPY), COPY).tables.find((x) => x.id === '部门公开表7')!;
    // a header with no group word prints this year's: its first figure is the 合计, and which of
    // the other five is which cell is not said (the table's checks are all skipped)
    expect(Object.fromEntries(t.rows.flatMap((r) => Object.entries(r.cells)).map(([k, c]) => [k, c.raw]))).toEqual({ '本年预算数.合计': '6.4' });
    expect(t.rows[0].unplaced.map((c) => c.raw)).toEqual(['0', '0', '6.4', '6.4', '0']);
    const { diagnostics: ds } = await lintFile(path.join(FIXTURES, COPY), await builtinRules());
    expect(ds.filter((d) => d.ruleId.startsWith('三公/'))).toEqual([]);
    expect(ds.find((d) => d.ruleId === '读取/表格未能读取')?.message).toContain('「单位“三公”经费和机关运行经费预算表」未能读取：表头的 12 列与这一行的数字对不上');
  });

  it('…and in pdfplumber\'s lines by position, the wrapped name parted by another cell\'s line: unread too', () => {
    // 2024年机关运行经 / 公务用车购置及运行费 / 费预算数: the name's two lines are not next to each other
    const text = fixtureText(COPY)
      .replace('2024年机关运行经\n费预算数\n合计 因公出国(境)费 公务接待费\n公务用车购置及运行费\n', '2024年机关运行经\n公务用车购置及运行费\n费预算数\n合计 因公出国(境)费 公务接待费\n');
    expect(text).not.toBe(fixtureText(COPY));
    const t = reportOf(text, COPY).tables.find((x) => x.id === '部门公开表7')!;
    expect(Object.keys(t.rows[0].cells)).toEqual(['本年预算数.合计']);
    expect(t.unread).toContain('表头的 12 列与这一行的数字对不上');
  });

  it('six figures under the national header alone are still read in the national order', () => {
    const text = fixtureText(COPY)
      .replace('2024年机关运行经\n费预算数\n', '')
      .replace('合计 因公出国(境)费 公务接待费\n公务用车购置及运行费\n', '合计 因公出国(境)费 公务用车购置及运行费 公务接待费\n')
      .replace('6.4 0 0 6.4 6.4 0', '6.4 0 6.4 0 6.4 0');
    const t = reportOf(text, COPY).tables.find((x) => x.id === '部门公开表7')!;
    const cells = t.rows[0].cells;
    expect(Object.fromEntries(Object.entries(cells).map(([k, c]) => [k.replace(/^.*\./, ''), c.raw]))).toEqual({
      合计: '6.4', '因公出国（境）费': '0', 公务用车购置及运行维护费: '6.4', 公务用车购置费: '0', 公务用车运行维护费: '6.4', 公务接待费: '0',
    });
  });
});

describe('text laid out as printed: a 财政拨款收支总表 whose 支出 side prints four columns under one 预算数 (pdftotext -layout of layout-codes.calc.pdf)', () => {
  const FILE = 'text/layout-codes.calc.layout.txt';
  const t = reportOf(fixtureText(FILE), FILE).tables.find((x) => x.id === '部门公开表4')!;
  const figures = (key: string) => Object.fromEntries(Object.entries(t.rows.find((r) => r.key === key)?.cells ?? {}).filter(([, c]) => c.raw).map(([k, c]) => [k, c.raw]));

  it('gives a figure right of the 支出 side\'s 项目 to the 支出 side, though pdftotext sets it nearer the 收入 side\'s 预算数', () => {
    // （三）国有资本经营预算拨款 | 七、农林水支出 1,032.38 1,032.38: the first figure starts at the 合计's column
    expect(figures('支出:农林水支出')).toEqual({ 合计: '1,032.38', 一般公共预算财政拨款: '1,032.38' });
    expect(figures('收入:年初结转和结余/国有资本经营预算拨款')).toEqual({});
  });

  it('finds in the text what the PDF gives: the planted 21301 mistake, no false sum of the 总表', async () => {
    const fromText = (await lintText(fixtureText(FILE))).map((d) => d.ruleId).filter((id) => id !== '形式/必备表');
    const fromPdf = (await lintFile(path.join(FIXTURES, 'pdf/layout-codes.calc.pdf'), await builtinRules())).diagnostics.map((d) => d.ruleId).filter((id) => id !== '形式/必备表');
    expect(fromText).toEqual(fromPdf);
    expect(fromText).toEqual(['科目/上下级合计', '科目/行内分列合计']);
  });
});

describe('text laid out as printed: a table whose sheet goes on to a page without its header (pdftotext -layout of layout-continued.calc.pdf)', () => {
  const FILE = 'text/layout-continued.calc.layout.txt';
  const t = reportOf(fixtureText(FILE), FILE).tables.find((x) => x.id === '部门公开表3')!;
  const figures = (key: string) => Object.fromEntries(Object.entries(t.rows.find((r) => r.key === key)?.cells ?? {}).filter(([, c]) => c.raw).map(([k, c]) => [k, c.raw]));

  it('places the second page\'s figures by where that page\'s full rows end them, not by the first page\'s header', () => {
    // 2070204 文物保护 86.00 … 86.00: pdftotext sets page 2 narrower; the second figure is 项目支出
    expect(figures('2070204')).toEqual({ 合计: '86.00', 项目支出: '86.00' });
    expect(figures('2070205')).toEqual({ 合计: '86.00', 基本支出: '73.60', 项目支出: '12.40' });
    expect(figures('208')).toEqual({ 合计: '87.36', 基本支出: '87.36' });
    expect(figures('2070101')).toEqual({ 合计: '286.40', 基本支出: '286.40' });
  });

  it('finds in the text what the PDF gives: the planted 2080506 mistake, and no false sum of 207 or 20702', async () => {
    const brief2 = (ds: Array<{ ruleId: string; message: string }>) => ds.filter((d) => d.ruleId !== '形式/必备表').map((d) => `${d.ruleId}: ${d.message}`);
    const fromText = brief2(await lintText(fixtureText(FILE), FILE));
    expect(fromText).toEqual(brief2((await lintFile(path.join(FIXTURES, 'pdf/layout-continued.calc.pdf'), await builtinRules())).diagnostics));
    expect(fromText.map((x) => x.split(':')[0])).toEqual(['科目/上下级合计', '科目/行内分列合计']);
  });
});

describe('text laid out as printed: a sheet whose columns are printed page by page, each part with its own 合计 row (pdftotext -layout of layout-parted-columns.calc.pdf)', () => {
  const FILE = 'text/layout-parted-columns.calc.layout.txt';
  const text = fixtureText(FILE);

  it('reads no later part\'s 合计 into the row above it: no false 行内分列合计 of 2210201 (28.80 against 709.28), the parts said unread', async () => {
    const ds = (await lintFile(path.join(FIXTURES, FILE), await builtinRules())).diagnostics.filter((d) => d.ruleId !== '形式/必备表');
    expect(ds.filter((d) => d.ruleId.startsWith('科目/'))).toEqual([]);
    const unread = ds.filter((d) => d.ruleId === '读取/表格未能读取');
    expect(unread.map((d) => d.line)).toEqual([lineOf(text, '部门公开表3'), lineOf(text, '部门公开表5')]);
    expect(unread[0].message).toContain('又一行合计（合计 709.28），表中已有合计行，不知是哪一部分的合计，不参与核对');
  });

  it('keeps a 合计 printed alone on a header line and its figures on the row\'s line as one 合计 row (layout-shrink)', () => {
    const shrink = ['部门公开表3', '', '      河西县农业农村局2025年部门支出总表', '', '部门：河西县农业农村局            单位：万元',
      '功能分类科目编码        功能分类科目名                      基本支 项目支', '                                    合计', ' 类    款    项       称                          出   出',
      '           合计                      1,142.78 709.28 433.50', '', '208             社会保障和就业支出           53.76    53.76', ''].join('\n');
    const t = reportOf(shrink, 'shrink.txt').tables[0];
    expect(t.rows.find((r) => r.key === '合计')!.cells['合计'].raw).toBe('1,142.78');
    expect(t.reading).toEqual({ unplaced: 0, dropped: 0 });
  });
});

describe('text laid out as printed: a 公开04 with 行次 whose header is printed again over its carry rows (pdftotext -layout of the FOP rendering of 威海)', () => {
  const FILE = 'text/final-04-pages-fop.layout.txt';
  const t = reportOf(fixtureText(FILE), FILE).tables.find((x) => x.id === '公开04')!;

  it('gives the 支出 side\'s name tail alone on its line (年末财政拨款结转和 / 结余) to that name, not to the 收入 row under it', () => {
    expect(t.rows.filter((r) => r.lineNo !== undefined && r.lineNo >= 28 && r.lineNo <= 31).map((r) => `${r.key}@${r.lineNo}`)).toEqual([
      '收入:年初结转和结余@28',
      '收入:年初结转和结余/一般公共预算财政拨款@29',
      '收入:年初结转和结余/政府性基金预算财政拨款@30',
      '收入:年初结转和结余/国有资本经营预算财政拨款@31',
    ]);
    expect(t.rows.find((r) => r.lineNo === 60)?.key).toBe('支出:年末结转和结余');
  });

  it('reads the table with the 支出 names wrapped under their rows (十七、援助其他地区 49 0.00 … / 支出), and finds nothing wrong in it', async () => {
    expect(t.unread).toBeNull();
    expect((await lintText(fixtureText(FILE))).map((d) => `${d.ruleId}: ${d.message}`)).toEqual([]);
  });
});
