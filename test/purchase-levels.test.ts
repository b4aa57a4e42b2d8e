/**
 * 江苏's 政府采购预算表 (pdftotext -layout of 江苏省高级人民法院 2018): no codes, one amount column, rows
 * nesting by what they print: 合计, 一、货物 A (a 大类), its 专项 (each with its 经济科目), and under
 * each the 采购物品 that print their 采购组织形式. The kind says so as data (tables/budgets.yaml,
 * `levels`); 表内/分级合计 adds each level up, and the narrative's 政府采购 figures are checked
 * against the table. It was listed unread before ("本工具尚不核对这种表") in all ten 江苏 documents.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport, loadCatalog } from '../src/model/index.js';
import { runRules } from '../src/rules/index.js';
import { brief, builtinRules, FIXTURES, fixtureText, lintText, mutate, pageText, reportOf } from './helpers.js';

const FIXTURE = 'text/purchases-jiangsu.txt';
const ONLY = (ds: Awaited<ReturnType<typeof lintText>>) => ds.filter((d) => /^(表内\/分级合计|叙述\/金额与表一致)$/.test(d.ruleId)).map(brief);

describe('a table whose rows nest by what they print (政府采购预算表)', () => {
  const table = () => reportOf(fixtureText(FIXTURE), FIXTURE).tables.find((t) => t.id === '预算/政府采购表')!;

  it('reads each row at its level, under the nearest row above of a higher one', () => {
    const t = table();
    expect(t.unread).toBeNull();
    const rows = new Map(t.rows.map((r) => [r.key, r]));
    expect(t.rows.filter((r) => r.level === 1).map((r) => [r.key, r.cells['总计'].raw, r.parent])).toEqual([
      ['货物', '962.86', '合计'],
      ['工程', '539.00', '合计'],
      ['服务', '3,139.76', '合计'],
    ]);
    expect(rows.get('合计')!.cells['总计'].raw).toBe('4,641.62');
    // 合计, three 大类, and the 专项 and 采购物品 under them
    expect(t.rows.length).toBe(54);
    const items = t.rows.filter((r) => r.level === 3);
    // the 采购组织形式 that told an item's level is no part of its name
    expect(items.filter((r) => /自行组织|集中采购/.test(r.name))).toEqual([]);
    // every item is under a 专项, every 专项 under a 大类
    expect(items.every((r) => rows.get(r.parent!)!.level === 2)).toBe(true);
    expect(t.rows.filter((r) => r.level === 2).every((r) => rows.get(r.parent!)!.level === 1)).toBe(true);
  });

  it('is silent where every level adds up and the narrative agrees', async () => {
    expect(ONLY(await lintText(fixtureText(FIXTURE), FIXTURE))).toEqual([]);
  });

  it('says which row does not add up, and by how much', async () => {
    const item = mutate(fixtureText(FIXTURE), '部门集中采购    266.86', '部门集中采购    366.86');
    expect(ONLY(await lintText(item, FIXTURE))).toEqual([{ ruleId: '表内/分级合计', severity: 2, line: 18, actual: '266.86 万元', expected: '366.86 万元', difference: '100.00 万元' }]);
    const category = mutate(fixtureText(FIXTURE), '二、工程 B                                                539.00', '二、工程 B                                                593.00');
    expect(ONLY(await lintText(category, FIXTURE))).toEqual([
      { ruleId: '表内/分级合计', severity: 2, line: 8, actual: '4,641.62 万元', expected: '4,695.62 万元', difference: '54.00 万元' },
      { ruleId: '表内/分级合计', severity: 2, line: 26, actual: '593.00 万元', expected: '539.00 万元', difference: '54.00 万元' },
      { ruleId: '叙述/金额与表一致', severity: 2, line: 97, actual: '539 万元', expected: '593.00 万元', difference: '54.00 万元' },
    ]);
  });

  it("checks the narrative's 政府采购 figures against the table", async () => {
    const goods = mutate(fixtureText(FIXTURE), '买货物 962.86 万元', '买货物 962.68 万元');
    expect(ONLY(await lintText(goods, FIXTURE))).toEqual([{ ruleId: '叙述/金额与表一致', severity: 2, line: 97, actual: '962.68 万元', expected: '962.86 万元', difference: '0.18 万元' }]);
    const whole = mutate(fixtureText(FIXTURE), '总金额为 4641.62 万元', '总金额为 4614.62 万元');
    expect(ONLY(await lintText(whole, FIXTURE))).toEqual([{ ruleId: '叙述/金额与表一致', severity: 2, line: 96, actual: '4,614.62 万元', expected: '4,641.62 万元', difference: '27.00 万元' }]);
  });
});

describe('a kind says how its rows nest as data', () => {
  it('reports a malformed level at file:line:col', () => {
    expect(() => loadCatalog([path.join(FIXTURES, 'tables/bad-levels.yaml')])).toThrow(/bad-levels\.yaml:8:9: 既无 label 也无 words 的一项（其余各行的级别）只能放在最后/);
    expect(() => loadCatalog([path.join(FIXTURES, 'tables/bad-level-pattern.yaml')])).toThrow(/bad-level-pattern\.yaml:8:28: label 不是有效的正则表达式/);
  });
});

describe('the narrative against a 政府采购预算表 by unit (合计 | 货物 | 工程 | 服务)', () => {
  const FILE = 'pdf/layout-purchases-units.txt';
  const said = (goods: string) => `${fixtureText(FILE)}\n十、政府采购预算情况说明\n2024年本部门政府采购预算总额1,081.20万元，其中：货物采购预算${goods}万元、工程采购预算150.00万元、服务采购预算550.00万元。\n`;
  const narrative = async (goods: string) => (await lintText(said(goods), FILE)).filter((d) => d.ruleId === '叙述/金额与表一致').map(brief);

  it('links each category to the 合计 row\'s column: silent where they agree, the difference where not', async () => {
    expect(await narrative('381.20')).toEqual([]);
    expect(await narrative('391.20')).toEqual([{ ruleId: '叙述/金额与表一致', severity: 2, line: 13, actual: '391.20 万元', expected: '381.20 万元', difference: '10.00 万元' }]);
  });
});

describe("a final account's 政府采购支出情况表 (公开11) and its narrative", () => {
  const FILE = 'text/final-purchases.txt';
  const found = async (text: string) => (await lintText(text, FILE)).filter((d) => /^(政府采购\/|叙述\/金额与表一致)/.test(d.ruleId)).map(brief);

  it('is silent where the table adds up and the narrative says its figures', async () => {
    expect(await found(fixtureText(FILE))).toEqual([]);
  });

  it("links the narrative's 总额, categories and contracts to the table's rows", async () => {
    const goods = mutate(fixtureText(FILE), '政府采购货物支出120.50万元', '政府采购货物支出102.50万元');
    expect(await found(goods)).toEqual([{ ruleId: '叙述/金额与表一致', severity: 2, line: 27, actual: '102.50 万元', expected: '120.50 万元', difference: '18.00 万元' }]);
    const firms = mutate(fixtureText(FILE), '授予中小企业合同金额59.16万元', '授予中小企业合同金额95.16万元');
    expect(await found(firms)).toEqual([{ ruleId: '叙述/金额与表一致', severity: 2, line: 27, actual: '95.16 万元', expected: '59.16 万元', difference: '36.00 万元' }]);
  });
});

describe('a row whose figures stand on a line above its name (委办 2017: 30.00, then 机要及电子政务业务费 办公设备购置)', () => {
  const LINE = '         设备购置费       办公设备购置                           266.86';
  const moved = () => mutate(fixtureText(FIXTURE), LINE, '                                                       266.86\n         设备购置费       办公设备购置');

  it('takes the words below for its name, where the next row prints its own beside its figures', () => {
    const t = reportOf(moved(), FIXTURE).tables.find((x) => x.id === '预算/政府采购表')!;
    expect(t.reading.dropped).toBe(0);
    const row = t.rows.find((r) => r.name === '设备购置费办公设备购置')!;
    expect([row.level, row.parent, row.cells['总计'].raw]).toEqual([2, '货物', '266.86']);
    expect(t.rows.filter((r) => r.parent === row.key).map((r) => r.name)).toEqual(['其他通用设备']);
  });

  it('so the level sums are still checked', async () => {
    expect(ONLY(await lintText(moved(), FIXTURE))).toEqual([]);
    const wrong = mutate(moved(), '                                                       266.86\n', '                                                       267.86\n');
    expect(ONLY(await lintText(wrong, FIXTURE))).toEqual([
      { ruleId: '表内/分级合计', severity: 2, line: 9, actual: '962.86 万元', expected: '963.86 万元', difference: '1.00 万元' },
      { ruleId: '表内/分级合计', severity: 2, line: 18, actual: '267.86 万元', expected: '266.86 万元', difference: '1.00 万元' },
    ]);
  });
});

describe('政府购买服务 is not 政府采购 服务', () => {
  it('leaves 政府购买服务预算 in a 政府采购 section unlinked', () => {
    const text = `${fixtureText('pdf/layout-purchases-units.txt')}\n十、政府采购预算情况说明\n2024年本部门政府采购预算总额1,081.20万元，其中：货物采购预算381.20万元、工程采购预算150.00万元、服务采购预算550.00万元。政府购买服务预算55.00万元。\n`;
    const links = reportOf(text, 'doc.txt').claims.filter((c) => c.kind === 'amount').map((c) => [c.subject, c.link?.column ?? null]);
    expect(links).toEqual([
      ['2024年本部门政府采购预算总额', '总计'],
      ['货物采购预算', '货物'],
      ['工程采购预算', '工程'],
      ['服务采购预算', '服务'],
      ['政府购买服务预算', null],
    ]);
  });
});

/** a 政府采购预算表's title and header as a page sets them (江苏's columns), for pageText: rows go below y 110 */
const PURCHASE_PAGE_HEAD: Array<[page: number, y: number, pieces: Array<[string, number]>]> = [
  [1, 50, [['2019年部门预算公开表', 200]]],
  [1, 70, [['2019年政府采购预算表', 200]]],
  [1, 90, [['部门：江东省委办公厅', 40], ['单位：万元', 500]]],
  [1, 110, [['采购品目大类', 40], ['专项名称', 120], ['经济科目', 220], ['采购物品名称', 300], ['采购组织形式', 420], ['总计', 520]]],
];

