/**
 * A table kind's value columns as its catalogue entry lists them: each column's fields, the
 * columns of each group (预算数.合计 …), and the change columns a kind's `changes` adds
 * (增减额.合计 …). Validated like the rest of the catalogue: a problem is reported at file:line:col.
 */
import { isPlainObject, type YamlInput, type YamlPath } from '../../common/yaml-source.js';
import type { Column, Side } from '../types.js';

const COLUMN_KEYS = new Set(['key', 'name', 'side', 'total', 'synonyms', 'optional', 'partOf']);

/** the names a column may be printed under: its name, its key (without its group), its synonyms */
export function columnNames(c: Column): string[] {
  return [c.name, c.key.replace(/^.*\./, ''), ...(c.synonyms ?? [])];
}

export function strings(src: YamlInput, v: unknown, at: YamlPath, what: string): string[] {
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !x.trim())) src.fail(at, `${what}必须是非空字符串的列表`);
  return v as string[];
}

export function readColumns(src: YamlInput, raw: unknown, at: YamlPath, groups: string[] | undefined): Column[] {
  if (!Array.isArray(raw)) src.fail(at, 'columns 必须是列的列表');
  const base = raw.map((c, i): Column => {
    const here = [...at, i];
    if (!isPlainObject(c)) src.fail(here, '每一列必须是对象，例如 { key: 合计, total: true }');
    for (const k of Object.keys(c)) if (!COLUMN_KEYS.has(k)) src.fail([...here, k], `列不认识的字段 "${k}"（可用：${[...COLUMN_KEYS].join(', ')}）`);
    if (typeof c.key !== 'string' || !c.key.trim()) src.fail([...here, 'key'], '列的 key 必须是非空字符串');
    if (c.side !== undefined && c.side !== '收入' && c.side !== '支出') src.fail([...here, 'side'], 'side 只能是 收入 或 支出');
    if (c.total !== undefined && typeof c.total !== 'boolean') src.fail([...here, 'total'], 'total 必须是 true 或 false');
    const col: Column = { key: c.key, name: typeof c.name === 'string' ? c.name : c.key, index: i + 1 };
    if (c.side) col.side = c.side as Side;
    if (c.total) col.total = true;
    if (c.optional !== undefined && typeof c.optional !== 'boolean') src.fail([...here, 'optional'], 'optional 必须是 true 或 false');
    if (c.optional) col.optional = true;
    if (c.synonyms !== undefined) col.synonyms = strings(src, c.synonyms, [...here, 'synonyms'], 'synonyms ');
    if (c.partOf !== undefined) {
      if (typeof c.partOf !== 'string' || !raw.some((o) => isPlainObject(o) && o.key === c.partOf && o !== c)) {
        src.fail([...here, 'partOf'], 'partOf 必须是本表另一列的 key（这一列是那一列的分项，如 人员经费 partOf 基本支出）');
      }
      col.partOf = c.partOf;
    }
    return col;
  });
  if (!groups) return base;
  // every group holds every column: 预算数.合计 … 决算数.公务接待费
  return groups.flatMap((g, gi) => base.map((c, i) => ({ ...c, key: `${g}.${c.key}`, group: g, index: gi * base.length + i + 1, ...(c.partOf ? { partOf: `${g}.${c.partOf}` } : {}) })));
}

/** the groups of a printed change's columns: its amount, and its rate over the group it is from */
export const CHANGE_GROUPS = { amount: '增减额', rate: '增减率' } as const;

/**
 * The change columns of a kind whose `changes` names two of its groups: for each column of the
 * groups, its change (增减额.合计 …) and its rate (增减率.合计 …), each printed by some documents
 * only; no total and part of none (what they add up to is not what the groups' columns do)
 */
export function changeColumns(src: YamlInput, raw: unknown, at: YamlPath, groups: string[] | undefined, columns: Column[]): { changes: { from: string; to: string }; columns: Column[] } {
  if (!groups || !isPlainObject(raw)) src.fail(at, 'changes 只用于有 groups 的表，写作 { from: 上年预算数, to: 本年预算数 }');
  for (const k of Object.keys(raw)) if (k !== 'from' && k !== 'to') src.fail([...at, k], `changes 不认识的字段 "${k}"（可用：from, to）`);
  for (const k of ['from', 'to'] as const) if (typeof raw[k] !== 'string' || !groups.includes(raw[k] as string)) src.fail([...at, k], `changes 的 ${k} 必须是本表 groups 中的一组（${groups.join('、')}）`);
  const [from, to] = [raw.from as string, raw.to as string];
  const base = columns.filter((c) => c.group === to);
  let index = columns.length;
  const out = Object.values(CHANGE_GROUPS).flatMap((group) =>
    base.map((c): Column => {
      const item = c.key.slice(to.length + 1);
      const { total: _total, partOf: _partOf, ...rest } = c;
      return { ...rest, key: `${group}.${item}`, group, index: ++index, optional: true, change: { from: `${from}.${item}`, to: c.key, rate: group === CHANGE_GROUPS.rate } };
    }),
  );
  return { changes: { from, to }, columns: out };
}
