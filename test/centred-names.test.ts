// Names wrapped around their row's line in text without positions (石泉路街道 2025's page text:
// 机关事业单位职 / 2080506 257.14 257.14 / 业年金缴费支出), and a table whose figures a bad
// extraction set out of step with its codes (文化和旅游局 2025's 一般公共预算财政拨款支出决算表).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFile } from '../src/cli/lint.js';
import { centredWraps } from '../src/model/tables/centred-names.js';
import { builtinRules, FIXTURES, fixtureText, lintText, reportOf } from './helpers.js';

const FILE = 'text/final-centred-names.txt';

describe('centredWraps', () => {
  const shape = (gaps: number[], unnamed: boolean[], whole = unnamed.map(() => false)) => ({ gaps, before: 3, after: 3, unnamed, whole });
  const centred = (w: number[]) => ({ above: w, below: w });

  it('counts each row\'s lines from the rows that wrap nothing', () => {
    // 208 (no name on its line) | 2 lines | 20805 (none) | 1 | 2080501 行政单位离退休 | 0 | 2080502 …
    expect(centredWraps({ ...shape([2, 1, 0], [true, true, false, false]), after: 0 })).toEqual(centred([1, 1, 0, 0]));
    // a three-line name: one line above, one on and one below its row's line (2080505 本养老保险缴费)
    expect(centredWraps(shape([0, 1, 2, 1, 0], [false, false, false, true, false, false]))).toEqual(centred([0, 0, 1, 1, 0, 0]));
    // a 合计 row wraps nothing: it settles what the lines above it are
    expect(centredWraps(shape([2, 1], [true, true, false], [false, false, true]))).toEqual(centred([1, 1, 0]));
  });

  it('takes a name risen a line above its row where no centred count fits, the fewest so', () => {
    // 212 城乡社区支出 | 城乡社区管理 | 21201 | 事务 行政运行 | 2120101 | 城乡社区规划 | 21202 | 与管理 城乡社区规划 |
    // 2120201 | 与管理 自然资源海洋 | 220 | 气象等支出 | 22001 自然资源事务: 行政运行 stands above 2120101 only
    const risen = shape([1, 2, 1, 2, 2, 1], [false, true, true, true, true, true, false]);
    expect(centredWraps(risen)).toEqual({ above: [0, 1, 1, 1, 1, 1, 0], below: [0, 1, 0, 1, 1, 1, 0] });
    // …but a name never sinks: one line more below its row than above fits nothing
    expect(centredWraps(shape([1, 0], [true, true, false]))).toBeNull();
    // …and at most half the names rise: names all above their rows, none below, are not centred
    expect(centredWraps({ ...shape([1], [true, true]), after: 0 })).toBeNull();
    // one line between two rows printing no name: neither can wrap both ways centred, the first rose
    expect(centredWraps(shape([1], [true, true]))).toEqual({ above: [1, 1], below: [0, 1] });
  });

  it('takes no count where names may wrap below their first line, or where more than one fits', () => {
    // every row names itself on its line (cells set at the top: 2080505 机关事业单位基本养老保险缴 / 费支出)
    expect(centredWraps(shape([0, 1, 1], [false, false, false, false]))).toBeNull();
    // two lines after a row printing no name, nothing else said: one or two of them may be its
    expect(centredWraps(shape([2], [true, false]))).toBeNull();
  });
});

describe('a table whose wrapped names stand half above, half below the row\'s line', () => {
  it('puts each name together, a class\'s as its code names it', () => {
    const t = reportOf(fixtureText(FILE), FILE).tables.find((x) => x.id === '公开05')!;
    expect(t.rows.map((r) => `${r.code ?? ''} ${r.name}`)).toEqual([
      '208 社会保障和就业支出',
      '20805 行政事业单位离退休',
      '2080501 行政单位离退休',
      '2080502 事业单位离退休',
      '2080505 机关事业单位基本养老保险缴费支出',
      '2080506 机关事业单位职业年金缴费支出',
      '2080599 其他行政事业单位养老支出',
      '20807 就业补助',
      '2080705 公益性岗位补贴',
      '210 卫生健康支出',
      '21011 行政事业单位医疗',
      '2101101 行政单位医疗',
      '2101102 事业单位医疗',
      ' 合计',
    ]);
  });

  it('puts none together where a class\'s name so made is not its code\'s', () => {
    const text = fixtureText(FILE).replace('社会保障和就业\n208', '社会保障和失业\n208');
    const t = reportOf(text, FILE).tables.find((x) => x.id === '公开05')!;
    expect(t.rows.find((r) => r.code === '2080506')!.name).toBe('');
  });
});

