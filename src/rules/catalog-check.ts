/**
 * What a rule names, checked against the catalogue of table kinds it is loaded with (the
 * built-in one plus the user's --tables): table ids, row keys, column keys, column groups and
 * codes. A name that no table the rule can reach has is a load error with the nearest names,
 * since at run time it would only ever find nothing, and pass in silence.
 */
import { didYouMean, listNames } from '../common/suggest.js';
import type { YamlPath } from '../common/yaml-source.js';
import { CODE_PATTERNS, codeSchemeOf, hasRowKey, rowKeysOf, type Catalog, type TableSpec } from '../model/tables/catalog.js';
import { COLUMN_SELECTORS, ROW_SELECTORS, TABLE_SELECTORS } from './binding-schema.js';
import type { Failer } from './expr-check.js';
import type { CellQuery, Each, Select } from './types.js';

const ROW_KINDS = ['total', 'item', 'carry', 'carry-detail', 'detail'];
const SIDES = ['收入', '支出'];

export class CatalogChecker {
  constructor(
    private readonly ctx: Failer,
    private readonly catalog: Catalog,
  ) {}

  /** a table kind by id, or a load error with the nearest ids */
  spec(id: string, at: YamlPath): TableSpec {
    const spec = this.catalog.specs.find((s) => s.id === id);
    if (spec) return spec;
    const ids = this.catalog.specs.map((s) => s.id);
    this.ctx.fail(at, `没有 id 为「${id}」的表种类${didYouMean(id, ids) || `（有：${listNames(ids, 30)}）`}；自己的表种类用 --tables 加入`);
  }

  /** the select's fields against the selector and the catalogue; the tables the rule runs on */
  checkSelect(select: Select, at: YamlPath): TableSpec[] {
    const { each } = select;
    const onlyFor = (field: keyof Select, wanted: Each[]) => {
      if (select[field] !== undefined && !wanted.includes(each)) {
        this.ctx.fail([...at, field], `select.${field} 只用于 each: ${wanted.join(' / ')}，each: ${each} 不看它`);
      }
    };
    onlyFor('tables', [...TABLE_SELECTORS]);
    onlyFor('columns', ['code-parent', 'cell']);
    onlyFor('groups', ['group']);
    onlyFor('ids', ['table-id']);
    select.ids?.forEach((id, i) => this.spec(id, [...at, 'ids', i]));
    const tables = select.tables?.map((id, i) => {
      const spec = this.spec(id, [...at, 'tables', i]);
      if (spec.layout === 'unread') this.ctx.fail([...at, 'tables', i], `表种类「${id}」只识别、不读取（layout: unread），规则在它上面什么也查不到`);
      return spec;
    });
    const reach = tables ?? (TABLE_SELECTORS.has(each) ? this.readable() : []);
    select.columns?.forEach((key, i) => this.column(key, reach, [...at, 'columns', i]));
    if (select.groups) {
      const known = reach.flatMap((s) => s.groups ?? []);
      if (!known.length) this.ctx.fail([...at, 'groups'], `each: group 的表都没有栏组（groups）；有栏组的表：${listNames(this.readable().filter((s) => s.groups).map((s) => s.id))}`);
      select.groups.forEach((g, i) => {
        if (!known.includes(g)) this.ctx.fail([...at, 'groups', i], `所选的表没有栏组「${g}」${didYouMean(g, known) || `（有：${listNames(known)}）`}`);
      });
    }
    return reach;
  }

