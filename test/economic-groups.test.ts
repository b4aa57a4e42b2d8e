/**
 * 人员经费 and 公用经费 said of a 基本支出 table that lists economic classes alone (江苏's 财政拨款基本
 * 支出预算表: 301, 302, 303 under one 金额): compared with the sum of the classes the catalogue's
 * economicGroups name (叙述/经济分类之和). Before, such claims were compared with nothing.
 */
import { describe, expect, it } from 'vitest';
import { addCatalogFile, defaultCatalog, loadCatalog } from '../src/model/tables/catalog.js';
import { buildReport } from '../src/model/index.js';
import { splitLines } from '../src/ingest/index.js';
import { fixtureText, lintText, reportOf } from './helpers.js';

// 江苏 委办 2017: 301 3,920.22, 302 2,144.60, 303 3,899.25 in both 基本支出 tables, no 人员经费 column printed
const tables = fixtureText('text/lines-jiangsu-tables.txt');
const narrative = (staff: string, section = '六、财政拨款基本支出预算情况说明') =>
  `${tables}\n第三部分 情况说明\n${section}\n2017年基本支出预算 9,964.07 万元，其中：人员经费 ${staff} 万元，公用经费 2,144.60 万元。\n`;

const said = async (text: string) => (await lintText(text)).filter((d) => d.ruleId === '叙述/经济分类之和').map((d) => [d.message, d.table, d.row, d.tableColumn]);

describe('人员经费 and 公用经费 against the economic classes they group', () => {
  it('links them to the rows they add up, in the table their section is about', () => {
    const claims = (section?: string) => reportOf(narrative('7,819.47', section)).claims.filter((c) => c.sumOf).map((c) => [c.subject, c.sumOf]);
    expect(claims()).toEqual([
      ['人员经费', { table: '预算/财政拨款基本支出表', rows: ['301', '303'], column: '合计', name: '人员经费' }],
      ['公用经费', { table: '预算/财政拨款基本支出表', rows: ['302'], column: '合计', name: '公用经费' }],
    ]);
    expect(claims('九、一般公共预算基本支出预算情况说明').map(([, l]) => (l as { table: string }).table)).toEqual(['部门公开表6', '部门公开表6']);
    // outside a section on 基本支出, which table is meant is not known
    expect(claims('三、支出预算情况说明')).toEqual([]);
  });

  it('says nothing where the sum agrees, and names the classes and the difference where it does not', async () => {
    expect(await said(narrative('7,819.47'))).toEqual([]);
    expect(await said(narrative('7,829.47'))).toEqual([
      ['「人员经费」文中写 7,829.47 万元，财政拨款基本支出预算表 301 工资福利支出、303 对个人和家庭的补助之和「合计」为 7,819.47 万元，相差 10.00 万元', '预算/财政拨款基本支出表', '301+303', '合计'],
    ]);
  });

  it('leaves alone a table that prints 人员经费 itself (haidong: 合计 | 人员经费 | 公用经费)', () => {
    const budget = fixtureText('text/budget.txt');
    const report = reportOf(`${budget}\n六、一般公共预算基本支出预算情况说明\n人员经费 999.00 万元。\n`);
    const claim = report.claims.find((c) => c.subject === '人员经费' && c.figures.amount.raw === '999.00')!;
    expect(claim.sumOf).toBeUndefined();
    expect(claim.link).toMatchObject({ table: '部门公开表6', column: '人员经费' });
  });

  it('takes the groups from the catalogue: a province may name its own, and a malformed code is said with its place', () => {
    expect(defaultCatalog().economicGroups.get('人员经费')).toEqual(['301', '303']);
    const catalog = loadCatalog();
    addCatalogFile(catalog, 'mine.yaml', 'economicGroups:\n  公用经费: ["302"]\n');
    expect(catalog.economicGroups.get('公用经费')).toEqual(['302']);
    const report = buildReport(splitLines('doc.txt', narrative('7,819.47')), catalog);
    expect(report.claims.find((c) => c.subject === '公用经费')?.sumOf?.rows).toEqual(['302']);
    expect(() => addCatalogFile(loadCatalog(), 'bad.yaml', 'economicGroups:\n  人员经费: ["301", "3x3"]\n')).toThrow(/bad\.yaml:2:.*3x3/);
  });
});
