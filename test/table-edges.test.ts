/**
 * Lines at a table's edges that carry digits but no figures: a sign-off under its rows
 * (单位负责人：… 制表人：… 联系电话：…, 填报日期：…, or a date alone), which ends the table, and a
 * page's footer where the table breaks over a page (第 12 页 共 30 页, 共 30 页 第 12 页, - 12 -);
 * and a cell printed / (not applicable), which states nothing, as a dash does: a figure after it
 * in the same row's span is the row's.
 */
import { describe, expect, it } from 'vitest';
import { fixtureText, lintText, mutate, reportOf } from './helpers.js';

const LAST_ROW = '2210201    住房公积金 32.44 32.44\n';
const SIGN_OFFS = ['2025年1月20日', '填报日期：2025年1月20日', '单位负责人：王五 财务负责人：赵六 制表人：孙七 电话：0972-8123456', '联系人：孙七    联系电话：13912345678'];

describe('a sign-off under the last row of 部门公开表5', () => {
  const text = fixtureText('text/budget.txt');
  const cellsOf = (t: string) => reportOf(t).tables.find((x) => x.id === '部门公开表5')!.rows.map((r) => [r.key, Object.values(r.cells).map((c) => c.raw), r.unplaced.map((c) => c.raw)]);

  it('leaves the rows as printed', () => {
    const clean = cellsOf(text);
    for (const line of SIGN_OFFS) expect([line, cellsOf(mutate(text, LAST_ROW, `${LAST_ROW}${line}\n`))]).toEqual([line, clean]);
  });

  // read as a figure of 2210201, 2025 gave 32.44 against 32.44 + 2,025
  it('keeps the consistent document silent', async () => {
    for (const line of SIGN_OFFS) expect([line, await lintText(mutate(text, LAST_ROW, `${LAST_ROW}${line}\n`))]).toEqual([line, []]);
  });

  it('above the rows, by the unit line, is furniture: the rows are still read', () => {
    const dated = mutate(text, '部门公开表5\n', '部门公开表5\n2025年1月20日\n');
    expect(cellsOf(dated)).toEqual(cellsOf(text));
  });
});

describe('a page footer where 部门公开表5 breaks over a page', () => {
  const text = fixtureText('text/budget.txt');
  const ROW = '2101102    事业单位医疗 10.35 10.35\n';
  const cellsOf = (t: string) => reportOf(t).tables.find((x) => x.id === '部门公开表5')!.rows.map((r) => [r.key, Object.values(r.cells).map((c) => c.raw), r.unplaced.map((c) => c.raw)]);

  // 共 30 页 第 12 页 gave 2101102 the figures 30 and 12
  it('is no row, whichever way the page and the page count are set', async () => {
    const clean = cellsOf(text);
    for (const footer of ['第 12 页 共 30 页', '共 30 页 第 12 页', '第12页，共30页', '- 12 -', '12/30']) {
      const broken = mutate(text, ROW, `${ROW}${footer}\n\f`);
      expect([footer, cellsOf(broken)]).toEqual([footer, clean]);
      expect([footer, await lintText(broken)]).toEqual([footer, []]);
    }
  });
});

describe('cells printed / or ／ where the consistent budget prints 0.00', () => {
  const text = fixtureText('text/budget.txt');
  const sangong = (t: string) => reportOf(t).tables.find((x) => x.id === '部门公开表7')!;

  // taken for words, the slashes left the 三公 grid's 12 columns with fewer figures: the table unread
  it('reads every table, the 三公 grid included, and stays silent', async () => {
    for (const slash of ['/', '／']) {
      const slashed = text.replace(/ 0\.00\b/g, ` ${slash}`);
      expect(slashed).not.toBe(text);
      const grid = sangong(slashed);
      expect([slash, grid.unread, Object.values(grid.rows[0].cells).map((c) => c.value)]).toEqual([slash, null, Object.values(sangong(text).rows[0].cells).map((c) => c.value)]);
      expect([slash, await lintText(slashed)]).toEqual([slash, []]);
    }
  });
});

describe('a 公开06 whose 公用经费合计 row prints its middle group\'s empty amount cell as - or /', () => {
  // the total stands in the last group's column; taken for the row's figure, the dash made
  // 公用经费合计 0.00 against 175.28 of its parts, and 175.28 was dropped without a word
  it('reads 175.28 as 公用经费合计, as where the cell is blank', () => {
    const text = fixtureText('pdf/corpus-qinghai-province-2023-final.txt');
    const total = (t: string) => reportOf(t).tables.find((x) => x.id === '公开06')!.rows.find((r) => r.key === '公用经费合计')!;
    expect(Object.values(total(text).cells).map((c) => c.raw)).toEqual(['175.28']);
    for (const mark of ['-', '/']) {
      const marked = mutate(text, '公用经费合计\t\t\t\t\t175.28', `公用经费合计\t\t${mark}\t\t\t175.28`);
      expect([mark, Object.values(total(marked).cells).map((c) => c.raw)]).toEqual([mark, ['175.28']]);
    }
  });
});
