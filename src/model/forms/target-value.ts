/**
 * What a printed 指标值 asks for and whether a printed 实际值 gives it: `≥90%` against `95%`,
 * `≥1万册` against `120000 册`, `小于20天` against `18天`. Anything else (优良中低差, 有所提高, a
 * value restated as `≥90%`, units that differ) is not decided: null.
 */
type Relation = '>=' | '<=' | '>' | '<' | '=';

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
  const m = /^(\d+(?:\.\d+)?)(万)?([^\d]*)$/.exec(text.replace(/,/g, ''));
  if (!m) return null;
  return { relation, value: Number(m[1]) * (m[2] ? 10000 : 1), unit: m[3] };
}

export function targetMet(target: string | null | undefined, actual: string | null | undefined): boolean | null {
  const t = quantity(target ?? '');
  const a = quantity(actual ?? '');
  if (!t || !a) return null;
  // an actual printed as a bound (≥90%) restates the target: nothing measured to compare
  if (a.relation && a.relation !== '=') return null;
  // a bare figure takes the target's unit (≥5次 / 7); otherwise the units must agree
  if (a.unit && a.unit !== t.unit) return null;
  const x = a.value;
  const y = t.value;
  switch (t.relation ?? '=') {
    case '>=':
      return x >= y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    case '<':
      return x < y;
    default:
      return x === y;
  }
}
