/**
 * A narrative's 类/款/项 path (X（类）Y（款）Z（项）) to the row of the spending table it names: level by
 * level by name, a class also by its code, a name found one level below its marker's; and the name
 * the table does not hold, where it was read whole.
 */
import { normalizeLabel } from '../../layout/tokenize.js';
import { defaultCatalog } from '../tables/catalog.js';
import { classWordsKey } from '../tables/class-names.js';
import { functionClassCode } from '../tables/kinds.js';
import type { ClaimLink, MisleveledName, RenamedClass, Report, Row, Table, UnknownPath } from '../types.js';
import { byName, classRow, link, tableOf, type WithCatalog } from './link.js';

/** `X（类）Y（款）Z（项）` → the row of the general-budget spending table it names */
export function linkPath(report: Pick<Report, 'tables'> & WithCatalog, kind: Report['kind'], path: string[], allFunds = false): ClaimLink | null {
  return findPath(report, kind, path, allFunds).link;
}

const LEVELS = ['类', '款', '项'] as const;

const classCode = (report: WithCatalog, name: string) => {
  const catalog = report.catalog ?? defaultCatalog();
  return functionClassCode(catalog, name) ?? functionClassCode(catalog, `${name}支出`);
};

/**
 * linkPath, and where it finds no row: the name the table does not hold, when the table was read
 * whole and prints rows of that level there (a table without 项 rows says nothing of a 项's name);
 * where it does, a class named otherwise than the table names it
 */
export function findPath(report: Pick<Report, 'tables'> & WithCatalog, kind: Report['kind'], path: string[], allFunds = false): PathFound {
  const found = findPathIn(report, kind, path, allFunds, spendingTable(kind, allFunds));
  if (found.link || allFunds) return found;
  // a 财政拨款 item of the government funds (城乡社区支出（类）国有土地使用权出让收入安排的支出（款）…, listed among
  // 财政拨款支出主要内容) is a row of their table, not a name the general budget's table lacks
  for (const id of FUND_TABLES[kind === '预算' ? '预算' : '决算']) {
    const other = findPathIn(report, kind, path, false, id);
    if (other.link) return other;
  }
  return found;
}

interface PathFound {
  link: ClaimLink | null;
  unknown: UnknownPath | null;
  renamed?: RenamedClass;
  misleveled?: MisleveledName;
}

/**
 * two names of one class that differ in more than a 及 for a 与 or a trailing 支出: another year's name
 * (文化体育与传媒支出, 207's until 2019, now 文化旅游体育与传媒支出), or a slip (债务利息支出)
 */
const otherName = (a: string, b: string) => classWordsKey(a) !== classWordsKey(b);

/** the spending tables of the government funds and of state capital, by function code */
const FUND_TABLES = { 预算: ['部门公开表8', '部门公开表9'], 决算: ['公开07', '公开08'] } as const;

function findPathIn(report: Pick<Report, 'tables'> & WithCatalog, kind: Report['kind'], path: string[], allFunds: boolean, id: string): PathFound {
  const t = tableOf(report, id);
  // a budget's 支出总表 absent or printing its total alone (江苏's): a class of all funds is the 收支总表's row
  const onlyClass = path.length === 1 ? classCode(report, path[0]) : undefined;
  if (allFunds && kind === '预算' && onlyClass && !t?.rows.some((r) => r.code)) return { link: classRow(report, '部门公开表1', onlyClass), unknown: null };
  if (!t) return { link: null, unknown: null };
  let parent: Row | undefined;
  // the rows a level not said (an empty name) leaves open: the next name is one of their children
  let open: Row[] | null = null;
  // a name found a level below its marker's: the empty level after it is the one it took
  let shifted = false;
  let renamed: RenamedClass | undefined;
  let misleveled: MisleveledName | undefined;
  for (const [level, name] of path.entries()) {
    const candidates = open ?? t.rows.filter((r) => r.code && r.kind !== 'detail' && (parent ? r.parent === parent.key : r.level === 1));
    open = null;
    if (!name) {
      if (!shifted) open = childrenOf(t, candidates);
      shifted = false;
      continue;
    }
    // a 类 is also known by its code: its name of other years (医疗卫生与计划生育支出, now 卫生健康支出) names it too
    const code = level === 0 ? classCode(report, name) : undefined;
    let found = byName(candidates, name, (r) => r.name) ?? (code ? candidates.find((r) => r.code === code) : undefined);
    if (!found && (found = oneLevelDown(t, candidates, name))) {
      shifted = true;
      // the row's code says its level (5 digits a 款, 7 a 项): only then is the marker said to be wrong
      const below = level === 0 ? '款' : level === 1 ? '项' : undefined;
      if (below && found.code?.length === CODE_LENGTH[below]) misleveled ??= { said: `${name}（${LEVELS[level]}）`, table: t.title, row: `${found.code} ${normalizeLabel(found.name)}`, level: below };
    }
    if (!found) {
      // a 类 that is no function class (工资福利支出（类）, of the economic classification) is not this table's to hold
      const whole = !t.unread && !t.cutShort && t.reading.unplaced === 0 && t.reading.dropped === 0 && (level > 0 || code !== undefined);
      // …and only where each row there was read with its name (a name wrapped above and below its
      // code's line, in text laid out as printed, may be lost): else the name may be one of them
      const named = candidates.every((r) => normalizeLabel(r.name) !== '');
      const unknown = whole && named && candidates.length ? { table: t.title, name: `${name}（${LEVELS[level]}）`, under: parent ? `的「${parent.code} ${parent.name}」下` : '中' } : null;
      return { link: null, unknown };
    }
    if (code && found.code === code && normalizeLabel(found.name) && otherName(name, found.name)) renamed = { said: `${name}（类）`, table: t.title, row: `${found.code} ${normalizeLabel(found.name)}` };
    parent = found;
  }
  return { link: parent ? link(report, id, parent.key, t.columns[0]?.key) : null, unknown: null, ...(parent && renamed ? { renamed } : {}), ...(parent && misleveled ? { misleveled } : {}) };
}

