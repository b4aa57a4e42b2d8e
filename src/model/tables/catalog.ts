/**
 * The catalogue of table kinds, read from YAML (tables/*.yaml, and a user's own with --tables):
 * what each kind of disclosure table is called, how it is laid out, its value columns with the
 * names documents print for them, and the function classes by name. Validated like rule files:
 * a problem is reported at file:line:col.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../common/package-info.js';
import { isPlainObject, YamlFileError, YamlSource, type YamlInput, type YamlPath } from '../../common/yaml-source.js';
import { CacheMiss, cachedYaml, RecordingSource, yamlKey, type CachedYaml } from '../../common/yaml-cache.js';
import type { Column, DocumentKind, TableLayout } from '../types.js';
import { normalizeTitle } from './printed-titles.js';
import { changeColumns, readColumns, strings } from './kind-columns.js';
import { readLevels, type RowLevel } from './kind-levels.js';

export type CodeScheme = 'function' | 'economic' | 'unit';

/** the codes that start a row, by scheme: function (类/款/项), economic (类/款), unit */
export const CODE_PATTERNS: Record<CodeScheme, RegExp> = {
  function: /^2\d{2}(\d{2}){0,2}$/,
  economic: /^3\d{2}(\d{2})?$/,
  unit: /^\d{3,}$/,
};

export interface TableSpec {
  /** the kind's id, which rules name (公开05, 部门公开表5, 预算/财政拨款支出表) */
  id: string;
  /** the kind's standard name */
  title: string;
  /** the family of documents it belongs to */
  document: Exclude<DocumentKind, 'unknown'>;
  /** printed titles that name this kind, normalized (see normalizeTitle) */
  titles: string[];
  /** printed table numbers that hint at this kind (公开05表); a recognised title wins */
  printedIds: string[];
  /** 'unread': recognised and listed, not modelled */
  layout: TableLayout | 'unread';
  /** value columns in printed order (two-sided tables: left side first) */
  columns: Column[];
  /** two-sided tables: the highest 行次 on the income side */
  leftMaxLineNo?: number;
  /** economic tables: several [code, name, value] groups side by side */
  groupWidth?: number;
  /** codes printed as 类 (301) then 款 suffixes (01) */
  splitEconomicCodes?: boolean;
  /** a row key per code may repeat: rows per sub-unit (budget 表3) */
  repeatedCodes?: boolean;
  /** which codes start a row: function (2xx), economic (3xx) or unit codes */
  codes?: CodeScheme;
  /** grid tables: column groups (预算数, 决算数), each holding every column */
  groups?: string[];
  /**
   * grid tables: the groups a printed change compares (上年预算数 → 本年预算数), whose change the
   * columns of the groups 增减额 and 增减率 hold, item by item, where a document prints them
   */
  changes?: { from: string; to: string };
  /**
   * grid tables: orders of column keys a province prints, left to right, where the header's
   * cells are too regular to tell by place which cell spans which (江苏: 合计, “三公”经费 小计 …,
   * 会议费, 培训费); used when the header's lowest cells are as many and name them
   */
  printedOrders?: string[][];
  /**
   * row keys of the standard form beyond those the layout always gives (合计; 收入:总计 and
   * 支出:总计; codes; 支出:<function class>): what a rule may name in `row:` (a document may
   * leave one out, and the rule then has nothing to check there)
   */
  rows: string[];
  /**
   * rows of `rows` the standard form ends with (人员经费合计, 公用经费合计): a table of the kind
   * read with none of them was cut short, its last rows not printed (a producer that left the
   * rows past a page's foot out), and is not checked as if whole
   */
  endRows?: string[];
  /**
   * named tables whose rows nest without codes (江苏's 政府采购预算表: 一、货物 A, its 专项, under
   * each the 采购物品 that print their 采购组织形式): the level of each row with figures, by the
   * first entry its words match, and its parent the nearest row above it of a higher level (the
   * top level's, the 合计)
   */
  levels?: RowLevel[];
  /**
   * the words a narrative names the table's matter by (政府性基金, 三公): a sentence saying that
   * matter is nil (无, 没有, 为0, 0万元) explains the table being empty; [] where only the kind's name does
   */
  subjects: string[];
  /** where the kind was defined */
  source: string;
}

