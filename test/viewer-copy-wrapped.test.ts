/**
 * Text copied one space apart (a viewer's copy, pdf.js's page text, pdftotext -layout squeezed)
 * of a 江苏 收支预算总表 whose third pair's name wraps in its cell: 三、单位预留机动经 / 2.政府性基金预算
 * 三、国防支出 3,258.06 / 费. With nothing to place by, the figure between the name's lines read as
 * 国防支出's, and 本年支出合计 33,172.15 was said to differ from its items' 36,430.21. A name's first
 * line that does not end as a name does is a piece of a wrapped name: the table is said unread.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { lintFile } from '../src/cli/lint.js';
import { FIXTURES, builtinRules, fixtureText, lintText, mutate, reportOf } from './helpers.js';

const FIXTURE = 'text/viewer-copy-three-pairs-wrapped.txt';

describe('a 总表 copied one space apart whose 支出用途 name wraps around its figure', () => {
  it('is said unread, naming the wrapped name, with no sum over its items', async () => {
    const { diagnostics } = await lintFile(path.join(FIXTURES, FIXTURE), await builtinRules());
    expect(diagnostics.map((d) => [d.ruleId, d.line, d.message])).toEqual([
      ['读取/表格未能读取', 3, '「一、2018年度江苏省高级人民法院收支预算总表」未能读取：项目名称在单元格内折行，与数字不在同一行（如「三、单位预留机动经」），未能可靠地分开各行；这张表的核对都已跳过'],
    ]);
  });

  it('is read, and consistent, where the name is printed whole on its row', async () => {
    const whole = mutate(mutate(fixtureText(FIXTURE), '三、单位预留机动经\n', ''), '三、国防支出 3,258.06\n费\n', '三、国防支出 三、单位预留机动经费 3,258.06\n');
    const table = reportOf(whole, FIXTURE).tables[0];
    expect([table.id, table.unread]).toEqual(['部门公开表1', null]);
    expect(await lintText(whole, FIXTURE, await builtinRules())).toEqual([]);
  });
});
