/**
 * A 三公 table published on its own and printed turned, a row per item (fixtures/pdf-src/
 * sangong-turned-*.json, as 安徽 and 湖南 county departments publish it): a final account's
 * 预算数 | 决算数 with cells left blank (因公出国（境）费 20 and no 决算数), and a budget in whole
 * 元 under 2016年执行数 | 2017年预算数 with the first column empty, items named 3、公务用车费 and
 * （2）公务用车购置, counts below them. Each is read item by item from both producers' PDFs and
 * from its text, gives one and the same finding (the final's 0.006%, a real misprint of the page
 * it comes from) and is not asked for the tables of a full disclosure it does not claim to be.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PDF_ENGINES, readDocument, splitLines } from '../src/ingest/index.js';
import { buildReport, type Report } from '../src/model/index.js';
import { runRules, type Rule } from '../src/rules/index.js';
import { builtinRules, FIXTURES, mutate } from './helpers.js';

const FILES = (name: string) => [`${name}.txt`, `${name}.chromium.pdf`, `${name}.libreoffice.pdf`];
const read = async (file: string, engine?: (typeof PDF_ENGINES)[number]) => buildReport(await readDocument(path.join(FIXTURES, 'pdf', file), engine ? { pdfEngine: engine } : {}));
const cells = (r: Report, id: string) => {
  const t = r.tables.find((x) => x.id === id)!;
  return { unread: t.unread, cells: Object.fromEntries(Object.entries(t.rows[0]?.cells ?? {}).map(([k, c]) => [k, c.blank ? '' : c.raw])) };
};

describe('a 三公 table printed turned, published alone', () => {
  let rules: Rule[];
  beforeAll(async () => {
    rules = await builtinRules();
  });

  for (const file of FILES('sangong-turned-final')) {
    for (const engine of file.endsWith('.pdf') ? PDF_ENGINES : [undefined]) {
      it(`${file}${engine ? ` (${engine})` : ''}: 预算数 | 决算数 read item by item, blanks where nothing is printed`, async () => {
        const r = await read(file, engine);
        expect([r.kind, r.year]).toEqual(['决算', 2021]);
        expect(cells(r, '公开09')).toEqual({
          unread: null,
          cells: {
            '预算数.合计': '49.9',
            '决算数.合计': '7.69',
            '预算数.因公出国（境）费': '20',
            '决算数.因公出国（境）费': '',
            '预算数.公务接待费': '14.9',
            '决算数.公务接待费': '5.21',
            '预算数.公务用车购置及运行维护费': '15',
            '决算数.公务用车购置及运行维护费': '2.48',
            '预算数.公务用车运行维护费': '15',
            '决算数.公务用车运行维护费': '2.48',
            '预算数.公务用车购置费': '',
            '决算数.公务用车购置费': '',
          },
        });
        // the table's sums hold, the narrative's amounts and shares agree with it: only the misprinted rate
        expect(runRules(r, rules).map((d) => [d.ruleId, d.actual, d.expected])).toEqual([['叙述/同比变化率', '0.006%', '1.883%']]);
      }, 60000);
    }
  }

  for (const file of FILES('sangong-turned-budget')) {
    for (const engine of file.endsWith('.pdf') ? PDF_ENGINES : [undefined]) {
      it(`${file}${engine ? ` (${engine})` : ''}: whole 元 under two years' columns, counts below: this year's figures, nothing said`, async () => {
        const r = await read(file, engine);
        expect([r.kind, r.year, r.unit]).toEqual(['预算', 2017, '元']);
        expect(cells(r, '部门公开表7')).toEqual({
          unread: null,
          cells: {
            '本年预算数.合计': '250000',
            '本年预算数.因公出国（境）费': '',
            '本年预算数.公务接待费': '150000',
            '本年预算数.公务用车购置及运行维护费': '100000',
            '本年预算数.公务用车运行维护费': '100000',
            '本年预算数.公务用车购置费': '',
          },
        });
        // 2016年执行数 is the year compared with, not the table's year; one table is not a whole disclosure
        expect(runRules(r, rules)).toEqual([]);
      }, 60000);
    }
  }

  it('a turned grid with a row it cannot place is said unread, not read as its first row', async () => {
    const text = readFileSync(path.join(FIXTURES, 'pdf', 'sangong-turned-budget.txt'), 'utf8');
    // two figures in a row of one group: which is this year's the text does not say
    const r = buildReport(splitLines('doc.txt', mutate(text, '2、公务接待费\t\t150000', '2、公务接待费\t120000\t150000')));
    expect(cells(r, '部门公开表7')).toEqual({ cells: {}, unread: '表格按项目逐行排列（「支出合计」「公务接待费」…各占一行），未能确定每行的数字各在哪一列' });
  });

  // 云南 (西双版纳 2017): the groups printed as years, 项 目 first on their line, text set one space apart
  const YEARS_TURNED = [
    '某州民族宗教事务局2017年“三公”经费财政拨款预算表',
    '单位:万元',
    '项 目 2016年预算数 2017年预算数',
    '合计 38.5 37',
    '1、因公出国(境)费',
    '2、公务接待费 21 20',
    '3、公务用车购置及运行费 17.5 17',
    '其中:(1)公务用车购置费',
    '(2)公务用车运行费 17.5 17',
  ].join('\n');

  it('groups printed as years (2016年预算数 | 2017年预算数) are 上年预算数 | 本年预算数: read item by item, nothing said', async () => {
    const r = buildReport(splitLines('doc.txt', YEARS_TURNED));
    expect(cells(r, '部门公开表7')).toEqual({
      unread: null,
      cells: {
        '上年预算数.合计': '38.5',
        '本年预算数.合计': '37',
        '上年预算数.因公出国（境）费': '',
        '本年预算数.因公出国（境）费': '',
        '上年预算数.公务接待费': '21',
        '本年预算数.公务接待费': '20',
        '上年预算数.公务用车购置及运行维护费': '17.5',
        '本年预算数.公务用车购置及运行维护费': '17',
        '上年预算数.公务用车购置费': '',
        '本年预算数.公务用车购置费': '',
        '上年预算数.公务用车运行维护费': '17.5',
        '本年预算数.公务用车运行维护费': '17',
      },
    });
    expect(runRules(r, rules)).toEqual([]);
    // this year's 合计 misprinted: found in its own group
    const wrong = buildReport(splitLines('doc.txt', mutate(YEARS_TURNED, '合计 38.5 37', '合计 38.5 39')));
    expect(runRules(wrong, rules).map((d) => [d.ruleId, d.tableColumn, d.actual, d.expected])).toEqual([['三公/合计', '本年预算数.合计', '39 万元', '37.0 万元']]);
  });

  // 湖南 (岳阳县文联 2017): this year's figures split by source of funds in the columns after them
  const BY_SOURCE = [
    '某县文联2017年度“三公”经费预算表',
    '单位：万元',
    '项目 2017年预算数合计 公共财政预算拨款 政府性基金预算拨款 国有资本经营预算拨款',
    '一、支出合计 4.9 0 0 0',
    '1、因公出国（境）费用 0',
    '2、公务接待费 1.8',
    '3、公务用车费 3.1 0 0 0',
    '其中：（1）公务用车运行维护费 3.1',
    '（2）公务用车购置 0',
  ].join('\n');
  // 江苏 (南通 2016): 小计 | 其中：一般公共预算安排数 under the year, 会议费 and 培训费 after the 三公 items
  const WITH_OF_WHICH = [
    '2016年市国资委财政拨款“三公”经费预算表',
    '金额单位：万元',
    '项目 2016年预算数',
    '小计 其中：一般公共预算安排数',
    '一、“三公”经费合计 21.63 21.63',
    '（一）因公出国（境）费 单位不需填列 单位不需填列',
    '（二）公务接待费 14.83 14.83',
    '（三）公务用车费 6.8 6.8',
    '1.公务用车购置费',
    '2.公务用车运行维护费 6.8 6.8',
    '二、会议费 7.59 7.59',
    '三、培训费 15.86 15.86',
  ].join('\n');

  it('the columns that split a year’s figures by source of funds are left out: each item’s own figure read', async () => {
    const bySource = buildReport(splitLines('doc.txt', BY_SOURCE));
    expect(cells(bySource, '部门公开表7')).toEqual({
      unread: null,
      cells: { '本年预算数.合计': '4.9', '本年预算数.因公出国（境）费': '', '本年预算数.公务接待费': '1.8', '本年预算数.公务用车购置及运行维护费': '3.1', '本年预算数.公务用车运行维护费': '3.1', '本年预算数.公务用车购置费': '' },
    });
    expect(runRules(bySource, rules)).toEqual([]);
    const ofWhich = buildReport(splitLines('doc.txt', WITH_OF_WHICH));
    expect(cells(ofWhich, '部门公开表7')).toEqual({
      unread: null,
      cells: {
        '本年预算数.合计': '21.63',
        '本年预算数.因公出国（境）费': '',
        '本年预算数.公务接待费': '14.83',
        '本年预算数.公务用车购置及运行维护费': '6.8',
        '本年预算数.公务用车购置费': '',
        '本年预算数.公务用车运行维护费': '6.8',
        '本年预算数.会议费': '7.59',
        '本年预算数.培训费': '15.86',
      },
    });
    expect(runRules(ofWhich, rules)).toEqual([]);
    // pdftotext's layout of the same header, its 其中 name wrapped in a narrow cell: the same reading
    const wrapped = [
      WITH_OF_WHICH.split('\n').slice(0, 2).join('\n'),
      '                                  2016年预算数',
      '项目                              小计            其中:一般公共',
      '                                                  预算安排数',
      ...WITH_OF_WHICH.split('\n').slice(4).map((l) => l.replace(/ (?=[\d单])/g, '      ')),
    ].join('\n');
    expect(cells(buildReport(splitLines('doc.txt', wrapped)), '部门公开表7')).toEqual(cells(ofWhich, '部门公开表7'));
    // a misprinted 公务用车费 is found in the year's own column, once: the 合计 agrees with its parts
    const wrong = buildReport(splitLines('doc.txt', mutate(BY_SOURCE, '3、公务用车费 3.1', '3、公务用车费 3.6')));
    expect(runRules(wrong, rules).map((d) => [d.ruleId, d.actual, d.expected])).toEqual([['三公/公务用车小计', '3.6 万元', '3.1 万元']]);
  });

  // 重庆 (渝中 2017): no 单位 line, the header opens with 经费项目; its columns (2017年度支出 | 支出减少情况) are no groups the kind knows
  it('a table without a 单位 line under its title is found by its header, and said unread, not passed over', () => {
    const text = [
      '2017年度某区一般公共预算财政拨款“三公”经费支出决算表',
      '经费项目 2017年度支出 (万元) 支出减少情况(万元) 支出减少率',
      '因公出国(境)费 91.85 - -',
      '公务接待费 183.19 - -',
      '公务用车购置及运行维护费 4,058.29 - -',
      '“三公”经费支出 4,333.33 - -',
    ].join('\n');
    const t = buildReport(splitLines('doc.txt', text)).tables.find((x) => x.id === '公开09');
    expect(t?.unread).toBe('表格按项目逐行排列（「因公出国（境）费」「公务接待费」…各占一行），未能确定每行的数字各在哪一列');
  });

  // 云南 (开远 2017): one line of figures under two years' groups, cells left blank, text set one space apart
  it('a grid whose figures text cannot place is said unread: not its first figure read as this year’s 合计, the rest left silently', () => {
    const text = [
      '某市2017年“三公”经费预算表',
      '单位:万元',
      '2016年预算数 2017年预算数',
      '合计 因公出国(境)费 公务用车购置及运行费 公务接待费 合计 因公出国(境)费 公务用车购置及运行费 公务接待费',
      '小计 公务用车购置费 公务用车运行费 小计 公务用车购置费 公务用车运行费',
      ' 2908    1540    1540  1368  2310  20  1054    1054 1236',
    ].join('\n');
    const t = buildReport(splitLines('doc.txt', text)).tables.find((x) => x.id === '部门公开表7')!;
    expect([t.unread, t.reading.unplaced]).toEqual(['表头的 12 列与这一行的数字对不上（多层表头），未能确定每个数字所在的列', 8]);
  });
});

/**
 * The same turned table with each group split by source of funds (合计 | 一般公共预算 | 政府性基金
 * under 预算数 and under 决算数, 巢湖市人民法院 2021, fixtures/pdf-src/sangong-turned-funds.json):
 * each group's own figure is its 合计, the first of its three; the total row is printed 总计.
 */
