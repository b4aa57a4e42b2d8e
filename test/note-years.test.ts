/**
 * The years a 三公 budget table prints beside the year it is of: its header's 上年预算数 column
 * (2023年预算数 beside 2024年预算数) and a note under it that explains the change (因按照2023年预算3
 * 万元公务接待费无法满足…，2023年公务接待费决算数为7万元, 云南 昌宁 2024). Neither is the table's
 * year nor the document's: before, they outvoted the title's 2024 (a document of 2023) and the
 * note's 2023 was the table's, a false 形式/年度一致 either way.
 */
import { describe, expect, it } from 'vitest';
import { lintText, reportOf } from './helpers.js';

const table = (note: string) =>
  [
    '2024年某镇“三公”经费预算财政拨款情况统计表',
    '单位:万元',
    '项目\t2023年预算数\t2024年预算数\t比上年增、减情况\t',
    '\t\t\t增、减金额\t增、减幅度',
    '合计\t12.5\t16.5\t4\t32%',
    '1.因公出国(境)费\t\t\t\t',
    '2.公务接待费\t2\t6\t4\t200%',
    '3.公务用车购置及运行费\t10.5\t10.5\t\t',
    '其中:(1)公务用车购置费\t\t\t\t',
    '(2)公务用车运行费\t10.5\t10.5\t0\t0',
    note,
  ].join('\n');

const CHANGE_NOTE = '注:一、“三公”经费包括因公出国(境)费、公务用车购置及运行费和公务接待费。二、“三公”经费增减变化原因说明:因按照2023年预算2万元公务接待费无法满足接待需求,申请调增公务接待指标,2023年公务接待费决算数为6万元。';

describe('years beside the one a table is of', () => {
  it("a header's 上年预算数 and a note's change explained: the document is of 2024, and so is the table", async () => {
    const report = reportOf(table(CHANGE_NOTE), 'sangong.txt');
    expect(report.year).toBe(2024);
    expect(report.tables.map((t) => [t.id, t.unread, t.years.map((y) => y.raw)])).toEqual([['部门公开表7', null, ['2024', '2024']]]);
    expect(await lintText(table(CHANGE_NOTE), 'sangong.txt')).toEqual([]);
  });

  it("a note that says the table's year, wrong, is still the table's", async () => {
    const stale = '注:本表为2023年度“三公”经费预算。';
    expect((await lintText(table(stale), 'sangong.txt')).map((d) => [d.ruleId, d.line, d.message])).toEqual([
      ['形式/年度一致', 11, '2024年某镇“三公”经费预算财政拨款情况统计表写的年度是 2023，本文件是 2024 年度'],
    ]);
  });
});
