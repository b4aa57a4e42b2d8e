import { printedCell } from '../cells.js';
import type { FormIndicator } from '../types.js';

/**
 * What a printed 指标值 asks for and whether a printed 实际值 gives it: `≥90%` against `95%`,
 * `≥1万册` against `120000 册`, `小于20天` against `18天`. Anything else (优良中低差, 有所提高, a
 * value restated as `≥90%`, units that differ) is not decided: null.
 */
export type Relation = '>=' | '<=' | '>' | '<' | '=';

const RELATIONS: Array<[RegExp, Relation]> = [
  [/^(≥|>=|不低于|不少于|大于等于|大于或等于)/, '>='],
  [/^(≤|<=|不高于|不超过|不多于|小于等于|小于或等于)/, '<='],
  [/^(>|＞|大于|高于|多于|超过)/, '>'],
  [/^(<|＜|小于|低于|少于)/, '<'],
  [/^(=|＝|等于)/, '='],
];

interface Quantity {
  relation: Relation | null;
  value: number;
  /** the printed number's decimals (before 万) */
  decimals: number;
  /** 10000 for a figure printed with 万 (1万册), else 1 */
  scale: number;
  unit: string;
}

function quantity(printed: string): Quantity | null {
  let text = printed.replace(/\s+/g, '');
  let relation: Relation | null = null;
  for (const [re, r] of RELATIONS) {
    const m = re.exec(text);
    if (m) {
      relation = r;
      text = text.slice(m[0].length);
      break;
    }
  }
  const m = /^(\d+(?:\.(\d+))?)(万)?([^\d]*)$/.exec(text.replace(/,/g, ''));
  if (!m) return null;
  const scale = m[3] ? 10000 : 1;
  return { relation, value: Number(m[1]) * scale, decimals: m[2]?.length ?? 0, scale, unit: m[4] };
}

/** a 指标值 and its 实际完成值 as numbers in one unit: what a proportional score can be taken of */
export interface QuantityPair {
  /** how the target bounds the actual (null: a bare figure, 5次) */
  relation: Relation | null;
  /** the unit both share ('' where neither prints one) */
  unit: string;
  target: { value: number; decimals: number; scale: number };
  actual: { value: number; decimals: number; scale: number };
}

/**
 * Both figures of an indicator, where both are numbers in the same unit (a bare actual takes the
 * target's) and the actual is a measurement, not a bound; null otherwise.
 */
export function quantityPair(target: string | null | undefined, actual: string | null | undefined): QuantityPair | null {
  const t = quantity(target ?? '');
  const a = quantity(actual ?? '');
  if (!t || !a) return null;
  if (a.relation && a.relation !== '=') return null;
  if (a.unit && a.unit !== t.unit) return null;
  const part = (q: Quantity) => ({ value: q.value, decimals: q.decimals, scale: q.scale });
  return { relation: t.relation, unit: t.unit, target: part(t), actual: part(a) };
}

export function targetMet(target: string | null | undefined, actual: string | null | undefined): boolean | null {
  // an actual printed as a bound (≥90%) restates the target: nothing measured to compare;
  // a bare figure takes the target's unit (≥5次 / 7); otherwise the units must agree
  const pair = quantityPair(target, actual);
  if (!pair) return null;
  const x = pair.actual.value;
  const y = pair.target.value;
  switch (pair.relation) {
    case '>=':
      return x >= y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    case '<':
      return x < y;
    case '=':
      return x === y;
    default:
      // a bare figure (5篇, 95%) says no direction: more is better for most indicators, less for a
      // cost or a time; met where the figures agree, not known otherwise
      return x === y ? true : null;
  }
}

/**
 * An indicator's 指标值 and 实际完成值 as figures, where both are numbers in one unit (37个 / 30):
 * each the interval its printed digits admit, standing where the indicator does.
 */
export function indicatorQuantity(x: FormIndicator) {
  const pair = quantityPair(x.target, x.actual);
  if (!pair) return null;
  const figure = (q: { value: number; decimals: number; scale: number }) => {
    const digits = (q.value / q.scale).toFixed(q.decimals);
    const cell = printedCell(digits, x.loc, null);
    // 1万册: the printed digit is of 万
    return { ...cell, raw: `${q.scale === 1 ? digits : `${digits}万`}${pair.unit}`, value: q.value, lo: cell.lo * q.scale, hi: cell.hi * q.scale };
  };
  return { relation: pair.relation, unit: pair.unit, target: figure(pair.target), actual: figure(pair.actual) };
}
