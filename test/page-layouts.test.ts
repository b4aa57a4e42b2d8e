/**
 * Layouts a PDF producer makes of a table or form, as positioned lines: each case is a trap a
 * rendered corpus document fell into (test/corpus-render.test.ts), reduced to its few lines.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../src/model/index.js';
import { pageText, reportOf } from './helpers.js';
import { formContent } from './model-content.js';

describe('tables on a page', () => {
  it('a 栏次 line numbering six columns keeps them all when the header wraps past recognition (上缴上 / 级支出)', () => {
    const r = buildReport(
      pageText([
        [1, 55, [['支出决算表', 270]]],
        [1, 77, [['公开03表', 43]]],
        [1, 117, [['对附属', 529]]],
        [1, 122, [['上缴上', 476], ['经营支', 503]]],
        [1, 127, [['科目代码', 52], ['科目名称', 155], ['本年支出合计', 267], ['基本支出', 353], ['项目支出', 426], ['单位补', 529]]],
        [1, 132, [['级支出', 476], ['出', 510]]],
        [1, 137, [['助支出', 529]]],
        [1, 150, [['栏次', 59], ['1', 286], ['2', 365], ['3', 438], ['4', 485], ['5', 511], ['6', 538]]],
        [1, 163, [['合计', 44], ['100.00', 277], ['60.00', 357], ['40.00', 431]]],
        [1, 176, [['208', 44], ['社会保障和就业支出', 91], ['100.00', 277], ['60.00', 357], ['40.00', 431]]],
      ]),
    );
    const t = r.tables.find((x) => x.id === '公开03')!;
    expect(t.columns.map((c) => c.key)).toEqual(['本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出']);
    expect(Object.entries(t.rows[0].cells).map(([k, c]) => [k, c.raw])).toEqual([
      ['本年支出合计', '100.00'],
      ['基本支出', '60.00'],
      ['项目支出', '40.00'],
      ['上缴上级支出', ''],
      ['经营支出', ''],
      ['对附属单位补助支出', ''],
    ]);
  });
});

describe('tables in tab-separated text', () => {
  it('a header naming three of 支出总表\'s six columns reads three, as space-separated text and pages do', () => {
    const text = ['部门公开表3', '支出总表', '单位：万元', '科目代码\t科目名称\t合计\t基本支出\t项目支出', '合计\t\t100.00\t60.00\t40.00', '208\t社会保障和就业支出\t100.00\t60.00\t40.00', ''].join('\n');
    const t = reportOf(text).tables.find((x) => x.id === '部门公开表3')!;
    expect([t.columnSource, t.columns.map((c) => c.key)]).toEqual(['header', ['合计', '基本支出', '项目支出']]);
  });
});

describe('merged cells centred over their rows', () => {
  it('a label carried over a page break: its rows on the next page come before the next label\'s', async () => {
    const { centredLabels, columnLabels, placeTokens, rowBorders } = await import('../src/model/forms/centred.js');
    const { tokenizeLine } = await import('../src/layout/tokenize.js');
    // rows 15 pt apart: three on page 1 under 甲 (centred on its rows), two more of 甲's on page 2,
    // then 乙 over two rows
    const src = pageText([
      [1, 700, [['第一行', 300]]],
      [1, 715, [['甲', 100], ['第二行', 300]]],
      [1, 730, [['第三行', 300]]],
      [2, 100, [['第四行', 300]]],
      [2, 115, [['第五行', 300]]],
      [2, 130, [['第六行', 300]]],
      [2, 137.5, [['乙', 100]]],
      [2, 145, [['第七行', 300]]],
    ]);
    const placed = placeTokens(src.lines.map((l) => ({ lines: [l], tokens: tokenizeLine(l).tokens.filter((t) => t.kind !== 'blank').map((t) => ({ ...t, cell: t.x0! < 200 ? 0 : 1 })) })));
    const anchors = placed.filter((t) => t.cell === 1);
    const borders = rowBorders(anchors.map((a) => [a]));
    const labels = columnLabels(placed.filter((t) => t.cell === 0), null)!;
    const rows = { ...borders, pages: anchors.map((a) => a.page) };
    expect(centredLabels(labels, rows, 0, anchors.length - 1)!.map((l) => l?.name)).toEqual(['甲', '甲', '甲', '甲', '甲', '乙', '乙']);
  });
});