  /** a bind query: which table it reads, and the row, rows and column it names there */
  checkQuery(each: Each, select: Select, selected: TableSpec[], q: CellQuery, at: YamlPath): void {
    // the narrative's sentences name no table
    if (q.sentences) return;
    if (q.link !== undefined) {
      if (each !== 'claim') this.ctx.fail([...at, 'link'], `link 只用于 each: claim（文字说明中的数字所指的表格单元格）`);
      for (const k of ['table', 'row', 'rows', 'column', 'columnMap', 'parts', 'sameCode', 'sameLineNo', 'asNamed'] as const) {
        if (q[k] !== undefined) this.ctx.fail([...at, k], `link 已指明单元格，不能再写 ${k}`);
      }
      return;
    }
    let reach: TableSpec[];
    if (q.table !== undefined) reach = [this.spec(q.table, [...at, 'table'])];
    else if (TABLE_SELECTORS.has(each)) reach = selected;
    else this.ctx.fail(at, `each: ${each} 不绑定表格：bind 查询要写 table（如 { table: 公开01, row: "收入:总计" }）`);
    const rowless = q.row === undefined && q.rows === undefined && q.rowMap === undefined && !q.sameCode && !q.sameLineNo;
    if ((q.sameCode || q.sameLineNo) && !ROW_SELECTORS.has(each)) {
      this.ctx.fail([...at, q.sameCode ? 'sameCode' : 'sameLineNo'], `${q.sameCode ? 'sameCode' : 'sameLineNo'} 找与当前行对应的行，each: ${each} 不绑定行（可用于 ${[...ROW_SELECTORS].join(' / ')}）`);
    }
    if (rowless && !ROW_SELECTORS.has(each)) {
      this.ctx.fail(at, `each: ${each} 不绑定行：bind 查询要写 row（如 row: 合计）或 rows`);
    }
    if (rowless && q.table !== undefined && select.tables && !select.tables.includes(q.table)) {
      this.ctx.fail([...at, 'table'], `当前行不在「${q.table}」中：查另一张表要写 row、rows、sameCode 或 sameLineNo`);
    }
    if (q.sameLineNo && !reach.some((s) => s.layout === 'two-sided')) this.ctx.fail([...at, 'sameLineNo'], `行次只在两栏总表中有，「${reach.map((s) => s.id).join('、')}」没有`);
    if (q.sameCode && !reach.some((s) => codeSchemeOf(s) || s.layout === 'two-sided' || s.layout === 'outline')) {
      this.ctx.fail([...at, 'sameCode'], `「${reach.map((s) => s.id).join('、')}」的行没有科目编码`);
    }
    if (q.asNamed && q.row === undefined && q.rowMap === undefined) this.ctx.fail([...at, 'asNamed'], 'asNamed 与 row 或 rowMap 同用：按编码找到的行，名称须是这一经济分类编码的名称');
    if (q.row !== undefined) this.row(q.row, reach, [...at, 'row']);
    if (q.rowMap !== undefined && !COLUMN_SELECTORS.has(each)) this.ctx.fail([...at, 'rowMap'], `rowMap 按当前列找行，each: ${each} 不绑定列（可用于 ${[...COLUMN_SELECTORS].join(' / ')}）`);
    // each pair: a column of the tables the rule runs on → a row of the table queried
    for (const [from, to] of Object.entries(q.rowMap ?? {})) {
      this.column(from, selected, [...at, 'rowMap']);
      this.row(to, reach, [...at, 'rowMap', from]);
    }
    if (q.rows !== undefined) this.rowFilter(q.rows, reach, [...at, 'rows']);
    if (q.column !== undefined) this.queryColumn(each, select, q.column, reach, [...at, 'column']);
    // each pair: a column of the tables the rule runs on → a column of the table queried
    for (const [from, to] of Object.entries(q.columnMap ?? {})) {
      this.column(from, selected, [...at, 'columnMap']);
      this.column(to, reach, [...at, 'columnMap', from]);
    }
  }

  private readable(): TableSpec[] {
    return this.catalog.specs.filter((s) => s.layout !== 'unread');
  }

  private row(key: string, reach: TableSpec[], at: YamlPath): void {
    if (reach.some((s) => hasRowKey(this.catalog, s, key))) return;
    const known = reach.flatMap((s) => rowKeysOf(this.catalog, s));
    const schemes = [...new Set(reach.map(codeSchemeOf).filter(Boolean))];
    const codes = schemes.length ? `；科目编码行按编码（${schemes.map((c) => CODE_PATTERNS[c!].source).join('、')}）` : '';
    const where = reach.length === 1 ? `「${reach[0].id}」` : `所选的表（${listNames(reach.map((s) => s.id), 6)}）`;
    this.ctx.fail(at, `${where}没有行「${key}」${didYouMean(key, known)}（已知的行：${listNames(known.filter((k) => !k.startsWith('支出:') || !this.isClassRow(k)), 16)}${codes}；用 --print-model 看文件中的行，用 --tables 为表种类补充 rows）`);
  }

  private isClassRow(key: string): boolean {
    return this.catalog.functionClasses.has(key.slice(3));
  }

