/**
 * A form's funds block whose merged label wraps before its closing bracket (项目资金（万元 / ）), as a
 * narrow first column prints it: the ）, set before the 年度资金总额 row's own label, is the label's,
 * not a row of its own. The form is 威海's 居民医疗保险财政补助 as Calc prints it at 11 pt in columns
 * made for 7 pt, read by pdftotext -layout (fixtures/text/form-funds-label-wrapped.txt).
 */
import { describe, expect, it } from 'vitest';
import { FUNDS_LABEL, FUNDS_LABEL_START } from '../src/model/forms/funds.js';
import { fixtureText, reportOf } from './helpers.js';

describe('a funds label wrapped before its closing bracket', () => {
  // the ） led the row, no funds row was read, and 总分 100 stood against the indicators' 90
  it('reads the 年度资金总额 row under its columns', () => {
    const form = reportOf(fixtureText('text/form-funds-label-wrapped.txt'), 'form.txt').forms[0];
    expect(form.funds.map((f) => [f.key, Object.fromEntries(Object.entries(f.cells).map(([k, c]) => [k, c.raw]))])).toEqual([
      ['年度资金总额', { 年初预算数: '4860', 全年预算数: '4860', 全年执行数: '1144', 分值: '10', 得分: '2.35' }],
    ]);
    expect([form.indicators.length, form.total?.weight?.raw]).toEqual([9, '100']);
  });

  it('takes a lone closing bracket for the label, and nothing else that opens with one', () => {
    expect(['）', ')', '项目资金（万元', '万元）'].every((t) => FUNDS_LABEL.test(t))).toBe(true);
    expect(FUNDS_LABEL.test('）年度资金总额')).toBe(false);
    expect('）年度资金总额：'.replace(FUNDS_LABEL_START, '')).toBe('年度资金总额：');
  });
});
