/**
 * Tables that list projects by name (a 项目支出预算表), which none of the corpus documents or real
 * PDFs we have prints: read from budget.txt with one inserted, and the forms' projects looked up
 * in it (自评表/项目不在表中).
 */
import { describe, expect, it } from 'vitest';
import { nameKey, nameListed } from '../src/model/project-names.js';
import { fixtureText, lineOf, lintText, mutate, reportOf, runCliWith } from './helpers.js';

const BUDGET = 'text/budget.txt';
const HEADING = '第三部分 部门预算情况说明';

/** budget.txt with a 部门项目支出预算表 of the given rows before its narrative */
function withProjectTable(rows: string[]): string {
  const table = ['部门项目支出预算表', '单位：万元', '', '项目名称 合计 一般公共预算拨款', '合计 766.77 766.77', ...rows, '', HEADING].join('\n');
  return mutate(fixtureText(BUDGET), HEADING, table);
}

const ROWS = ['1 政府雇员工作经费项目 1.00 1.00', '2 编制外长期聘用人员（支出） 18.39 18.39', '3 两定机构准入、稽核及药品带量', '采购考核工作 747.38 747.38'];

describe('a table that lists projects by name', () => {
  it('reads a row per project, a name wrapped before its figures joined, the 序号 left out, under its 合计', () => {
    const t = reportOf(withProjectTable(ROWS), BUDGET).tables.find((x) => x.id === '预算/项目支出表')!;
    expect({ title: t.title, unread: t.unread, columns: t.columns.map((c) => c.key) }).toEqual({ title: '部门项目支出预算表', unread: null, columns: ['合计', '一般公共预算拨款'] });
    expect(t.rows.map((r) => [r.key, r.kind, r.parent ?? null, r.cells['合计']?.raw])).toEqual([
      ['合计', 'total', null, '766.77'],
      ['政府雇员工作经费项目', 'item', '合计', '1.00'],
      ['编制外长期聘用人员（支出）', 'item', '合计', '18.39'],
      ['两定机构准入、稽核及药品带量采购考核工作', 'item', '合计', '747.38'],
    ]);
  });

  it('reads words under the last row\'s figures as the end of its name, and says so', () => {
    const report = reportOf(withProjectTable(['1 两定机构准入、稽核及药品带量 747.38 747.38', '采购考核工作']), BUDGET);
    const t = report.tables.find((x) => x.id === '预算/项目支出表')!;
    expect(t.rows.map((r) => r.name)).toEqual(['合计', '两定机构准入、稽核及药品带量采购考核工作']);
    expect(report.notes.map((n) => n.message)).toContain('预算/项目支出表: 「采购考核工作」在最后一行数字之下，读作该行名称的末尾');
  });

  it('finds every form\'s project in it: silent', async () => {
    expect((await lintText(withProjectTable(ROWS), BUDGET)).map((d) => d.ruleId)).toEqual([]);
  });

  it('warns of a form whose project it does not list, at the form', async () => {
    const text = withProjectTable(ROWS.map((r) => r.replace('编制外长期聘用人员（支出）', '编制外人员聘用支出')));
    const found = (await lintText(text, BUDGET)).filter((d) => d.ruleId === '自评表/项目不在表中');
    expect(found.map((d) => [d.severity, d.line, d.message])).toEqual([
      [1, lineOf(text, '630200', '雇员满意度'), '「编制外长期聘用人员支出」在本文件的项目支出表（列有 3 个项目）中找不到，名称去掉空格、括号和末尾的“项目”后也对不上'],
    ]);
  });
});

describe('a project name printed two ways', () => {
  it('is the same name without spacing, brackets, 序号 and a trailing 项目', () => {
    expect(nameKey('（一）政府雇员 工作经费（项目）')).toBe('政府雇员工作经费');
    expect(nameListed('编制外长期聘用人员支出', ['编制外长期聘用人员（支出）'])).toBe(true);
    expect(nameListed('政府雇员工作经费', ['政府雇员工作经费项目'])).toBe(true);
  });

  it('is found across two rows a wrapped name was read as, and not found where the words differ', () => {
    expect(nameListed('两定机构准入、稽核及药品带量采购考核工作', ['两定机构准入、稽核及药品带量', '采购考核工作下一个项目'])).toBe(true);
    expect(nameListed('编制外长期聘用人员支出', ['编制外人员聘用支出', '政府雇员工作经费'])).toBe(false);
  });
});

describe('a table of that title that lists 科目 by code', () => {
  const CODED = ['2010301 行政运行 1.00 1.00', '2010350 事业运行 18.39 18.39', '2210201 住房公积金 747.38 747.38'];
  const SPLIT = ['201 03 01 行政运行 1.00 1.00', '201 03 50 事业运行 18.39 18.39', '221 02 01 住房公积金 747.38 747.38'];
  it.each([['7-digit codes', CODED], ['类 款 项 in columns', SPLIT]])('with %s is not read as projects, and says why; no project is said missing from it', async (_, rows) => {
    const text = withProjectTable(rows);
    const t = reportOf(text, BUDGET).tables.find((x) => x.id === '预算/项目支出表')!;
    expect(t.unread).toMatch(/^各行以科目编码开头（如「(2010301|201)」），是按科目列示的表，不是按项目名称列示的表$/);
    expect((await lintText(text, BUDGET)).filter((d) => d.ruleId === '自评表/项目不在表中')).toEqual([]);
    // the command says it was not read, where it stands
    const r = await runCliWith({ stdin: text }, '--stdin', '--stdin-filename', 'budget.txt', '-f', 'json');
    const said = JSON.parse(r.out)[0].messages.filter((d: { ruleId: string }) => d.ruleId === '读取/表格未能读取');
    expect(said.map((d: { line: number; message: string }) => [d.line, /^「部门项目支出预算表」未能读取：各行以科目编码开头/.test(d.message)])).toEqual([[lineOf(text, '部门项目支出预算表'), true]]);
  });
});
