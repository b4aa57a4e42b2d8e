/**
 * What a claim's subject names in the tables: the cell it is linked to (an amount, a class row,
 * a 类/款/项 path, a 三公 item) and the total that cell adds up into.
 */
import { normalizeLabel } from '../../layout/tokenize.js';
import { defaultCatalog, type Catalog } from '../tables/catalog.js';
import { functionClassCode } from '../tables/kinds.js';
import type { ClaimLink, ClaimRowsLink, Report, Row, Table } from '../types.js';

/** the catalogue in use (its function class names); the built-in one when not given */
export type WithCatalog = { catalog?: Catalog };

const FINAL_INCOME_COLUMNS = ['财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'];
const FINAL_SPENDING_COLUMNS = ['基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'];

export function tableOf(report: Pick<Report, 'tables'>, id: string): Table | undefined {
  return report.tables.find((t) => t.id === id);
}

export function link(report: Pick<Report, 'tables'>, table: string, row: string, column?: string): ClaimLink | null {
  const t = tableOf(report, table);
  const r = t?.rows.find((x) => x.key === row);
  if (!t || !r) return null;
  const col = column ?? t.columns.find((c) => (c.side ?? null) === (r.side ?? null))?.key ?? t.columns[0]?.key;
  return col !== undefined && r.cells[col] ? { table, row, column: col } : null;
}

/** how alike two names are: Dice's coefficient of their character pairs (1 for the same name) */
function nameLikeness(a: string, b: string): number {
  const x = normalizeLabel(a);
  const y = normalizeLabel(b);
  if (x === y) return 1;
  const grams = (s: string) => new Set([...s].slice(0, -1).map((c, i) => c + s[i + 1]));
  const ga = grams(x);
  const gb = grams(y);
  const shared = [...ga].filter((g) => gb.has(g)).length;
  return (2 * shared) / (ga.size + gb.size || 1);
}

/** names drift a little between narrative and table (医疗保障事务管理 / 医疗保障管理事务; 养老保险缴费 without 基本) */
const CLOSE = 0.6;
/** a close name is taken only if no sibling comes near it (基本养老保险缴费支出 beside 职业年金缴费支出) */
const CLEARLY_CLOSER = 0.15;

/** the item named exactly so, or else the one whose name is close and clearly closer than any other's */
export function byName<T>(items: T[], name: string, nameOf: (item: T) => string): T | undefined {
  const exact = items.find((i) => normalizeLabel(nameOf(i)) === normalizeLabel(name));
  if (exact) return exact;
  const close = items.map((item) => ({ item, likeness: nameLikeness(nameOf(item), name) })).filter((c) => c.likeness >= CLOSE).sort((a, b) => b.likeness - a.likeness);
  if (!close.length) return undefined;
  return close.length === 1 || close[0].likeness - close[1].likeness >= CLEARLY_CLOSER ? close[0].item : undefined;
}

/** 三公 items, by the words the narrative uses for them */
const THREE_PUBLIC: Array<[RegExp, string]> = [
  [/因公出国（境）费/, '因公出国（境）费'],
  [/公务用车购置及运行(维护)?费/, '公务用车购置及运行维护费'],
  [/公务用车购置(费)?(支出)?$/, '公务用车购置费'],
  [/公务用车运行(维护)?费/, '公务用车运行维护费'],
  [/公务接待费/, '公务接待费'],
  // 江苏's 三公 table adds 会议费 and 培训费 beside the 三公 (a table without them links none)
  [/会议费(预算)?(支出)?(预算)?$/, '会议费'],
  [/培训费(预算)?(支出)?(预算)?$/, '培训费'],
  [/^(财政拨款)?[“"]?三公[”"]?经费/, '合计'],
  // the whole said with who and when before it: 寿县司法局2022年一般公共预算“三公”经费支出预算
  [/(\d{4}年度?|部门|单位)(一般公共预算)?(财政拨款)?(安排的)?[“"]?三公[”"]?经费(支出)*(预算|决算)?数?(支出)*$/, '合计'],
];

/** the 三公 item (or their 合计) words name, as the 三公 table's column does; null for words of no such item */
export function threePublicItem(said: string): string | null {
  return itemNamed(threePublicWords(said));
}

// 公务车购置及运行费, 公务车用车运行费 (万里 2023): 公务用车 misprinted
const threePublicWords = (said: string) => said.replace(/公务车用车|公务车(?!用)/g, '公务用车');
const itemNamed = (words: string) => THREE_PUBLIC.find(([re]) => re.test(words))?.[1] ?? null;

