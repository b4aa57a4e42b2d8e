/** Whether a printed 实际值 meets a printed 指标值, and where that cannot be told. */
import { describe, expect, it } from 'vitest';
import { quantityPair, targetMet } from '../src/model/forms/target-value.js';
import { findScoringRule } from '../src/model/forms/scoring-rule.js';

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
    expect(targetMet('=100%', '98%')).toBe(false);
  });

  it('takes a bare target (no sign) as met where the figures agree, and undecided where they do not', () => {
    // which way a bare 5篇 or 95% bounds is not printed: more for most indicators, less for a cost
    // or a time (成本控制率 100% against 98% is met); an unequal figure was said unmet, a false alarm
    expect(targetMet('100%', '100%')).toBe(true);
    expect(targetMet('5篇', '5')).toBe(true);
    expect(targetMet('5篇', '117篇')).toBeNull();
    expect(targetMet('95%', '98%')).toBeNull();
    expect(targetMet('100%', '98%')).toBeNull();
  });

  it('leaves undecided what is not a measured quantity in the same unit', () => {
    expect(targetMet('优良中低差', '优')).toBeNull();
    expect(targetMet('≥90%', '≥90%')).toBeNull();
    expect(targetMet('≥455万人次', '445万人')).toBeNull();
    expect(targetMet('2025年12月31日前', '达成年度指标')).toBeNull();
    expect(targetMet(null, '95%')).toBeNull();
  });
});

describe('quantityPair', () => {
  it('gives both figures with their printed digits, in the unit they share', () => {
    expect(quantityPair('≥37个', '20')).toEqual({ relation: '>=', unit: '个', target: { value: 37, decimals: 0, scale: 1 }, actual: { value: 20, decimals: 0, scale: 1 } });
    expect(quantityPair('1.5万册', '12000册')).toEqual({ relation: null, unit: '册', target: { value: 15000, decimals: 1, scale: 10000 }, actual: { value: 12000, decimals: 0, scale: 1 } });
  });

  it('gives nothing where the actual is a bound, another unit, or no number', () => {
    expect(quantityPair('≥37个', '≥37个')).toBeNull();
    expect(quantityPair('37个', '20次')).toBeNull();
    expect(quantityPair('足额拨付', '足额拨付')).toBeNull();
  });
});

describe('findScoringRule', () => {
  const lines = (...texts: string[]) => texts.map((text, i) => ({ line: i + 1, text }));

  it('finds a proportional rule, wrapped over lines, and quotes its sentence from its own line', () => {
    const r = findScoringRule(lines('总分 100 98', '评分说明：定量指标未完成的，按实际完成值/年度', '指标值×分值计分。其余按等级计分。'), 'x.txt');
    expect(r).toMatchObject({ kind: 'proportional', text: '评分说明：定量指标未完成的，按实际完成值/年度指标值×分值计分', loc: { line: 2 } });
    expect(findScoringRule(lines('未完成的，按完成比例计分。'), 'x.txt')?.text).toBe('未完成的，按完成比例计分');
    expect(findScoringRule(lines('得分=完成率×该指标分值'), 'x.txt')?.loc.line).toBe(1);
  });

  it('says nothing where no rule is stated, or only the funds row is scored by its rate', () => {
    expect(findScoringRule(lines('本单位按比例缴纳住房公积金。', '绩效自评得分 95 分。'), 'x.txt')).toBeNull();
    expect(findScoringRule(lines('预算执行率按比例计分。'), 'x.txt')).toBeNull();
  });
});
