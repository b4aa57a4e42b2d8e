/**
 * What the readers do not yet read in the Calc fixtures (fixtures/calc-src, see
 * layouts-calc.test.ts). Each case states what a correct reader gives; `it.fails` keeps the suite
 * green while it does not, and fails once it does: then move the case to layouts-calc.test.ts.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../src/ingest/index.js';
import { buildReport, type Report, type Table } from '../src/model/index.js';
import { runRules } from '../src/rules/index.js';
import { builtinRules, FIXTURES } from './helpers.js';
import { content, placeless } from './model-content.js';
import { ZEROS_SUMMARY, zerosSummary } from './layouts-zeros.js';

const fixture = (file: string) => path.join(FIXTURES, 'pdf', file);
const read = async (file: string) => buildReport(await readDocument(fixture(file)));
const table = (r: Report, id: string): Table => r.tables.find((t) => t.id === id)!;

/** the 三公 grid of layout-zeros: 15.60 | - | 0 | 11.20 | 4.40 under 合计 | 因公出国（境）费 | 购置费 | 运行费 | 公务接待费 */
function threePublic(r: Report) {
  const cells = table(r, '部门公开表7').rows[0].cells;
  return {
    total: cells['本年预算数.合计']?.raw,
    // `-`: nothing printed, or a zero
    abroad: cells['本年预算数.因公出国（境）费']?.value ?? 0,
    // not printed in this header
    subtotal: cells['本年预算数.公务用车购置及运行维护费'] ?? null,
    purchase: cells['本年预算数.公务用车购置费']?.raw ?? null,
    upkeep: cells['本年预算数.公务用车运行维护费']?.raw ?? null,
    reception: cells['本年预算数.公务接待费']?.raw ?? null,
  };
}
const THREE_PUBLIC = { total: '15.60', abroad: 0, subtotal: null, purchase: '0', upkeep: '11.20', reception: '4.40' };

describe('zero cells printed `-` (layout-zeros.calc.pdf)', () => {
  it.fails('a `-` in a two-sided 总表 is an empty amount, not a word joining the names beside it', async () => {
    // read now: 支出:公共安全支出--三、教育支出 (one row of two), -七、节能环保支出-, -十一、结转下年
    expect(zerosSummary(await read('layout-zeros.calc.pdf'))).toEqual(ZEROS_SUMMARY);
  });

  it.fails('a narrow `0` under 购置费 in a 三公 grid is 购置费, not the 公务用车购置及运行费 spanning it', async () => {
    // read now: 公务用车购置及运行维护费 = 0 and no 公务用车购置费
    expect(threePublic(await read('layout-zeros.calc.pdf'))).toEqual(THREE_PUBLIC);
  });
});

describe('the text versions (tab-separated, as Calc saves a sheet as text) give the model of their PDF', () => {
  const same = async (name: string) => {
    const fromPdf = await read(`${name}.calc.pdf`);
    const fromText = await read(`${name}.txt`);
    expect(content(fromText)).toEqual(content(fromPdf));
    const rules = await builtinRules();
    expect(placeless(runRules(fromText, rules))).toEqual(placeless(runRules(fromPdf, rules)));
  };

  it.fails('layout-codes.txt: codes in 类 / 款 / 项 cells of their own (208\\t05\\t05)', async () => {
    await same('layout-codes');
  });

  it.fails('layout-spanning.txt: 公开05 whose header puts its total last (基本支出 项目支出 小计)', async () => {
    await same('layout-spanning');
  });

  it.fails('layout-sangong.txt: a 三公 grid of one group, 购置费 and 运行费 without their subtotal', async () => {
    await same('layout-sangong');
  });

  it.fails('layout-zeros.txt: the 三公 grid with `-` and `0`', async () => {
    expect(threePublic(await read('layout-zeros.txt'))).toEqual(THREE_PUBLIC);
  });
});