function linkThreePublic(report: Pick<Report, 'tables'>, kind: Report['kind'], said: string): ClaimLink | null {
  const s = threePublicWords(said);
  const item = itemNamed(s);
  if (!item) return null;
  if (kind === '预算') return link(report, '部门公开表7', '合计', `本年预算数.${item}`);
  // the budget column where the words name a budget, not a fund (一般公共预算财政拨款“三公”经费支出决算 is the 决算)
  const own = s.replace(/一般公共预算|政府性基金预算|国有资本经营预算/g, '');
  return link(report, '公开09', '合计', `${/预算/.test(own) && !/决算数?$/.test(own) ? '预算数' : '决算数'}.${item}`);
}

/**
 * The rows of a 总表 a narrative names on their own (收入总计 …，支出总计 …；其中：年末结转和结余 …), by
 * their words without 财政拨款: 公开01's, or 公开04's where the words or the section on appropriations'
 * 收支 say 财政拨款 (财政拨款收入总计, 年初财政拨款结转和结余, 本年财政拨款收入).
 */
const TOTAL_ROWS: Array<[RegExp, string]> = [
  [/^收入总计$/, '收入:总计'],
  [/^支出总计$/, '支出:总计'],
  [/^(本年)?收入(合计)?$/, '收入:本年收入合计'],
  [/^(本年)?支出(合计)?$/, '支出:本年支出合计'],
  [/^使用非财政拨款结余$/, '收入:使用非财政拨款结余'],
  [/^年初结转和?结余$/, '收入:年初结转和结余'],
  [/^结余分配$/, '支出:结余分配'],
  [/^年末结转和?结余$/, '支出:年末结转和结余'],
];

/** 公开07's columns by the words a section on 政府性基金 appropriations uses for them */
const FUND_COLUMNS: Array<[RegExp, string]> = [
  [/^年初结转和?结余$/, '年初结转和结余'],
  [/^本年收入$/, '本年收入'],
  [/^本年支出(小计)?$/, '本年支出小计'],
  [/^年末结转和?结余$/, '年末结转和结余'],
];

/**
 * A 总表 row s names (normalized), null where it names one the document does not print, undefined
 * where it names none. 收入 or 支出 alone (财政拨款收入, 财政拨款支出) is none here: the sections on
 * income and spending first take them for 公开02's and 公开03's columns (linkSubject).
 */
function totalRow(report: Pick<Report, 'tables'>, s: string, section: string): ClaimLink | null | undefined {
  const byFund = /^(一般公共预算|政府性基金预算|国有资本经营预算)财政拨款收入$/.exec(s);
  if (byFund) return link(report, '公开04', `收入:${byFund[1]}财政拨款`);
  const saysFunded = /(?<!非)财政拨款/.test(s);
  const words = s.replace(/(?<!非)财政拨款/, '');
  if (words === '收入' || words === '支出') return undefined;
  // a section on 政府性基金 appropriations (…年初结转和结余 0.00 万元，本年收入 0.00 万元…): 公开07's columns
  const fundColumn = /政府性基金/.test(section) && !saysFunded ? FUND_COLUMNS.find(([re]) => re.test(words)) : undefined;
  if (fundColumn) return link(report, '公开07', '合计', fundColumn[1]);
  const row = TOTAL_ROWS.find(([re]) => re.test(words));
  if (!row) return undefined;
  if (saysFunded || onAllAppropriations(section)) return link(report, '公开04', row[1]);
  // 本年收入合计 and 本年支出合计 are the 总表's in any other section; the other rows only outside
  // a section on appropriations
  if (/^(本年)?(收入|支出)合计$/.test(words)) return link(report, '公开01', row[1]);
  return onAppropriations(section) ? undefined : link(report, '公开01', row[1]);
}

/** a subject's words: its label normalized, without the year or list number before it (2023年度, 1．, （一）) */
function subjectWords(subject: string): string {
  return normalizeLabel(subject).replace(/^\d{4}年度?/, '').replace(/^[一二三四五六七八九十\d]+[、.．]|^[（(][一二三四五六七八九十\d]{1,2}[）)]/, '');
}

/** a section on one fund's appropriations (一般公共预算…, 政府性基金…, 国有资本…) */
const ONE_FUND_RE = /一般公共预算|政府性基金|国有资本/;