describe('a turned 三公 table whose groups are each split by source of funds', () => {
  let rules: Rule[];
  beforeAll(async () => {
    rules = await builtinRules();
  });
  const expected = {
    '预算数.合计': '80.7',
    '决算数.合计': '74.23',
    // a printed 0 is a cell with nothing in it (cells() shows it blank)
    '预算数.因公出国（境）费': '',
    '决算数.因公出国（境）费': '',
    '预算数.公务接待费': '8',
    '决算数.公务接待费': '2.26',
    '预算数.公务用车购置及运行维护费': '72.7',
    '决算数.公务用车购置及运行维护费': '71.97',
    '预算数.公务用车运行维护费': '59.5',
    '决算数.公务用车运行维护费': '59.46',
    '预算数.公务用车购置费': '13.2',
    '决算数.公务用车购置费': '12.51',
  };

  for (const file of FILES('sangong-turned-funds')) {
    for (const engine of file.endsWith('.pdf') ? PDF_ENGINES : [undefined]) {
      it(`${file}${engine ? ` (${engine})` : ''}: each group's 合计 read item by item, nothing found`, async () => {
        const r = await read(file, engine);
        expect(cells(r, '公开09')).toEqual({ unread: null, cells: expected });
        expect(runRules(r, rules)).toEqual([]);
      });
    }
  }

  it('a 合计 that is not its items\' sum is found, and the sentence stating the item otherwise', () => {
    const text = readFileSync(path.join(FIXTURES, 'pdf', 'sangong-turned-funds.txt'), 'utf8');
    const r = buildReport(splitLines('doc.txt', mutate(text, '公务接待费\t8\t8\t0\t2.26\t2.26\t0', '公务接待费\t8\t8\t0\t2.62\t2.26\t0')));
    expect(runRules(r, rules).map((d) => [d.ruleId, d.message.replace(/^.*?(决算数“三公”经费合计|「公务接待费支出决算」)/, '$1')])).toEqual([
      ['三公/合计', '决算数“三公”经费合计 74.23 万元，三项之和（71.97 万元 + 2.62 万元（另 1 项为 0））为 74.59 万元，相差 0.36 万元'],
      ['叙述/金额与表一致', '「公务接待费支出决算」文中写 2.26 万元，一、2021年度一般公共预算及政府性基金财政拨款“三公”经费支出决算表 合计「决算数.公务接待费」为 2.62 万元，相差 0.36 万元'],
    ]);
  });
});