  private rowFilter(f: NonNullable<CellQuery['rows']>, reach: TableSpec[], at: YamlPath): void {
    const oneOf = (v: unknown, allowed: string[], field: string) => {
      for (const [i, x] of (Array.isArray(v) ? v : [v]).entries()) {
        const here = Array.isArray(v) ? [...at, field, i] : [...at, field];
        if (typeof x !== 'string' || !allowed.includes(x)) this.ctx.fail(here, `rows.${field} 只能是 ${allowed.join(' / ')}${typeof x === 'string' ? didYouMean(x, allowed) : ''}`);
      }
    };
    if (f.side !== undefined) {
      oneOf(f.side, SIDES, 'side');
      if (!reach.some((s) => s.layout === 'two-sided')) this.ctx.fail([...at, 'side'], `只有两栏总表的行分收入、支出两侧，「${reach.map((s) => s.id).join('、')}」不是`);
    }
    if (f.kind !== undefined) oneOf(f.kind, ROW_KINDS, 'kind');
    if (f.level !== undefined && ![1, 2, 3].includes(f.level)) this.ctx.fail([...at, 'level'], 'rows.level 只能是 1（类）、2（款）或 3（项）');
    if (f.lineNo !== undefined && !reach.some((s) => s.layout === 'two-sided')) this.ctx.fail([...at, 'lineNo'], `行次只在两栏总表中有，「${reach.map((s) => s.id).join('、')}」没有`);
    if (f.keys !== undefined) {
      if (!Array.isArray(f.keys) || f.keys.some((k) => typeof k !== 'string')) this.ctx.fail([...at, 'keys'], 'rows.keys 必须是行 key 的列表');
      f.keys.forEach((k, i) => this.row(k, reach, [...at, 'keys', i]));
    }
    if (f.code !== undefined) {
      const codes = Array.isArray(f.code) ? f.code : [f.code];
      codes.forEach((c, i) => {
        const here = Array.isArray(f.code) ? [...at, 'code', i] : [...at, 'code'];
        if (typeof c !== 'string') this.ctx.fail(here, `rows.code 必须是字符串（编码要加引号，如 "301"）`);
        const fits = reach.some((s) => {
          const scheme = codeSchemeOf(s);
          return (scheme && CODE_PATTERNS[scheme].test(c)) || (s.layout === 'two-sided' && CODE_PATTERNS.function.test(c) && c.length === 3);
        });
        if (!fits) this.ctx.fail(here, `编码「${c}」不是「${reach.map((s) => s.id).join('、')}」的科目编码（${[...new Set(reach.map(codeSchemeOf).filter(Boolean))].map((k) => CODE_PATTERNS[k!].source).join('、') || '这些表的行没有编码'}）`);
      });
    }
  }

  private queryColumn(each: Each, select: Select, key: string, reach: TableSpec[], at: YamlPath): void {
    if (key === '$column') {
      if (!COLUMN_SELECTORS.has(each)) this.ctx.fail(at, `$column 是当前列，each: ${each} 不绑定列（可用于 ${[...COLUMN_SELECTORS].join(' / ')}）`);
      return;
    }
    if (key.includes('$group')) {
      if (each !== 'group') this.ctx.fail(at, `$group 是当前栏组，只用于 each: group`);
      const keys = reach.flatMap((s) => (select.groups ?? []).filter((g) => s.groups?.includes(g)).map((g) => ({ s, k: key.replace('$group', g) })));
      if (keys.some(({ s, k }) => s.columns.some((c) => c.key === k))) return;
      const known = [...new Set(reach.flatMap((s) => s.columns.filter((c) => c.group).map((c) => c.key.replace(`${c.group}.`, '$group.'))))];
      this.ctx.fail(at, `所选的表没有列「${key}」${didYouMean(key, known) || `（有：${listNames(known, 16)}）`}`);
    }
    this.column(key, reach, at);
  }

  private column(key: string, reach: TableSpec[], at: YamlPath): void {
    if (reach.some((s) => s.columns.some((c) => c.key === key))) return;
    const known = [...new Set(reach.flatMap((s) => s.columns.map((c) => c.key)))];
    // a grid's columns are keyed by group: 合计 is 预算数.合计 or 决算数.合计
    const grouped = known.filter((k) => k.endsWith(`.${key}`));
    const near = grouped.length ? `（这张表的列分栏组，是不是${grouped.map((k) => `「${k}」`).join('、')}？）` : didYouMean(key, known);
    const where = reach.length === 1 ? `「${reach[0].id}」` : `所选的表（${listNames(reach.map((s) => s.id), 6)}）`;
    this.ctx.fail(at, `${where}没有列「${key}」${near}（有：${listNames(known, 16)}）`);
  }
}