/** a section on appropriations, all of them or one fund's */
const onAppropriations = (section: string) => /财政拨款/.test(section) || ONE_FUND_RE.test(section);

/** the section on appropriations' 收支 as a whole (财政拨款收入支出决算总体情况, 财政拨款收支预算总体情况), not one fund's */
const onAllAppropriations = (section: string) => /财政拨款收入?支出|财政拨款收支/.test(section) && !ONE_FUND_RE.test(section);

/** before: the text just before the subject (财政拨款支出主要内容如下：…), where it decides which table is meant */
export function linkSubject(report: Pick<Report, 'tables'> & WithCatalog, kind: Report['kind'], subject: string, section: string, before = ''): ClaimLink | null {
  const s = subjectWords(subject);
  // a change (比上年减少 0.98 万元) is not the level a table holds
  if (/(增加|减少|增长|下降|增减|增支|减支)$/.test(s)) return null;
  if (/三公/.test(section) && !/国内|国（境）外|接待批次|人次/.test(s)) {
    const three = linkThreePublic(report, kind, s);
    if (three) return three;
  }
  const running = linkRunningCosts(report, kind, s, section);
  if (running) return running;
  const purchase = linkPurchases(report, kind, s, section);
  if (purchase) return purchase;
  if (kind === '预算') return linkBudget(report, s, section, before);
  if (/财政拨款收[、，]?支总计|财政拨款收入[、，]?支出总计/.test(s)) return link(report, '公开04', '收入:总计');
  if (/收[、，]?支总计|收入[、，]?支出总计/.test(s)) return link(report, '公开01', '收入:总计');
  const total = totalRow(report, s, section);
  if (total !== undefined) return total;
  if (/收入决算情况/.test(section)) {
    const c = FINAL_INCOME_COLUMNS.find((name) => s === name);
    if (c) return link(report, '公开02', '合计', c);
  }
  // a department's whole spending (整体支出) is of all its funds: the 支出决算表's split
  if (/^[一二三四五六七八九十]+、支出决算情况|整体支出/.test(section)) {
    const c = FINAL_SPENDING_COLUMNS.find((name) => s === name);
    if (c) return link(report, '公开03', '合计', c);
  }
  if (/基本支出决算情况/.test(section)) {
    if (/^人员经费$/.test(s)) return link(report, '公开06', '人员经费合计');
    if (/^公用经费$/.test(s)) return link(report, '公开06', '公用经费合计');
    const t = tableOf(report, '公开06');
    const item = t?.layout === 'economic' ? economicRow(t, s) : undefined;
    if (item) return link(report, '公开06', item.key);
  }
  // 财政拨款收入 or 财政拨款支出 itself, elsewhere: 公开04's year's total, but not in a section on one
  // fund, where it may be that fund's alone
  const funded = /^财政拨款(收入|支出)$/.exec(s);
  if (funded && !ONE_FUND_RE.test(section)) return link(report, '公开04', `${funded[1]}:本年${funded[1]}合计`);
  if (/一般公共预算财政拨款基本支出(决算)?$/.test(s)) return link(report, '公开05', '合计', '基本支出');
  if (/一般公共预算财政拨款支出$/.test(s)) return link(report, '公开05', '合计', '小计');
  if (/一般公共预算/.test(section)) {
    const code = functionClassCode(report.catalog ?? defaultCatalog(), bareClassName(s));
    if (code) return link(report, '公开05', code, '小计');
  }
  return null;
}

/** 财政拨款支出预算 and its parts by fund: the 财政拨款收支总表's 支出总计, by column */
const BY_FUND: Array<[RegExp, string]> = [
  [/^财政拨款支出预算$/, '合计'],
  [/^一般公共预算(财政)?(拨款)?支出预算$/, '一般公共预算财政拨款'],
  [/^政府性基金(预算)?(财政)?(拨款)?支出预算$/, '政府性基金预算财政拨款'],
  [/^国有资本经营预算(财政)?(拨款)?支出预算$/, '国有资本经营预算财政拨款'],
];

