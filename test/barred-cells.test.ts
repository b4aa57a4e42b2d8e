/**
 * Tables whose cells are parted by bars in text: a web page's or a viewer's table copied as text
 * (`合 计 | 1.8 | 1.52 |`, a blank cell `||`), a Markdown table. Each bar between cells is a cell
 * boundary, as a tab is in a sheet saved as text: the rows are read whole. Copied one cell to a
 * line (`18 |` / `6.28 |`), the layout is lost, and said so: before, the bar kept each figure
 * from standing alone, and the 三公 grid read 6.28 (the 决算数) as its 预算数 合计, a false
 * 叙述/金额与表一致 of 18 against 6.28 (seen on 安徽 portals' 三公 pages copied as text).
 */
import { describe, expect, it } from 'vitest';
import { splitLines } from '../src/ingest/index.js';
import { lintText, reportOf } from './helpers.js';

const SANGONG = '一、2021年度一般公共预算财政拨款“三公”经费支出决算表';
const SENTENCE = '某市某协会2021年度一般公共预算财政拨款“三公”经费支出预算为2.6万元,支出决算为2.17万元,完成预算的83.46%。';
const values = (t: { rows: Array<{ key: string; cells: Record<string, { raw: string }> }> }) =>
  t.rows.map((r) => [r.key, Object.fromEntries(Object.entries(r.cells).filter(([, c]) => c.raw !== '').map(([k, c]) => [k, c.raw]))]);

