/** The five real disclosures: their genuine table errors, and silence where rounding explains. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, hasCorpus, lintText, reportOf } from './helpers.js';

const read = (name: string) => readFileSync(path.join(CORPUS, name), 'utf8');

describe.skipIf(!hasCorpus)('corpus', () => {
  it('haidong budget: its five table errors, with lines and figures', async () => {
    const ds = await lintText(read('haidong-city-2025-budget.txt'));
    expect(ds.map((d) => [d.ruleId, d.line, d.actual, d.expected, d.difference])).toEqual([
      ['表间/本年支出合计', 177, '1,182.90 万元', '1,215.34 万元', '32.44 万元'],
      ['表间/功能分类类级支出', 269, '0.00 万元', '32.44 万元', '32.44 万元'],
      ['科目/上下级合计', 367, '63.25 万元', '62.24 万元', '1.01 万元'],
      ['科目/行内分列合计', 394, '1,078.45 万元', '311.69 万元', '766.76 万元'],
      ['科目/上下级合计', 430, '399.28 万元', '447.93 万元', '48.65 万元'],
    ]);
  });

  it('linxia: only its two empty tables without an explanation', async () => {
    const ds = await lintText(read('linxia-city-2023-final.txt'));
    expect(ds.map((d) => [d.ruleId, d.severity, d.table])).toEqual([
      ['形式/空表说明', 1, '公开07'],
      ['形式/空表说明', 1, '公开08'],
    ]);
  });

  for (const name of ['guizhou-office-2023-final.txt', 'qinghai-province-2023-final.txt', 'weihai-huancui-2023-final.txt']) {
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
