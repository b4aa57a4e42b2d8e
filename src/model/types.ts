import type { SecondDisclosure } from './second-disclosure.js';
/**
 * The normalized report model: the contract that rules see.
 * `budget-lint --print-model FILE` prints exactly this shape as JSON.
 *
 * Every printed figure is a `Cell`: its raw text, the value it states, the decimals it was
 * printed with, the interval of true values that printing admits, its unit, and where it
 * stands in the input.
 */

import type { Location, Unit } from '../interval/interval.js';

export type { Location, Unit };

export interface Cell {
  /** text as printed ('' for a blank cell) */
  raw: string;
  /** the stated value; 0 for a blank cell */
  value: number;
  /** decimals as printed; a blank cell is an exact zero */
  decimals: number;
  /** interval of true values the printed text admits: [value − ½·10⁻ᵈ, value + ½·10⁻ᵈ] */
  lo: number;
  hi: number;
  unit: Unit | null;
  blank: boolean;
  percent?: boolean;
  loc: Location;
}

/** a row's place in a two-sided table (公开01, 公开04, 部门公开表1/4) */
export type Side = '收入' | '支出';

/**
 * total: 合计/总计/本年收入合计…; item: a line that totals add up;
 * carry: 年初/年末结转和结余, 结余分配, 使用非财政拨款结余 (between 本年合计 and 总计);
 * carry-detail: the parts of a carry line; detail: a repeated 项 row per sub-unit (budget 表3).
 */
export type RowKind = 'total' | 'item' | 'carry' | 'carry-detail' | 'detail';

export interface Row {
  /** unique in its table: the code ('2101101'), 'side:name' in two-sided tables, or the name */
  key: string;
  name: string;
  /** function, economic or unit code; in two-sided tables the function class inferred from the name */
  code?: string;
  /** the code as printed, where it is not the code read (`7 11 02`, read as 2101102 by its place) */
  printedCode?: string;
  /** 1 = 类, 2 = 款, 3 = 项 (function codes); 1 = class, 2 = item (economic codes) */
  level?: number;
  side?: Side;
  /** 行次 */
  lineNo?: number;
  kind: RowKind;
  /** key of the parent row (by code prefix; the 合计 row for top-level codes) */
  parent?: string;
  /** an economic item's row: the item its printed name is the name of, and its code's own name (tables/economic-classes.yaml) */
  nameCode?: string;
  codeName?: string;
  /** a function class's row printing an earlier name of the class, where another table prints its current one (model/tables/class-names.ts) */
  classNamed?: { name: string; table: string };
  /** cells by column key; a blank cell is present and exactly zero */
  cells: Record<string, Cell>;
  /**
   * values whose column cannot be told from the text (blank cells omitted, no positions):
   * they belong to the row's part columns, which ones is unknown
   */
  unplaced: Cell[];
  loc: Location;
}

export interface Column {
  key: string;
  name: string;
  /** 栏次 as printed, or the position among value columns */
  index: number;
  /** the total column of a row: the other columns of its side add up to it */
  total?: boolean;
  side?: Side;
  group?: string;
  /** other names documents print for this column (金额 for 合计…) */
  synonyms?: string[];
  /** printed by some documents only: a column only where the document's header names it */
  optional?: boolean;
  /** the key of the column this one is a part of (人员经费 of 基本支出): where both are printed, it adds up to that one, not to the total */
  partOf?: string;
  /**
   * a column of the change from one group to another (增减额 = 本年预算数 − 上年预算数, 增减率 the
   * same over 上年预算数, in %): the keys of the item's columns in those two groups
   */
  change?: { from: string; to: string; rate: boolean };
}

export type TableLayout = 'two-sided' | 'code' | 'economic' | 'grid' | 'outline' | 'named' | 'unread';

