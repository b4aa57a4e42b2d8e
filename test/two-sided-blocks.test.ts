/**
 * MuPDF's text of a two-sided 总表, each row a block of lines with its blank cells left out and the
 * left side's figure on one line with the right side's name (上海 万里街道 2025's 财务收支预算总表):
 * read as the row it is, each figure where it is printed.
 */
import { describe, expect, it } from 'vitest';
import { fixtureText, lineOf, lintText, reportOf } from './helpers.js';
import { joinTwoSidedBlocks } from '../src/model/tables/two-sided-blocks.js';
import { tokenizeLine } from '../src/layout/tokenize.js';
import { splitLines } from '../src/ingest/index.js';

const text = fixtureText('text/two-sided-blocks.mutool.txt');

describe('two-sided rows a block of lines', () => {
  it('reads each side\'s items and totals, figures at their own lines', () => {
    const table = reportOf(text).tables.find((t) => t.id === '部门公开表1')!;
    expect(table.unread).toBeNull();
    const cells = table.rows.flatMap((r) => Object.values(r.cells).filter((c) => !c.blank).map((c) => [r.key, c.raw, c.loc.line]));
    expect(cells).toEqual([
      ['收入:财政拨款收入', '189,767,551', lineOf(text, '189,767,551 一、一般公共服务支出')],
      ['支出:一般公共服务支出', '3,296,600', lineOf(text, '3,296,600')],
      ['收入:一般公共预算资金', '189,767,551', lineOf(text, '189,767,551 二、公共安全支出')],
      ['支出:公共安全支出', '2,878,025', lineOf(text, '2,878,025')],
      ['支出:教育支出', '250,000', lineOf(text, '250,000')],
      ['支出:科学技术支出', '100,000', lineOf(text, '100,000')],
      ['支出:文化旅游体育与传媒支出', '200,000', lineOf(text, '200,000')],
      ['支出:社会保障和就业支出', '16,091,895', lineOf(text, '16,091,895')],
      ['支出:卫生健康支出', '3,216,973', lineOf(text, '3,216,973')],
      ['支出:城乡社区支出', '154,369,326', lineOf(text, '154,369,326')],
      ['支出:住房保障支出', '9,364,732', lineOf(text, '9,364,732')],
      ['收入:总计', '189,767,551', lineOf(text, '189,767,551', '收入总计')],
      ['支出:总计', '189,767,551', lineOf(text, '189,767,551', '支出总计')],
    ]);
  });

  it('finds what the table gets wrong: 支出总计 100 yuan more than 收入总计', async () => {
    expect((await lintText(text)).filter((d) => d.ruleId !== '形式/必备表')).toEqual([]);
    const at = text.lastIndexOf('189,767,551');
    const wrong = `${text.slice(0, at)}189,767,651${text.slice(at + '189,767,551'.length)}`;
    const found = (await lintText(wrong)).filter((d) => d.ruleId !== '形式/必备表');
    // each at its figure's own line: 收入总计's under its name, 支出总计's under its own
    const income = lineOf(text, '收入总计') + 1;
    const spending = lineOf(text, '支出总计', '收入总计') + 1;
    expect(found.map((d) => [d.ruleId, d.line, d.actual, d.expected])).toEqual([
      ['总表/收支总计平衡', income, '189,767,551 元', '189,767,651 元'],
      ['总表/支出总计构成-不列本年合计', spending, '189,767,651 元', '189,767,551 元'],
    ]);
  });

  it('leaves lines as they are where a block does not read as a row (a name and three figures)', () => {
    const lines = splitLines('x.txt', 'a\n1.00\n\nb\n2.00 c\n3.00\n\nd\n4.00\n5.00\n6.00\n\ng\n7.00\n').lines.map((l) => tokenizeLine(l));
    expect(joinTwoSidedBlocks(lines)).toBe(lines);
  });
});
