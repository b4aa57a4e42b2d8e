/**
 * What the standard disclosure tables are: their ids, layouts and value columns, and the
 * function classification names that let a 01/04 expenditure line be matched to a code.
 * Facts of the national forms, not of any one document.
 */
import type { Column, Side, TableLayout } from './types.js';

export interface TableSpec {
  id: string;
  title: string;
  layout: TableLayout;
  /** value columns in printed order (two-sided tables: left side first) */
  columns: Column[];
  /** two-sided tables: the highest 行次 on the income side */
  leftMaxLineNo?: number;
  /** economic tables: several [code, name, value] groups side by side */
  groupWidth?: number;
  /** budget 表6: codes printed as 类 (301) then 款 suffixes (01) */
  splitEconomicCodes?: boolean;
  /** a row key per code may repeat: rows per sub-unit (budget 表3) */
  repeatedCodes?: boolean;
  /** which codes start a row: function (2xx), economic (3xx) or unit codes */
  codes?: 'function' | 'economic' | 'unit';
}

const col = (key: string, index: number, extra: Partial<Column> = {}): Column => ({ key, name: key, index, ...extra });

const ONE_AMOUNT = (name: string): Column[] => [
  col('收入金额', 1, { name, side: '收入' }),
  col('支出金额', 2, { name, side: '支出' }),
];

const EXPENDITURE_BY_FUND = (leftName: string): Column[] => [
  col('收入金额', 1, { name: leftName, side: '收入' }),
  col('合计', 2, { side: '支出', total: true }),
  col('一般公共预算财政拨款', 3, { side: '支出' }),
  col('政府性基金预算财政拨款', 4, { side: '支出' }),
  col('国有资本经营预算财政拨款', 5, { side: '支出' }),
];

const BASIC_PROJECT = (total: string): Column[] => [
  col(total, 1, { total: true }),
  col('基本支出', 2),
  col('项目支出', 3),
];

const THREE_PUBLIC = (groups: [string, string]): Column[] =>
  groups.flatMap((g, gi) =>
    [
      ['合计', true],
      ['因公出国（境）费', false],
      ['公务用车购置及运行维护费', false],
      ['公务用车购置费', false],
      ['公务用车运行维护费', false],
      ['公务接待费', false],
    ].map(([name, total], i) => col(`${g}.${name}`, gi * 6 + i + 1, { name: name as string, group: g, total: total as boolean })),
  );