/** a budget's subject s (normalized): the 收支总表's wholes and incomes, 财政拨款 by fund, a class of spending */
function linkBudget(report: Pick<Report, 'tables'> & WithCatalog, s: string, section: string, before: string): ClaimLink | null {
  // the whole of both sides: 收支总预算, 收支预算总额, 收、支预算总计（均为）
  if (/收支总预算|收[、，]?支预算总(额|计)$/.test(s)) return link(report, /财政拨款/.test(s) ? '部门公开表4' : '部门公开表1', '收入:总计');
  // the whole income or spending, not a part of it (一般公共预算收入预算, 财政拨款基本支出预算)
  const part = /一般公共|财政拨款|基本支出|项目支出|政府性基金|国有资本|三公|运行经费|采购/.test(s);
  if (!part && /收入预算$/.test(s)) return link(report, '部门公开表1', '收入:本年收入合计') ?? wholeWithoutCarry(report, '收入');
  if (!part && /支出预算$/.test(s)) return link(report, '部门公开表1', '支出:本年支出合计') ?? wholeWithoutCarry(report, '支出');
  const fund = BY_FUND.find(([re]) => re.test(s));
  if (fund) return link(report, '部门公开表4', '支出:总计', fund[1]);
  if (/一般公共预算当年拨款$/.test(s)) return link(report, '部门公开表5', '合计', '合计');
  const use = /^(基本支出|项目支出|单位预留机动经费)(预算数?)?$/.exec(s);
  if (use && /支出预算|收支预算/.test(section)) return link(report, '部门公开表3', '合计', use[1]);
  // 基本支出 by its two parts: of appropriations in 江苏's own table, else the 一般公共预算 one's
  const staff = /^(人员经费|公用经费)$/.exec(s);
  if (staff && /基本支出/.test(section)) return (/一般公共预算/.test(section) ? null : link(report, '预算/财政拨款基本支出表', '合计', staff[1])) ?? link(report, '部门公开表6', '合计', staff[1]);
  // the 收支总表's whole (收入预算总计 = its 收入总计); said without 预算 (收入总计 …，支出总计 …), the
  // 财政拨款收支总表's in the section on appropriations' 收支, and none in one on a single fund
  const whole = /^(收入|支出)(预算)?总计$/.exec(s);
  const ofAppropriations = onAppropriations(section);
  if (whole && (whole[2] || !ofAppropriations)) return link(report, '部门公开表1', `${whole[1]}:总计`);
  if (whole) return onAllAppropriations(section) ? link(report, '部门公开表4', `${whole[1]}:总计`) : null;
  // the year's own (本年收入 …，本年支出 …), outside a section on appropriations
  const year = /^本年(收入|支出)(合计)?$/.exec(s);
  if (year && !ofAppropriations) return link(report, '部门公开表1', `${year[1]}:本年${year[1]}合计`);
  // an income as the 收支总表 names it (财政拨款收入, 事业收入, 其他收入)
  // also said with 预算 and 总计 after it (财政拨款收入预算总计, 一般公共预算收入预算), or by a row printed
  // without its 收入 (江苏's 收支总表: 财政拨款, 一般公共预算, 其他资金)
  const named = s.replace(/(预算)?(总计)?$/, '');
  for (const name of /.收入$/.test(named) ? [named, named.replace(/收入$/, '')] : []) {
    const income = link(report, '部门公开表1', `收入:${name}`);
    if (income) return income;
  }
  // a class of spending (“一般公共服务支出”科目): of appropriations where the text says so, else of all funds
  // a class named with or without its 支出 (公共安全（类）支出, 公共安全（类）)
  const className = bareClassName(s);
  const catalog = report.catalog ?? defaultCatalog();
  const code = functionClassCode(catalog, className) ?? functionClassCode(catalog, `${className}支出`);
  if (!code) return null;
  if (!/财政拨款支出/.test(before)) return classRow(report, '部门公开表1', code);
  // 江苏's 财政拨款收支总表 splits spending by use, not by class: its 财政拨款支出表 holds the classes
  return classRow(report, '部门公开表4', code, '合计') ?? classRow(report, '预算/财政拨款支出表', code);
}

/**
 * a class's name without the words that say it is one: 公共安全（类）, “一般公共服务支出”科目, and unbracketed
 * 社会保障和就业支出类科目 (梧州 2025) or …支出类 (no function class's name ends in 类)
 */
