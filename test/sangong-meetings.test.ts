/**
 * A final account's 三公 table with 会议费 and 培训费 beside the 三公 in both its groups (陕西:
 * 一般公共预算财政拨款“三公”经费及会议费、培训费支出决算表), fixtures/pdf-src/sangong-meetings-final.json,
 * its 合计 counting them. Where a 三公 table prints 会议费 and 培训费 but no 三公经费小计, whether its
 * 合计 counts them differs by province: 三公/合计 takes either sum that the 合计 matches.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PDF_ENGINES, readDocument } from '../src/ingest/index.js';
import { buildReport, type Report } from '../src/model/index.js';
import { runRules, type Rule } from '../src/rules/index.js';
import { builtinRules, FIXTURES, fixtureText, mutate, reportOf } from './helpers.js';
import { eachRendering } from './renderings.js';

const TITLE = '一般公共预算财政拨款“三公”经费及会议费、培训费支出决算表';
const cells = (r: Report) => {
  const t = r.tables.find((x) => x.id === '公开09')!;
  return { title: t.title, unread: t.unread, cells: Object.fromEntries(Object.entries(t.rows[0]?.cells ?? {}).map(([k, c]) => [k, c.raw])) };
};
const GROUP = (g: string, v: string[]) =>
  Object.fromEntries(['合计', '因公出国（境）费', '公务用车购置及运行维护费', '公务用车购置费', '公务用车运行维护费', '公务接待费', '会议费', '培训费'].map((k, i) => [`${g}.${k}`, v[i]]));
const READ = {
  title: TITLE,
  unread: null,
  cells: { ...GROUP('预算数', ['12.50', '0.00', '8.00', '0.00', '8.00', '2.50', '1.00', '1.00']), ...GROUP('决算数', ['11.20', '0.00', '7.40', '0.00', '7.40', '1.90', '0.80', '1.10']) },
};
const ROW = '12.50\t0.00\t8.00\t0.00\t8.00\t2.50\t1.00\t1.00\t11.20\t0.00\t7.40\t0.00\t7.40\t1.90\t0.80\t1.10';
const text = () => fixtureText('pdf/sangong-meetings-final.txt');
const found = (t: string, rules: Rule[]) => runRules(reportOf(t), rules).map((d) => [d.ruleId, d.tableColumn, d.actual, d.expected]);

describe('陕西: a final account’s 三公 table with 会议费 and 培训费 in both groups', () => {
  let rules: Rule[];
  beforeAll(async () => {
    rules = await builtinRules();
  });

  // Chromium's narrow cells wrap the header's words (会议 / 费) in pdftotext's text: said unread below
  eachRendering('sangong-meetings-final', 'sixteen figures, each in its column, a 合计 counting 会议费 and 培训费: nothing said', { kind: '决算', year: 2020, cells, read: READ }, () => rules, ['../text/sangong-meetings-final.chromium.layout.txt']);

  it("Chromium's page as pdftotext -layout prints it, the header's words wrapped in their cells: said unread, not guessed", async () => {
    const r = buildReport(await readDocument(path.join(FIXTURES, 'text/sangong-meetings-final.chromium.layout.txt')));
    expect(cells(r)).toMatchObject({ unread: '1 行的数字多于读出的 12 列（表头另有未能识别的列），未能确定各数所在的列' });
    // its checks skipped (the CLI says it unread, 读取/表格未能读取)
    expect(runRules(r, rules)).toEqual([]);
  });

  it('a 合计 of the 三公 alone (会议费 and 培训费 outside it) holds as well', () => {
    expect(found(mutate(text(), ROW, ROW.replace('12.50', '10.50').replace('11.20', '9.30')), rules)).toEqual([]);
  });

  it('a 合计 neither sum explains is reported against the 三公 items', () => {
    expect(found(mutate(text(), ROW, ROW.replace('11.20', '11.60')), rules)).toEqual([['三公/合计', '决算数.合计', '11.60 万元', '9.30 万元']]);
  });

  it('a 公务用车 subtotal that is not its two parts is found as in any 三公 table', () => {
    expect(found(mutate(text(), ROW, ROW.replace('7.40\t0.00\t7.40', '7.40\t0.00\t7.20')), rules)).toEqual([['三公/公务用车小计', '决算数.公务用车购置及运行维护费', '7.40 万元', '7.20 万元']]);
  });
});