export interface Table {
  /** the table's kind, as the catalogue names it and rules refer to it: 公开01 … 公开11, 部门公开表1 … 部门公开表9, 预算/… */
  id: string;
  /** the kind's standard name (收入支出决算总表) */
  kindName: string;
  /** the table number as printed (公开01表, 部门公开表3), when there is one */
  printedId: string | null;
  /** the title as printed, else the kind's standard name */
  title: string;
  /**
   * every kind the printed title names ([] where none is printed): [id] for most; more where
   * kinds share a title (收入预算总表) and the header under it chose `id`
   */
  titleKinds: string[];
  /** why the table was not read (its checks are skipped), or null */
  unread: string | null;
  /**
   * figures read but placed in no column, and rows or figures left out (each with a note);
   * droppedSides: the sides of a two-sided table the rows left out stood on, where each one's is
   * known (a sum over the other side's rows is whole)
   */
  reading: { unplaced: number; dropped: number; droppedSides?: string[] };
  /**
   * why the table's last rows are missing (its kind's endRows were not read: the rows past a
   * page's foot not printed), where they are: a parent's lower rows may be among them, so no
   * parent is summed; the rows read are checked as printed
   */
  cutShort?: string;
  layout: TableLayout;
  unit: Unit | null;
  columns: Column[];
  /** 'header': a header line of this document names every column in this order; else the standard form's order */
  columnSource: 'header' | 'catalog';
  rows: Row[];
  /** every figure blank or zero */
  empty: boolean;
  /** where the document explains an empty table (此表为空表, 本表无数据, 没有…) */
  emptyNote: Location | null;
  /** a note under it saying a table is empty, of another kind's subject and not of its own (the note copied from another table) */
  noteOfOther: { subject: string; text: string; loc: Location } | null;
  /** a note saying the table itself is empty (此表为空表, 故本表无数据), whether or not it prints figures: its words and where */
  saidEmpty: { text: string; loc: Location } | null;
  /** where the narrative says the table's matter (its kind's subjects, else its name) is nil: 本单位无“三公”经费支出, 政府性基金支出0万元 */
  nilInNarrative: Location | null;
  /** years printed in the table's headings and notes (`2023年度`), exact, with their location */
  years: Cell[];
  loc: Location;
}

export type DocumentKind = '决算' | '预算' | 'unknown';

export interface ParseNote {
  message: string;
  loc: Location;
  /** a whole table or form found but not read (its checks cannot run): said as a diagnostic, not only noted */
  unread?: { title: string; reason: string };
  /** a form read only in part (its indicators, or their sections): said as a diagnostic naming what was not read */
  partly?: { title: string; reason: string };
  /** read, but printed out of place (a row set a cell off its columns): said as a warning, for the publisher to mend */
  misplaced?: string;
}

/** the table cell a claim speaks of */
export interface ClaimLink {
  table: string;
  row: string;
  column: string;
}

/** rows of one table whose sum a claim states (人员经费: the 301 and 303 rows of an economic table), in one column */
export interface ClaimRowsLink {
  table: string;
  rows: string[];
  column: string;
  /** what the narrative calls the sum (人员经费) */
  name: string;
}

/**
 * template: template text left in the narrative; punctuation: two marks in a row (,。); asof / since / scope / dated: a year it dates a statement by (截至…12月31日;
 * 比…年; 纳入…年…预算编制范围; 2025年，…收入预算 A 万元);
 * restate: an item's figure said a second time (…住房公积金（项）350.35万元 … 2024年预算安排352.67万元)
 * changesum: a 其中 list whose whole and items each state their change from last year (the changes add up)
 * projects: the projects assessed as a whole (count, the funds they involve, what they spent);
 * balance: the two sides' totals said together (收、支总计各是 A，B 万元: income, spending);
 * tally: a count and the counts its 其中 lists (共有车辆 8 辆，其中：…用车 3 辆、…); staff: the same of
 * staff posts (编制人数42，其中：行政编制人数19、…)
 * sharewhole: a share of a whole named but not stated, and the first share of that whole in its section
 */
export type ClaimKind = 'amount' | 'share' | 'rate' | 'yoy' | 'sum' | 'count' | 'score' | 'template' | 'percentless' | 'punctuation' | 'doubled' | 'clash' | 'badyear' | 'unitless' | 'asof' | 'since' | 'scope' | 'dated' | 'restate' | 'itemsum' | 'changesum' | 'projects' | 'balance' | 'tally' | 'staff' | 'area' | 'roster' | 'sharewhole' | 'sharesum' | 'carryover' | 'reserved' | 'scopeword' | 'cause';

