/** The five real disclosures: their genuine table errors, and silence where rounding explains. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, hasCorpus, lintText, reportOf } from './helpers.js';

const read = (name: string) => readFileSync(path.join(CORPUS, name), 'utf8');

describe.skipIf(!hasCorpus)('corpus', () => {
  it('haidong budget: its five table errors and the narrative mistakes, with lines and figures', async () => {
    const ds = await lintText(read('haidong-city-2025-budget.txt'));
    expect(ds.map((d) => [d.ruleId, d.severity, d.line, d.actual, d.expected, d.difference])).toEqual([
      ['表间/本年支出合计', 2, 177, '1,182.90 万元', '1,215.34 万元', '32.44 万元'],
      ['表间/功能分类类级支出', 2, 269, '0.00 万元', '32.44 万元', '32.44 万元'],
      ['科目/上下级合计', 2, 367, '63.25 万元', '62.24 万元', '1.01 万元'],
      ['科目/行内分列合计', 2, 394, '1,078.45 万元', '311.69 万元', '766.76 万元'],
      ['科目/上下级合计', 2, 430, '399.28 万元', '447.93 万元', '48.65 万元'],
      // 职业年金缴费支出 is 19.65 in the narrative, 18.54 in 表5 (and 19.54 in 表3)
      ['叙述/金额与表一致', 2, 716, '19.65 万元', '18.54 万元', '1.11 万元'],
      // 1.21 / 13.45 = 8.996%, printed 8.9%; 1.23 / 42.78 = 2.875%, printed 2.8%: truncated, not rounded
      ['叙述/同比变化率', 1, 755, '8.9%', '9.00%', '0.1'],
      // 2025's 公务接待费 stated as 1.7 (last year's budget); 表7 has 0.72, and 1.7 − 0.98 = 0.72
      ['叙述/金额与表一致', 2, 858, '1.7 万元', '0.72 万元', '1.0 万元'],
      ['叙述/同比变化率', 1, 885, '2.8%', '2.88%', '0.1'],
    ]);
  });

  it('linxia: only its two empty tables without an explanation', async () => {
    const ds = await lintText(read('linxia-city-2023-final.txt'));
    expect(ds.map((d) => [d.ruleId, d.severity, d.table])).toEqual([
      ['形式/空表说明', 1, '公开07'],
      ['形式/空表说明', 1, '公开08'],
    ]);
  });

  it('guizhou: tables consistent; one execution rate truncated (6,364.39 / 5,186.82 = 122.704%, printed 122.71%)', async () => {
    const ds = await lintText(read('guizhou-office-2023-final.txt'));
    expect(ds.map((d) => [d.ruleId, d.severity, d.line, d.actual, d.expected])).toEqual([['叙述/完成预算比例', 1, 775, '122.71%', '122.70%']]);
  });

  for (const name of ['qinghai-province-2023-final.txt', 'weihai-huancui-2023-final.txt']) {
    it(`${name}: tables consistent within rounding`, async () => {
      expect(await lintText(read(name))).toEqual([]);
    });
  }

  it('guizhou 208 is 357.81 in 公开01 and 357.80 in 公开03: both read, no alarm', () => {
    const r = reportOf(read('guizhou-office-2023-final.txt'));
    const t01 = r.tables.find((t) => t.id === '公开01')!;
    const t03 = r.tables.find((t) => t.id === '公开03')!;
    expect(t01.rows.find((x) => x.code === '208')!.cells['支出金额'].raw).toBe('357.81');
    expect(t03.rows.find((x) => x.code === '208')!.cells['本年支出合计'].raw).toBe('357.80');
  });

  it('qinghai 公开01 adds to 29,210.04 against 29,210.05, and 公开04/05 come apart', () => {
    const r = reportOf(read('qinghai-province-2023-final.txt'));
    const t01 = r.tables.find((t) => t.id === '公开01')!;
    expect(t01.rows.find((x) => x.key === '支出:总计')!.cells['支出金额'].raw).toBe('29,210.05');
    const t04 = r.tables.find((t) => t.id === '公开04')!;
    const t05 = r.tables.find((t) => t.id === '公开05')!;
    expect(t04.rows.find((x) => x.key === '支出:总计')!.cells['合计'].raw).toBe('29,210.05');
    expect(t04.rows.find((x) => x.key === '支出:抗疫特别国债安排的支出')!.lineNo).toBe(58);
    expect(t05.rows.map((x) => x.key)).toContain('2101599');
    expect(t05.rows.find((x) => x.key === '2101506')!.loc.line).toBe(521);
  });

  it('reads every document with its kind, year, unit and all its tables', () => {
    const expected: Array<[string, string, number, string, number]> = [
      ['guizhou-office-2023-final.txt', '决算', 2023, '万元', 9],
      ['linxia-city-2023-final.txt', '决算', 2023, '元', 9],
      ['qinghai-province-2023-final.txt', '决算', 2023, '万元', 11],
      ['weihai-huancui-2023-final.txt', '决算', 2023, '万元', 9],
      ['haidong-city-2025-budget.txt', '预算', 2025, '万元', 9],
    ];
    for (const [name, kind, year, unit, tables] of expected) {
      const r = reportOf(read(name));
      expect([r.kind, r.year, r.unit, r.tables.length, r.notes]).toEqual([kind, year, unit, tables, []]);
    }
  });
});
