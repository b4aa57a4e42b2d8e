/**
 * A figure printed ######## (a spreadsheet's number wider than its column) is printed nowhere:
 * its table is said unread, with where, never read with the figure as a blank (layout-hashed.calc.pdf
 * in layouts-calc.test.ts is the same in a PDF).
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { lintFile } from '../src/cli/lint.js';
import { builtinRules, FIXTURES, fixtureText, lintText, mutate, reportOf } from './helpers.js';

const HASHED = mutate(fixtureText('text/budget.txt'), '301 工资福利支出 399.28 399.28', '301 工资福利支出 ######## ########');

describe('a text whose 工资福利支出 row prints ######## for both its figures', () => {
  it('leaves that table unread, naming the line and the mark', () => {
    const t = reportOf(HASHED, 'budget.txt').tables.find((x) => x.id === '部门公开表6')!;
    expect([t.rows.length, t.unread]).toEqual([0, '第 387 行等 2 处的数字印成了「########」（栏宽不够，数字没有印出来，公开的表上也看不到）']);
  });

  // read as blanks they gave 合计 448.58 against 49.29, and 301 0.00 against 447.93
  it('finds nothing else: the consistent document stays silent', async () => {
    expect(await lintText(HASHED, 'budget.txt')).toEqual([]);
  });

  it('takes ### set against the next cell\'s words (text that glues cells) for a figure not printed', () => {
    const glued = mutate(fixtureText('text/budget.txt'), '301 工资福利支出 399.28 399.28', '301 工资福利支出 ###一、工资 399.28');
    expect(reportOf(glued, 'budget.txt').tables.find((x) => x.id === '部门公开表6')!.unread).toBe('第 387 行的数字印成了「###」（栏宽不够，数字没有印出来，公开的表上也看不到）');
  });

  it('takes # in a name for no figure (1#楼维修)', () => {
    const named = mutate(fixtureText('text/budget.txt'), '301 工资福利支出 399.28 399.28', '301 工资福利支出#1 399.28 399.28');
    expect(reportOf(named, 'budget.txt').tables.find((x) => x.id === '部门公开表6')!.unread).toBeNull();
  });
});

describe('a figure printed in scientific notation (7.46E+06): a General-format number wider than its column', () => {
  const YUAN = fixtureText('text/final-yuan-tabbed.txt');
  const exponent = (to: string) => mutate(YUAN, '八、社会保障和就业支出\t39\t7,459,946.32', `八、社会保障和就业支出\t39\t${to}`);

  // read as 7.46 (E+06 a name), the 总表 gave three false errors of 7,459,938.86 元
  it('leaves the table unread, naming the line and the figure as printed', () => {
    const t = reportOf(exponent('7.46E+06'), 'final.txt').tables.find((x) => x.id === '公开01')!;
    expect([t.rows.length, t.unread]).toEqual([0, '第 17 行的数字印成了「7.46E+06」（科学记数法：栏宽不够，只印出了前几位，公开的表上也看不到准确的数）']);
  });

  it('finds nothing but that the table was not read', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'exponent-')), 'final.txt');
    writeFileSync(file, exponent('7E+06'));
    const { fatal, diagnostics } = await lintFile(file, await builtinRules());
    const asPrinted = await lintFile(path.join(FIXTURES, 'text/final-yuan-tabbed.txt'), await builtinRules());
    expect(fatal).toBeNull();
    expect(diagnostics.filter((d) => d.ruleId === '读取/表格未能读取').map((d) => d.message)).toEqual([
      '「收入支出决算总表」未能读取：第 17 行的数字印成了「7E+06」（科学记数法：栏宽不够，只印出了前几位，公开的表上也看不到准确的数）；这张表的核对都已跳过',
    ]);
    const others = (ds: typeof diagnostics) => ds.filter((d) => d.ruleId !== '读取/表格未能读取').map((d) => [d.ruleId, d.line, d.message]);
    expect(others(diagnostics)).toEqual(others(asPrinted.diagnostics));
  });

  it('takes a name with E+ in it for no figure', () => {
    const named = mutate(YUAN, '八、社会保障和就业支出\t39', '八、社会保障和就业支出（E+3项目）\t39');
    expect(reportOf(named, 'final.txt').tables.find((x) => x.id === '公开01')!.unread).toBeNull();
  });
});

describe('a 支出决算表 left unread for a ###### cell, the narrative naming its figures', () => {
  // the narrative's 合计 of 公开05 looks for the same figure in 公开03: an unread table has no
  // columns, and the look-up failed the whole document as an internal error
  it('is said unread, and the rest of the document is linted', async () => {
    const text = mutate(fixtureText('pdf/corpus-guizhou-office-2023-final.txt'), '208\t社会保障和就业支出\t357.80\t73.90\t283.90\t0.00\t0.00\t0.00', '208\t社会保障和就业支出\t######\t73.90\t283.90\t0.00\t0.00\t0.00');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'hashed-')), 'guizhou.txt');
    writeFileSync(file, text);
    const { fatal, diagnostics } = await lintFile(file, await builtinRules());
    expect(fatal).toBeNull();
    expect(diagnostics.filter((d) => d.ruleId === '读取/表格未能读取').map((d) => [d.table, d.message])).toEqual([
      ['公开03', '「支出决算表」未能读取：第 79 行的数字印成了「######」（栏宽不够，数字没有印出来，公开的表上也看不到）；这张表的核对都已跳过'],
    ]);
    // every finding of the document as printed, the narrative's and the forms' included, is still made
    const printed = await lintFile(path.join(FIXTURES, 'pdf/corpus-guizhou-office-2023-final.txt'), await builtinRules());
    const found = (ds: typeof diagnostics) => ds.filter((d) => d.ruleId !== '读取/表格未能读取').map((d) => [d.ruleId, d.line, d.message]);
    expect(printed.diagnostics.length).toBe(5);
    expect(found(diagnostics)).toEqual(found(printed.diagnostics));
  });
});