export const TABLE_SPECS: TableSpec[] = [
  { id: '公开01', title: '收入支出决算总表', layout: 'two-sided', columns: ONE_AMOUNT('决算数'), leftMaxLineNo: 31 },
  {
    id: '公开02',
    title: '收入决算表',
    layout: 'code',
    codes: 'function',
    columns: [
      col('本年收入合计', 1, { total: true }),
      col('财政拨款收入', 2),
      col('上级补助收入', 3),
      col('事业收入', 4),
      col('经营收入', 5),
      col('附属单位上缴收入', 6),
      col('其他收入', 7),
    ],
  },
  {
    id: '公开03',
    title: '支出决算表',
    layout: 'code',
    codes: 'function',
    columns: [
      col('本年支出合计', 1, { total: true }),
      col('基本支出', 2),
      col('项目支出', 3),
      col('上缴上级支出', 4),
      col('经营支出', 5),
      col('对附属单位补助支出', 6),
    ],
  },
  { id: '公开04', title: '财政拨款收入支出决算总表', layout: 'two-sided', columns: EXPENDITURE_BY_FUND('决算数'), leftMaxLineNo: 32 },
  { id: '公开05', title: '一般公共预算财政拨款支出决算表', layout: 'code', codes: 'function', columns: BASIC_PROJECT('小计') },
  {
    id: '公开06',
    title: '一般公共预算财政拨款基本支出决算明细表',
    layout: 'economic',
    codes: 'economic',
    groupWidth: 3,
    columns: [col('决算数', 1)],
  },
  {
    id: '公开07',
    title: '政府性基金预算财政拨款收入支出决算表',
    layout: 'code',
    codes: 'function',
    columns: [
      col('年初结转和结余', 1),
      col('本年收入', 2),
      col('本年支出小计', 3),
      col('基本支出', 4),
      col('项目支出', 5),
      col('年末结转和结余', 6),
    ],
  },
  { id: '公开08', title: '国有资本经营预算财政拨款支出决算表', layout: 'code', codes: 'function', columns: BASIC_PROJECT('小计') },
  { id: '公开09', title: '财政拨款“三公”经费支出决算表', layout: 'grid', columns: THREE_PUBLIC(['预算数', '决算数']) },
  { id: '公开10', title: '机关运行经费支出情况表', layout: 'code', codes: 'economic', columns: [col('决算数', 1)] },
  { id: '公开11', title: '政府采购支出情况表', layout: 'two-sided', columns: [col('收入金额', 1, { name: '金额', side: '收入' })], leftMaxLineNo: 99 },

  { id: '部门公开表1', title: '收支总表', layout: 'two-sided', columns: ONE_AMOUNT('预算数') },
  {
    id: '部门公开表2',
    title: '收入总表',
    layout: 'code',
    codes: 'unit',
    columns: [
      col('合计', 1, { total: true }),
      col('上年结转', 2),
      col('一般公共预算拨款收入', 3),
      col('政府性基金预算拨款收入', 4),
      col('国有资本经营预算拨款收入', 5),
      col('财政专户管理资金收入', 6),
      col('事业收入', 7),
      col('上级补助收入', 8),
      col('附属单位上缴收入', 9),
      col('事业单位经营收入', 10),
      col('其他收入', 11),
    ],
  },
  {
    id: '部门公开表3',
    title: '支出总表',
    layout: 'code',
    codes: 'function',
    repeatedCodes: true,
    columns: [
      col('合计', 1, { total: true }),
      col('基本支出', 2),
      col('项目支出', 3),
      col('事业单位经营支出', 4),
      col('上缴上级支出', 5),
      col('对附属单位补助支出', 6),
    ],
  },
  { id: '部门公开表4', title: '财政拨款收支总表', layout: 'two-sided', columns: EXPENDITURE_BY_FUND('预算数') },
  { id: '部门公开表5', title: '一般公共预算支出表', layout: 'code', codes: 'function', columns: BASIC_PROJECT('合计') },
  {
    id: '部门公开表6',
    title: '一般公共预算基本支出表',
    layout: 'code',
    codes: 'economic',
    splitEconomicCodes: true,
    columns: [col('合计', 1, { total: true }), col('人员经费', 2), col('公用经费', 3)],
  },
  { id: '部门公开表7', title: '一般公共预算“三公”经费支出表', layout: 'grid', columns: THREE_PUBLIC(['上年预算数', '本年预算数']) },
  { id: '部门公开表8', title: '政府性基金预算支出表', layout: 'code', codes: 'function', columns: BASIC_PROJECT('合计') },
  { id: '部门公开表9', title: '国有资本经营预算支出表', layout: 'code', codes: 'function', columns: BASIC_PROJECT('合计') },
];

export function specFor(id: string): TableSpec | undefined {
  return TABLE_SPECS.find((s) => s.id === id);
}

/** 支出功能分类 classes (类), by the names printed on 01/04 and budget 表1/表4 lines. */
const FUNCTION_CLASSES: Array<[string, string[]]> = [
  ['201', ['一般公共服务支出']],
  ['202', ['外交支出']],
  ['203', ['国防支出']],
  ['204', ['公共安全支出']],
  ['205', ['教育支出']],
  ['206', ['科学技术支出']],
  ['207', ['文化旅游体育与传媒支出']],
  ['208', ['社会保障和就业支出']],
  ['209', ['社会保险基金支出']],
  ['210', ['卫生健康支出']],
  ['211', ['节能环保支出']],
  ['212', ['城乡社区支出']],
  ['213', ['农林水支出']],
  ['214', ['交通运输支出']],
  ['215', ['资源勘探工业信息等支出']],
  ['216', ['商业服务业等支出']],
  ['217', ['金融支出']],
  ['219', ['援助其他地区支出']],
  ['220', ['自然资源海洋气象等支出']],
  ['221', ['住房保障支出']],
  ['222', ['粮油物资储备支出']],
  ['223', ['国有资本经营预算支出', '国有资本经营预算']],
  ['224', ['灾害防治及应急管理支出', '灾害防治与应急管理支出']],
  ['227', ['预备费']],
  ['229', ['其他支出']],
  ['231', ['债务还本支出']],
  ['232', ['债务付息支出']],
  ['233', ['债务发行费用支出']],
  ['234', ['抗疫特别国债安排的支出']],
];

const CLASS_BY_NAME = new Map<string, string>(FUNCTION_CLASSES.flatMap(([code, names]) => names.map((n) => [n, code])));

export function functionClassCode(name: string): string | undefined {
  return CLASS_BY_NAME.get(name);
}

/** which side a two-sided line belongs to when it has no 行次: by its own words */
export function sideByName(name: string): Side | undefined {
  if (/支出|结转下年|结余分配|年末/.test(name) || functionClassCode(name)) return '支出';
  if (/收入|上年结转|年初|结余|拨款/.test(name)) return '收入';
  return undefined;
}
