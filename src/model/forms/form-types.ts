/**
 * The forms of the report model: self-assessment forms (项目支出绩效自评表, 整体支出绩效自评表),
 * target forms (绩效目标表), the grades a document gives its projects and the scoring rule it
 * states. Part of the model's contract (types.ts exports them all).
 */
import type { Cell, Location, Unit } from '../types.js';

/** a row of a form's funds block: 年度资金总额, 当年财政拨款, 上年结转资金, 其他资金 */
export interface FundsRow {
  key: string;
  label: string;
  /** by column (年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分); null where printed — or absent */
  cells: Record<string, Cell | null>;
  loc: Location;
}

export interface FormSection {
  /** 产出指标, 效益指标, 满意度指标, 成本指标 */
  name: string;
  /** the weight its header states (产出指标(50分)), if any */
  weight: Cell | null;
  loc: Location;
}

export interface FormIndicator {
  section: string | null;
  /** the indicator's words as printed (一级/二级/三级 joined), to find the row */
  name: string;
  /** 二级指标, where the layout separates it (tab-separated forms, 绩效目标表) */
  level2?: string | null;
  /** 年度指标值 / 预期指标值 as printed (≥90%, 优良中低差, 足额拨付) */
  target?: string | null;
  /** 实际完成值 as printed */
  actual?: string | null;
  /** 偏差原因分析 / 未完成原因, where the form gives one */
  note?: string | null;
  /** null when the 分值 cell holds something that is not a number (see weightText) */
  weight: Cell | null;
  /** the 分值 cell as printed */
  weightText: string;
  score: Cell | null;
  loc: Location;
}

/** a row of an 整体支出 form's task block: a task and its budget and spending */
export interface FormTask {
  name: string;
  /** 完成情况 as printed */
  outcome: string;
  /** by column (预算数, 预算财政拨款, 执行数, 执行财政拨款); null where blank */
  cells: Record<string, Cell | null>;
  loc: Location;
}

/**
 * project: 项目支出绩效自评表 (funds block, scored indicators, 总分);
 * overall: 整体支出绩效自评表 (tasks with budget and spending, indicators without scores);
 * target: one project of a budget's 绩效目标表 (budget, weighted indicators, no scores yet);
 * target-sheet: a project's own 绩效目标填报表 (上海: 项目资金 and 年度资金申请, goals, indicators without weights).
 */
export type FormKind = 'project' | 'overall' | 'target' | 'target-sheet';

/** one performance self-assessment form (项目支出绩效自评表 …) */
export interface Form {
  id: string;
  kind: FormKind;
  title: string;
  project: string;
  /** target forms: the project's code (630200 25R000 000006, joined) */
  code?: string;
  /** unit of the funds block (万元 or 元) */
  unit: Unit | null;
  /** the funds block's columns, in printed order */
  fundsColumns: string[];
  funds: FundsRow[];
  sections: FormSection[];
  indicators: FormIndicator[];
  total: { weight: Cell; score: Cell | null; loc: Location } | null;
  /** figures the form's own 自评结论 states */
  conclusion: { rate: Cell | null; score: Cell | null; text?: string };
  /** overall forms: the task rows, and their 金额合计 row */
  tasks: FormTask[];
  tasksTotal: FormTask | null;
  /** target forms: the project's 预算数; target sheets: its 年度资金申请总额 */
  budget: Cell | null;
  /** target sheets: 项目总目标 and 年度总体目标 as printed, spaces removed ('' where a cell is empty); absent where not told apart */
  goals?: { overall: string; annual: string };
  loc: Location;
}

/** a budget's 绩效目标表 as a whole: its 合计 and the weight it reserves for budget execution */
export interface TargetTable {
  title: string;
  total: Cell | null;
  /** 其中：预算执行率权重10% — weight outside the indicator rows */
  executionWeight: Cell | null;
  loc: Location;
}

/** a grade band a document states (90（含）-100 为“优”) */
export interface GradeBand {
  grade: string;
  /** inclusive lower bound */
  min: number;
  /** exclusive upper bound, except for the top band (100 is 优) */
  max: number;
}

/** a scoring rule the document states for its forms' indicators (未完成的，按完成比例计分) */
export interface ScoringRule {
  /** proportional: an unmet indicator scores 分值 × 实际完成值 ÷ 指标值 */
  kind: 'proportional';
  /** the sentence that states it, spaces removed */
  text: string;
  loc: Location;
}

/** a line of a summary of self-assessment results: project, score, grade */
export interface GradeEntry {
  project: string;
  score: Cell;
  grade: string;
  loc: Location;
}
