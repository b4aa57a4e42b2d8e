/**
 * What the readers do not yet read in the Calc fixtures (fixtures/calc-src, see
 * layouts-calc.test.ts). Each case states what a correct reader gives; `it.fails` keeps the suite
 * green while it does not, and fails once it does: then move the case to layouts-calc.test.ts.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../src/ingest/index.js';
import { buildReport, type Report, type Table } from '../src/model/index.js';
import { FIXTURES } from './helpers.js';
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