describe('cells parted by bars', () => {
  it('each bar between two cells is a tab; the bars that open or close a row are spaces; a Markdown rule is no row', () => {
    const { lines } = splitLines('t.txt', ['合 计 | 1.8 | 1.52 |', '因公出国(境)费 | ||', '| 项目 | 金额 |', '|---|:---:|', '18 |', '说明 a｜b'].join('\n'));
    expect(lines.map((l) => l.text)).toEqual(['合 计 \t 1.8 \t 1.52  ', '因公出国(境)费 \t \t ', '  项目 \t 金额  ', '', '18  ', '说明 a\tb']);
  });

  it('one stray bar (a page header) does not make an extractor\'s gap tabs cells', () => {
    // pdf.js-based text: a tab between a line's text items, none for a blank cell, on many lines
    const gaps = Array.from({ length: 24 }, (_, k) => `${2010101 + k}\t行政运行\t${k + 1}.00`);
    const { lines } = splitLines('t.txt', ['第 3 页 | 共 9 页', ...gaps].join('\n'));
    expect(lines[1].text).toBe('2010101 行政运行 1.00');
    const rows = splitLines('t.txt', ['第 3 页 | 共 9 页', '合 计 | 1.8 | 1.52 |', ...gaps].join('\n')).lines;
    expect(rows[2].text).toBe('2010101\t行政运行\t1.00');
  });

  it('a 三公 table a row to a line: read whole, blank cells blank, and consistent with its sentence', async () => {
    const text = [
      SANGONG,
      '单位:万元',
      '项 目 | 预 算 数 | 决 算 数 |',
      '合 计 | 2.6 | 2.17 |',
      '因公出国(境)费 | ||',
      '公务接待费 | 2.6 | 2.17 |',
      '公务用车购置及运行维护费 | ||',
      '其中:公务用车运行维护费 | ||',
      '公务用车购置费 | ||',
      '二、2021年度一般公共预算财政拨款“三公”经费支出情况说明',
      SENTENCE,
    ].join('\n');
    const [table] = reportOf(text, 'sangong.txt').tables;
    expect([table.id, table.unread]).toEqual(['公开09', null]);
    expect(values(table)).toEqual([['合计', { '预算数.合计': '2.6', '决算数.合计': '2.17', '预算数.公务接待费': '2.6', '决算数.公务接待费': '2.17' }]]);
    expect(await lintText(text, 'sangong.txt')).toEqual([]);
    // the same sentence against another 预算数 in the table: found, against the barred cell
    const off = await lintText(text.replace('合 计 | 2.6 |', '合 计 | 2.9 |'), 'sangong.txt');
    expect(off.filter((d) => d.ruleId === '叙述/金额与表一致').map((d) => [d.line, d.message])).toEqual([
      [11, expect.stringMatching(/文中写 2\.6 万元.*「预算数\.合计」为 2\.9 万元，相差 0\.3 万元/)],
    ]);
  });

  // 天津 西青 2016: the 三公 budget alone (no 上年/本年 words), a row of cells and empty cells past the table's edge;
  // under 公务用车费 its 小计, then 运行维护费 before 购置费 (the catalogue's order is the other)
  const ONE_YEAR = (figures: string) => [
    '某区某局2016年“三公”经费预算公开',
    '某区某局2016年“三公”经费预算 | |||||||',
    '财政拨款情况表 | |||||||',
    '| | | | | 单位:万元 | ||',
    '合 计 | 因公出国(境)费 | 公务用车费 | 公务接待费 | ||||',
    '小 计 | 公务用车运行维护费 | 公务用车购置费 | |||||',
    `${figures} | ||`,
    '某区某局2016年“三公”经费预算财政拨款情况说明',
    '2016年“三公”经费财政拨款预算3.2万元,比2015年预算减少1.03万元。',
  ].join('\n');

  it('one year\'s 三公 figures under no group word: this year\'s, empty cells past the edge no columns, the header\'s order kept', async () => {
    const [table] = reportOf(ONE_YEAR('3.2 | 0 | 1.2 | 1.2 | 0 | 2'), 'sangong.txt').tables;
    expect([table.id, table.unread]).toEqual(['部门公开表7', null]);
    expect(values(table)).toEqual([['合计', { '本年预算数.合计': '3.2', '本年预算数.因公出国（境）费': '0', '本年预算数.公务用车购置及运行维护费': '1.2', '本年预算数.公务用车运行维护费': '1.2', '本年预算数.公务用车购置费': '0', '本年预算数.公务接待费': '2' }]]);
    // before: the figures went to 上年预算数, and the sentence's 3.2 was compared with a blank 本年预算数 合计
    expect(await lintText(ONE_YEAR('3.2 | 0 | 1.2 | 1.2 | 0 | 2'), 'sangong.txt')).toEqual([]);
  });

  it('…and where the header prints 公务接待费 before 公务用车 (上海\'s order), the 小计 under 公务用车 names its subtotal', async () => {
    const text = ONE_YEAR('3.2 | 0 | 2 | 1.2 | 0 | 1.2')
      .replace('合 计 | 因公出国(境)费 | 公务用车费 | 公务接待费 | ||||', '合 计 | 因公出国(境)费 | 公务接待费 | 公务用车费 | ||||')
      .replace('小 计 | 公务用车运行维护费 | 公务用车购置费 | |||||', '小 计 | 公务用车购置费 | 公务用车运行维护费 | |||||');
    const [table] = reportOf(text, 'sangong.txt').tables;
    expect(values(table)).toEqual([['合计', { '本年预算数.合计': '3.2', '本年预算数.因公出国（境）费': '0', '本年预算数.公务接待费': '2', '本年预算数.公务用车购置及运行维护费': '1.2', '本年预算数.公务用车购置费': '0', '本年预算数.公务用车运行维护费': '1.2' }]]);
    expect(await lintText(text, 'sangong.txt')).toEqual([]);
  });

  it('a 三公 table a cell to a line: said unread, and no figure of it checked', async () => {
    const cells = ['项 目', '预 算 数', '决 算 数', '合 计', '2', '1.17', '因公出国(境)费', '0', '0', '公务接待费', '2', '1.17', '公务用车购置及运行费', '0', '0', '其中:公务用车运行维护费', '0', '0', '公务用车购置', '0', '0'];
    const text = [SANGONG, '单位:万元', ...cells.map((c) => `${c} |`), '二、2021年度一般公共预算财政拨款“三公”经费支出情况说明', SENTENCE.replace('2.6万元', '2万元').replace('2.17万元', '1.17万元').replace('83.46%', '58.5%')].join('\n');
    expect(reportOf(text, 'sangong.txt').tables.map((t) => [t.id, t.unread])).toEqual([['公开09', expect.stringMatching(/^提取的文本没有保留表格的版面（单元格各占一行/)]]);
    expect(await lintText(text, 'sangong.txt')).toEqual([]);
  });

  it('…and where rows of bars alone stand between the cells (`||||||`, a web page\'s empty rows): still unread, not an empty table', async () => {
    // 安徽庐江 2020: the grid took 合计's first 0.00 for its row and the table for an empty one (a false 形式/空表说明)
    const cells = ['项目', '预算数', '决算数', '||||||', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '||', '因公出国(境)费', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '|', '公务接待费', '8.50', '8.50', '0.00', '4.50', '4.50', '0.00', '|'];
    const text = [SANGONG, '编制部门:某中学 |', '金额单位:万元 |', ...cells.map((c) => (c.startsWith('|') ? c : `${c} |`)), '二、2021年度一般公共预算财政拨款“三公”经费支出情况说明'].join('\n');
    expect(reportOf(text, 'sangong.txt').tables.map((t) => [t.id, t.unread])).toEqual([['公开09', expect.stringMatching(/^提取的文本没有保留表格的版面（单元格各占一行/)]]);
    expect((await lintText(text, 'sangong.txt')).map((d) => d.ruleId)).not.toContain('形式/空表说明');
  });
});
