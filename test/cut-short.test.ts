/**
 * Tables and forms cut short by their producer: Gnumeric leaves the rows past a page's foot out
 * of the PDF (fixtures/pdf/corpus-weihai-huancui-2023-final.cut.gnumeric.pdf, made by
 * scripts/gnumeric-pages.mjs: 公开06 without its last rows and 合计 rows, a 自评表 without its
 * rows from 总分 on). What is missing is said, and the checks that need it do not run; the rows
 * printed are checked as printed.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFile } from '../src/cli/lint.js';
import { readDocument } from '../src/ingest/index.js';
import { buildReport, loadCatalog } from '../src/model/index.js';
import { addCatalogFile } from '../src/model/tables/catalog.js';
import { builtinRules, FIXTURES } from './helpers.js';

const CUT = path.join(FIXTURES, 'pdf', 'corpus-weihai-huancui-2023-final.cut.gnumeric.pdf');

describe('a Gnumeric print that left the rows past a page\'s foot out', () => {
  it('says the 自评表 without 总分 and 公开06 without its 合计 rows, and makes none of the findings their missing rows caused', async () => {
    const out = await lintFile(CUT, await builtinRules());
    const found = out.diagnostics.filter((d) => d.ruleId !== '形式/必备表').map((d) => [d.ruleId, d.page, d.line, d.message]);
    expect(found).toEqual([
      ['读取/表格未能读取', 1, 2, '「威海市环翠区医疗保障局2023年度一般公共预算财政拨款基本支出决算明细表」（第 1 页）表末的人员经费合计、公用经费合计行没有读到（读到第 2 页为止，其后的行没有印出），各科目与其下级科目之和的核对没有做'],
      ['读取/表格未能读取', 3, 1, '「居民医疗保险财政补助等项目资金 2023年度区级预算项目绩效自评表」（第 3 页）未见总分行（表在第 3 页页末中断，其后的行没有印出），表不完整：各一级指标的分值、总分及其得分，涉及它们的核对没有做'],
      // the rows printed are checked as printed (the Calc print of the same document finds these too)
      ['自评表/资金合计', 4, 3, '「居民医疗保险财政补助等项目资金」年度资金总额（年初预算数）666.45 万元，各来源之和（666.45 万元 + 2.04 万元）为 668.49 万元，相差 2.04 万元'],
      ['自评表/资金合计-全年预算数', 4, 3, '「居民医疗保险财政补助等项目资金」年度资金总额（全年预算数）666.45 万元，各来源之和（666.45 万元 + 2.04 万元）为 668.49 万元，相差 2.04 万元'],
      ['自评表/指标得分为负', 4, 15, '「居民医疗保险财政补助等项目资金 · 享受政府补贴参保人数」得分 -5，是负数'],
      ['自评表/资金得分', 5, 2, '「居民医疗保险财政补助等项目资金」资金执行得分 -10，按分值 × 全年执行数 ÷ 全年预算数（10 × 2003.01 万元 ÷ 666.45 万元（封顶 10））应为 10.00'],
      ['自评表/资金得分为负', 5, 2, '「居民医疗保险财政补助等项目资金」资金执行得分 -10，是负数'],
    ]);
    // before: 科目/上下级合计 on 302 (18.75 against 11.92) and 303 (0.64 against 0.01), whose lower rows
    // were not printed, and 自评表/分区分值 on three 一级指标 whose rows the cut made unplaceable
  }, 60000);

  it('keeps what was read: the form\'s rows without their 一级指标, 公开06\'s rows with the reason it is cut', async () => {
    const r = buildReport(await readDocument(CUT));
    const form = r.forms.find((f) => f.project === '居民医疗保险财政补助等项目资金')!;
    expect([form.total, form.sections, form.indicators.length, form.indicators.every((x) => x.section === null)]).toEqual([null, [], 28, true]);
    expect(form.indicators.at(-1)!.name).toBe('档案管理机制健全性');
    // the next form, whole, keeps its sections
    expect(r.forms[1].sections.map((s) => [s.name, s.weight?.raw])).toEqual([
      ['成本指标', '20'],
      ['产出指标', '40'],
      ['效益指标', '20'],
      ['满意度指标', '10'],
    ]);
    const t = r.tables.find((x) => x.id === '公开06')!;
    expect([t.unread, t.cutShort, t.rows.find((x) => x.key === '302')!.cells['决算数'].raw]).toEqual([null, '表末的人员经费合计、公用经费合计行没有读到（读到第 2 页为止，其后的行没有印出）', '18.75']);
  }, 60000);
});

describe('endRows (tables/*.yaml)', () => {
  it('names rows of the kind\'s rows', () => {
    const catalog = loadCatalog();
    expect(() => addCatalogFile(catalog, 'x.yaml', 'kinds:\n  - id: 本省/明细\n    name: 明细表\n    document: 决算\n    titles: [明细表]\n    layout: economic\n    codes: economic\n    columns: [{ key: 决算数 }]\n    rows: [人员经费合计]\n    endRows: [公用经费合计]\n')).toThrow(
      'x.yaml:10:15: endRows 中的「公用经费合计」不是本表 rows 所列的行',
    );
  });
});
