/**
 * A sheet printed with its row numbers and column letters (打印行号列标): the letters' line and the
 * gutter's numbers are taken away, the rest stays where it stands (layout-headings*.calc.pdf in
 * layouts-calc.test.ts are the same in PDFs).
 */
import { describe, expect, it } from 'vitest';
import { splitLines } from '../src/ingest/text.js';
import { withoutSheetHeadings } from '../src/layout/sheet-headings.js';

const texts = (text: string) => withoutSheetHeadings(splitLines('sheet.txt', text).lines).map((l) => l.text);

describe('withoutSheetHeadings (text laid out as printed)', () => {
  it('drops the letters, and blanks each row number in its gutter, keeping every other column', () => {
    const sheet = ['      A    B    C         D', '1    部门公开表3', '2         河西县农业农村局2025年部门支出总表', '3    208  社会保障和就业支出   53.76', '     20805 行政事业单位养老支出  53.76', '4    21011 行政事业单位医疗    27.84'].join('\n');
    expect(texts(sheet)).toEqual(['     部门公开表3', '          河西县农业农村局2025年部门支出总表', '     208  社会保障和就业支出   53.76', '     20805 行政事业单位养老支出  53.76', '     21011 行政事业单位医疗    27.84']);
  });

  it('keeps a code printed in the first column, off the gutter, and numbers that do not count up', () => {
    const coded = ['      A    B    C', '1    部门公开表3', '     208  社会保障和就业支出   53.76', '2    合计   53.76'].join('\n');
    expect(texts(coded)).toEqual(['     部门公开表3', '     208  社会保障和就业支出   53.76', '     合计   53.76']);
    const unordered = ['      A    B    C', '3    合计', '1    208'].join('\n');
    expect(texts(unordered)).toEqual(['3    合计', '1    208']);
  });

  it('takes no line of other letters for the headings (A B D, or words)', () => {
    const other = ['A  B  D', '1  甲', 'AB CD EF', '2  乙'].join('\n');
    expect(texts(other)).toEqual(['A  B  D', '1  甲', 'AB CD EF', '2  乙']);
  });
});
