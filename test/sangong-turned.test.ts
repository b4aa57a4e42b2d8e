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
});
