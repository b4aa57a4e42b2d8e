/**
 * The types of what json-logic sees: a small language for what each selector binds, so that a
 * rule's `var` paths and its operations' arguments are checked when the file is loaded, not
 * found wanting (silently) on a document.
 */

export type VType =
  /** a printed figure (a cell) or a figure computed from them (an interval); null where not printed */
  | { t: 'figure' }
  | { t: 'number' }
  | { t: 'string' }
  | { t: 'boolean' }
  | { t: 'null' }
  /** an object with named fields */
  | { t: 'object'; name: string; fields: Record<string, VType> }
  | { t: 'list'; of: VType }
  /** an object by key: known keys (null: any key), each holding `of` */
  | { t: 'map'; name: string; keys: readonly string[] | null; of: VType }
  /** not known here (an element of a computed list): not checked */
  | { t: 'any' }
  | { t: 'union'; of: VType[] };

export const FIGURE: VType = { t: 'figure' };
export const NUMBER: VType = { t: 'number' };
export const STRING: VType = { t: 'string' };
export const BOOLEAN: VType = { t: 'boolean' };
export const NULL: VType = { t: 'null' };
export const ANY: VType = { t: 'any' };

export const list = (of: VType): VType => ({ t: 'list', of });
export const obj = (name: string, fields: Record<string, VType>): VType => ({ t: 'object', name, fields });
export const map = (name: string, keys: readonly string[] | null, of: VType): VType => ({ t: 'map', name, keys, of });

export function union(types: VType[]): VType {
  const flat: VType[] = [];
  for (const t of types) for (const m of t.t === 'union' ? t.of : [t]) if (!flat.some((f) => sameType(f, m))) flat.push(m);
  if (flat.some((f) => f.t === 'any')) return ANY;
  return flat.length === 1 ? flat[0] : { t: 'union', of: flat };
}

function sameType(a: VType, b: VType): boolean {
  return a === b || (a.t === b.t && ['figure', 'number', 'string', 'boolean', 'null', 'any'].includes(a.t));
}

/** the members of a type (a union's, or the type itself) */
export function members(t: VType): VType[] {
  return t.t === 'union' ? t.of : [t];
}

/** the fields of a printed cell, as `--print-model` shows them (`score.raw`: the 得分 as printed) */
export const CELL_FIELDS: Record<string, VType> = {
  raw: STRING,
  value: NUMBER,
  decimals: NUMBER,
  lo: NUMBER,
  hi: NUMBER,
  unit: STRING,
  blank: BOOLEAN,
  percent: BOOLEAN,
  loc: ANY,
};

/** a type as a message names it */
export function describeType(t: VType): string {
  switch (t.t) {
    case 'figure':
      return '金额（单元格或金额运算的结果）';
    case 'number':
      return '数';
    case 'string':
      return '文字';
    case 'boolean':
      return '真假值';
    case 'null':
      return 'null';
    case 'object':
      return `对象 ${t.name}`;
    case 'map':
      return `按名称取值的对象 ${t.name}`;
    case 'list':
      return `列表（每项是${describeType(t.of)}）`;
    case 'any':
      return '任意值';
    case 'union':
      return t.of.map(describeType).join(' 或 ');
  }
}