/** the tables a document of one family must publish */
export interface Family {
  id: string;
  document: Exclude<DocumentKind, 'unknown'>;
  required: string[];
}

export interface Catalog {
  specs: TableSpec[];
  families: Family[];
  /** function class code by printed class name */
  functionClasses: Map<string, string>;
  /** words that, printed right before a kind's title, make it another table (项目 + 支出决算表) */
  titleQualifiers: string[];
  /** what a narrative calls a group of economic classes, and their codes (人员经费: 301, 303) */
  economicGroups: Map<string, string[]>;
  /** the economic classification's items: code (30205) → its names, the current first (水费) */
  economicClasses: Map<string, string[]>;
}

const KIND_KEYS = new Set(['id', 'name', 'document', 'titles', 'printedIds', 'layout', 'columns', 'rows', 'subjects', 'leftMaxLineNo', 'groupWidth', 'splitEconomicCodes', 'repeatedCodes', 'codes', 'groups', 'changes', 'printedOrders', 'endRows', 'levels']);
const EXTEND_KEYS = new Set(['id', 'titles', 'printedIds', 'rows']);
const FILE_KEYS = new Set(['kinds', 'functionClasses', 'families', 'titleQualifiers', 'economicGroups', 'economicClasses']);
const FAMILY_KEYS = new Set(['id', 'document', 'required']);
const LAYOUTS = ['two-sided', 'code', 'economic', 'grid', 'outline', 'named', 'unread'];
const CODES = ['function', 'economic', 'unit'];

function readKind(src: YamlInput, raw: unknown, at: YamlPath): TableSpec {
  if (!isPlainObject(raw)) src.fail(at, '每种表必须是对象，至少有 id、name、document、titles、layout、columns');
  for (const k of Object.keys(raw)) if (!KIND_KEYS.has(k)) src.fail([...at, k], `表种类不认识的字段 "${k}"（可用：${[...KIND_KEYS].join(', ')}）`);
  const text = (k: string) => {
    if (typeof raw[k] !== 'string' || !(raw[k] as string).trim()) src.fail([...at, k], `${k} 必须是非空字符串`);
    return raw[k] as string;
  };
  const id = text('id');
  const document = text('document');
  if (document !== '决算' && document !== '预算') src.fail([...at, 'document'], 'document 只能是 决算 或 预算');
  const layout = text('layout');
  if (!LAYOUTS.includes(layout)) src.fail([...at, 'layout'], `layout 只能是 ${LAYOUTS.join('、')}`);
  if (raw.codes !== undefined && !CODES.includes(raw.codes as string)) src.fail([...at, 'codes'], `codes 只能是 ${CODES.join('、')}`);
  const groups = raw.groups === undefined ? undefined : strings(src, raw.groups, [...at, 'groups'], 'groups ');
  const spec: TableSpec = {
    id,
    title: text('name'),
    document,
    titles: strings(src, raw.titles, [...at, 'titles'], 'titles ').map(normalizeTitle),
    printedIds: raw.printedIds === undefined ? [] : strings(src, raw.printedIds, [...at, 'printedIds'], 'printedIds '),
    layout: layout as TableSpec['layout'],
    columns: readColumns(src, raw.columns ?? [], [...at, 'columns'], groups),
    rows: raw.rows === undefined ? [] : strings(src, raw.rows, [...at, 'rows'], 'rows '),
    subjects: raw.subjects === undefined ? [] : strings(src, raw.subjects, [...at, 'subjects'], 'subjects '),
    source: `${src.file}:${src.pos(at).line}`,
  };
  for (const k of ['leftMaxLineNo', 'groupWidth'] as const) {
    if (raw[k] === undefined) continue;
    if (!Number.isInteger(raw[k])) src.fail([...at, k], `${k} 必须是整数`);
    spec[k] = raw[k] as number;
  }
  for (const k of ['splitEconomicCodes', 'repeatedCodes'] as const) {
    if (raw[k] === undefined) continue;
    if (typeof raw[k] !== 'boolean') src.fail([...at, k], `${k} 必须是 true 或 false`);
    spec[k] = raw[k] as boolean;
  }
  if (raw.endRows !== undefined) {
    const ends = strings(src, raw.endRows, [...at, 'endRows'], 'endRows ');
    ends.forEach((k, j) => {
      if (!spec.rows.includes(k)) src.fail([...at, 'endRows', j], `endRows 中的「${k}」不是本表 rows 所列的行`);
    });
    spec.endRows = ends;
  }
  if (raw.codes) spec.codes = raw.codes as CodeScheme;
  if (groups) spec.groups = groups;
  if (raw.changes !== undefined) {
    const { changes, columns } = changeColumns(src, raw.changes, [...at, 'changes'], groups, spec.columns);
    spec.changes = changes;
    spec.columns.push(...columns);
  }
  if (raw.levels !== undefined) spec.levels = readLevels(src, raw.levels, [...at, 'levels']);
  if (raw.printedOrders !== undefined) {
    if (!Array.isArray(raw.printedOrders)) src.fail([...at, 'printedOrders'], 'printedOrders 必须是列 key 列表的列表');
    const keys = new Set(spec.columns.map((c) => c.key.replace(/^.*\./, '')));
    spec.printedOrders = raw.printedOrders.map((order, i) => {
      const list = strings(src, order, [...at, 'printedOrders', i], 'printedOrders 的每一项');
      list.forEach((k, j) => {
        if (!keys.has(k)) src.fail([...at, 'printedOrders', i, j], `printedOrders 中的「${k}」不是本表的列 key`);
      });
      return list;
    });
  }
  return spec;
}

