import { describe, expect, it } from 'vitest';
import { agrees, compare, convert, exact, formatInterval, formatNumber, compareInSomeUnit, ratio, sum, type Interval } from '../src/interval/interval.js';

const printed = (value: number, decimals = 2, unit: '元' | '万元' | null = '万元'): Interval => {
  const h = 0.5 * 10 ** -decimals;
  return { lo: value - h, hi: value + h, value, decimals, unit };
};

describe('interval arithmetic', () => {
  it('accepts a sum that only rounding separates from its total', () => {
    // qinghai 公开01: 27,477.93 + 1,732.11 = 29,210.04 against a printed 29,210.05
    const c = compare(printed(29210.05), sum([printed(27477.93), printed(1732.11)]));
    expect(c.verdict).toBe('ok');
  });

  it('accepts two roundings of one class (guizhou 208: 357.81 vs 357.80)', () => {
    expect(compare(printed(357.81), printed(357.8)).verdict).toBe('ok');
  });

  it('rejects what no choice of true values explains, and says by how much', () => {
    const c = compare(printed(63.25), sum([printed(39.08), printed(18.54), printed(4.62)]));
    expect(c.verdict).toBe('off');
    expect(c.difference).toBeCloseTo(1.01, 9);
  });

  it('calls a miss of less than one unit of the last digit near (a truncation)', () => {
    // true 2.875% printed 2.8%
    const c = compare(printed(2.8, 1, null), exact(2.875));
    expect(c.verdict).toBe('near');
    expect(compare(printed(2.8, 1, null), exact(2.95)).verdict).toBe('off');
  });

  it('converts 元 to 万元 and keeps the coarser precision', () => {
    const yuan = printed(2880, 2, '元');
    const wan = printed(0.29, 2, '万元');
    expect(compare(wan, yuan).verdict).toBe('ok');
    expect(convert(wan, '元').decimals).toBe(-2);
    expect(compare(printed(0.3, 2, '万元'), yuan).verdict).toBe('off');
  });

  it('compares in the finer unit but keeps each side as given, for the message to quote', () => {
    // 万里街道 2023 p.29: 3,328.13 万元 in the text against the forms' 33,513,343 元
    const c = compare(printed(3328.13, 2, '万元'), printed(33513343, 2, '元'));
    expect([c.verdict, c.unit, c.actual.unit, c.actual.value]).toEqual(['off', '元', '元', 33281300]);
    expect(formatInterval(c.given.actual)).toBe('3,328.13 万元');
    expect(formatInterval(c.given.expected)).toBe('33,513,343.00 元');
  });

  it('gives no ratio when the divisor may be zero', () => {
    expect(ratio(printed(0), printed(0))).toBeNull();
    const r = ratio(printed(133.25), printed(132.14))!;
    expect(r.lo).toBeLessThan(1.0084);
    expect(r.hi).toBeGreaterThan(1.0084);
  });

  it('a share against a quotient is near only within one unit of the share as printed, whatever the operands print', () => {
    const percent = (r: Interval): Interval => ({ ...r, lo: r.lo * 100, hi: r.hi * 100, value: r.value * 100, percent: true });
    // 江西 上犹 2022: 其他收入 7000 万元 占收入预算总额 7783.26 万元 的 90.3% (89.94%): four units off, not near
    // (7000's whole yuan once made the quotient's precision, and any miss under half a point near)
    const c = compare(printed(90.3, 1, null), percent(ratio(printed(7000, 0), printed(7783.26))!));
    expect(c.verdict).toBe('off');
    expect(c.expected.value).toBeCloseTo(89.937, 2);
    // a truncation stays near: 9,787.85 ÷ 27,664.71 = 35.3806%, printed 35.39
    expect(compare(printed(35.39, 2, null), percent(ratio(printed(9787.85), printed(27664.71))!)).verdict).toBe('near');
  });

  it('formats with thousands separators', () => {
    expect(formatNumber(8044331.79, 2)).toBe('8,044,331.79');
    expect(formatNumber(-0.004, 2)).toBe('0.00');
  });
  it('agrees exactly where compare says ok, units converted, each relation', () => {
    const pairs: Array<[Interval, Interval]> = [
      [printed(357.81), printed(357.8)],
      [printed(63.25), sum([printed(39.08), printed(18.54), printed(4.62)])],
      [printed(2.8, 1, null), exact(2.875)],
      [printed(2.8, 1, null), exact(2.95)],
      [printed(119.37), printed(1193673, 2, '元')],
      [printed(0.3, 2, '万元'), printed(3000, 0, '元')],
      [printed(0.3, 2, '万元'), printed(3100, 0, '元')],
      [printed(10), printed(12)],
      [printed(12), printed(10)],
    ];
    const seen = new Set<string>();
    for (const [a, e] of pairs) {
      for (const relation of ['=', '<=', '>='] as const) {
        const verdict = compare(a, e, relation).verdict;
        seen.add(verdict);
        expect([a.value, e.value, relation, agrees(a, e, relation)]).toEqual([a.value, e.value, relation, verdict === 'ok']);
      }
    }
    expect([...seen].sort()).toEqual(['near', 'off', 'ok']);
  });

  it('reads a figure of an unprinted unit in whichever unit it agrees, else nearest as 元 or 万元', () => {
    // 临夏 公开01 without its 金额单位：元: 8,044,331.79 against the narrative's 804.43 万元
    const table = printed(8044331.79, 2, null);
    expect(compare(printed(804.43), table).verdict).toBe('off');
    expect(compareInSomeUnit(printed(804.43), table).verdict).toBe('ok');
    // truncated in 元 (1,193,673.00 written 119.36 万元): near, the table's figure quoted as printed
    const near = compareInSomeUnit(printed(119.36), printed(1193673, 2, null));
    expect([near.verdict, near.unit, near.given.expected.unit, near.difference]).toEqual(['near', '元', null, -73]);
    // wrong in every unit: said in the reading nearer in size (a 万元 table's 1,331.27 against 30.00 万元)
    const off = compareInSomeUnit(printed(30), printed(1331.27, 2, null));
    expect([off.verdict, off.unit]).toEqual(['off', '万元']);
    expect(off.difference).toBeCloseTo(-1301.27, 6);
    const offYuan = compareInSomeUnit(printed(814.43), table);
    expect([offYuan.verdict, offYuan.unit]).toEqual(['off', '元']);
    expect(offYuan.difference).toBeCloseTo(99968.21, 2);
    // both units known, both unknown, or a percentage: compared as printed only
    expect(compareInSomeUnit(printed(804.43), printed(8044331.79, 2, '元')).verdict).toBe('ok');
    expect(compareInSomeUnit(printed(804.43, 2, null), table).verdict).toBe('off');
    expect(compareInSomeUnit({ ...printed(80.44, 2, null), percent: true }, printed(8044.33)).verdict).toBe('off');
  });
});
