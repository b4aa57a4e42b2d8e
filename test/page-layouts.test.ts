/**
 * Layouts a PDF producer makes of a table or form, as positioned lines: each case is a trap a
 * rendered corpus document fell into (test/corpus-render.test.ts), reduced to its few lines.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../src/model/index.js';
import { pageText, reportOf, SPENDING_TABLE_HEAD } from './helpers.js';
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

describe('a figure set on a baseline of its own', () => {
  it('a little off its row (江苏人大 2017: 购置费 `0` 6 pt off the others) is read in that row, not the one before', () => {
    const r = buildReport(
      pageText([
        ...SPENDING_TABLE_HEAD,
        [1, 163, [['合计', 44], ['100.00', 277], ['100.00', 357], ['0.00', 431]]],
        [1, 185, [['0', 440]]],
        [1, 190, [['208', 44], ['社会保障和就业支出', 91], ['100.00', 277], ['100.00', 357]]],
      ]),
    );
    const t = r.tables.find((x) => x.id === '公开03')!;
    expect(t.rows.map((row) => [row.key, Object.values(row.cells).map((c) => c.raw)])).toEqual([
      ['合计', ['100.00', '100.00', '0.00']],
      ['208', ['100.00', '100.00', '0']],
    ]);
    expect(r.notes).toEqual([]);
  });
});

describe('a 三公 grid whose header spreads each cell\'s words over its height (江苏人大 2017)', () => {
  it('names each figure by the words straight above it, taken in the order the catalogue knows', () => {
    const at = (x0: number, x1: number) => [x0, x1] as const;
    const p = (text: string, [x0, x1]: readonly [number, number]): [string, number, number] => [text, x0, x1];
    const r = buildReport(
      pageText(
        [
          [1, 97, [['“三公”经费、会议费、培训费支出预算表', 89]]],
          [1, 156, [['单位：万元', 519]]],
          [1, 199, [p('“三公”经费', at(252, 315))]],
          [1, 251, [p('公务用车购置及运行维护费', at(231, 357))]],
          [1, 259, [p('会议', at(474, 495))]],
          [1, 266, [p('因公', at(163, 184))]],
          [1, 274, [p('合计', at(64, 85)), p('培训费', at(526, 558))]],
          [1, 281, [p('小', at(124, 135)), p('公务接待', at(405, 447))]],
          [1, 289, [p('费', at(468, 479))]],
          [1, 295, [p('出国', at(152, 173))]],
          [1, 310, [p('计', at(114, 124)), p('小', at(212, 222)), p('公务用车购', at(251, 304)), p('公务用车运', at(328, 381)), p('费', at(410, 421))]],
          [1, 325, [p('（境）费', at(142, 184))]],
          [1, 341, [p('计', at(201, 211)), p('置费', at(256, 277)), p('行维护费', at(323, 365))]],
          [1, 400, [p('2,542.60', at(57, 86)), p('833.60', at(115, 138)), p('222.50', at(159, 181)), p('183.60', at(203, 225)), p('183.60', at(340, 363)), p('427.50', at(412, 434)), p('1,305.25', at(466, 496)), p('403.75', at(528, 550))]],
          [1, 406, [p('0', at(272, 276))]],
          // a line after it: a figure alone on a page's last line would be its page number
          [1, 430, [['注：按部门预算口径填列。', 60]]],
        ],
        10,
      ),
    );
    const t = r.tables.find((x) => x.id === '部门公开表7')!;
    expect(t.unread).toBeNull();
    expect(Object.values(t.rows[0].cells).map((c) => c.raw)).toEqual(['2,542.60', '833.60', '222.50', '183.60', '0', '183.60', '427.50', '1,305.25', '403.75']);
    expect(Object.keys(t.rows[0].cells).map((k) => k.replace('本年预算数.', ''))).toEqual([
      '合计', '三公经费小计', '因公出国（境）费', '公务用车购置及运行维护费', '公务用车购置费', '公务用车运行维护费', '公务接待费', '会议费', '培训费',
    ]);
  });
});

describe('an outline table (江苏 收入预算总表) whose group names wrap inside their merged cells', () => {
  const page = (extra: Array<[number, number, Array<[string, number]>]>) =>
    buildReport(
      pageText(
        [
          [1, 40, [['收入预算总表', 250]]],
          [1, 55, [['单位：万元', 430]]],
          [1, 70, [['项目名称', 110], ['金额', 445]]],
          [1, 90, [['收入总计', 190], ['100.00', 434]]],
          [1, 110, [['小计', 272], ['100.00', 434]]],
          [1, 125, [['一般公共预算资金', 99], ['公共财政拨款资金', 300], ['100.00', 434]]],
          [1, 145, [['小计', 272]]],
          [1, 154, [['财政专户管', 99], ['专户管理教育收费', 300]]],
          [1, 163, [['理资金', 99], ['其他非税收入', 300]]],
          ...extra,
        ],
        9,
      ),
    ).tables.find((t) => t.id === '预算/收入来源表')!;

  it('joins a name wrapped over lines a line apart in its column (财政专户管 / 理资金) into one group', () => {
    const t = page([]);
    expect(t.unread).toBeNull();
    expect(t.rows.map((r) => [r.key, r.parent ?? null])).toEqual([
      ['总计', null],
      ['一般公共预算资金', '总计'],
      ['一般公共预算资金/公共财政拨款资金', '一般公共预算资金'],
      ['财政专户管理资金', '总计'],
      ['财政专户管理资金/专户管理教育收费', '财政专户管理资金'],
      ['财政专户管理资金/其他非税收入', '财政专户管理资金'],
    ]);
  });

  it('leaves the table unread, and says why, where a figure stands on a line no item takes', () => {
    const t = page([
      [1, 185, [['小计', 272], ['20.00', 434]]],
      [1, 215, [['其他资金', 99], ['事业收入', 300]]],
      [1, 235, [['20.00', 434]]],
      [1, 255, [['经营收入', 300]]],
    ]);
    expect(t.unread).toBe('数字 20.00 不在任何项目的行上（项目名称在单元格内折行），未能确定它属于哪一行');
  });
});

describe('diagnostics on pages', () => {
  it('name the table cell they point at only on its own page (line numbers count from each page\'s top)', async () => {
    const { cellOwners } = await import('../src/rules/queries.js');
    const r = buildReport(
      pageText([
        [1, 55, [['支出决算表', 270]]],
        [1, 77, [['公开03表', 43]]],
        [1, 127, [['科目代码', 52], ['科目名称', 155], ['本年支出合计', 267], ['基本支出', 353], ['项目支出', 426]]],
        [1, 163, [['合计', 44], ['100.00', 277], ['60.00', 357], ['40.00', 431]]],
      ]),
    );
    const cell = r.tables.find((t) => t.id === '公开03')!.rows[0].cells['本年支出合计'];
    const ownerOf = cellOwners(r);
    expect(ownerOf(cell.loc)?.table.id).toBe('公开03');
    // the same line and column of page 2 (a form's funds score there) is no cell of that table
    expect(ownerOf({ ...cell.loc, page: 2 })).toBeNull();
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

describe('merged cells over rows of unequal height and across page breaks', () => {
  /**
   * Rows laid out as [page, y, pieces]: a merged label left of x 200, a row's own text up to 400,
   * its anchor (分值) beyond. Which label each row falls under, and each row's own text.
   */
  async function read(lines: Array<[number, number, Array<[string, number]>]>) {
    const { centredLabels, columnLabels, placeTokens, rowBorders, rowsOwnCells } = await import('../src/model/forms/centred.js');
    const { tokenizeLine } = await import('../src/layout/tokenize.js');
    const cellAt = (x: number) => (x < 200 ? 0 : x < 400 ? 1 : 2);
    const placed = placeTokens(pageText(lines).lines.map((l) => ({ lines: [l], tokens: tokenizeLine(l).tokens.filter((t) => t.kind !== 'blank').map((t) => ({ ...t, cell: cellAt(t.x0!) })) })));
    const anchors = placed.filter((t) => t.cell === 2);
    const content = rowsOwnCells(anchors, placed.filter((t) => t.cell === 1));
    const rows = { ...rowBorders(content), pages: anchors.map((a) => a.page) };
    const labels = columnLabels(placed.filter((t) => t.cell === 0), null)!;
    return {
      owners: centredLabels(labels, rows, 0, anchors.length - 1)?.map((l) => l?.name ?? null) ?? null,
      texts: content.map((ts) => ts.filter((t) => t.cell === 1).map((t) => t.text).join('')),
    };
  }
  /** a row of one line: its text and its anchor at y */
  const row = (page: number, y: number, text: string): [number, number, Array<[string, number]>] => [page, y, [[text, 300], ['5', 450]]];

  it('labels are placed together: one that stands nearer the middle of fewer rows takes the rows the next one leaves it', async () => {
    // rows 12 pt tall; 甲 is centred 3.5 pt below the middle of its three rows (within a third of
    // a row), nearer the middle of two; 乙 centred over the last three
    const lines = [0, 1, 2, 3, 4, 5].map((i) => row(1, 100 + 12 * i, `行${i}`));
    lines.push([1, 108.5, [['甲', 100]]], [1, 148, [['乙', 100]]]);
    lines.sort((a, b) => a[1] - b[1]);
    expect((await read(lines)).owners).toEqual(['甲', '甲', '甲', '乙', '乙', '乙']);
  });

  it('a cell parted by a page break, its text centred over the whole cell (Calc): its rows on the next page are its own', async () => {
    // 甲 over three rows on page 1 and one on page 2: the middle of its 48 pt falls 24 pt down page 1
    const lines = [row(1, 700, '行0'), [1, 718, [['甲', 100]]] as [number, number, Array<[string, number]>], row(1, 712, '行1'), row(1, 724, '行2'), row(2, 100, '行3'), row(2, 112, '行4'), [2, 118, [['乙', 100]]] as [number, number, Array<[string, number]>], row(2, 124, '行5')];
    lines.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect((await read(lines)).owners).toEqual(['甲', '甲', '甲', '甲', '乙', '乙']);
  });

  it('a cell parted by a page break, its text at the top of its first part (WeasyPrint)', async () => {
    const label = (page: number, y: number, name: string): [number, number, Array<[string, number]>] => [page, y, [[name, 100]]];
    const lines = [row(1, 700, '行0'), label(1, 706, '甲'), row(1, 712, '行1'), label(1, 724, '乙'), row(1, 724, '行2'), row(1, 736, '行3'), row(2, 100, '行4'), row(2, 112, '行5'), row(2, 124, '行6'), label(2, 124, '丙')];
    expect((await read(lines)).owners).toEqual(['甲', '甲', '乙', '乙', '乙', '乙', '丙']);
  });

  it('a cell whose text wraps over five lines beside rows of one keeps its first and last lines', async () => {
    // the 5-line cell's first line stands nearer the row above's 分值 than its own
    const lines: Array<[number, number, Array<[string, number]>]> = [row(1, 100, '上'), [1, 110, [['一', 300]]], [1, 120, [['二', 300]]], [1, 130, [['三', 300], ['5', 450]]], [1, 140, [['四', 300]]], [1, 150, [['五', 300]]], row(1, 162, '下')];
    expect((await read(lines)).texts).toEqual(['上', '一二三四五', '下']);
  });
});