const bareClassName = (s: string) => s.replace(/（类）|[“”"]/g, '').replace(/类?科目$|类$/, '');

export function classRow(report: Pick<Report, 'tables'>, id: string, code: string, column?: string): ClaimLink | null {
  const row = tableOf(report, id)?.rows.find((r) => r.code === code && (r.side ?? '支出') === '支出');
  return row ? link(report, id, row.key, column) : null;
}

/** a 收支总表 with no 本年收入合计 (上海's): its 总计 is the year's own where no carry-over stands beside it */
function wholeWithoutCarry(report: Pick<Report, 'tables'>, side: '收入' | '支出'): ClaimLink | null {
  const t = tableOf(report, '部门公开表1');
  if (!t || t.rows.some((r) => r.side === side && /结转|结余/.test(r.name))) return null;
  return link(report, '部门公开表1', `${side}:总计`);
}

/**
 * The row of an economic-classification table (公开06) a listed item names (…主要包括基本工资,
 * 对个人和家庭的补助 9.56 万元（生活补助): its name exactly, with or without a closing 支出, and
 * only where one row bears it. A close name is not enough here: 医疗费 and 医疗费补助, 其他支出
 * and 其他商品和服务支出 stand side by side.
 */
function economicRow(t: Table | undefined, subject: string): Row | undefined {
  if (!t) return undefined;
  const name = subject.replace(/^.*(包括|用于|开支|主要是)/, '').replace(/^.*[（(](?=[^）)]*$)/, '').replace(/支出$/, '');
  if (name.length < 2) return undefined;
  const rows = t.rows.filter((r) => r.code && r.kind !== 'total' && normalizeLabel(r.name).replace(/支出$/, '') === name);
  return rows.length === 1 ? rows[0] : undefined;
}

/**
 * 机关运行经费 as a whole (`2023年度本部门机关运行经费支出`, `…财政拨款的机关运行经费预算`): the
 * 合计 of its own table (公开10, 预算/机关运行经费表), or the 机关运行经费 column of a budget's 三公
 * table (上海); in a 机关运行经费 section, an item it lists (`主要用于开支办公费 9.0 万元`): that
 * table's row of the same name. A use, a change or a part (`…较上年`, `…用于`) is none of these.
 */
function linkRunningCosts(report: Pick<Report, 'tables'>, kind: Report['kind'], s: string, section: string): ClaimLink | null {
  const id = kind === '预算' ? '预算/机关运行经费表' : '公开10';
  if (/机关运行经费(财政拨款)?(支出|预算)*(数)?$/.test(s) && !/用于|开支|包括|其中|较|比/.test(s)) {
    return link(report, id, '合计') ?? (kind === '预算' ? link(report, '部门公开表7', '合计', '本年预算数.机关运行经费') : null);
  }
  if (!/机关运行经费/.test(section)) return null;
  const item = economicRow(tableOf(report, id), s);
  return item ? link(report, id, item.key) : null;
}

/** 政府采购 as a whole and by category, by the words a narrative uses (政府采购支出预算总额, 拟采购货物支出, 拟购买服务支出) */
const PURCHASES: Array<[RegExp, string]> = [
  [/政府采购(支出)?(预算)?(总金额|总额|总计|合计)$|^政府采购(支出)?预算(数|金额)?$/, '合计'],
  [/(采购)?货物(采购)?(支出)?(预算)?(金额)?$/, '货物'],
  [/(采购)?工程(采购)?(支出)?(预算)?(金额)?$/, '工程'],
  [/(采购|购买)?服务(采购)?(支出)?(预算)?(金额)?$/, '服务'],
];

/** a final account's 政府采购支出情况表 (公开11) rows: the whole, each category, and the contracts awarded to small firms */
const FINAL_PURCHASE_ROWS: Record<string, string> = {
  合计: '收入:政府采购支出合计',
  货物: '收入:政府采购货物支出',
  工程: '收入:政府采购工程支出',
  服务: '收入:政府采购服务支出',
};
const SMALL_FIRMS: Array<[RegExp, string]> = [
  [/授予中小企业合同金额$/, '收入:政府采购授予中小企业合同金额'],
  [/授予小微企业合同金额$/, '收入:授予小微企业合同金额'],
];

/**
 * 政府采购 as a whole or one category of it (货物, 工程, 服务), where the words or their section
 * speak of 政府采购 (工程 alone is no purchase elsewhere): in a budget, the 政府采购预算表's 合计,
 * or the category's row or the 合计's column for it; in a final account, the 政府采购支出情况表's
 * row, as are the contracts awarded to small firms.
 */
function linkPurchases(report: Pick<Report, 'tables'>, kind: Report['kind'], s: string, section: string): ClaimLink | null {
  // 政府购买服务 (services bought from social bodies) is another account than 政府采购's 服务
  if ((!/采购/.test(s) && !/政府采购/.test(section)) || /政府购买服务/.test(s)) return null;
  if (kind === '决算') {
    const firms = SMALL_FIRMS.find(([re]) => re.test(s));
    if (firms) return link(report, '公开11', firms[1]);
  }
  const row = PURCHASES.find(([re]) => re.test(s));
  if (!row) return null;
  if (kind === '决算') return link(report, '公开11', FINAL_PURCHASE_ROWS[row[1]]);
  if (kind !== '预算') return null;
  // a category is a row (江苏's 一、货物 A) or a column of the 合计 row (合计 | 货物 | 工程 | 服务)
  return link(report, '预算/政府采购表', row[1]) ?? (row[1] === '合计' ? null : link(report, '预算/政府采购表', '合计', row[1]));
}

/** the appropriations-only spending table, and the one of all funds with the same rows */
const ALL_FUNDS_OF: Record<string, string> = { 公开05: '公开03', 部门公开表5: '部门公开表3' };

/**
 * The cell of the all-funds spending table (公开03) that holds the item a claim linked to the
 * appropriations table (公开05) speaks of: the same row, the same column, or the table's total
 * column for 小计 / 合计. Null where the claim is linked elsewhere or the other table lacks it.
 */
export function allFundsOf(report: Pick<Report, 'tables'>, item: ClaimLink | null): ClaimLink | null {
  const id = item ? ALL_FUNDS_OF[item.table] : undefined;
  const t = id ? tableOf(report, id) : undefined;
  // a table not read has no columns: nothing of it is linked
  if (!item || !t) return null;
  const column = t.columns.some((c) => c.key === item.column) ? item.column : /^(小计|合计)$/.test(item.column) ? (t.columns[0]?.key ?? null) : null;
  return column ? link(report, t.id, item.row, column) : null;
}

/** the 合计 cell a linked item adds up into: a class row's table total, a 三公 item's group total (or the subtotal `of` names) */
export function totalOf(report: Pick<Report, 'tables'>, item: ClaimLink | null, of = ''): ClaimLink | null {
  if (!item) return null;
  const t = tableOf(report, item.table);
  const row = t?.rows.find((r) => r.key === item.row);
  if (!t || !row) return null;
  if (t.layout === 'grid') {
    const group = item.column.split('.')[0];
    // 占“三公”经费的 P%: of the column the share names (三公经费小计 beside 会议费, 培训费), else of the group's 合计
    const named = of ? t.columns.find((c) => c.key.startsWith(`${group}.`) && /小计$/.test(c.key) && of.includes(normalizeLabel(c.key.slice(group.length + 1).replace(/小计$/, '')))) : undefined;
    return link(report, item.table, '合计', named?.key ?? `${group}.合计`);
  }
  return row.level === 1 && row.parent ? link(report, item.table, row.parent, item.column) : null;
}

// ---------------------------------------------------------------------------------------------

/**
 * The rows a claim's sum is of, where no cell holds it: a group of economic classes the narrative
 * names (人员经费, 公用经费: the catalogue's economicGroups) in a section on 基本支出, and a 基本支出
 * table that lists economic classes with no column or row of that name. Only a table read whole,
 * with at least one of the group's classes printed: a class left out of the reading would make
 * the sum short.
 */
export function linkEconomicGroup(report: Pick<Report, 'tables' | 'kind'> & WithCatalog, subject: string, section: string): ClaimRowsLink | null {
  const name = subjectWords(subject);
  const codes = (report.catalog ?? defaultCatalog()).economicGroups.get(name);
  if (!codes || !/基本支出/.test(section)) return null;
  const ids = report.kind === '决算' ? ['公开06'] : /一般公共预算/.test(section) ? ['部门公开表6'] : ['预算/财政拨款基本支出表', '部门公开表6'];
  const t = ids.map((id) => tableOf(report, id)).find((x) => x !== undefined);
  if (!t || t.unread || t.cutShort || t.reading.unplaced > 0 || t.reading.dropped > 0) return null;
  // a column of that name, or a row of that name (人员经费合计), holds it itself
  if (t.rows.some((r) => r.cells[name] || normalizeLabel(r.name).startsWith(name))) return null;
  const column = t.columns.find((c) => c.total)?.key ?? t.columns[0]?.key;
  if (column === undefined) return null;
  const rows = t.rows.filter((r) => r.code && codes.includes(r.code) && r.cells[column]);
  return rows.length ? { table: t.id, rows: rows.map((r) => r.key), column, name } : null;
}
