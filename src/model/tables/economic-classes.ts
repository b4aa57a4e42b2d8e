/**
 * The economic classification's items (5-digit codes) and their names, as the catalogue holds them
 * (tables/economic-classes.yaml): which item a row's printed name is the name of, so that a code
 * printed against another item's name is found (水费 printed as 30203, 咨询费's code).
 */
import { normalizeLabel } from '../../layout/tokenize.js';
import type { Row } from '../types.js';

/** a name as compared: no brackets or what they hold (维修（护）费), no trailing 支出, 费用 as 费 */
export function economicNameKey(name: string): string {
  return normalizeLabel(name)
    .replace(/[（(][^（()）]*[）)]/g, '')
    .replace(/支出$/, '')
    .replace(/费用$/, '费');
}

const byName = new WeakMap<Map<string, string[]>, Map<string, string[]>>();

/** the codes each name (as compared) is the name of */
function codesByName(classes: Map<string, string[]>): Map<string, string[]> {
  let index = byName.get(classes);
  if (!index) {
    index = new Map();
    for (const [code, names] of classes) for (const n of names) index.set(economicNameKey(n), [...(index.get(economicNameKey(n)) ?? []), code]);
    byName.set(classes, index);
  }
  return index;
}

/**
 * The item a row's name names: its own code where the name is that item's; else the one other item
 * of that name (in the row's own class where the name is of two, 办公设备购置 of 309 and of 310; where
 * neither is in the row's class, both, 30902 或 31002).
 * Nothing for a name the catalogue does not hold, or a code it does not.
 */
export function economicItemNamed(classes: Map<string, string[]>, row: Pick<Row, 'code' | 'name'>): { nameCode: string; codeName: string } | null {
  const code = row.code;
  if (!code || !/^3\d{4}$/.test(code) || !classes.has(code)) return null;
  const codes = codesByName(classes).get(economicNameKey(row.name));
  if (!codes) return null;
  const codeName = classes.get(code)![0];
  if (codes.includes(code)) return { nameCode: code, codeName };
  const sameClass = codes.filter((c) => c.slice(0, 3) === code.slice(0, 3));
  // a name of two items, neither in the row's class (办公设备购置费 printed as 30206, 电费's code): either is its code, not this one
  const other = sameClass.length === 1 ? sameClass[0] : sameClass.length === 0 ? codes.join(' 或 ') : null;
  return other ? { nameCode: other, codeName } : null;
}