function readFamily(src: YamlInput, catalog: Catalog, raw: unknown, at: YamlPath): Family {
  if (!isPlainObject(raw)) src.fail(at, '每一套必须是对象：{ id, document, required: [表种类…] }');
  for (const k of Object.keys(raw)) if (!FAMILY_KEYS.has(k)) src.fail([...at, k], `families 不认识的字段 "${k}"（可用：${[...FAMILY_KEYS].join(', ')}）`);
  if (typeof raw.id !== 'string' || !raw.id.trim()) src.fail([...at, 'id'], 'id 必须是非空字符串');
  if (raw.document !== '决算' && raw.document !== '预算') src.fail([...at, 'document'], 'document 只能是 决算 或 预算');
  const required = strings(src, raw.required, [...at, 'required'], 'required ');
  required.forEach((id, k) => {
    if (!catalog.specs.some((s) => s.id === id)) src.fail([...at, 'required', k], `没有 id 为「${id}」的表种类`);
  });
  return { id: raw.id, document: raw.document, required };
}

/** add one catalogue file to a catalogue: new kinds, more titles for known kinds, function classes */
export function addCatalogFile(catalog: Catalog, file: string, text: string): void {
  addCatalogSource(catalog, YamlSource.parse(file, text));
}

function addCatalogSource(catalog: Catalog, src: YamlInput): void {
  const data = src.value;
  if (!isPlainObject(data)) src.fail([], '表种类文件应是对象，含 kinds: 或 functionClasses:');
  for (const k of Object.keys(data)) if (!FILE_KEYS.has(k)) src.fail([k], `不认识的字段 "${k}"（可用：${[...FILE_KEYS].join(', ')}）`);
  if (data.kinds !== undefined && !Array.isArray(data.kinds)) src.fail(['kinds'], 'kinds 必须是列表');
  ((data.kinds as unknown[]) ?? []).forEach((raw, i) => {
    const known = isPlainObject(raw) ? catalog.specs.find((s) => s.id === raw.id) : undefined;
    if (known && isPlainObject(raw) && Object.keys(raw).every((k) => EXTEND_KEYS.has(k))) {
      // a province's variant of a known kind: its titles and table numbers
      if (raw.titles !== undefined) known.titles.push(...strings(src, raw.titles, ['kinds', i, 'titles'], 'titles ').map(normalizeTitle));
      if (raw.printedIds !== undefined) known.printedIds.push(...strings(src, raw.printedIds, ['kinds', i, 'printedIds'], 'printedIds '));
      if (raw.rows !== undefined) known.rows.push(...strings(src, raw.rows, ['kinds', i, 'rows'], 'rows '));
      return;
    }
    if (known) src.fail(['kinds', i, 'id'], `表种类 ${known.id} 已在 ${known.source} 定义；要补充表名或行，只写 id 和 titles、printedIds、rows`);
    catalog.specs.push(readKind(src, raw, ['kinds', i]));
  });
  if (data.families !== undefined && !Array.isArray(data.families)) src.fail(['families'], 'families 必须是列表');
  ((data.families as unknown[]) ?? []).forEach((raw, i) => catalog.families.push(readFamily(src, catalog, raw, ['families', i])));
  if (data.titleQualifiers !== undefined) catalog.titleQualifiers.push(...strings(src, data.titleQualifiers, ['titleQualifiers'], 'titleQualifiers '));
  if (data.economicGroups !== undefined) {
    if (!isPlainObject(data.economicGroups)) src.fail(['economicGroups'], 'economicGroups 必须是 名称: [经济分类类编码…] 的对象');
    for (const [name, codes] of Object.entries(data.economicGroups)) {
      const list = strings(src, codes, ['economicGroups', name], '经济分类编码');
      list.forEach((c, k) => /^3\d{2}$/.test(c) || src.fail(['economicGroups', name, k], `经济分类类编码 ${c} 应是 3 开头的三位数字`));
      catalog.economicGroups.set(name, list);
    }
  }
  if (data.economicClasses !== undefined) {
    if (!isPlainObject(data.economicClasses)) src.fail(['economicClasses'], 'economicClasses 必须是 编码: [名称…] 的对象');
    for (const [code, names] of Object.entries(data.economicClasses)) {
      if (!/^3\d{4}$/.test(code)) src.fail(['economicClasses', code], `经济分类款编码 ${code} 应是 3 开头的五位数字`);
      catalog.economicClasses.set(code, strings(src, names, ['economicClasses', code], '经济分类款名'));
    }
  }
  if (data.functionClasses !== undefined) {
    if (!isPlainObject(data.functionClasses)) src.fail(['functionClasses'], 'functionClasses 必须是 编码: [类名…] 的对象');
    for (const [code, names] of Object.entries(data.functionClasses)) {
      if (!/^2\d{2}$/.test(code)) src.fail(['functionClasses', code], `类编码 ${code} 应是 2 开头的三位数字`);
      for (const n of strings(src, names, ['functionClasses', code], '类名')) catalog.functionClasses.set(n, code);
    }
  }
}