// 规划和自然资源局 2024 决算's 一般公共预算财政拨款支出决算表 (a WPS sheet), names centred in tall rows
// whose figures sit at the foot: pdftotext -layout sets 行政运行 wholly above 2120101, pdfplumber's
// layout text every one-line name (卫生健康支出 / 210), the others half above, half below
describe.each([
  ['pdftotext -layout', 'text/layout-risen-names.txt', 112],
  ["pdfplumber's layout text", 'text/plumber-layout-risen-names.txt', 149],
])('a WPS table through %s: names risen a line above their rows', (_, file, findingLine) => {
  it('puts every name together as the PDF prints it', () => {
    const t = reportOf(fixtureText(file), file).tables.find((x) => x.id === '公开05')!;
    expect(t.rows.map((r) => `${r.code ?? ''} ${r.name}`)).toEqual([
      '208 社会保障和就业支出', '20805 行政事业单位养老支出', '2080501 行政单位离退休', '2080502 事业单位离退休',
      '2080505 机关事业单位基本养老保险缴费支出', '2080506 机关事业单位职业年金缴费支出', '2080599 其他行政事业单位养老支出',
      '210 卫生健康支出', '21011 行政事业单位医疗', '2101101 行政单位医疗', '2101102 事业单位医疗',
      '212 城乡社区支出', '21201 城乡社区管理事务', '2120101 行政运行', '21202 城乡社区规划与管理', '2120201 城乡社区规划与管理',
      '220 自然资源海洋气象等支出', '22001 自然资源事务', '2200150 事业运行', '2200199 其他自然资源事务支出',
      '221 住房保障支出', '22102 住房改革支出', '2210201 住房公积金', '2210203 购房补贴', ' 合计',
    ]);
  });

  it('checks the narrative\'s 类/款/项 against them, as the PDF is checked', async () => {
    const { diagnostics } = await lintFile(path.join(FIXTURES, file), await builtinRules());
    expect(diagnostics.map((d) => [d.ruleId, d.line, d.message])).toEqual([
      ['叙述/科目名称与表不符', findingLine, '「社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位退休人员活动费支出（项）」：一般公共预算财政拨款支出决算表的「20805 行政事业单位养老支出」下没有「机关事业单位退休人员活动费支出（项）」，这一金额未与表核对'],
    ]);
  });
});

describe('a coded table whose figures stand out of step with its codes', () => {
  // each row's figures moved one row down (the first row's to the second…): most class totals then
  // differ from their items' sum
  const shifted = () => {
    const lines = fixtureText(FILE).split('\n');
    const rows = lines.map((l, i) => ({ l, i })).filter(({ l }) => /^\d{3,7} /.test(l));
    const figures = rows.map(({ l }) => l.match(/(?: [\d,]+\.\d\d)+$/)![0]);
    for (const [k, { l, i }] of rows.entries()) lines[i] = l.slice(0, l.length - figures[k].length) + figures[(k + rows.length - 1) % rows.length];
    return lines.join('\n');
  };

  it('is said unread, not checked row by row', async () => {
    const text = shifted();
    const t = reportOf(text, FILE).tables.find((x) => x.id === '公开05')!;
    expect(t.unread).toBe('5 个上级科目中有 5 个与其下级之和对不上，提取的文字可能把数字与科目错开了行');
    const ds = await lintText(text, FILE);
    expect(ds.filter((d) => d.ruleId.startsWith('科目/') || d.ruleId.startsWith('叙述/'))).toEqual([]);
    // the command says so: 读取/表格未能读取 names the table and the reason
    const dir = mkdtempSync(path.join(tmpdir(), 'budget-lint-test-'));
    const file = path.join(dir, 'shifted.txt');
    writeFileSync(file, text);
    const { diagnostics } = await lintFile(file, await builtinRules());
    expect(diagnostics.find((d) => d.ruleId === '读取/表格未能读取')?.message).toBe(
      '「一般公共预算财政拨款支出决算表」未能读取：5 个上级科目中有 5 个与其下级之和对不上，提取的文字可能把数字与科目错开了行；这张表的核对都已跳过',
    );
  });

  it('…while one mistyped class total is reported as the document\'s own', async () => {
    const ds = await lintText(fixtureText(FILE).replace('208 1,482.13', '208 1,483.13'), FILE);
    expect(ds.filter((d) => d.ruleId === '科目/上下级合计').map((d) => d.message)).toEqual([
      '一般公共预算财政拨款支出决算表 208 社会保障和就业支出「小计」为 1,483.13 万元，其下级科目之和为 1,482.13 万元，相差 1.00 万元',
      '一般公共预算财政拨款支出决算表 合计「小计」为 1,735.38 万元，其下级科目之和为 1,736.38 万元，相差 1.00 万元',
    ]);
    expect(reportOf(fixtureText(FILE).replace('208 1,482.13', '208 1,483.13'), FILE).tables[0].unread).toBeNull();
  });
});