/**
 * A final account's 三公 grid with 机关运行经费决算数 in a column of its own beside the 预算数 |
 * 决算数 pairs (上海's districts, 2017; fixtures/pdf-src/sangong-operating-final.json): a table the
 * catalogue knows by its title, whose 13th figure names no column of the kind. Said unread, alike
 * in its text and both producers' PDFs, and its sentences are not checked against it.
 */
describe('a 三公 grid with 机关运行经费决算数 beside it', () => {
  for (const file of ['sangong-operating-final.txt', 'sangong-operating-final.chromium.pdf', 'sangong-operating-final.libreoffice.pdf']) {
    it(`${file}: known as 公开09, said unread for the column the kind does not have`, async () => {
      const r = await read(file);
      const t = r.tables.find((x) => x.id === '公开09')!;
      expect([r.unknownTables.length, t.unread]).toEqual([0, '1 行的数字多于读出的 12 列（表头另有未能识别的列），未能确定各数所在的列']);
    });
  }

  // pdftotext without -layout of the Chromium PDF runs the header's words together (预算 决算 预算数
  // 决算数 … one word, their 数 on the lines under it): read group by group by default, its figures
  // gave two errors (三公/合计 22.00 against 17.24, 三公/公务用车小计)
  it('its text taken without layout: said unread, the groups\' order not guessed', async () => {
    const file = 'text/sangong-operating.pdftotext-plain.txt';
    const t = buildReport(splitLines(file, readFileSync(path.join(FIXTURES, file), 'utf8'))).tables.find((x) => x.id === '公开09')!;
    expect(t.unread).toBe('表头的预算数、决算数与各项的先后未能读出（提取的文本没有保留版面，表头的字连在一起），未能确定每个数字所在的列');
  });
});