function yamlFiles(p: string): string[] {
  let st;
  try {
    st = statSync(p);
  } catch {
    throw new YamlFileError(p, 1, 1, '找不到表种类文件或目录');
  }
  if (!st.isDirectory()) return [p];
  return readdirSync(p, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort()
    .map((f) => path.join(p, f))
    .filter((f) => statSync(f).isFile());
}

export const BUILTIN_TABLES_DIR = path.join(PACKAGE_ROOT, 'tables');

const emptyCatalog = (): Catalog => ({ specs: [], families: [], functionClasses: new Map(), titleQualifiers: [], economicGroups: new Map(), economicClasses: new Map() });

/**
 * The built-in kinds, from the cache of parsed YAML when every file is found there (see
 * yaml-cache.ts), else parsed. Files build on those before them, so it is all or nothing.
 */
function builtinCatalog(): { catalog: Catalog; digest: string } {
  const files = yamlFiles(BUILTIN_TABLES_DIR).map((f) => ({ f, text: readFileSync(f, 'utf8') }));
  // the files' text, hashed: what rules validated against them depend on
  const hash = createHash('sha256');
  for (const { f, text } of files) hash.update(path.basename(f)).update('\0').update(text).update('\0');
  const digest = hash.digest('hex');
  const cached = files.map(({ f, text }) => cachedYaml('tables', f, text));
  if (cached.every((c) => c !== null)) {
    try {
      const catalog = emptyCatalog();
      for (const src of cached) addCatalogSource(catalog, src!);
      return { catalog, digest };
    } catch (err) {
      if (!(err instanceof CacheMiss)) throw err;
    }
  }
  const catalog = emptyCatalog();
  for (const { f, text } of files) addCatalogFile(catalog, f, text);
  return { catalog, digest };
}

/** catalogues of the built-in kinds alone, by the digest of their files */
const builtinOnly = new WeakMap<Catalog, string>();

/**
 * The digest of the built-in table files when the catalogue holds nothing else, else null: rules
 * checked against it at build time need no checking again (loader.ts, scripts/cache-yaml.mjs).
 */
export function builtinCatalogDigest(catalog: Catalog): string | null {
  return builtinOnly.get(catalog) ?? null;
}

/** the built-in files' cache entries (scripts/cache-yaml.mjs): key, value, the positions asked */
export function builtinCatalogCacheEntries(): Array<[string, CachedYaml]> {
  const catalog = emptyCatalog();
  return yamlFiles(BUILTIN_TABLES_DIR).map((f) => {
    const text = readFileSync(f, 'utf8');
    const recording = new RecordingSource(YamlSource.parse(f, text));
    addCatalogSource(catalog, recording);
    return [yamlKey('tables', text), recording.entry()];
  });
}

/** the built-in catalogue plus the user's files, in order */
export function loadCatalog(paths: string[] = [], builtin = true): Catalog {
  const built = builtin ? builtinCatalog() : null;
  const catalog = built?.catalog ?? emptyCatalog();
  if (built && paths.length === 0) builtinOnly.set(catalog, built.digest);
  for (const p of paths) {
    for (const f of yamlFiles(p)) addCatalogFile(catalog, f, readFileSync(f, 'utf8'));
  }
  return catalog;
}

let defaultOne: Catalog | undefined;

export function defaultCatalog(): Catalog {
  return (defaultOne ??= loadCatalog());
}

/** the family a document belongs to: of its kind, the one its tables fill most (the first on a tie) */
export function familyOf(catalog: Catalog, kind: DocumentKind, tableIds: string[]): Family | null {
  let best: { family: Family; found: number } | null = null;
  for (const family of catalog.families) {
    if (family.document !== kind) continue;
    const found = family.required.filter((id) => tableIds.includes(id)).length;
    if (!best || found > best.found) best = { family, found };
  }
  return best?.family ?? null;
}

export function specFor(catalog: Catalog, id: string): TableSpec | undefined {
  return catalog.specs.find((s) => s.id === id);
}

/** the codes a kind's rows start with: its scheme (an economic layout's are economic), or none */
export function codeSchemeOf(spec: TableSpec): CodeScheme | undefined {
  return spec.codes ?? (spec.layout === 'economic' ? 'economic' : undefined);
}

/**
 * The row keys a rule may name in a table of this kind, besides codes (codeSchemeOf): those its
 * layout always gives, those its catalogue entry lists, and in a two-sided table each function
 * class on the 支出 side (its rows are keyed by name). A key repeated in a table is `key#2`….
 */
export function rowKeysOf(catalog: Catalog, spec: TableSpec): string[] {
  return [...rowKeySet(catalog, spec)];
}

const rowKeySets = new WeakMap<TableSpec, { stamp: string; keys: Set<string> }>();

/** rowKeysOf as a set, kept per kind until its rows or the function classes change */
function rowKeySet(catalog: Catalog, spec: TableSpec): Set<string> {
  const stamp = `${spec.rows.length}/${catalog.functionClasses.size}`;
  const known = rowKeySets.get(spec);
  if (known && known.stamp === stamp) return known.keys;
  const keys: string[] = [];
  if (spec.layout === 'code' || spec.layout === 'grid' || spec.layout === 'named') keys.push('合计');
  if (spec.layout === 'two-sided') {
    keys.push('收入:总计', '支出:总计');
    for (const name of catalog.functionClasses.keys()) keys.push(`支出:${name}`);
  }
  const set = new Set([...keys, ...spec.rows]);
  rowKeySets.set(spec, { stamp, keys: set });
  return set;
}

/** whether a kind's table may have a row keyed so (a known key or a code, possibly `#n`-repeated) */
export function hasRowKey(catalog: Catalog, spec: TableSpec, key: string): boolean {
  const base = key.replace(/#\d+$/, '');
  const scheme = codeSchemeOf(spec);
  return rowKeySet(catalog, spec).has(base) || (scheme !== undefined && CODE_PATTERNS[scheme].test(base));
}
