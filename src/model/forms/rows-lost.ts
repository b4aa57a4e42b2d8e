/**
 * An indicator block that lost rows: figures no row took, where the rows' weights do not add up to
 * 总分's (a viewer's copy that sets a row's 得分 on the next line, among other cells' words).
 */
import type { Token } from '../../layout/tokenize.js';
import type { Form } from '../types.js';

export const figuresIn = (tokens: Token[]) => tokens.filter((t) => t.kind === 'number').length;

/**
 * Figures of the indicator block that no row took, where the rows' weights (with the funds' weight
 * or without) do not add up to 总分's: rows were lost (a viewer's copy that sets a row's 得分 on the
 * next line, among other cells' words). The sums are not checked; null where nothing says so.
 */
export function figuresLeftUnread(form: Form, left: number): string | null {
  const total = form.total?.weight;
  if (!left || !total) return null;
  const weights = form.indicators.reduce((sum, x) => sum + (x.weight?.value ?? 0), 0);
  const funds = form.funds.find((r) => r.key === '年度资金总额')?.cells['分值']?.value ?? 0;
  // a detector, not a check: within half a point as printed, not within the rules' rounding slack
  // (half a unit per weight, up to 5 points on ten weights, as much as a lost row's weight)
  const near = (v: number) => Math.abs(v - total.value) < 0.5;
  if (near(weights) || near(weights + funds)) return null;
  return `有 ${left} 个数字未归入任何指标行（提取的文字打乱了表格的行，有的指标行未读全），各指标的分值之和与总分未核对`;
}
