/**
 * pdftotext of a form whose cells are set justified (分散对齐) spreads every label over its cell
 * (项 目 名 称) and sets the funds row's words a line each: the forms' reader finds no 项目名称 and
 * no funds or indicator rows under the title. The title is a 绩效自评表's: it is said as a form not
 * read (读取/表格未能读取), not as a table the tool does not know (with advice to name it with --tables).
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { lintFile } from '../src/cli/lint.js';
import { FIXTURES, builtinRules, fixtureText, reportOf } from './helpers.js';

const FIXTURE = 'text/form-justified-pdftotext.txt';

describe('a 绩效自评表 title over a body the forms\' reader cannot read', () => {
  it('is kept as a form title, not an unknown table\'s', () => {
    const report = reportOf(fixtureText(FIXTURE), FIXTURE);
    expect(report.forms).toEqual([]);
    expect(report.unknownTables.map((u) => [u.title, u.form])).toEqual([['2023年度区级预算项目绩效自评表', true]]);
  });

  it('is said as a form not read, at its title', async () => {
    const { diagnostics } = await lintFile(path.join(FIXTURES, FIXTURE), await builtinRules());
    expect(diagnostics.filter((d) => d.ruleId === '读取/表格未能读取' || d.ruleId === '读取/不认识的表').map((d) => [d.ruleId, d.line, d.message])).toEqual([
      ['读取/表格未能读取', 3, '「2023年度区级预算项目绩效自评表」是绩效自评表，但未能按表读出它的项目名称、资金和指标各行，这张表的核对都已跳过'],
    ]);
  });
});