const CODE_LENGTH = { 类: 3, 款: 5, 项: 7 } as const;

/**
 * A name said at a level its row is not at, one level down: a 款 marked （类） (行政事业单位离退休（类）未归口管理的
 * 行政单位离退休支出（项）, 江苏人大 2019), a 项 after its 类 with the 款 left out. Only the one row of the level
 * below named exactly so (the same name but for a trailing 支出), never a close name.
 */
function oneLevelDown(t: Table, candidates: Row[], name: string): Row | undefined {
  const same = (a: string) => normalizeLabel(a).replace(/支出$/, '') === normalizeLabel(name).replace(/支出$/, '');
  const hits = childrenOf(t, candidates).filter((r) => same(r.name));
  return hits.length === 1 ? hits[0] : undefined;
}

/** the coded rows under any of `rows` */
function childrenOf(t: Table, rows: Row[]): Row[] {
  const above = new Set(rows.map((r) => r.key));
  return t.rows.filter((r) => r.code && r.kind !== 'detail' && r.parent !== undefined && above.has(r.parent));
}

/** a path said of all funds (支出预算总计 … 包括：公共安全（类）…) is a row of the 支出表, not of the 一般公共预算 table */
const spendingTable = (kind: Report['kind'], allFunds: boolean) => (allFunds ? (kind === '预算' ? '部门公开表3' : '公开03') : kind === '预算' ? '部门公开表5' : '公开05');

/**
 * A 项 named with its 款 glued before it and no marker (一般公共服务 1．人大事务行政运行（项）), or alone:
 * the path [类, 款, 项] as the table names it, where exactly one 项 row's 款 name and own name end
 * the words, or its own name is them. Null where none or more than one does.
 */
export function gluedItemPath(report: Pick<Report, 'tables'>, kind: Report['kind'], words: string, allFunds = false): string[] | null {
  const t = tableOf(report, spendingTable(kind, allFunds));
  if (!t) return null;
  const said = normalizeLabel(words);
  const byKey = new Map(t.rows.map((r) => [r.key, r]));
  const hits = t.rows.filter((r) => {
    const kuan = r.level === 3 && r.parent ? byKey.get(r.parent) : undefined;
    // or the 项 named alone (机关事业单位职业年金缴费支出（项）)
    return kuan !== undefined && (said.endsWith(normalizeLabel(kuan.name) + normalizeLabel(r.name)) || said === normalizeLabel(r.name));
  });
  if (hits.length !== 1) return null;
  return pathTo(byKey, hits[0]);
}


/**
 * A 项 said by its name alone, no marker and no 类 or 款 (机关事业单位基本养老保险缴费支出 101,612.42 元, 梧州 2021),
 * in a section on appropriations' spending by function: the path to the one 项 row of the spending table
 * named exactly so. Null where none or more than one is (行政运行 stands under many 款), and for a name an
 * economic item also bears (住房公积金, 2210201 and 30113: a section may list either).
 */
export function lonePath(report: Pick<Report, 'tables'> & WithCatalog, kind: Report['kind'], words: string): string[] | null {
  const t = tableOf(report, spendingTable(kind, false));
  if (!t) return null;
  const said = normalizeLabel(words.replace(/^[“"]|[”"]$|[”"]?科目$/g, ''));
  if (said.length < 4) return null;
  const hits = t.rows.filter((r) => r.level === 3 && r.code?.length === 7 && normalizeLabel(r.name) === said);
  if (hits.length !== 1 || economicName(report, said)) return null;
  return pathTo(new Map(t.rows.map((r) => [r.key, r])), hits[0]);
}

/** a 项 row's path [类, 款, 项] as its table names them; null where its 款 or 类 is not a row there */
function pathTo(byKey: Map<string, Row>, item: Row): string[] | null {
  const kuan = item.parent ? byKey.get(item.parent) : undefined;
  const lei = kuan?.parent ? byKey.get(kuan.parent) : undefined;
  return kuan && lei ? [lei.name, kuan.name, item.name] : null;
}

/** whether an economic item of the catalogue is named so */
function economicName(report: WithCatalog, said: string): boolean {
  for (const names of (report.catalog ?? defaultCatalog()).economicClasses.values()) if (names.some((n) => normalizeLabel(n) === said)) return true;
  return false;
}