describe('a project form on a page', () => {
  const text = [
    '项目支出绩效自评表',
    '项目名称\t测试项目',
    '项目资金（万元）\t资金来源\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分',
    '\t年度资金总额：\t100\t100\t90\t10\t90.00%\t9',
    '\t其中：当年财政拨款：\t100\t100\t90\t-\t90.00%\t-',
    '绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分',
    '\t产出指标（60分）\t数量指标\t指标一\t≥10次\t12次\t20\t20',
    '\t\t\t指标二\t≤48万元\t≤48万元\t20\t20',
    '\t\t质量指标\t指标三\t=100%\t100%\t10\t10',
    '\t\t\t指标四\t=100%\t98%\t10\t9',
    '\t满意度指标（40分）\t服务对象满意度指标\t满意度\t≥90%\t95%\t40\t40',
    '总分\t\t\t\t\t\t100\t99',
    '',
  ].join('\n');
  // the same form as a PDF prints it: merged cells (项目资金, 产出指标, 数量指标, 质量指标, 绩效指标)
  // centred over their rows, header cells wrapped (全年预算 / 数, 年度指标 / 值)
  const page = pageText([
    [1, 50, [['项目支出绩效自评表', 300]]],
    [1, 70, [['项目名称', 44], ['测试项目', 135]]],
    [1, 82, [['全年预算', 450], ['全年执行', 550]]],
    [1, 85, [['资金来源', 135], ['年初预算数', 330], ['分值', 630], ['执行率', 665], ['得分', 710]]],
    [1, 88, [['数', 455], ['数', 555]]],
    [1, 100, [['年度资金总额：', 135], ['100', 330], ['100', 450], ['90', 550], ['10', 630], ['90.00%', 665], ['9', 710]]],
    [1, 107.5, [['项目资金（万元）', 44]]],
    [1, 115, [['其中：当年财政拨款：', 135], ['100', 330], ['100', 450], ['90', 550], ['-', 630], ['90.00%', 665], ['-', 710]]],
    [1, 127, [['年度指标', 450], ['实际完成', 550]]],
    [1, 130, [['一级指标', 135], ['二级指标', 250], ['三级指标', 330], ['分值', 630], ['得分', 665]]],
    [1, 133, [['值', 455], ['值', 555]]],
    [1, 145, [['指标一', 330], ['≥10次', 450], ['12次', 550], ['20', 630], ['20', 665]]],
    [1, 152.5, [['数量指标', 250]]],
    [1, 160, [['指标二', 330], ['≤48万元', 450], ['≤48万元', 550], ['20', 630], ['20', 665]]],
    [1, 167.5, [['产出指标（60分）', 135]]],
    [1, 175, [['指标三', 330], ['=100%', 450], ['100%', 550], ['10', 630], ['10', 665]]],
    [1, 182.5, [['质量指标', 250]]],
    [1, 190, [['指标四', 330], ['=100%', 450], ['98%', 550], ['10', 630], ['9', 665]]],
    [1, 197.5, [['绩效指标', 44]]],
    [1, 205, [['满意度指标（40分）', 135], ['服务对象满意度指标', 250], ['满意度', 330], ['≥90%', 450], ['95%', 550], ['40', 630], ['40', 665]]],
    [1, 220, [['总分', 44], ['100', 630], ['99', 665]]],
  ]);

  it('reads as its spreadsheet export: each merged cell takes the rows it is centred over', () => {
    const [fromText, fromPage] = [reportOf(text), buildReport(page)];
    expect(formContent(fromPage)).toEqual(formContent(fromText));
    const [f] = fromPage.forms;
    expect([f.unit, f.fundsColumns, f.sections.map((s) => [s.name, s.weight?.raw])]).toEqual([
      '万元',
      ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      [['产出指标', '60'], ['满意度指标', '40']],
    ]);
    expect(f.indicators.map((x) => [x.section, x.level2, x.name])).toEqual([
      ['产出指标', '数量指标', '指标一'],
      ['产出指标', '数量指标', '指标二'],
      ['产出指标', '质量指标', '指标三'],
      ['产出指标', '质量指标', '指标四'],
      ['满意度指标', '服务对象满意度指标', '满意度'],
    ]);
  });

  it('a form\'s cells are not read as the narrative\'s sentences', () => {
    const withNarrative = `第三部分 情况说明\n一、收入支出决算总体情况说明\n2023年度收、支总计均为100.00万元。\n${text}`;
    expect(reportOf(withNarrative).claims.map((c) => c.loc.line)).toEqual([3]);
  });
});