/**
 * A figure-bearing statement of the narrative. Figures by name: amount, share (percent),
 * whole (the sentence's headline amount); budget, actual, rate (执行率), or actual, rate and the
 * gap said instead of the budget (over: 决算数大于预算数 D, under: 小于); change, current, rate
 * (year on year), with prior where the sentence states last year's amount; whole and `parts`
 * (a 其中 list); count; year (asof, since); restate: amount said again of an item whose figure was
 * stated just before (earlier); count, budget and actual (projects: their funds and spending);
 * amount and share, firstAmount and firstShare (sharewhole); opening, income, offset, spending,
 * distribution, closing (carryover: a final account's balance said in one sentence).
 */
/** a sentence of the narrative (split at 。 and at section headings), as read */
export interface Sentence {
  text: string;
  loc: Location;
}

export interface Claim {
  id: string;
  kind: ClaimKind;
  /** what the sentence says it is about, as printed (spaces removed) */
  subject: string;
  /** the heading of the narrative section it stands in */
  section: string;
  /** year-on-year claims: the word for the change (增加, 减少, 持平, 基本持平) */
  direction?: '增加' | '减少' | '持平' | '基本持平';
  /** year-on-year claims: the word before the rate (增长, 下降; 降低 reads as 下降) */
  rateDirection?: '增长' | '下降';
  /** execution-rate claims: how the sentence says 决算数 stands to 预算数 (大于, 小于, 等于, 持平, 基本持平), and as printed */
  relation?: { word: '大于' | '小于' | '等于' | '持平' | '基本持平'; text: string };
  text: string;
  figures: Record<string, Cell>;
  parts: Cell[];
  /** the table cell the claim speaks of; null: not linked, so not checked against a table */
  link: ClaimLink | null;
  whole: ClaimLink | null;
  /**
   * where the link is a cell of the appropriations-only table (公开05, 部门公开表5): the same item
   * in the table of all funds (公开03, 部门公开表3), for telling a figure taken from the wrong one
   */
  allFunds?: ClaimLink | null;
  /**
   * not linked to one cell: the rows whose sum it states, where the table prints no column or row
   * of that name (人员经费 in a 基本支出 table listed by economic class alone)
   */
  sumOf?: ClaimRowsLink | null;
  /** score claims: the project whose self-assessment form the score is of */
  project?: string;
  /** rate claims: the figures of the statements its 其中 lists (all of one level), which add up to its own */
  items?: Array<Record<string, Cell>>;
  /** projects claims: the forms' funds column the sentence names (年初预算, 全年预算), when it names one */
  basis?: '年初预算数' | '全年预算数';
  /** a 类/款/项 path naming what its table (read whole) does not hold there: not linked, so not checked */
  unknownPath?: UnknownPath;
  /** a rate said of an actual alone: the table cell of the item's budget (公开09's 预算数 beside its 决算数) */
  budgetLink?: ClaimLink;
  /** a 类 its path names by another of the class's names than its table prints: found by its code, so checked */
  renamedClass?: RenamedClass;
  /** a name its path marks one level above the table's row of it (住房改革支出（类）, a 款): found one level down, so checked */
  misleveled?: MisleveledName;
  /** cause claims (X 增加的主要原因是): the change the reason explains, as the 说明 stated it before */
  causeOf?: { direction: '增加' | '减少'; text: string; loc: Location };
  /** scopeword claims: the scope a heading names (部门, 单位) and the one the cover names */
  scope?: { said: '部门' | '单位'; document: '部门' | '单位' };
  loc: Location;
}

export interface RenamedClass {
  /** the name as the narrative says it: 文化体育与传媒支出（类） */
  said: string;
  /** the table's title as printed */
  table: string;
  /** the class's row there, code and name: 207 文化旅游体育与传媒支出 */
  row: string;
}

