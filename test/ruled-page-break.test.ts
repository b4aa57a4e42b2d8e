/**
 * A 绩效目标表 row a page break parts, its 分值 printed only on the next page (AbiWord): the page's
 * foot closes the row's cells with the first line of its 一级 cell in them (满意), the rest
 * (度指 / 标) and the row's own cells go on at the next page's head. Geometry of
 * corpus-haidong-city-2025-budget.abiword.pdf pp.13–14, the 欺诈骗取… project's last two rows.
 */
import { describe, expect, it } from 'vitest';
import { PAGE, type Placed } from '../src/model/forms/centred.js';
import { ruledColumn } from '../src/model/forms/target-ruled.js';
import type { PageRulings } from '../src/ingest/rulings.js';

const word = (text: string, page: number, y: number, x0 = 221.5): Placed => ({
  kind: /^\d+$/.test(text) ? 'number' : 'label', text, line: page * 1000 + y, column: 1, endColumn: 1 + text.length,
  page, at: page * PAGE + y, height: 7, cell: 0, x0, x1: x0 + 7 * text.length,
});
const across = (at: number, from = 220) => ({ at, from, to: 556 });

/** p.13: rules across the 一级 column at 770 and 789 (rows), 799 (the page's foot); p.14: the table's head at 44, then 65 */
const rulings = (p13: number[] = [746, 770, 789]): PageRulings[] => [
  { page: 13, horizontal: [...p13.map((at) => across(at)), across(799, 42)], vertical: [] },
  { page: 14, horizontal: [across(44, 42), across(65, 42)], vertical: [] },
];
/** 分值 of the rows: 数量指标 and 社会效益 on p.13, the 满意度 row on p.14 only */
const anchors = [word('30', 13, 758.5, 500.5), word('20', 13, 782.5, 500.5), word('10', 14, 52.5, 500.5)];
const FROM = 13 * PAGE + 740;
const ONE = /(产出|效益|满意度)指标/g;

describe('a row a page break parts, whose 分值 is on the next page', () => {
  const words = [word('产出', 13, 758.5), word('指标', 13, 766.5), word('效益', 13, 776.5), word('指标', 13, 785.5), word('满意', 13, 796.5), word('度指', 14, 52.5), word('标', 14, 60.5)];

  it("gives the 一级 name begun in the page's last cell to the row it goes on in", () => {
    expect(ruledColumn(words, ONE, anchors, rulings(), FROM)).toEqual(['产出指标', '效益指标', '满意度指标']);
  });

  it('does not where the name begins in a cell the page closes above its last one', () => {
    expect(ruledColumn(words, ONE, anchors, rulings([746, 770, 789, 798]), FROM)).toBeNull();
  });
});
