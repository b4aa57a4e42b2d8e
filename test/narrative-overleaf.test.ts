/**
 * A sentence of the narrative runs on overleaf: the page number at a page's foot is no break
 * (it was: 江苏省人民检察院 2019's 其中 list, 基本支出 and 项目支出 on p.26 and 单位预留机动经费 on
 * p.27, was summed without its last part and reported 3,990.40 万元 short). A table between two
 * lines still ends the sentence. And the subject of an amount never takes in the amount before it
 * (公用经费1,131.92万元 on one line, （1）办公费（款）支出110万元 on the next).
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../src/model/index.js';
import { buildStream } from '../src/model/claims/phrases.js';
import { runRules } from '../src/rules/index.js';
import { brief, builtinRules, pageText, reportOf, type TestPiece } from './helpers.js';

type Row = [page: number, y: number, pieces: TestPiece[]];
const line = (page: number, y: number, text: string): Row => [page, y, [[text, 90]]];

/** the 说明's 支出 paragraph, its list broken by the page's foot (and the page number printed there) */
function overleaf(third: string): Row[] {
  return [
    line(1, 100, '三、支出预算情况说明'),
    line(1, 120, '某部门本年支出预算合计24,169.74万元，其中：'),
    line(1, 140, '基本支出15,844.04万元，占65.56%；'),
    line(1, 160, '项目支出4335.3万元，占17.94%；'),
    line(1, 790, '26'),
    line(2, 110, `单位预留机动经费${third}万元，占16.51%；`),
    line(2, 130, '四、财政拨款收支预算总体情况说明'),
  ];
}

async function sums(rows: Row[]) {
  const report = buildReport(pageText(rows, 12));
  const ds = runRules(report, await builtinRules()).filter((d) => d.ruleId === '叙述/分项之和');
  return { claims: report.claims.filter((c) => c.kind === 'sum').map((c) => c.parts.map((p) => p.raw)), ds: ds.map(brief) };
}

describe('a 其中 list continued on the next page', () => {
  it('is read whole past the page number: the parts add up, nothing to say', async () => {
    expect(await sums(overleaf('3990.4'))).toEqual({ claims: [['15,844.04', '4335.3', '3990.4']], ds: [] });
  });

  it('a part that does not add up on the next page is found, at the stated total', async () => {
    expect((await sums(overleaf('3890.4'))).ds).toEqual([{ ruleId: '叙述/分项之和', severity: 1, line: 2, actual: '24,169.74 万元', expected: '24,069.74 万元', difference: '100.00 万元' }]);
  });

  it('what the narrative leaves out between two of its lines (a table) still ends the sentence', () => {
    const lines = pageText([line(1, 100, '其中：基本支出1万元；'), line(1, 120, '表格的一行'), line(1, 140, '项目支出2万元。')], 12).lines;
    const narrative = [lines[0], lines[2]];
    expect(buildStream(narrative).text).toBe('其中：基本支出1万元；。项目支出2万元。');
    expect(buildStream(narrative, () => true).text).toBe('其中：基本支出1万元；。项目支出2万元。');
    // nothing of the document between: the sentence runs on
    expect(buildStream(narrative, () => false).text).toBe('其中：基本支出1万元；项目支出2万元。');
  });
});

describe('the subject of an amount', () => {
  it('begins after the amount before it, not with it', () => {
    const report = buildReport(
      pageText([line(1, 100, '（二）公用经费1,131.92万元'), line(1, 120, '（1）办公费（款）支出110万元。用于单位购买办公用品。')], 12),
    );
    expect(report.claims.map((c) => c.subject)).toContain('办公费（款）支出');
    expect(report.claims.map((c) => c.subject).some((s) => /万元/.test(s))).toBe(false);
  });
});

describe('a page number in text extracted page by page (form feeds, blank lines around the number)', () => {
  const text = ['一、收支预算总体情况说明', '某部门2018年度收入、支出预算总计24458.43万元，与上年相比收、支预算总计各增加3608.98万元，增长', '', '3', '', '\f17.31%。主要原因是人员经费政策性调增。', ''].join('\n');

  it('is taken out: the rate read across the page is 17.31%, not 317.31%', () => {
    const [yoy] = reportOf(text, 'raw.txt').claims.filter((c) => c.kind === 'yoy');
    expect([yoy.figures.change.raw, yoy.figures.rate?.raw, yoy.figures.current?.raw]).toEqual(['3608.98', '17.31%', '24458.43']);
  });
});