describe('on a page, a 专项 whose figure stands above its name, the name beside an item (委办 2017)', () => {
  const page = (router: string) =>
    pageText([
      ...PURCHASE_PAGE_HEAD,
      [1, 130, [['合计', 40], ['100.00', 520]]],
      [1, 150, [['一、货物A', 40], ['100.00', 520]]],
      [1, 170, [['办公设备购置费', 120], ['办公设备购置', 220], ['70.00', 520]]],
      [1, 190, [['复印机', 300], ['分散自行组织', 420], ['70.00', 520]]],
      [1, 210, [['30.00', 520]]],
      [1, 230, [['机要业务费', 120], ['办公设备购置', 220], ['台式计算机', 300], ['政府集中采购', 420], ['20.00', 520]]],
      [1, 250, [['路由器', 300], ['政府集中采购', 420], [router, 520]]],
    ]);

  it('reads the cells before the item name on its line as the 专项 above', () => {
    const t = buildReport(page('10.00')).tables.find((x) => x.id === '预算/政府采购表')!;
    expect(t.reading.dropped).toBe(0);
    // each row: its level and figure, under its parent
    const tree = Object.fromEntries(t.rows.map((r) => [r.name, `${r.level ?? 0} ${r.cells['总计'].raw} < ${r.parent ?? '-'}`]));
    expect(tree).toEqual({
      合计: '0 100.00 < -',
      货物A: '1 100.00 < 合计',
      办公设备购置费办公设备购置: '2 70.00 < 货物',
      复印机: '3 70.00 < 办公设备购置费办公设备购置',
      机要业务费办公设备购置: '2 30.00 < 货物',
      台式计算机: '3 20.00 < 机要业务费办公设备购置',
      路由器: '3 10.00 < 机要业务费办公设备购置',
    });
  });

  it('and checks its items against it', async () => {
    const found = runRules(buildReport(page('11.00')), await builtinRules()).filter((d) => d.ruleId === '表内/分级合计');
    expect(found.map((d) => [d.row, d.actual, d.expected])).toEqual([['机要业务费办公设备购置', '30.00 万元', '31.00 万元']]);
  });
});

describe('a level word told apart from a name that ends in it', () => {
  it('a 专项 named 药品集中采购 stays a 专项; 集中采购 as a cell of its own tells an item', () => {
    // 合计, 大类, 专项 and 采购物品, each 70.00
    const lines: Array<Array<[string, number]>> = [[['合计', 40]], [['一、货物A', 40]], [['药品集中采购', 120], ['专用材料购置', 220]], [['药品', 300], ['集中采购', 420]]];
    const t = buildReport(
      pageText([...PURCHASE_PAGE_HEAD, ...lines.map((pieces, i): [number, number, Array<[string, number]>] => [1, 130 + 20 * i, [...pieces, ['70.00', 520]]])]),
    ).tables.find((x) => x.id === '预算/政府采购表')!;
    expect(t.rows.map((r) => `${r.level ?? 0} ${r.name}`)).toEqual(['0 合计', '1 货物A', '2 药品集中采购专用材料购置', '3 药品']);
  });
});
