/**
 * Honest degradation of extracted text: a table the reader found but could not read is said, and
 * is not said missing (形式/必备表). The fixture is a line-by-line extraction (characters grouped
 * by baseline, a space where the gap is over 3 pt) of a real 江苏 disclosure:
 * lines-jiangsu-tables.txt is 江苏省委办公厅2017年预算公开表格 whole.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFile } from '../src/cli/lint.js';
import { loadCatalog } from '../src/model/index.js';
import { kindsByTitle } from '../src/model/tables/kinds.js';
import { builtinRules, FIXTURES, fixtureText, lineOf, mutate, reportOf } from './helpers.js';

const TABLES = 'text/lines-jiangsu-tables.txt';

async function lint(name: string, text = fixtureText(name)) {
  return lintFile(path.join(FIXTURES, name), await builtinRules(), { bytes: Buffer.from(text) });
}

describe('a table found but not read counts as there', () => {
  it('names every kind a shared title names, and one for the others', () => {
    const catalog = loadCatalog();
    expect(kindsByTitle(catalog, '收入预算总表')).toEqual(['部门公开表2', '预算/收入来源表']);
    expect(kindsByTitle(catalog, '2019年支出预算总表')).toEqual(['部门公开表3']);
    expect(kindsByTitle(catalog, '财政拨款收支预算总表')).toEqual(['部门公开表4']);
    expect(kindsByTitle(catalog, '部门简介表')).toEqual([]);
  });

  it(`${TABLES}: the 收入预算总表 the header did not tell apart is read as 收入总表, found unread, and still there`, async () => {
    const r = reportOf(fixtureText(TABLES), TABLES);
    const income = r.tables.find((t) => t.title === '收入预算总表')!;
    expect([income.id, income.titleKinds, income.rows.length, income.unread]).toEqual([
      '部门公开表2',
      ['部门公开表2', '预算/收入来源表'],
      0,
      '表中印有数字，但没有一行能按这种表的版式读出（版式与已知的不同）',
    ]);
    expect(r.family?.id).toBe('部门预算（江苏十二张表）');
    const { fatal, diagnostics } = await lint(TABLES);
    expect(fatal).toBeNull();
    // as the PDF's, with the table it could not read said (and no 形式/必备表 for it)
    expect(diagnostics.map((d) => [d.ruleId, d.page, d.line])).toEqual([
      ['读取/表格未能读取', 2, 30],
      ['形式/空表说明', 7, 122],
      ['表间/机关运行经费不超过公用经费', 10, 181],
    ]);
    expect(diagnostics[0].message).toBe('「收入预算总表」（第 2 页）未能读取：表中印有数字，但没有一行能按这种表的版式读出（版式与已知的不同）；这张表的核对都已跳过');
  });

  it(`${TABLES}: without its title the table is missing, and said so`, async () => {
    const text = mutate(fixtureText(TABLES), '\f收入预算总表\n', '\f\n');
    const { diagnostics } = await lint(TABLES, text);
    expect(diagnostics.filter((d) => d.ruleId === '形式/必备表').map((d) => d.message)).toEqual(['未找到「收入预算总表（按资金来源列示）」（预算/收入来源表）']);
  });
});
