/**
 * Text laid out as printed (pdftotext -layout) of PDFs whose figures wrap in cells too narrow for
 * them (pdfmake's and jsPDF's tables): 1,215.3 / 4, 1,21 / 5.34, 12,308 / .79. Read as they stood,
 * the cut figures gave false sums (科目/行内分列合计 1,215.3 against 1,215.3 + 4 + 4).
 */
import { describe, expect, it } from 'vitest';
import type { SourceLine } from '../src/ingest/text.js';
import { joinFigureTailsInText } from '../src/layout/text-figure-tails.js';
import { reportOf } from './helpers.js';

const lines = (...texts: string[]): SourceLine[] => texts.map((text, i) => ({ line: i + 1, page: 1, text }));
// three amounts of two decimals elsewhere in the text: the document prints its amounts so
const AMOUNTS = ['收入总计 1,215.34 支出总计 1,215.34 结余 0.00', '（页脚）'];
const texts = (ls: SourceLine[]) => joinFigureTailsInText(ls).map((l) => l.text);

describe('figures whose last characters wrapped onto the next line, in text laid out as printed', () => {
  it('joins a tail under a figure\'s end, taking the spaces after it; a line of names keeps its names', () => {
    expect(texts(lines('合计                       1,215.3         1,215.3', '                               4               4', ...AMOUNTS))).toEqual([
      '合计                       1,215.34        1,215.34',
      ...AMOUNTS,
    ]);
    expect(texts(lines('   506 海东市    1,215.3         1,215.3', '       医疗保          4               4', ...AMOUNTS))).toEqual([
      '   506 海东市    1,215.34        1,215.34',
      '       医疗保                           ',
      ...AMOUNTS,
    ]);
  });

  it('joins a thousands\' group cut off, and decimals standing anywhere under the figure\'s cell', () => {
    expect(texts(lines('合计               1,21          1,215.34', '                 5.34', ...AMOUNTS))[0]).toBe('合计               1,215.34      1,215.34');
    // less room than the tail: the rest of the line moves right
    expect(texts(lines('本年收入合计         27   8,041,45   本年支出合计', '                        1.79', ...AMOUNTS))[0]).toBe('本年收入合计         27   8,041,451.79 本年支出合计');
  });

  it('leaves what is not certainly a tail', () => {
    const kept = (...ls: string[]) => expect(texts(lines(...ls, ...AMOUNTS))).toEqual([...ls, ...AMOUNTS]);
    // a form's weights of one decimal over the next row's figures: a row of its own (≥99%), under the figures' starts
    kept('      离休人员医疗待遇结算准确率   =100%   =100%   2.5   2.5', '      医疗救助待遇享受及时率     ≥99%    =100%   2     2');
    // a whole amount over a figure
    kept('合计      1,215.34', '            4');
    // a cell's words a line each (pdftotext without -layout): a figure alone is no row's
    kept('1,21', '5.34');
    // a code over a figure
    kept('科目  3100', '       0.00');
    // the page's last line: its number
    expect(texts(lines('合计                       1,215.3', ...AMOUNTS.slice(0, 1), '                               4'))).toHaveLength(3);
    // a text whose amounts are not printed with two decimals
    expect(texts(lines('合计      1,215.3', '                4'))).toEqual(['合计      1,215.3', '                4']);
  });

  it('gives the table its whole figures', () => {
    // each tail right under its figure's last digit
    const row = (head: string) => `${head.padEnd(24)}1,215.3     1,215.3`;
    const tails = ' '.repeat(30) + '4' + ' '.repeat(11) + '4';
    const text = ['某局2025年部门预算', '收入总表', '单位：万元', '科目编码  科目名称    合计        一般公共预算拨款收入', row('合计'), tails, row('506       某局'), tails, '', '注：本表反映收入。', '一、收入总计 1,215.34 万元，支出总计 1,215.34 万元。本年结余 0.00 万元。'].join('\n');
    const t = reportOf(text).tables.find((x) => x.id === '部门公开表2');
    expect(t?.rows.map((r) => [r.key, r.cells['合计']?.value])).toEqual([['合计', 1215.34], ['506', 1215.34]]);
  });
});
