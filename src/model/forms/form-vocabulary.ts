/** Words the forms print: their 一级 names, and the heads of their columns. */
import { normalizeLabel } from '../../layout/tokenize.js';

/** the names a project form's 分值 and 得分 columns go by in other templates (权重, 评分) */
export const WEIGHT_NAMES = '分值|权重';
export const SCORE_NAMES = '得分|评分';

/** a form's row between its 项目名称 and its funds block, saying who runs the project (主管部门 … 实施单位 …) */
export const PROJECT_INFO_ROW = /主管部门|实施单位|项目负责人|联系电话|预算单位/;

/** the indicator header's cells, whole, by what they head (分值 as 权重, 分值（权重）; 实际完成值 as 四川's 完成值) */
export const WEIGHT_CELL = new RegExp(`^(${WEIGHT_NAMES}|分值[（(]权重[）)]|权重[（(]分值[）)])$`);
export const SCORE_CELL = new RegExp(`^(${SCORE_NAMES})$`);
export const ACTUAL_CELL = /实际|^完成值$/;
/** 四川's template prints a target in three cells: 指标性质 (≥, =, 定性), 指标值, 度量单位 */
export const RELATION_CELL = /^指标性质$/;
export const UNIT_CELL = /^(度量|计量)单位$/;

/** a target printed in three cells (≥ / 13 / 台) as one (≥13台); a 定性 one is its words */
export function targetText(relation: string | null, value: string | null, unit: string | null): string | null {
  if (!value) return null;
  return `${relation && relation !== '定性' ? relation : ''}${value}${unit ?? ''}`;
}

const HEADER_CELL = /^(绩效指标|[一二三]级指标|年度指标值|预期指标值|指标值|全年实际值|实际值|实际完成值|实际完成指标值|完成值|未完成原因.*|偏差原因.*|年度主要任务完成情况|年度绩效指标完成情况|年度总体目标完成情况|(?:分值|权重|分值权重)其(?:中[:：]?.*)?)$/;

/** a unit in brackets, or what 其中： introduces: never a column's head of its own */
const UNIT_NOTE = /^[（(][^（()）]*[）)]$/;
const AMONG = /其中[:：]?$/;

/**
 * `一级` and `指标` set a space apart head one column, and so do `分值权重` and `其中：预算执…` (or
 * `其中：` alone, its colon taken off by normalizeLabel, or `其`, the rest wrapped below), and
 * a head and its unit (`预算数 (万元)`, where a typesetter spaces Latin brackets off Chinese);
 * `分值` and `年度指标值` head two
 */
export const oneHeaderCell = (left: string, right: string) => HEADER_CELL.test(normalizeLabel(left + right)) || UNIT_NOTE.test(normalizeLabel(right)) || AMONG.test(normalizeLabel(left));

/**
 * Whether a header word prints the weight reserved for budget execution, `figure` (10): 10% in
 * it, or 10 at its end where the cell wraps before the % (行率权重10 / %, a narrow 分值 column)
 */
export function printsReservedWeight(word: string, figure: string): boolean {
  return word.includes(`${figure}%`) || (word.endsWith(figure) && !/[\d.]/.test(word.charAt(word.length - figure.length - 1)));
}

/** a self-assessment form's title: 项目支出绩效自评表, 项目资金绩效目标自评表 (2023年度) … */
export const FORM_TITLE = /绩效(目标)?自评表\s*([（(][^）)]*[）)])?\s*$/;

/** a 绩效目标表's title as provinces print it: 项目支出绩效目标表, …绩效目标申报表, …绩效目标填报表 */
const TARGET_FORM_TITLE = /绩效目标(申报|填报)?表\s*([（(][^）)]*[）)])?$/;

/** the 绩效 form a title names (2023年度项目支出绩效自评表, 2024年项目支出绩效目标表), its words spaced out or not; or null */
export function formKindOfTitle(title: string): '绩效自评表' | '绩效目标表' | null {
  const words = normalizeLabel(title);
  if (FORM_TITLE.test(words)) return '绩效自评表';
  return TARGET_FORM_TITLE.test(words) ? '绩效目标表' : null;
}

/** an 一级指标 name standing alone */
export const LEVEL_ONE_NAME = /^(产出|效益|满意度|成本)指标$/;

/** 二级指标 names as a budget's 绩效目标表 prints them, short forms too (社会效益, 可持续影响) */
const TARGET_LEVEL_TWO = '数量指标|质量指标|时效指标|(?:经济|社会|生态(?:环境)?)?成本指标|(?:经济|社会|生态)效益(?:指标)?|可持续影响(?:指标)?|服务对象满意度(?:指标)?|满意度指标';
/** one such name, whole */
export const TARGET_LEVEL_TWO_NAME = new RegExp(`^(?:${TARGET_LEVEL_TWO})$`);
/** every such name in a run of words */
export const TARGET_LEVEL_TWO_NAMES = new RegExp(TARGET_LEVEL_TWO, 'g');

/** the indicator block's last row, its 分值 and 得分 summed: 总分, or as 四川's template prints it 合计 */
export const TOTAL_ROW = /^(总\s*分|合\s*计)(?![\u4e00-\u9fff])/;
