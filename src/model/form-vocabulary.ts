/** Words the forms print: their 一级 names, and the heads of their columns. */
import { normalizeLabel } from '../layout/tokenize.js';

const HEADER_CELL = /^(绩效指标|[一二三]级指标|年度指标值|预期指标值|指标值|全年实际值|实际值|实际完成值|实际完成指标值|完成值|未完成原因.*|偏差原因.*|年度主要任务完成情况|年度绩效指标完成情况|年度总体目标完成情况)$/;

/** `一级` and `指标` set a space apart head one column; `分值` and `年度指标值` head two */
export const oneHeaderCell = (left: string, right: string) => HEADER_CELL.test(normalizeLabel(left + right));

/** an 一级指标 name standing alone */
export const LEVEL_ONE_NAME = /^(产出|效益|满意度|成本)指标$/;
