/**
 * pdftotext -layout of a PDF whose header names are letter-spaced over their cells (青海 公开02 as
 * Chromium prints it with 0.6 em between characters) closes the names up, one space apart, while
 * the figures keep their columns: each name then stands a column left of its figures. Placed by
 * the names, every row's 本年收入合计 went under 财政拨款收入 and its 财政拨款收入 under 上级补助收入
 * (29 false 科目/上下级合计 and 科目/行内分列合计). The names are now tested against the figures
 * (text-columns.ts namesOverFigures): the totals stand under no name, the parts are left unplaced,
 * and the table says so.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { lintFile } from '../src/cli/lint.js';
import { FIXTURES, builtinRules, fixtureText, lintText, reportOf } from './helpers.js';

const FIXTURE = 'text/aligned-closed-up-header.txt';
const NAMES = ['本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'];

/** the fixture with its first header line's names set over their figures, as pdftotext sets names printed without letter-spacing */
function namesOverFigures(text: string): string {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.includes('本年收入合计'));
  let header = ' 科目代码              科目名称';
  NAMES.forEach((name, i) => {
    header += ' '.repeat(Math.max(1, 47 + 12 * i - name.length - header.length)) + name;
  });
  lines[at] = header;
  return lines.join('\n');
}

const cellsOf = (text: string, key: string) => {
  const row = reportOf(text, FIXTURE).tables.find((t) => t.id === '公开02')!.rows.find((r) => r.key === key)!;
  return { cells: Object.fromEntries(Object.entries(row.cells).filter(([, c]) => !c.blank).map(([k, c]) => [k, c.value])), unplaced: row.unplaced.map((c) => c.value) };
};

describe('a text header whose names pdftotext closed up', () => {
  it('places each row\'s first figure as its total and leaves the parts unplaced', () => {
    const text = fixtureText(FIXTURE);
    expect(cellsOf(text, '20805')).toEqual({ cells: { 本年收入合计: 217.08 }, unplaced: [217.08] });
    expect(reportOf(text, FIXTURE).tables.find((t) => t.id === '公开02')!.reading).toEqual({ unplaced: 29, dropped: 0 });
  });

  it('says why, and finds nothing a misplaced column would make', async () => {
    const { diagnostics } = await lintFile(path.join(FIXTURES, FIXTURE), await builtinRules());
    const found = diagnostics.filter((d) => d.ruleId !== '形式/必备表');
    expect(found.map((d) => [d.ruleId, d.line, d.message])).toEqual([
      [
        '读取/表格未能读取',
        4,
        '「收入决算表」（第 2 页）有 29 个数字未能归入所在的列（如第 2 页第 6 行：表头各栏名挤在一起，没有印在各栏的数字之上（拉开字距的栏名被提取成了紧挨着的字），分不清各数属于哪一栏；全部见 --print-model 的 notes），涉及它们的核对没有做',
      ],
    ]);
  });

  it('still places the parts where the names stand over the figures', async () => {
    const text = namesOverFigures(fixtureText(FIXTURE));
    expect(cellsOf(text, '20805')).toEqual({ cells: { 本年收入合计: 217.08, 财政拨款收入: 217.08 }, unplaced: [] });
    expect(reportOf(text, FIXTURE).tables.find((t) => t.id === '公开02')!.reading).toEqual({ unplaced: 0, dropped: 0 });
    expect((await lintText(text, FIXTURE, await builtinRules())).filter((d) => d.ruleId !== '形式/必备表')).toEqual([]);
  });
});
