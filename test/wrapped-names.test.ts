/**
 * A 收支总表 whose names wrap inside their cells on rows that print no figure (一家教育局 2020, as
 * LibreOffice sets it: 三、国有资本经营预算拨款收 / 入, the 支出 side's 二十二、灾害防治及应急管理支 /
 * 出, each piece on a line of its own). No figure's row is in doubt, so the table is read, each
 * name whole and on its own side; a piece beside a figure (一、财政 / 13,649.07 / 拨款) still leaves
 * the table unread.
 */
import { describe, expect, it } from 'vitest';
import { splitLines } from '../src/ingest/index.js';
import { buildReport } from '../src/model/index.js';
import { runRules } from '../src/rules/index.js';
import { builtinRules, mutate } from './helpers.js';

// pdftotext -layout of the Writer PDF, cut to its rows
const LAID_OUT = [
  '                             表 1 部门收支总表',
  '                                                            单位:万元',
  '            收入                             支出',
  '       项目             2020年预算数     项目        2020年预算数',
  '一、一般公共预算拨款收入     16,745.59   一、一般公共服务支出',
  '二、政府性基金预算拨款收入                二、教育支出             16,745.59',
  '三、国有资本经营预算拨款收',
  '                             三、国防支出',
  '入',
  '四、事业收入                       四、公共安全支出',
  '                             五、灾害防治及应急管理支',
  '                             出',
  '                             六、预备费',
  '本年收入合计           16,745.59   本年支出合计             16,745.59',
  '收入总计             16,745.59   支出总计               16,745.59',
].join('\n');

const read = (text: string) => buildReport(splitLines('doc.txt', `某县教育局2020年部门预算\n${text}`)).tables.find((t) => t.id === '部门公开表1')!;

describe('names wrapped in their cells on rows without figures', () => {
  it('reads the table, each name whole and on its own side', async () => {
    const t = read(LAID_OUT);
    expect(t.unread).toBeNull();
    expect(t.rows.map((r) => r.key)).toEqual([
      '收入:一般公共预算拨款收入',
      '支出:一般公共服务支出',
      '收入:政府性基金预算拨款收入',
      '支出:教育支出',
      '收入:国有资本经营预算拨款收入',
      '支出:国防支出',
      '收入:事业收入',
      '支出:公共安全支出',
      '支出:灾害防治及应急管理支出',
      '支出:预备费',
      '收入:本年收入合计',
      '支出:本年支出合计',
      '收入:总计',
      '支出:总计',
    ]);
    expect(t.rows.find((r) => r.key === '支出:灾害防治及应急管理支出')!.code).toBe('224');
    const report = buildReport(splitLines('doc.txt', `某县教育局2020年部门预算\n${LAID_OUT}`));
    expect(runRules(report, await builtinRules()).map((d) => d.ruleId)).toEqual([]);
  });

  it('a piece beside a figure leaves the table unread: whose figure it is, is not known', () => {
    const beside = mutate(LAID_OUT, '                             三、国防支出', '                             三、国防支出            0.00');
    const t = read(mutate(beside, '                             六、预备费', '                             六、预备费              0.00'));
    expect(t.unread).toBe('项目名称在单元格内折行，与数字不在同一行（如「入」），未能可靠地分开各行');
  });
});

describe('a 其中 row under 结余分配', () => {
  it('is part of the row above it, not another item of 本年支出合计', async () => {
    const closing = [
      '七、用事业基金弥补收支差额             二十九、事业单位结余分配   100.00',
      '八、上年结转           100.00   其中:转入事业基金          100.00',
      '收入总计             16,845.59   支出总计               16,845.59',
    ].join('\n');
    const text = mutate(LAID_OUT, '收入总计             16,745.59   支出总计               16,745.59', closing);
    const report = buildReport(splitLines('doc.txt', `某县教育局2020年部门预算\n${text}`));
    const row = report.tables[0].rows.find((r) => r.key === '支出:转入事业基金')!;
    expect([row.kind, row.cells['支出金额']?.raw]).toEqual(['detail', '100.00']);
    expect(runRules(report, await builtinRules())).toEqual([]);
  });
});
