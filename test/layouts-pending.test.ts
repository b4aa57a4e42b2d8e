/**
 * What the readers do not yet read in the Calc fixtures (fixtures/calc-src, see
 * layouts-calc.test.ts). Each case states what a correct reader gives; `it.fails` keeps the suite
 * green while it does not, and fails once it does: then move the case to layouts-calc.test.ts.
 */
import { describe, it } from 'vitest';
import { expectTextAsPdf } from './calc-fixtures.js';

describe('the text versions (tab-separated, as Calc saves a sheet as text) give the model of their PDF', () => {
  it.fails('layout-codes.txt: codes in 类 / 款 / 项 cells of their own (208\\t05\\t05)', async () => {
    await expectTextAsPdf('layout-codes');
  });
});
