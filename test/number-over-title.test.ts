import { describe, expect, it } from 'vitest';
import { fixtureText, lintText, reportOf } from './helpers.js';

// pdfminer's text of 江苏省政协办公厅's 2018 budget tables (pdf2txt.py, two pages): each table's number
// (公开01表) stands over its unit's name and a header cell, the title three lines under it
const TEXT = fixtureText('text/number-over-title.pdfminer.txt');

describe('a table number whose title stands under lines of words', () => {
  it('names the table by that title, the number its printed id: no empty table of the number alone', async () => {
    const report = reportOf(TEXT, 'tables.txt');
    expect(report.kind).toBe('预算');
    expect(report.tables.map((t) => [t.id, t.printedId, t.title])).toEqual([
      ['部门公开表1', '公开01表', '收支预算总表'],
      ['部门公开表2', '公开02表', '收入预算总表'],
    ]);
    const found = await lintText(TEXT, 'tables.txt');
    expect(found.filter((d) => d.ruleId === '形式/空表说明')).toEqual([]);
    // its cells in reading order, a cell a line: said unread, not read wrong
    expect(report.tables.map((t) => /没有保留表格的版面/.test(String(t.unread)))).toEqual([true, true]);
  });
});
