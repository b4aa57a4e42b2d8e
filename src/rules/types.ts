/** Rules as loaded from YAML, and the diagnostics they produce. */
import type { Location, Unit } from '../model/types.js';

export type Severity = 'error' | 'warn' | 'off';

export type Each = 'document' | 'table' | 'row' | 'code-parent' | 'row-parts' | 'cell' | 'change' | 'group' | 'table-id' | 'claim' | 'form' | 'indicator' | 'form-section' | 'form-task' | 'grade' | 'contents' | 'name';

export interface RowFilter {
  side?: string;
  kind?: string | string[];
  level?: number;
  code?: string | string[];
  keys?: string[];
  lineNo?: [number, number];
}

/** A declarative cell query, resolved per binding by the engine (never by json-logic). */
export interface CellQuery {
  /** default: the binding's table */
  table?: string;
  /** one row by key */
  row?: string;
  /** the row with the binding row's code / 行次 */
  sameCode?: boolean;
  /**
   * the row by the binding's column: its key → the key of the row in the queried table holding the
   * same figure (三公表 决算数.公务接待费 → 公开06's 30217); a column not listed reads no row
   */
  rowMap?: Record<string, string>;
  /**
   * with row: the row only where its printed name is its economic code's own (tables/economic-classes.yaml),
   * so a code another scheme gives another item (上海's 302 12 机关事业单位退休人员活动费) is not taken for it
   */
  asNamed?: boolean;
  sameLineNo?: boolean;
  /**
   * the table cell the bound claim speaks of (true), the total it is a share of ('whole'), or the
   * same item in the table of all funds where the claim speaks of appropriations ('all-funds'),
   * the cell of the budget of the item whose actual it states ('budget'), or the rows whose sum it states
   * where no one cell holds it ('sum-of': a list)
   */
  link?: boolean | 'whole' | 'all-funds' | 'budget' | 'sum-of';
  /** many rows: the query yields a list of cells */
  rows?: RowFilter;
  /** column key; `$column` is the binding's column, `$group` is replaced by the binding's group */
  column?: string;
  /** the row's parts instead of a column: the cells that add up to its total column (unplaced figures included), a list */
  parts?: boolean;
  /** with `$column` in another table: the binding's column key → this table's key for the same figure (本年支出合计 → 小计) */
  columnMap?: Record<string, string>;
  /**
   * the narrative's sentences that hold a word of every group (each group a list of words, any of
   * which will do): a list of their texts, empty where none does
   */
  sentences?: string[][];
}

export interface Select {
  each: Each;
  tables?: string[];
  /** json-logic filter on the binding */
  where?: unknown;
  /** code-parent, cell: the columns to check (default: all value columns) */
  columns?: string[];
  /** group: the column groups; table-id: the table ids */
  groups?: string[];
  ids?: string[];
}

export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

export interface Rule {
  id: string;
  severity: Severity;
  description: string;
  why?: string;
  /** where the rule is documented: docs/rules.md#anchor for a built-in rule, or the rule's own `docs:` */
  docs?: string;
  select: Select;
  bind: Record<string, CellQuery>;
  assert: unknown;
  /** figures a message shows beside the comparison ({value:名}, {range:名}), computed only for a finding */
  values?: Record<string, unknown>;
  message: string;
  /** a binding path: the finding is placed at that figure when its assert compares none */
  at?: string;
  /**
   * the finding says the row's own figure (actual) is off from expected: where a finding of such a
   * rule at a descendant row (same table and column) is off by the same amount, this one is its
   * echo and is not reported
   */
  reportAtDeepest?: boolean;
  /** the where filter reads no bound name: it can run before the binds are resolved */
  whereFirst: boolean;
  /** where the rule was defined */
  source: SourcePosition;
}

/** a finding, where it is (file, line and column span, page) and what it is about */
export interface Diagnostic extends Location {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  table?: string;
  row?: string;
  tableColumn?: string;
  /** a claim's subject as printed; a form's project (and indicator) */
  subject?: string;
  /** the figures as the message prints them, with their unit */
  expected?: string;
  actual?: string;
  /** how far apart, unsigned, as printed */
  difference?: string;
  /** the same three figures as numbers (at the digits printed) and their unit: '%' for rates, null for counts and scores */
  values?: { expected: number; actual: number; difference: number; unit: Unit | '%' | null };
}
