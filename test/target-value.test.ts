/** Whether a printed 实际值 meets a printed 指标值, and where that cannot be told. */
import { describe, expect, it } from 'vitest';
import { targetMet } from '../src/model/forms/target-value.js';

describe('targetMet', () => {
  it('compares figures under the target relation, in the target unit', () => {
    expect(targetMet('≥90%', '95%')).toBe(true);
    expect(targetMet('≥90%', '89.5%')).toBe(false);
    expect(targetMet('≤20天', '21天')).toBe(false);
    expect(targetMet('小于20天', '15天')).toBe(true);
    expect(targetMet('大于95%', '95%')).toBe(false);
    expect(targetMet('=100%', '100')).toBe(true);
    expect(targetMet('≥5次', '7')).toBe(true);
    expect(targetMet('≥1万册', '120000 册')).toBe(true);
    expect(targetMet('＜600人次', '=465人次')).toBe(true);
    expect(targetMet('100%', '98%')).toBe(false);
  });

  it('leaves undecided what is not a measured quantity in the same unit', () => {
    expect(targetMet('优良中低差', '优')).toBeNull();
    expect(targetMet('≥90%', '≥90%')).toBeNull();
    expect(targetMet('≥455万人次', '445万人')).toBeNull();
    expect(targetMet('2025年12月31日前', '达成年度指标')).toBeNull();
    expect(targetMet(null, '95%')).toBeNull();
  });
});