export interface MisleveledName {
  /** the name with the marker the narrative gives it: 住房改革支出（类） */
  said: string;
  /** the table's title as printed */
  table: string;
  /** the row found for it, code and name: 22102 住房改革支出 */
  row: string;
  /** the row's level, as its code says */
  level: '款' | '项';
}

export interface UnknownPath {
  /** the table's title as printed */
  table: string;
  /** the name not found, with its level: 卫生健康支出（款） */
  name: string;
  /** where it was looked for, as the message says it: 的「210 卫生健康支出」下; 中 for a 类 */
  under: string;
}

// the self-assessment and target forms' types: their own module, exported from here as the rest of the model's
export type * from './forms/form-types.js';
import type { Form, GradeBand, GradeEntry, ScoringRule, TargetTable } from './forms/form-types.js';

/**
 * an entry of the 目录: as printed, the words looked for in the body, and whether the body has that
 * section (null: a table's entry in a file without tables, published in another file)
 */
export interface ContentsEntry {
  title: string;
  words: string;
  found: boolean | null;
  /** not found: the body's heading, as printed, whose words differ from the entry's in one character only (名称解释 / 名词解释) */
  near: string | null;
  loc: Location;
}

/** a place the document prints a department's name: its cover, a heading, a label over a table (编制单位：…) */
export interface NameMention {
  /** as printed, spaces removed where the heading is spaced out; empty where a table's label is left blank (编制部门： 单位：元) */
  name: string;
  /** the label it follows (编制单位, 部门（单位）, 单位名称), or 标题 for a cover, section or table heading */
  label: string;
  /** holds a placeholder run of X (上海市XX局) */
  placeholder: boolean;
  /** stands in the narrative the statements are read from (where 形式/模板残留 already says a placeholder), not in a table or form */
  narrative: boolean;
  loc: Location;
}

export interface Report {
  file: string;
  kind: DocumentKind;
  year: number | null;
  /** the document's own name: its cover's (or the unit its cover says publishes), else the name it prints most often */
  department: string | null;
  /** every place the document prints a department's name */
  names: NameMention[];
  /** unit stated for most tables */
  unit: Unit | null;
  tables: Table[];
  /** the set of tables a document like this one must publish (by the catalogue), with their names */
  family: { id: string; required: Array<{ id: string; name: string }> } | null;
  /** figure-bearing statements of the narrative */
  claims: Claim[];
  /** every sentence of the narrative (what a rule's sentences query looks in) */
  sentences: Sentence[];
  /** performance self-assessment forms */
  forms: Form[];
  /** grade bands the document states, and the summary lines that grade projects */
  grades: { bands: GradeBand[]; entries: GradeEntry[] };
  /** the scoring rule the document states for unmet indicators, where it states one */
  scoringRule: ScoringRule | null;
  /** a budget's 绩效目标表; its projects are forms of kind 'target' */
  targetTable: TargetTable | null;
  /** pages of a PDF not read or read only in part (each said as pdf/unreadable-page) */
  unreadPages: number[];
  /**
   * stretches of extracted text that are a page turned 90°, a character a line (each said as
   * text/rotated-page): not read; loc spans the stretch, endPage is the page of its last line
   */
  rotatedText: Array<{ loc: Location; endPage?: number; lines: number }>;
  /** the 目录's entries ([] where none is printed, or where its end cannot be told) */
  contents: ContentsEntry[];
  /** what the reader could not make sense of; shown by --print-model, never silent data loss */
  notes: ParseNote[];
  /**
   * tables found, not read, not checked: printed under a title the catalogue does not know, or
   * (sameKindAs) a second table of a kind already read, under another of its titles, or (form) a
   * 绩效自评表's or 绩效目标表's title over a body the forms' reader found no rows of
   */
  unknownTables: Array<{ title: string; loc: Location; sameKindAs?: { kind: string; title: string }; form?: '绩效自评表' | '绩效目标表' }>;
  /** a second disclosure found after the first in the same file: not read */
  secondDisclosure?: SecondDisclosure;
}
